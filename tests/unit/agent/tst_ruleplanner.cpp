// RulePlanner keeps the orchestrator's former inline decisions: search's best tool when it is
// sure, the candidates when it abstains, the close tools on a tie, and a close write tool of the
// matching method (on a collection) when a write was asked for but a read tool came first.
#include "agent/ruleplanner.h"
#include "registry/toolregistry.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

ToolDefinition tool(const QString &id, const QString &method, const QString &path, bool pathParam = false)
{
    ToolDefinition t;
    t.id = id;
    t.method = method;
    t.path = path;
    t.summary = id;
    if (pathParam) {
        ToolParameter p;
        p.name = u"bookingId"_s;
        p.location = ParamLocation::Path;
        p.required = true;
        t.parameters.append(p);
    }
    return t;
}

SearchResult found(const QList<std::pair<QString, float>> &scores, bool abstain, Intent intent = Intent::Unknown)
{
    SearchResult r;
    r.abstain = abstain;
    r.intent = intent;
    for (const auto &[id, score] : scores) {
        ScoredTool s;
        s.id = id;
        s.score = score;
        r.results.append(s);
        if (abstain && score >= 0.3f)
            r.candidates.append(s);
    }
    return r;
}

QStringList ids(const QList<ScoredTool> &tools)
{
    QStringList out;
    for (const ScoredTool &s : tools)
        out.append(s.id);
    return out;
}

} // namespace

class TestRulePlanner : public QObject
{
    Q_OBJECT

private:
    PlanDecision plan(const SearchResult &r)
    {
        return m_rules.plan(PlanRequest { u"message"_s, r, m_registry, {}, {}, ReplyLanguage::English });
    }

    RulePlanner m_rules;
    ToolRegistry m_registry;

private Q_SLOTS:
    void initTestCase()
    {
        m_registry.addTool(tool(u"listMyPoolBookings"_s, u"GET"_s, u"/me/pool-bookings"_s));
        m_registry.addTool(tool(u"createPoolBooking"_s, u"POST"_s, u"/pool-bookings"_s));
        m_registry.addTool(tool(u"returnPoolBooking"_s, u"POST"_s, u"/pool-bookings/{bookingId}/return"_s, true));
        m_registry.addTool(tool(u"cancelPoolBooking"_s, u"DELETE"_s, u"/pool-bookings/{bookingId}"_s, true));
        m_registry.addTool(tool(u"getVehicleMileage"_s, u"GET"_s, u"/vehicles/{vehicleId}/mileage"_s));
    }

    void takesTheBestWhenSearchIsSure()
    {
        const PlanDecision d = plan(found({ { u"getVehicleMileage"_s, 0.8f }, { u"listMyPoolBookings"_s, 0.4f } }, false));
        QCOMPARE(d.kind, PlanDecision::Kind::Tool);
        QCOMPARE(d.toolId, u"getVehicleMileage"_s);
        QCOMPARE(d.source, u"rules"_s);
        QVERIFY(d.arguments.isEmpty());
    }

    void offersTheCandidatesWhenSearchAbstains()
    {
        const PlanDecision d = plan(found({ { u"getVehicleMileage"_s, 0.35f }, { u"listMyPoolBookings"_s, 0.32f },
                                            { u"createPoolBooking"_s, 0.1f } }, true));
        QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
        QCOMPARE(ids(d.offered), QStringList({ u"getVehicleMileage"_s, u"listMyPoolBookings"_s }));
    }

    void abstainingWithNothingCloseOffersNothing()
    {
        const PlanDecision d = plan(found({ { u"getVehicleMileage"_s, 0.1f } }, true));
        QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
        QVERIFY(d.offered.isEmpty());
    }

    void aTieIsACoinTossSoItAsks()
    {
        // Within 2 %: ask; offer everything within 10 % of the best.
        const PlanDecision d = plan(found({ { u"listMyPoolBookings"_s, 0.80f }, { u"getVehicleMileage"_s, 0.79f },
                                            { u"createPoolBooking"_s, 0.73f }, { u"cancelPoolBooking"_s, 0.70f } }, false));
        QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
        QCOMPARE(ids(d.offered), QStringList({ u"listMyPoolBookings"_s, u"getVehicleMileage"_s, u"createPoolBooking"_s }));
    }

    void justOutsideTheTieItDecides()
    {
        const PlanDecision d = plan(found({ { u"listMyPoolBookings"_s, 0.80f }, { u"getVehicleMileage"_s, 0.78f } }, false));
        QCOMPARE(d.kind, PlanDecision::Kind::Tool);
        QCOMPARE(d.toolId, u"listMyPoolBookings"_s);
    }

    void aWriteRequestPrefersACloseWriteOnACollection()
    {
        // "book a pool car": the list scored first, the item action (needs an id) is skipped,
        // the create on the collection is taken.
        const PlanDecision d = plan(found({ { u"listMyPoolBookings"_s, 0.80f }, { u"returnPoolBooking"_s, 0.75f },
                                            { u"createPoolBooking"_s, 0.72f } }, false, Intent::Create));
        QCOMPARE(d.kind, PlanDecision::Kind::Tool);
        QCOMPARE(d.toolId, u"createPoolBooking"_s);
        QVERIFY(d.notes.join(u'\n').contains(u"createPoolBooking"_s));
    }

    void aDistantWriteToolIsNotTaken()
    {
        const PlanDecision d = plan(found({ { u"listMyPoolBookings"_s, 0.80f }, { u"createPoolBooking"_s, 0.60f } },
                                          false, Intent::Create));
        QCOMPARE(d.toolId, u"listMyPoolBookings"_s);
    }

    void deleteIntentTakesADelete()
    {
        const PlanDecision d = plan(found({ { u"listMyPoolBookings"_s, 0.80f }, { u"cancelPoolBooking"_s, 0.70f } },
                                          false, Intent::Delete));
        QCOMPARE(d.toolId, u"cancelPoolBooking"_s);
    }

    void anUnknownBestToolIsNotRun()
    {
        const PlanDecision d = plan(found({ { u"gone"_s, 0.9f }, { u"getVehicleMileage"_s, 0.5f } }, false));
        QCOMPARE(d.kind, PlanDecision::Kind::Abstain);
        QCOMPARE(ids(d.offered), QStringList({ u"gone"_s })); // the orchestrator drops unknown ids
    }
};

QTEST_GUILESS_MAIN(TestRulePlanner)
#include "tst_ruleplanner.moc"
