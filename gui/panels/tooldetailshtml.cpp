#include "panels/tooldetailshtml.h"

namespace m1 {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString ToolDetailsHtml::render(const ToolDefinition &tool, int toolIndex, const EngineSnapshot &snapshot)
{
    QString html;
    html.reserve(4096);
    html += u"<h3>" + esc(tool.method) + u' ' + esc(tool.path) + u"</h3>";
    html += u"<p><b>" + esc(tool.id) + u"</b> · " + esc(tool.category);
    if (tool.deprecated)
        html += u" · <i>" + tr("deprecated") + u"</i>";
    html += u"</p><p>" + esc(tool.summary) + u"</p><p>" + esc(tool.description) + u"</p>";

    html += u"<h4>" + tr("Parameters") + u"</h4><table cellspacing=4>";
    for (const ToolParameter &p : tool.parameters) {
        html += u"<tr><td><code>" + esc(p.name) + u"</code></td><td>" + paramLocationName(p.location)
                + u"</td><td>" + esc(p.type) + (p.format.isEmpty() ? QString() : u" (" + esc(p.format) + u')')
                + u"</td><td>" + (p.required ? tr("required") : tr("optional")) + u"</td><td>"
                + esc(p.description) + u"</td></tr>";
    }
    html += u"</table>";

    html += u"<h4>" + tr("Outputs") + u"</h4><p><code>" + esc(tool.outputKeys.join(u", ")) + u"</code></p>";

    const QList<ToolDefinition> &tools = snapshot.registry->tools();
    html += u"<h4>" + tr("Provided by") + u"</h4><ul>";
    for (const GraphEdge &e : snapshot.graph->incoming(toolIndex))
        html += u"<li>" + esc(e.param) + u" ← " + esc(tools.at(e.from).id) + u"</li>";
    html += u"</ul><h4>" + tr("Feeds") + u"</h4><ul>";
    for (const GraphEdge &e : snapshot.graph->consumers(toolIndex))
        html += u"<li>" + esc(tools.at(e.to).id) + u'.' + esc(e.param) + u"</li>";
    html += u"</ul>";

    html += u"<h4>" + tr("Embedded text") + u"</h4><p><small>" + esc(tool.embeddingText) + u"</small></p>";
    html += u"<p><small>" + tr("Source: %1").arg(esc(tool.source)) + u"</small></p>";
    return html;
}

} // namespace m1
