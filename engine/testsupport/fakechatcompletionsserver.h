#pragma once

// A loopback stand-in for OpenAI and Azure OpenAI chat completions, for tests:
//   POST /v1/chat/completions                                        (Authorization: Bearer KEY)
//   POST /openai/deployments/{name}/chat/completions?api-version=V   (api-key: KEY)
// It checks the request as the real services do where it matters to us (key, api-version,
// "model" for OpenAI, non-empty "messages", function names matching ^[a-zA-Z0-9_-]{1,64}$ and
// "parameters" objects) and records every request. What it answers is scripted per request,
// in order: a tool call (arguments given as the raw string the model would send, so malformed
// JSON can be scripted), plain text, an error status with an optional Retry-After /
// retry-after-ms, a raw body, a delay, or no answer at all. A responder function may decide
// instead, from the request (for example: call whichever function mentions "mileage").

#include "channel/httpserver.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace m1 {

class FakeChatCompletionsServer final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString path;
        QUrlQuery query;
        QByteArray authorization;
        QByteArray apiKey;        // the api-key header
        QByteArray rawBody;
        QJsonObject body;
        int status = 0;           // what the fake answered (0 = never)
        QStringList functionNames() const; // names of the offered tools, in order
        QString userMessage() const;       // content of the last "user" message
    };

    struct Answer
    {
        enum class Kind { ToolCall, Text, Error, Raw, Hang };
        Kind kind = Kind::Text;
        QString functionName;
        QString arguments;        // the JSON text as the model sends it (not checked)
        QString content;
        int status = 200;
        QByteArray retryAfter;    // Retry-After header value
        QByteArray retryAfterMs;  // Azure's retry-after-ms header value
        QByteArray rawBody;       // Kind::Raw: the body as is
        int delayMs = 0;

        static Answer toolCall(const QString &functionName, const QString &argumentsJson = QStringLiteral("{}"));
        static Answer text(const QString &content);
        static Answer error(int status, const QByteArray &retryAfter = {});
        static Answer raw(int status, const QByteArray &body);
        static Answer hang();
        Answer &after(int ms)
        {
            delayMs = ms;
            return *this;
        }
    };
    using Responder = std::function<Answer(const Request &)>;

    explicit FakeChatCompletionsServer(QObject *parent = nullptr);
    ~FakeChatCompletionsServer() override;

    bool listen(QString *error = nullptr); // 127.0.0.1, a free port
    QUrl baseUrl() const;                  // http://127.0.0.1:PORT
    quint16 port() const;

    void setApiKey(const QString &key) { m_apiKey = key; } // empty: any or no key accepted
    // The next requests get these answers, in order; then the responder, or the default answer.
    void enqueue(const Answer &answer) { m_script.append(answer); }
    void enqueue(int count, const Answer &answer);
    void setResponder(Responder responder) { m_responder = std::move(responder); }
    void setDefaultAnswer(const Answer &answer) { m_default = answer; }

    const QList<Request> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    void clear();

    static QByteArray errorBody(const QString &message, const QString &type, const QString &code = {});

private:
    void handle(const HttpRequest &request, HttpResponder responder);
    HttpResponse check(const HttpRequest &request, Request &recorded) const; // status 0: fine
    HttpResponse render(const Answer &answer, const Request &recorded);

    HttpServer m_http;
    QString m_apiKey;
    QList<Answer> m_script;
    Responder m_responder;
    Answer m_default = Answer::text(QStringLiteral("NONE"));
    QList<Request> m_requests;
    int m_nextId = 1;
};

} // namespace m1
