#include "conversation/conversationstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readStrings(const QJsonObject &o, QLatin1StringView key, QStringList *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isArray())
        return fail(error, u"state field '"_s + key + u"' must be an array of strings"_s);
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return fail(error, u"state field '"_s + key + u"' must be an array of strings"_s);
        out->append(item.toString());
    }
    return true;
}

} // namespace

QByteArray ConversationState::toJson() const
{
    QJsonObject o;
    o.insert("v"_L1, kFormatVersion);
    o.insert("p"_L1, ConversationPhases::name(phase));
    if (!toolId.isEmpty())
        o.insert("t"_L1, toolId);
    if (!candidates.isEmpty())
        o.insert("c"_L1, QJsonArray::fromStringList(candidates));
    if (!filled.isEmpty()) {
        QJsonObject params;
        for (auto it = filled.cbegin(); it != filled.cend(); ++it) {
            QJsonObject p { { "v"_L1, it->value }, { "s"_L1, ParameterSources::name(it->source) } };
            if (!it->detail.isEmpty())
                p.insert("d"_L1, it->detail);
            params.insert(it.key(), p);
        }
        o.insert("f"_L1, params);
    }
    if (!missing.isEmpty())
        o.insert("m"_L1, QJsonArray::fromStringList(missing));
    if (!confirmationPrompt.isEmpty())
        o.insert("q"_L1, confirmationPrompt);
    o.insert("u"_L1, updatedAtMs);
    if (!language.isEmpty())
        o.insert("l"_L1, language);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ConversationState> ConversationState::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error,
             u"state is not JSON: "_s + parseError.errorString() + u" at offset "_s
                 + QString::number(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(error, u"state must be a JSON object"_s);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value("v"_L1).toInt(-1) != kFormatVersion) {
        fail(error,
             u"state format version "_s + QString::number(o.value("v"_L1).toInt(-1)) + u" is not "_s
                 + QString::number(kFormatVersion));
        return std::nullopt;
    }
    ConversationState s;
    const auto phase = ConversationPhases::fromName(o.value("p"_L1).toString());
    if (!phase) {
        fail(error,
             u"state field 'p' holds an unknown phase '"_s + o.value("p"_L1).toString() + u'\'');
        return std::nullopt;
    }
    s.phase = *phase;
    s.toolId = o.value("t"_L1).toString();
    if (!readStrings(o, "c"_L1, &s.candidates, error) || !readStrings(o, "m"_L1, &s.missing, error))
        return std::nullopt;
    const QJsonObject params = o.value("f"_L1).toObject();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QJsonObject p = it.value().toObject();
        const auto source = ParameterSources::fromName(p.value("s"_L1).toString());
        if (!source) {
            fail(error,
                 u"state parameter '"_s + it.key() + u"' has an unknown source '"_s
                     + p.value("s"_L1).toString() + u'\'');
            return std::nullopt;
        }
        s.filled.insert(it.key(),
                        FilledParameter { p.value("v"_L1), *source, p.value("d"_L1).toString() });
    }
    s.confirmationPrompt = o.value("q"_L1).toString();
    s.updatedAtMs = o.value("u"_L1).toInteger();
    s.language = o.value("l"_L1).toString();
    return s;
}

} // namespace m1
