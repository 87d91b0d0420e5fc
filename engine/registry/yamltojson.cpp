#include "registry/yamltojson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <cmath>
#include <sstream>
#include <string>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace m1 {

namespace {

// Thrown from inside the event handler to stop yaml-cpp; caught in convert().
struct LimitExceeded
{
    YAML::Mark mark;
    QString message;
};

bool isDigits(QStringView s, int base)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = base == 16
            ? ((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F'))
            : (u >= u'0' && u < u'0' + base);
        if (!ok)
            return false;
    }
    return true;
}

// [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool isFloat(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
        ++i;
    qsizetype digits = 0;
    while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == u'.') {
        ++i;
        while (i < s.size() && s[i].unicode() >= u'0' && s[i].unicode() <= u'9') {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        if (i < s.size() && (s[i] == u'-' || s[i] == u'+'))
            ++i;
        const qsizetype start = i;
        while (i < s.size() && s[i].unicode() >= u'0' && s[i].unicode() <= u'9')
            ++i;
        if (i == start)
            return false;
    }
    return i == s.size();
}

QJsonValue integerValue(QStringView digits, int base, bool negative)
{
    bool ok = false;
    const qlonglong v = digits.toLongLong(&ok, base);
    if (ok)
        return QJsonValue(double(negative ? -v : v));
    const double d = digits.toDouble(&ok); // beyond 64 bits: keep the magnitude
    return ok ? QJsonValue(negative ? -d : d) : QJsonValue(digits.toString());
}

class JsonBuilder final : public YAML::EventHandler
{
public:
    explicit JsonBuilder(YamlToJson::Limits limits)
        : m_limits(limits)
    {
    }

    QJsonValue result() const { return m_root; }
    bool done() const { return m_done; }

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { m_done = true; }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (takeKey(QStringLiteral("null"), true, anchor))
            return;
        addValue(QJsonValue(QJsonValue::Null), anchor, 1, mark);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.constFind(anchor);
        if (it == m_anchors.constEnd())
            throw LimitExceeded { mark,
                                  QStringLiteral("an alias refers to its own anchor while it is "
                                                 "still being read (recursive alias)") };
        if (!m_stack.isEmpty() && m_stack.last().isMap && !m_stack.last().haveKey) {
            if (!it->value.isString())
                throw LimitExceeded { mark, QStringLiteral("only scalars can be mapping keys") };
            takeKey(it->value.toString(), false, 0);
            return;
        }
        addValue(it->value, 0, it->nodes, mark);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const QString text = QString::fromUtf8(value.data(), qsizetype(value.size()));
        const bool plain = tag == "?";
        if (takeKey(text, plain, anchor))
            return;
        addValue(typedScalar(text, tag), anchor, 1, mark);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        push(false, anchor, mark);
    }
    void OnSequenceEnd() override { pop(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        push(true, anchor, mark);
    }
    void OnMapEnd() override { pop(); }

private:
    struct Frame
    {
        bool isMap = false;
        QJsonObject object;
        QJsonArray array;
        QString key;
        bool haveKey = false;
        bool keyIsMerge = false; // plain "<<": a YAML merge key
        QList<QJsonObject> merges;
        YAML::anchor_t anchor = 0;
        qint64 nodes = 1;
        YAML::Mark mark;
    };
    struct Anchored
    {
        QJsonValue value;
        qint64 nodes = 1;
    };

    static QJsonValue typedScalar(const QString &text, const std::string &tag)
    {
        if (tag == "?")
            return YamlToJson::plainScalar(text);
        static const std::string core = "tag:yaml.org,2002:";
        if (tag.size() > core.size() && tag.compare(0, core.size(), core) == 0) {
            const std::string kind = tag.substr(core.size());
            if (kind == "int" || kind == "float" || kind == "bool" || kind == "null") {
                const QJsonValue typed = YamlToJson::plainScalar(text);
                if (!typed.isString())
                    return typed;
            }
        }
        return QJsonValue(text); // quoted, "!", !!str, !!binary and custom tags stay text
    }

    // A scalar arriving where a mapping expects its key becomes the key.
    bool takeKey(const QString &text, bool plain, YAML::anchor_t anchor)
    {
        if (m_stack.isEmpty() || !m_stack.last().isMap || m_stack.last().haveKey)
            return false;
        Frame &top = m_stack.last();
        top.key = text;
        top.haveKey = true;
        top.keyIsMerge = plain && text == u"<<";
        if (anchor)
            m_anchors.insert(anchor, Anchored { QJsonValue(text), 1 });
        return true;
    }

    void push(bool isMap, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        if (!m_stack.isEmpty() && m_stack.last().isMap && !m_stack.last().haveKey)
            throw LimitExceeded { mark,
                                  QStringLiteral("mappings and sequences cannot be mapping "
                                                 "keys here; use a scalar key") };
        if (m_stack.size() >= m_limits.maxDepth)
            throw LimitExceeded {
                mark, QStringLiteral("nesting deeper than %1 levels").arg(m_limits.maxDepth)
            };
        Frame frame;
        frame.isMap = isMap;
        frame.anchor = anchor;
        frame.mark = mark;
        m_stack.append(std::move(frame));
    }

    void pop()
    {
        Frame frame = m_stack.takeLast();
        QJsonValue value;
        if (frame.isMap) {
            // Explicit keys win over merged ones, whatever their order in the text.
            for (const QJsonObject &merged : std::as_const(frame.merges)) {
                for (auto it = merged.constBegin(); it != merged.constEnd(); ++it) {
                    if (!frame.object.contains(it.key()))
                        frame.object.insert(it.key(), it.value());
                }
            }
            value = QJsonValue(std::move(frame.object));
        } else {
            value = QJsonValue(std::move(frame.array));
        }
        addValue(value, frame.anchor, frame.nodes, frame.mark, true);
    }

    void addValue(const QJsonValue &value, YAML::anchor_t anchor, qint64 nodes,
                  const YAML::Mark &mark, bool counted = false)
    {
        if (!counted)
            m_totalNodes += nodes;
        if (m_totalNodes > m_limits.maxNodes)
            throw LimitExceeded { mark,
                                  QStringLiteral("more than %1 nodes once aliases are "
                                                 "expanded (alias bomb?)")
                                      .arg(m_limits.maxNodes) };
        if (anchor)
            m_anchors.insert(anchor, Anchored { value, nodes });
        if (m_stack.isEmpty()) {
            m_root = value;
            return;
        }
        Frame &top = m_stack.last();
        top.nodes += nodes;
        if (!top.isMap) {
            top.array.append(value);
            return;
        }
        if (top.keyIsMerge && (value.isObject() || value.isArray())) {
            if (value.isObject()) {
                top.merges.append(value.toObject());
            } else {
                const QJsonArray list = value.toArray();
                for (const QJsonValue &item : list) {
                    if (item.isObject())
                        top.merges.append(item.toObject());
                }
            }
        } else {
            top.object.insert(top.key, value);
        }
        top.haveKey = false;
        top.keyIsMerge = false;
    }

    YamlToJson::Limits m_limits;
    QList<Frame> m_stack;
    QHash<YAML::anchor_t, Anchored> m_anchors;
    QJsonValue m_root = QJsonValue(QJsonValue::Null);
    qint64 m_totalNodes = 0;
    bool m_done = false;
};

YamlToJson::Result failure(const YAML::Mark &mark, const QString &message)
{
    YamlToJson::Result result;
    result.value = QJsonValue(QJsonValue::Undefined);
    if (mark.is_null()) {
        result.error = message;
        return result;
    }
    result.line = mark.line + 1;
    result.column = mark.column + 1;
    result.error
        = QStringLiteral("line %1, column %2: %3").arg(result.line).arg(result.column).arg(message);
    return result;
}

} // namespace

QJsonValue YamlToJson::plainScalar(const QString &text)
{
    const qsizetype n = text.size();
    if (n == 0 || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue(QJsonValue::Null);
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return QJsonValue(true);
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return QJsonValue(false);
    const QChar first = text.front();
    if (!first.isDigit() && first != u'-' && first != u'+' && first != u'.')
        return QJsonValue(text); // the common case: a word
    QStringView body(text);
    const bool negative = first == u'-';
    if (first == u'-' || first == u'+')
        body = body.mid(1);
    if (body.startsWith(u"0x") && isDigits(body.mid(2), 16))
        return integerValue(body.mid(2), 16, negative);
    if (body.startsWith(u"0o") && isDigits(body.mid(2), 8))
        return integerValue(body.mid(2), 8, negative);
    if (isDigits(body, 10))
        return integerValue(body, 10, negative);
    if (isFloat(text)) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok && std::isfinite(d))
            return QJsonValue(d);
    }
    // .inf and .nan have no JSON form: keep the text.
    return QJsonValue(text);
}

YamlToJson::Result YamlToJson::convert(const QByteArray &yaml, Limits limits)
{
    JsonBuilder builder(limits);
    try {
        std::istringstream in(std::string(yaml.constData(), size_t(yaml.size())));
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder); // a spec is one document; later ones are ignored
    } catch (const LimitExceeded &e) {
        return failure(e.mark, e.message);
    } catch (const YAML::Exception &e) {
        return failure(e.mark, QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return failure(YAML::Mark::null_mark(), QString::fromUtf8(e.what()));
    }
    Result result;
    result.value = builder.result();
    return result;
}

} // namespace m1
