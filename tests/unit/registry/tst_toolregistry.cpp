#include "registry/toolregistry.h"

#include <QTest>

#include <memory>

using namespace m1;
using namespace Qt::StringLiterals;

class TestToolRegistry : public QObject
{
    Q_OBJECT

private:
    static ToolDefinition tool(const QString &id, const QString &summary = {})
    {
        ToolDefinition t;
        t.id = id;
        t.summary = summary;
        return t;
    }

private Q_SLOTS:
    void findsByIdInConstantTime()
    {
        ToolRegistry r;
        for (int i = 0; i < 1000; ++i)
            r.addTool(tool(u"tool_"_s + QString::number(i)));
        QCOMPARE(r.size(), 1000);
        QCOMPARE(r.indexOf(u"tool_537"_s), 537);
        QCOMPARE(r.find(u"tool_537"_s), &r.tools()[537]);
        QCOMPARE(r.indexOf(u"nope"_s), -1);
        QCOMPARE(r.find(u"nope"_s), nullptr);
    }

    void sameIdReplacesInPlace()
    {
        ToolRegistry r;
        r.addTool(tool(u"a"_s, u"first"_s));
        r.addTool(tool(u"b"_s));
        r.addTool(tool(u"a"_s, u"second"_s));
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.indexOf(u"a"_s), 0);
        QCOMPARE(r.find(u"a"_s)->summary, u"second"_s);
    }

    void errorsAndSources()
    {
        ToolRegistry r;
        r.addError(LoadError { u"a.yaml"_s, u"/paths"_s, u"bad"_s, LoadError::Severity::Error });
        r.addError(LoadError { u"a.yaml"_s, {}, u"meh"_s, LoadError::Severity::Warning });
        r.addSource(u"a.yaml"_s);
        r.addSource(u"a.yaml"_s);
        r.addSource(u"b.json"_s);
        QCOMPARE(r.errors().size(), 2);
        QCOMPARE(r.errorCount(LoadError::Severity::Error), 1);
        QCOMPARE(r.errorCount(LoadError::Severity::Warning), 1);
        QCOMPARE(r.errors().first().toString(), u"a.yaml#/paths: bad"_s);
        QCOMPARE(r.sources(), (QStringList { u"a.yaml"_s, u"b.json"_s }));
    }

    void sharesAsConstPointer()
    {
        ToolRegistry r;
        r.addTool(tool(u"x"_s));
        const std::shared_ptr<const ToolRegistry> shared
            = std::make_shared<const ToolRegistry>(std::move(r));
        QCOMPARE(shared->size(), 1);
        QVERIFY(shared->find(u"x"_s));
    }
};

QTEST_GUILESS_MAIN(TestToolRegistry)
#include "tst_toolregistry.moc"
