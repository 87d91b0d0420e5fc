#pragma once

// A loopback stand-in for the WhatsApp Cloud API messages endpoint
// (POST /{version}/{phone-number-id}/messages), for tests and the benchmark. It checks the
// Bearer token and the phone number id, validates the body against the documented shapes
// (text, interactive button/list, mark-as-read) and limits, records every request, and answers
// like Meta: {"messaging_product","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid..."}]}
// or a Graph error {"error":{"message","type","code","error_data","fbtrace_id"}}.
// It can be scripted to fail the next N requests (HTTP status and/or Graph code such as 130429,
// 131056, 131047, with an optional Retry-After), to answer late, or to never answer.

#include "channel/httpserver.h"
#include "channel/whatsappconfig.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

namespace m1 {

class FakeGraphApiServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
        QJsonObject json; // the body, when it is a JSON object
        int status = 0; // what the fake answered (0 = never answered)
        int graphCode = 0;
    };

    struct Scripted
    {
        int httpStatus = 500;
        int graphCode = 0; // 0: a bare HTTP error without a Graph error body
        QString message; // empty: Meta's usual text for the code
        QByteArray retryAfter; // Retry-After header value, empty for none
        int delayMs = 0; // answer this late
        bool hang = false; // never answer (the client must time out)
        bool succeed = false; // a normal answer, only delayed (with delayMs)
    };

    explicit FakeGraphApiServer(QObject *parent = nullptr);
    ~FakeGraphApiServer() override;

    void setAccessToken(const QString &token) { m_token = token; }
    void setPhoneNumberId(const QString &id) { m_phoneNumberId = id; }
    void setLatencyMs(int ms) { m_latencyMs = ms; } // for every normal answer

    bool listen(QString *error = nullptr); // 127.0.0.1, a free port
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    QUrl messagesUrl() const; // baseUrl()/v21.0/{phone number id}/messages
    // A WhatsAppConfig that sends here (token, phone number id, URL, version).
    WhatsAppConfig config() const;

    // The next `count` requests get `answer`, before normal service resumes.
    void script(int count, const Scripted &answer);
    void failNext(int count, int httpStatus, int graphCode = 0, const QByteArray &retryAfter = {});
    void hangNext(int count);
    void delayNext(int count, int delayMs);
    int scriptedRemaining() const { return int(m_script.size()); }

    const QList<Request> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int succeededCount() const { return m_succeeded; }
    void clear();

    // Meta's usual message text for a Graph error code.
    static QString messageForCode(int code);
    static QByteArray errorBody(int code, const QString &message, const QString &details = {},
                                int subcode = 0);

Q_SIGNALS:
    void requestReceived(int index);

private:
    void handle(const HttpRequest &request, HttpResponder responder);
    // Keeps the request and announces it (requestReceived) once its answer is decided.
    void record(const Request &recorded);
    HttpResponse normalAnswer(const HttpRequest &request, Request &recorded);
    static HttpResponse scriptedFailure(const Scripted &s, Request &recorded);
    // Empty when the body is a valid message; otherwise what is wrong (Graph error 100).
    static QString validate(const QJsonObject &body);
    void answer(const HttpResponder &responder, const HttpResponse &response, int delayMs);

    HttpServer m_http;
    QString m_token = QStringLiteral("test-token");
    QString m_phoneNumberId = QStringLiteral("106540352242922");
    int m_latencyMs = 0;
    QList<Scripted> m_script;
    QList<Request> m_requests;
    int m_succeeded = 0;
    int m_nextWamid = 1;
};

} // namespace m1
