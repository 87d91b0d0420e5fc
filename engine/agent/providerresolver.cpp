#include "agent/providerresolver.h"

#include "agent/parameterfiller.h"
#include "agent/providerrows.h"
#include "agent/toolexecutor.h"
#include "graph/dependencygraph.h"
#include "registry/toolregistry.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

bool scopedToCaller(const QString &path)
{
    return path == u"/me"_s || path.startsWith(u"/me/"_s) || path.contains(u"/me/"_s) || path.endsWith(u"/me"_s);
}

} // namespace

ProviderResolver::ProviderResolver(const ToolRegistry &registry, const DependencyGraph &graph,
                                   const ParameterFiller &filler, ToolExecutor &executor)
    : m_registry(registry), m_graph(graph), m_filler(filler), m_executor(executor)
{
}

bool ProviderResolver::matchesRegistry() const
{
    return m_graph.nodeCount() == m_registry.size();
}

QString ProviderResolver::keyOf(const ToolDefinition &tool, const QString &param) const
{
    const ToolParameter *p = tool.parameter(param);
    return p ? m_graph.normalizer().inputKey(tool, *p) : m_graph.normalizer().normalize(param);
}

QString ProviderResolver::outputPathFor(const ToolDefinition &provider, const QString &key) const
{
    const QString resource = KeyNormalizer::resource(provider.path);
    QString best;
    for (const QString &output : provider.outputKeys) {
        if (!m_graph.normalizer().outputKeys(resource, output).contains(key))
            continue;
        if (best.isEmpty() || output.count(u'.') < best.count(u'.'))
            best = output;
    }
    return best;
}

std::optional<ProviderResolver::Candidate> ProviderResolver::prepare(const ToolDefinition &target,
                                                                     const ToolDefinition &provider, int index,
                                                                     const ProviderInputs &inputs,
                                                                     const QString &key, QString *missing) const
{
    // What the target already has counts for the provider's inputs of the same key
    // (the booking's personId is the vehicle list's personId filter).
    FillContext context;
    context.profile = inputs.profile;
    for (const ToolParameter &q : provider.parameters) {
        const QString qKey = m_graph.normalizer().inputKey(provider, q);
        for (auto it = inputs.filled.begin(); it != inputs.filled.end(); ++it) {
            if (it.key() == q.name || (!qKey.isEmpty() && keyOf(target, it.key()) == qKey)) {
                context.known.append(FilledValue { q.name, it.value(), ValueSource::History, {} });
                break;
            }
        }
    }
    const FillResult filled = m_filler.fill(provider, inputs.message, context);
    if (!filled.missing.isEmpty()) {
        *missing = provider.id + u" needs "_s + filled.missing.join(u", "_s);
        return std::nullopt;
    }
    Candidate c;
    c.tool = &provider;
    c.index = index;
    for (const FilledValue &v : filled.values) {
        const ToolParameter *p = provider.parameter(v.name);
        if (!p)
            continue;
        const bool said = v.source == ValueSource::Message || v.source == ValueSource::History;
        // Optional filters only when the user gave them (a plate narrows the vehicle list);
        // an optional filter from the profile would hide what a fleet manager asks about.
        const bool plate = ParameterRoles::roleOf(*p) == ParameterRole::Plate && v.source == ValueSource::Message;
        if (!p->required && !plate && v.source != ValueSource::History)
            continue;
        c.arguments.insert(v.name, v.value);
        c.rank += said ? 2 : (v.source == ValueSource::Profile ? 1 : 0);
        c.required += p->required ? 1 : 0;
    }
    // A tool whose own items the key identifies (GET /vehicles for a vehicle_id) is asked before
    // one that merely mentions it (GET /me/expenses, whose items carry a vehicleId each).
    const QString resource = KeyNormalizer::resource(provider.path);
    if (!resource.isEmpty() && key.startsWith(resource + u'_'))
        c.rank += 4;
    if (scopedToCaller(provider.path))
        c.rank += 1;
    return c;
}

ProviderLookup ProviderResolver::lookup(const ToolDefinition &tool, const QString &param,
                                        const ProviderInputs &inputs) const
{
    ProviderLookup out;
    const int index = m_registry.indexOf(tool.id);
    if (index < 0 || !matchesRegistry() || !tool.parameter(param)) {
        out.note = u"providers: the dependency graph does not cover %1"_s.arg(tool.id);
        return out;
    }
    const QString key = keyOf(tool, param);
    QList<Candidate> ready;
    QStringList skipped;
    for (int at : m_graph.providers(index, param)) {
        const ToolDefinition &provider = m_registry.tools().at(at);
        if (!provider.isReadOnly()) // a lookup must never change data
            continue;
        QString missing;
        if (const auto c = prepare(tool, provider, at, inputs, key, &missing))
            ready.append(*c);
        else
            skipped.append(missing);
    }
    if (ready.isEmpty()) {
        out.note = skipped.isEmpty()
                ? u"providers: no tool provides %1"_s.arg(key)
                : u"providers: none of the tools providing %1 can be called yet (%2)"_s.arg(key, skipped.mid(0, 3).join(u"; "_s));
        return out;
    }
    std::stable_sort(ready.begin(), ready.end(), [](const Candidate &a, const Candidate &b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        if (a.required != b.required)
            return a.required < b.required;
        return a.index < b.index;
    });
    QStringList others;
    for (qsizetype i = 1; i < ready.size() && i <= 3; ++i)
        others.append(ready.at(i).tool->id);
    const QString alternatives = others.isEmpty() ? QString() : u" (before "_s + others.join(u", "_s) + u')';
    const Candidate &best = ready.first();
    const ToolDefinition &provider = *best.tool;
    out.providerId = provider.id;
    const QString path = outputPathFor(provider, key);
    if (path.isEmpty()) {
        out.note = u"providers: %1 has no output for %2"_s.arg(provider.id, key);
        return out;
    }

    ToolCall call;
    call.toolId = provider.id;
    call.arguments = best.arguments;
    call.tenant = inputs.profile.tenant;
    QElapsedTimer took;
    took.start();
    const ToolResult result = m_executor.execute(provider, call).result();
    out.executeUs = took.nsecsElapsed() / 1000;
    if (!result.ok) {
        out.note = u"providers: %1 failed (%2)"_s.arg(provider.id, result.error);
        return out;
    }
    const QList<ProviderRows::Item> items = ProviderRows::collect(result.body, path);
    out.found = int(items.size());
    if (items.isEmpty()) {
        out.note = u"providers: %1 returned no %2 at %3"_s.arg(provider.id, key, path);
        return out;
    }
    if (items.size() == 1) {
        out.kind = ProviderLookup::Kind::Value;
        out.value = items.first().value;
        out.note = u"providers: %1 gave %2 = %3%4"_s.arg(provider.id, param, ProviderRows::text(out.value), alternatives);
        return out;
    }
    for (const ProviderRows::Item &item : items) {
        if (out.rows.size() >= 10)
            break;
        const ReplyOption row = ProviderRows::row(provider.id, param, item);
        if (!row.id.isEmpty())
            out.rows.append(row);
    }
    if (out.rows.isEmpty()) {
        out.note = u"providers: %1 gave %2 values too long to offer"_s.arg(provider.id).arg(items.size());
        return out;
    }
    out.kind = ProviderLookup::Kind::Choice;
    out.note = u"providers: %1 gave %2 values for %3; offering %4%5"_s.arg(provider.id)
                       .arg(items.size())
                       .arg(param)
                       .arg(out.rows.size())
                       .arg(alternatives);
    return out;
}

} // namespace m1
