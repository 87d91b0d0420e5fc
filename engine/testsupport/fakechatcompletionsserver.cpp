#include "testsupport/fakechatcompletionsserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

QStringList FakeChatCompletionsServer::Request::functionNames() const
{
    QStringList names;
    const QJsonArray tools = body.value("tools"_L1).toArray();
    for (const QJsonValue &t : tools)
        names.append(t.toObject().value("function"_L1).toObject().value("name"_L1).toString());
    return names;
}

QString FakeChatCompletionsServer::Request::userMessage() const
{
    const QJsonArray messages = body.value("messages"_L1).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value("role"_L1).toString() == "user"_L1)
            return m.value("content"_L1).toString();
    }
    return {};
}

FakeChatCompletionsServer::Answer FakeChatCompletionsServer::Answer::toolCall(const QString &functionName,
                                                                             const QString &argumentsJson)
{
    Answer a;
    a.kind = Kind::ToolCall;
    a.functionName = functionName;
    a.arguments = argumentsJson;
    return a;
}

FakeChatCompletionsServer::Answer FakeChatCompletionsServer::Answer::text(const QString &content)
{
    Answer a;
    a.kind = Kind::Text;
    a.content = content;
    return a;
}

FakeChatCompletionsServer::Answer FakeChatCompletionsServer::Answer::error(int status, const QByteArray &retryAfter)
{
    Answer a;
    a.kind = Kind::Error;
    a.status = status;
    a.retryAfter = retryAfter;
    return a;
}

FakeChatCompletionsServer::Answer FakeChatCompletionsServer::Answer::raw(int status, const QByteArray &body)
{
    Answer a;
    a.kind = Kind::Raw;
    a.status = status;
    a.rawBody = body;
    return a;
}

FakeChatCompletionsServer::Answer FakeChatCompletionsServer::Answer::hang()
{
    Answer a;
    a.kind = Kind::Hang;
    return a;
}

FakeChatCompletionsServer::FakeChatCompletionsServer(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const HttpRequest &request, HttpResponder responder) {
        handle(request, std::move(responder));
    });
}

FakeChatCompletionsServer::~FakeChatCompletionsServer() = default;

bool FakeChatCompletionsServer::listen(QString *error)
{
    return m_http.listen(QHostAddress::LocalHost, 0, error);
}

quint16 FakeChatCompletionsServer::port() const
{
    return m_http.serverPort();
}

QUrl FakeChatCompletionsServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(port()));
}

void FakeChatCompletionsServer::enqueue(int count, const Answer &answer)
{
    for (int i = 0; i < count; ++i)
        m_script.append(answer);
}

void FakeChatCompletionsServer::clear()
{
    m_requests.clear();
    m_script.clear();
}

QByteArray FakeChatCompletionsServer::errorBody(const QString &message, const QString &type, const QString &code)
{
    QJsonObject error { { "message"_L1, message }, { "type"_L1, type } };
    error.insert("code"_L1, code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code));
    return QJsonDocument(QJsonObject { { "error"_L1, error } }).toJson(QJsonDocument::Compact);
}

HttpResponse FakeChatCompletionsServer::check(const HttpRequest &request, Request &recorded) const
{
    static const QRegularExpression azurePath(u"^/openai/deployments/([^/]+)/chat/completions$"_s);
    static const QRegularExpression functionName(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    const bool openAi = request.path == u"/v1/chat/completions"_s;
    const bool azure = azurePath.match(request.path).hasMatch();
    const auto bad = [](int status, const QString &message, const QString &type = u"invalid_request_error"_s) {
        return HttpResponse::json(status, errorBody(message, type));
    };
    if (request.method != "POST" || (!openAi && !azure))
        return bad(404, u"Resource not found: "_s + request.path, u"not_found"_s);
    if (azure && !recorded.query.hasQueryItem(u"api-version"_s))
        return bad(404, u"Resource not found (the api-version query parameter is required)"_s, u"not_found"_s);
    if (!m_apiKey.isEmpty()) {
        const QByteArray key = m_apiKey.toUtf8();
        if (azure ? recorded.apiKey != key : recorded.authorization != "Bearer " + key)
            return bad(401, u"Incorrect API key provided."_s);
    }
    if (recorded.body.isEmpty())
        return bad(400, u"We could not parse the JSON body of your request."_s);
    if (openAi && recorded.body.value("model"_L1).toString().isEmpty())
        return bad(400, u"you must provide a model parameter"_s);
    if (recorded.body.value("messages"_L1).toArray().isEmpty())
        return bad(400, u"'messages' must contain at least one message"_s);
    const QJsonArray tools = recorded.body.value("tools"_L1).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject function = tools.at(i).toObject().value("function"_L1).toObject();
        const QString name = function.value("name"_L1).toString();
        if (tools.at(i).toObject().value("type"_L1).toString() != "function"_L1)
            return bad(400, u"tools[%1].type must be 'function'"_s.arg(i));
        if (!functionName.match(name).hasMatch())
            return bad(400, u"Invalid 'tools[%1].function.name': string does not match pattern. Expected a string "
                            "that matches the pattern '^[a-zA-Z0-9_-]+$'."_s.arg(i));
        if (function.contains("parameters"_L1) && !function.value("parameters"_L1).isObject())
            return bad(400, u"tools[%1].function.parameters must be an object"_s.arg(i));
    }
    return HttpResponse::empty(0);
}

HttpResponse FakeChatCompletionsServer::render(const Answer &answer, const Request &recorded)
{
    HttpResponse response;
    switch (answer.kind) {
    case Answer::Kind::Error:
        response = HttpResponse::json(answer.status,
                                      errorBody(u"simulated failure"_s,
                                                answer.status == 429 ? u"requests"_s : u"server_error"_s,
                                                answer.status == 429 ? u"rate_limit_exceeded"_s : QString()));
        break;
    case Answer::Kind::Raw:
        response = HttpResponse::json(answer.status, answer.rawBody);
        break;
    case Answer::Kind::ToolCall:
    case Answer::Kind::Text:
    case Answer::Kind::Hang: {
        QJsonObject message { { "role"_L1, u"assistant"_s } };
        QString finish = u"stop"_s;
        if (answer.kind == Answer::Kind::ToolCall) {
            const QJsonObject function { { "name"_L1, answer.functionName }, { "arguments"_L1, answer.arguments } };
            message.insert("content"_L1, QJsonValue(QJsonValue::Null));
            message.insert("tool_calls"_L1,
                           QJsonArray { QJsonObject { { "id"_L1, u"call_%1"_s.arg(m_nextId) },
                                                      { "type"_L1, u"function"_s },
                                                      { "function"_L1, function } } });
            finish = u"tool_calls"_s;
        } else {
            message.insert("content"_L1, answer.content);
        }
        const QJsonObject body {
            { "id"_L1, u"chatcmpl-fake%1"_s.arg(m_nextId++) },
            { "object"_L1, u"chat.completion"_s },
            { "created"_L1, QDateTime::currentSecsSinceEpoch() },
            { "model"_L1, recorded.body.value("model"_L1).toString(u"fake-deployment"_s) },
            { "choices"_L1,
              QJsonArray { QJsonObject {
                      { "index"_L1, 0 }, { "message"_L1, message }, { "finish_reason"_L1, finish } } } },
            { "usage"_L1, QJsonObject { { "prompt_tokens"_L1, 1 }, { "completion_tokens"_L1, 1 }, { "total_tokens"_L1, 2 } } },
        };
        response = HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    }
    }
    if (!answer.retryAfter.isEmpty())
        response.headers.append({ "Retry-After", answer.retryAfter });
    if (!answer.retryAfterMs.isEmpty())
        response.headers.append({ "retry-after-ms", answer.retryAfterMs });
    return response;
}

void FakeChatCompletionsServer::handle(const HttpRequest &request, HttpResponder responder)
{
    Request recorded;
    recorded.path = request.path;
    recorded.query = request.query;
    recorded.authorization = request.header("authorization");
    recorded.apiKey = request.header("api-key");
    recorded.rawBody = request.body;
    recorded.body = QJsonDocument::fromJson(request.body).object();
    const qsizetype index = m_requests.size();
    m_requests.append(recorded);

    HttpResponse refusal = check(request, recorded);
    if (refusal.status != 0) {
        m_requests[index].status = refusal.status;
        responder.respond(refusal);
        return;
    }
    Answer answer = m_default;
    if (!m_script.isEmpty())
        answer = m_script.takeFirst();
    else if (m_responder)
        answer = m_responder(recorded);
    if (answer.kind == Answer::Kind::Hang)
        return; // the client's timeout or budget has to deal with it
    const HttpResponse response = render(answer, recorded);
    m_requests[index].status = response.status;
    if (answer.delayMs <= 0) {
        responder.respond(response);
        return;
    }
    QTimer::singleShot(answer.delayMs, this, [responder, response] { responder.respond(response); });
}

} // namespace m1
