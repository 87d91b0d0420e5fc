// The planner the console switches while lanes plan: each request goes to the planner set last,
// a planner in use stays alive until its turn is done, and an empty one is never taken.

#include "agent/ruleplanner.h"
#include "facade/swappableplanner.h"
#include "registry/toolregistry.h"
#include "search/searchresult.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

class NamedPlanner final : public Planner
{
public:
    explicit NamedPlanner(QString name, int candidates) : m_name(std::move(name)), m_candidates(candidates) {}
    QString name() const override { return m_name; }
    int candidateCount() const override { return m_candidates; }
    PlanDecision plan(const PlanRequest &) override
    {
        ++calls;
        PlanDecision d;
        d.source = m_name;
        return d;
    }
    int calls = 0;

private:
    QString m_name;
    int m_candidates;
};

} // namespace

class TestSwappablePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardsToTheNewest()
    {
        SwappablePlanner swappable(nullptr); // nothing given: the rules
        QCOMPARE(swappable.name(), u"rules"_s);

        auto first = std::make_shared<NamedPlanner>(u"first"_s, 3);
        auto second = std::make_shared<NamedPlanner>(u"second"_s, 9);
        swappable.set(first);
        const SearchResult found;
        const ToolRegistry registry;
        const PlanRequest request { u"hi"_s, found, registry, {}, {}, ReplyLanguage::English };
        QCOMPARE(swappable.plan(request).source, u"first"_s);
        QCOMPARE(swappable.candidateCount(), 3);

        swappable.set(second);
        QCOMPARE(swappable.plan(request).source, u"second"_s);
        QCOMPARE(swappable.candidateCount(), 9);
        QCOMPARE(first->calls, 1);
        QCOMPARE(second->calls, 1);

        swappable.set(nullptr); // ignored
        QCOMPARE(swappable.name(), u"second"_s);
    }

    void aReplacedPlannerLivesWhileHeld()
    {
        auto first = std::make_shared<NamedPlanner>(u"first"_s, 5);
        std::weak_ptr<NamedPlanner> watch = first;
        SwappablePlanner swappable(std::move(first));
        const std::shared_ptr<Planner> held = swappable.current(); // as a turn in flight holds it
        swappable.set(std::make_shared<RulePlanner>());
        QVERIFY(!watch.expired());
        QCOMPARE(held->name(), u"first"_s);
    }
};

QTEST_GUILESS_MAIN(TestSwappablePlanner)
#include "tst_swappableplanner.moc"
