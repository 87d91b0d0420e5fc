#include "testsupport/fakegraphapiserver.h"

#include "channel/graphapirequestbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr auto ApiVersion = "v21.0"_L1;

int length(const QJsonValue &v)
{
    return GraphApiRequestBuilder::characterCount(v.toString());
}

QString checkText(const QJsonObject &o, QLatin1StringView key, int max, const QString &where,
                  bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return required ? where + u" is required"_s : QString();
    if (!v.isString() || (required && v.toString().isEmpty()))
        return where + u" must be a non-empty string"_s;
    if (length(v) > max)
        return where + u" is longer than "_s + QString::number(max) + u" characters"_s;
    return {};
}

QString validateInteractive(const QJsonObject &interactive)
{
    const QString type = interactive.value("type"_L1).toString();
    if (QString e = checkText(interactive.value("body"_L1).toObject(), "text"_L1, 1024,
                              u"interactive.body.text"_s, true);
        !e.isEmpty())
        return e;
    if (interactive.contains("header"_L1)) {
        const QJsonObject header = interactive.value("header"_L1).toObject();
        if (header.value("type"_L1).toString() != "text"_L1)
            return u"interactive.header.type must be \"text\""_s;
        if (QString e = checkText(header, "text"_L1, 60, u"interactive.header.text"_s, true);
            !e.isEmpty())
            return e;
    }
    if (interactive.contains("footer"_L1)) {
        if (QString e = checkText(interactive.value("footer"_L1).toObject(), "text"_L1, 60,
                                  u"interactive.footer.text"_s, true);
            !e.isEmpty())
            return e;
    }
    const QJsonObject action = interactive.value("action"_L1).toObject();
    if (type == "button"_L1) {
        const QJsonArray buttons = action.value("buttons"_L1).toArray();
        if (buttons.isEmpty() || buttons.size() > 3)
            return u"interactive.action.buttons must hold 1 to 3 buttons"_s;
        for (const QJsonValue &b : buttons) {
            const QJsonObject button = b.toObject();
            if (button.value("type"_L1).toString() != "reply"_L1)
                return u"button type must be \"reply\""_s;
            const QJsonObject reply = button.value("reply"_L1).toObject();
            if (QString e = checkText(reply, "id"_L1, 256, u"button reply.id"_s, true);
                !e.isEmpty())
                return e;
            if (QString e = checkText(reply, "title"_L1, 20, u"button reply.title"_s, true);
                !e.isEmpty())
                return e;
        }
        return {};
    }
    if (type == "list"_L1) {
        if (QString e = checkText(action, "button"_L1, 20, u"interactive.action.button"_s, true);
            !e.isEmpty())
            return e;
        const QJsonArray sections = action.value("sections"_L1).toArray();
        if (sections.isEmpty() || sections.size() > 10)
            return u"interactive.action.sections must hold 1 to 10 sections"_s;
        int rows = 0;
        for (const QJsonValue &s : sections) {
            const QJsonObject section = s.toObject();
            if (QString e
                = checkText(section, "title"_L1, 24, u"section title"_s, sections.size() > 1);
                !e.isEmpty())
                return e;
            for (const QJsonValue &r : section.value("rows"_L1).toArray()) {
                const QJsonObject row = r.toObject();
                ++rows;
                if (QString e = checkText(row, "id"_L1, 200, u"row id"_s, true); !e.isEmpty())
                    return e;
                if (QString e = checkText(row, "title"_L1, 24, u"row title"_s, true); !e.isEmpty())
                    return e;
                if (QString e = checkText(row, "description"_L1, 72, u"row description"_s, false);
                    !e.isEmpty())
                    return e;
            }
        }
        if (rows == 0 || rows > 10)
            return u"a list must hold 1 to 10 rows in total"_s;
        return {};
    }
    return u"interactive.type must be \"button\" or \"list\" (this fake knows no others)"_s;
}

} // namespace

FakeGraphApiServer::FakeGraphApiServer(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const HttpRequest &request, HttpResponder responder) {
        handle(request, std::move(responder));
    });
}

FakeGraphApiServer::~FakeGraphApiServer() = default;

bool FakeGraphApiServer::listen(QString *error)
{
    return m_http.listen(QHostAddress::LocalHost, 0, error);
}

quint16 FakeGraphApiServer::port() const
{
    return m_http.serverPort();
}

QUrl FakeGraphApiServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(port()));
}

QUrl FakeGraphApiServer::messagesUrl() const
{
    return QUrl(baseUrl().toString() + u'/' + ApiVersion + u'/' + m_phoneNumberId + u"/messages"_s);
}

WhatsAppConfig FakeGraphApiServer::config() const
{
    WhatsAppConfig c;
    c.accessToken = m_token;
    c.phoneNumberId = m_phoneNumberId;
    c.graphApiUrl = baseUrl().toString();
    c.graphApiVersion = ApiVersion;
    c.appSecret = u"fake-app-secret"_s;
    c.verifyToken = u"fake-verify-token"_s;
    return c;
}

void FakeGraphApiServer::script(int count, const Scripted &answer)
{
    for (int i = 0; i < count; ++i)
        m_script.append(answer);
}

void FakeGraphApiServer::failNext(int count, int httpStatus, int graphCode,
                                  const QByteArray &retryAfter)
{
    Scripted s;
    s.httpStatus = httpStatus;
    s.graphCode = graphCode;
    s.retryAfter = retryAfter;
    script(count, s);
}

void FakeGraphApiServer::hangNext(int count)
{
    Scripted s;
    s.hang = true;
    script(count, s);
}

void FakeGraphApiServer::delayNext(int count, int delayMs)
{
    Scripted s;
    s.succeed = true;
    s.delayMs = delayMs;
    script(count, s);
}

void FakeGraphApiServer::clear()
{
    m_requests.clear();
    m_script.clear();
    m_succeeded = 0;
}

QString FakeGraphApiServer::messageForCode(int code)
{
    static constexpr struct
    {
        int code;
        QLatin1StringView text;
    } known[] = {
        { 4, "(#4) Application request limit reached"_L1 },
        { 100, "(#100) Invalid parameter"_L1 },
        { 190, "Invalid OAuth access token - Cannot parse access token"_L1 },
        { 80007, "(#80007) Rate limit issues"_L1 },
        { 130429, "(#130429) Rate limit hit"_L1 },
        { 131026, "(#131026) Message Undeliverable"_L1 },
        { 131047, "(#131047) Re-engagement message"_L1 },
        { 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"_L1 },
        { 131000, "(#131000) Something went wrong"_L1 },
    };
    for (const auto &k : known) {
        if (k.code == code)
            return k.text;
    }
    return u"(#"_s + QString::number(code) + u") Error"_s;
}

QByteArray FakeGraphApiServer::errorBody(int code, const QString &message, const QString &details,
                                         int subcode)
{
    QJsonObject error { { "message"_L1, message.isEmpty() ? messageForCode(code) : message },
                        { "type"_L1, u"OAuthException"_s },
                        { "code"_L1, code },
                        { "fbtrace_id"_L1, QString(u"AFakeTrace"_s + QString::number(code)) } };
    QString detail = details;
    if (detail.isEmpty() && code == 131047)
        detail
            = u"Message failed to send because more than 24 hours have passed since the customer last replied to this number."_s;
    if (!detail.isEmpty())
        error.insert(
            "error_data"_L1,
            QJsonObject { { "messaging_product"_L1, u"whatsapp"_s }, { "details"_L1, detail } });
    if (subcode != 0)
        error.insert("error_subcode"_L1, subcode);
    return QJsonDocument(QJsonObject { { "error"_L1, error } }).toJson(QJsonDocument::Compact);
}

void FakeGraphApiServer::handle(const HttpRequest &request, HttpResponder responder)
{
    Request recorded;
    recorded.method = request.method;
    recorded.path = request.path;
    recorded.authorization = request.header("authorization");
    recorded.contentType = request.header("content-type");
    recorded.body = request.body;
    recorded.json = QJsonDocument::fromJson(request.body).object();

    // Normal service unless something was scripted: a Meta-like answer after the usual latency.
    Scripted s;
    s.succeed = true;
    s.delayMs = m_latencyMs;
    if (!m_script.isEmpty())
        s = m_script.takeFirst();
    if (s.hang) {
        record(recorded);
        return; // the responder is dropped; the connection waits until the client leaves
    }
    const HttpResponse response = s.succeed ? normalAnswer(request, recorded) : scriptedFailure(s, recorded);
    record(recorded);
    answer(responder, response, s.delayMs);
}

void FakeGraphApiServer::record(const Request &recorded)
{
    const int index = int(m_requests.size());
    m_requests.append(recorded);
    Q_EMIT requestReceived(index);
}

HttpResponse FakeGraphApiServer::scriptedFailure(const Scripted &s, Request &recorded)
{
    HttpResponse r = s.graphCode != 0 ? HttpResponse::json(s.httpStatus, errorBody(s.graphCode, s.message))
                                      : HttpResponse::text(s.httpStatus, "scripted failure\n"_ba);
    if (!s.retryAfter.isEmpty())
        r.headers.append({ "Retry-After"_ba, s.retryAfter });
    recorded.status = s.httpStatus;
    recorded.graphCode = s.graphCode;
    return r;
}

void FakeGraphApiServer::answer(const HttpResponder &responder, const HttpResponse &response, int delayMs)
{
    if (delayMs <= 0) {
        responder.respond(response);
        return;
    }
    QTimer::singleShot(delayMs, this, [responder, response] { responder.respond(response); });
}

HttpResponse FakeGraphApiServer::normalAnswer(const HttpRequest &request, Request &recorded)
{
    auto fail = [&recorded](int status, int code, const QString &message, int subcode = 0) {
        recorded.status = status;
        recorded.graphCode = code;
        return HttpResponse::json(status, errorBody(code, message, {}, subcode));
    };
    static const QRegularExpression route(u"^/(v\\d+\\.\\d+)/([^/]+)/messages$"_s);
    const auto match = route.match(request.path);
    if (!match.hasMatch() || request.method != "POST")
        return fail(404, 100, u"Unknown path components: "_s + request.path);
    if (request.header("authorization") != "Bearer "_ba + m_token.toUtf8())
        return fail(401, 190, {});
    if (match.captured(2) != m_phoneNumberId)
        return fail(
            400, 100,
            u"Unsupported post request. Object with ID '"_s + match.captured(2)
                + u"' does not exist, cannot be loaded due to missing permissions, or does not support this operation."_s,
            33);
    if (!request.header("content-type").startsWith("application/json"))
        return fail(400, 100, u"(#100) Content-Type must be application/json"_s);
    if (const QString problem = validate(recorded.json); !problem.isEmpty())
        return fail(400, 100, u"(#100) Invalid parameter: "_s + problem);

    recorded.status = 200;
    ++m_succeeded;
    if (recorded.json.value("status"_L1).toString() == "read"_L1)
        return HttpResponse::json(200, R"({"success":true})"_ba);
    const QString to = recorded.json.value("to"_L1).toString();
    const QJsonObject body {
        { "messaging_product"_L1, u"whatsapp"_s },
        { "contacts"_L1, QJsonArray { QJsonObject { { "input"_L1, to }, { "wa_id"_L1, to } } } },
        { "messages"_L1,
          QJsonArray { QJsonObject {
              { "id"_L1, QString(u"wamid.FAKE"_s + QString::number(m_nextWamid++)) } } } }
    };
    return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString FakeGraphApiServer::validate(const QJsonObject &body)
{
    if (body.isEmpty())
        return u"the body must be a JSON object"_s;
    if (body.value("messaging_product"_L1).toString() != "whatsapp"_L1)
        return u"messaging_product must be \"whatsapp\""_s;
    if (body.contains("status"_L1)) {
        if (body.value("status"_L1).toString() != "read"_L1)
            return u"status must be \"read\""_s;
        return body.value("message_id"_L1).toString().isEmpty() ? u"message_id is required"_s
                                                                : QString();
    }
    if (body.value("to"_L1).toString().isEmpty())
        return u"to is required"_s;
    if (body.contains("recipient_type"_L1)
        && body.value("recipient_type"_L1).toString() != "individual"_L1)
        return u"recipient_type must be \"individual\""_s;
    if (body.contains("context"_L1)
        && body.value("context"_L1).toObject().value("message_id"_L1).toString().isEmpty())
        return u"context.message_id must be a wamid"_s;
    const QString type = body.value("type"_L1).toString();
    if (type == "text"_L1) {
        const QJsonObject text = body.value("text"_L1).toObject();
        if (text.contains("preview_url"_L1) && !text.value("preview_url"_L1).isBool())
            return u"text.preview_url must be a boolean"_s;
        return checkText(text, "body"_L1, 4096, u"text.body"_s, true);
    }
    if (type == "interactive"_L1)
        return validateInteractive(body.value("interactive"_L1).toObject());
    return u"type must be \"text\" or \"interactive\" (this fake knows no others)"_s;
}

} // namespace m1
