#include "registry/embeddingtextbuilder.h"

namespace m1 {

namespace {
constexpr int kMaxDescription = 600;
constexpr int kMaxParameterDescription = 100;
constexpr int kMaxParameters = 30;
} // namespace

EmbeddingTextBuilder::EmbeddingTextBuilder()
    : m_tags(QStringLiteral("<[^>]*>"))
{
}

QStringList EmbeddingTextBuilder::words(QStringView identifier)
{
    QStringList out;
    QString current;
    auto flush = [&out, &current] {
        if (!current.isEmpty())
            out.append(current.toLower());
        current.clear();
    };
    for (qsizetype i = 0; i < identifier.size(); ++i) {
        const QChar c = identifier[i];
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!current.isEmpty()) {
            const QChar prev = identifier[i - 1];
            const QChar next = i + 1 < identifier.size() ? identifier[i + 1] : QChar();
            const bool lowerToUpper = prev.isLower() && c.isUpper();
            const bool digitToLetter = prev.isDigit() && c.isLetter();
            // "HTTPServer": the S starts a new word because a lower-case letter follows it.
            const bool acronymEnd = prev.isUpper() && c.isUpper() && next.isLower();
            if (lowerToUpper || digitToLetter || acronymEnd)
                flush();
        }
        current += c;
    }
    flush();
    return out;
}

QString EmbeddingTextBuilder::plain(const QString &text, int maxChars) const
{
    QString out = text;
    if (out.contains(u'<'))
        out.replace(m_tags, QStringLiteral(" "));
    out = out.simplified();
    if (out.size() > maxChars) {
        out.truncate(maxChars);
        const qsizetype space = out.lastIndexOf(u' ');
        if (space > maxChars / 2)
            out.truncate(space);
        out += QStringLiteral("…");
    }
    return out;
}

QString EmbeddingTextBuilder::build(const ToolDefinition &tool, const QString &extra) const
{
    QStringList lines;
    const QString summary = plain(tool.summary, kMaxDescription);
    if (!summary.isEmpty())
        lines.append(summary);
    const QString description = plain(tool.description, kMaxDescription);
    if (!description.isEmpty() && description != summary)
        lines.append(description);
    if (!tool.method.isEmpty() || !tool.path.isEmpty()) {
        lines.append(tool.method + u' ' + tool.path + QStringLiteral(" (")
                     + words(tool.path).join(u' ') + u')');
    }
    const QString idText = tool.operationId.isEmpty() ? tool.id : tool.operationId;
    if (!idText.isEmpty())
        lines.append(QStringLiteral("operation: ") + words(idText).join(u' '));
    if (!tool.tags.isEmpty())
        lines.append(QStringLiteral("tags: ") + tool.tags.join(QStringLiteral(", ")));
    else if (!tool.category.isEmpty())
        lines.append(QStringLiteral("category: ") + tool.category);

    QStringList parameters;
    for (const ToolParameter &p : tool.parameters) {
        if (parameters.size() >= kMaxParameters)
            break;
        QString entry = words(p.name).join(u' ');
        const QString about = plain(p.description, kMaxParameterDescription);
        if (!about.isEmpty())
            entry += QStringLiteral(" (") + about + u')';
        parameters.append(entry);
    }
    if (!parameters.isEmpty())
        lines.append(QStringLiteral("parameters: ") + parameters.join(QStringLiteral("; ")));
    if (!extra.trimmed().isEmpty())
        lines.append(extra.trimmed());
    return lines.join(u'\n');
}

} // namespace m1
