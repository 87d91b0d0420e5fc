#include "channel/graphapireply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace m1 {

GraphApiReply GraphApiReply::parse(int httpStatus, QByteArrayView body)
{
    GraphApiReply reply;
    const QJsonObject root = QJsonDocument::fromJson(body.toByteArray()).object();
    const QJsonObject error = root.value("error"_L1).toObject();
    if (!error.isEmpty()) {
        reply.error.code = error.value("code"_L1).toInt();
        reply.error.title = error.value("error_user_title"_L1).toString();
        reply.error.message = error.value("message"_L1).toString();
        reply.error.details
            = error.value("error_data"_L1).toObject().value("details"_L1).toString();
        reply.errorSubcode = error.value("error_subcode"_L1).toInt();
        reply.fbtraceId = error.value("fbtrace_id"_L1).toString();
    }
    if (httpStatus >= 200 && httpStatus < 300 && error.isEmpty()) {
        // A message answers {"messages": [{"id": "wamid..."}]}; mark-as-read {"success": true}.
        reply.wamid
            = root.value("messages"_L1).toArray().at(0).toObject().value("id"_L1).toString();
        reply.ok = !reply.wamid.isEmpty() || root.value("success"_L1).toBool();
        if (!reply.ok)
            reply.error.message = u"the Graph API answered "_s + QString::number(httpStatus)
                + u" without a message id"_s;
    }
    return reply;
}

bool GraphApiReply::isRetryableCode(int code)
{
    switch (code) {
    case 1: // API unknown (temporary)
    case 2: // API service temporarily unavailable
    case 4: // application request limit reached
    case 80007: // WhatsApp Business Account rate limit
    case 130429: // Cloud API throughput limit
    case 131016: // service unavailable
    case 131056: // pair rate limit: too many messages to the same user
        return true;
    default:
        return false;
    }
}

bool GraphApiReply::isPermanentCode(int code)
{
    switch (code) {
    case 3: // capability or permissions
    case 10: // permission denied
    case 100: // invalid parameter
    case 190: // access token expired or invalid
    case 200: // permission error
    case 368: // temporarily blocked for policy violations
    case 131008: // required parameter missing
    case 131009: // parameter value not valid
    case 131021: // recipient cannot be the sender
    case 131026: // message undeliverable
    case 131031: // account locked
    case 131042: // payment problem
    case 131045: // phone number not registered
    case 131047: // re-engagement: more than 24 hours since the user's last message
    case 131048: // spam rate limit (sending is restricted; retrying makes it worse)
    case 131051: // unsupported message type
    case 131052: // media download error
    case 131053: // media upload error
    case 133010: // phone number not registered
        return true;
    default:
        return false;
    }
}

bool GraphApiReply::shouldRetry(int httpStatus, int code)
{
    if (code != 0 && isPermanentCode(code))
        return false;
    if (code != 0 && isRetryableCode(code))
        return true;
    return httpStatus == 0 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
}

} // namespace m1
