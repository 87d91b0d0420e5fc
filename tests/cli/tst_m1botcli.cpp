// End-to-end tests of the m1bot command line contracts that scripts rely on (DESIGN.md).

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

RunResult runM1bot(const QStringList &args, int timeoutMs = 120'000, const QStringList &environment = {})
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &assignment : environment)
            env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        process.setProcessEnvironment(env);
    }
    process.start(qEnvironmentVariable("M1BOT"), args);
    RunResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject parseObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not one JSON object: %s (%s)", qPrintable(error.errorString()), bytes.left(300).constData());
    return doc.object();
}

QString corpus(const QString &file)
{
    return QStringLiteral(M1_CORPUS_DIR) + u'/' + file;
}

} // namespace

class TestM1botCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("M1BOT")), "M1BOT must name the built m1bot");
    }

    void topLevelHelpListsCommands()
    {
        const RunResult r = runM1bot({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"registry", "graph", "search", "eval", "bench"})
            QVERIFY2(r.out.contains(command), command);
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"registry", "graph", "search", "eval", "bench"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        const RunResult r = runM1bot({command, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--spec"));
        QVERIFY(r.out.contains("--json"));
        QVERIFY(r.out.contains(QByteArray("m1bot " + command.toUtf8())));
    }

    void versionPrints()
    {
        const RunResult r = runM1bot({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("m1bot "));
    }

    void badArgumentsGiveOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray("frobnicate");
        QTest::newRow("unknown option") << QStringList{u"registry"_s, u"--frob"_s} << QByteArray("frob");
        QTest::newRow("bad store") << QStringList{u"registry"_s, u"--store"_s, u"mysql://x"_s}
                                   << QByteArray("--store");
        QTest::newRow("bad number") << QStringList{u"bench"_s, u"--tools"_s, u"many"_s} << QByteArray("--tools");
        QTest::newRow("json and dot") << QStringList{u"graph"_s, u"--json"_s, u"--dot"_s} << QByteArray("--dot");
        QTest::newRow("missing value") << QStringList{u"registry"_s, u"--spec"_s} << QByteArray("spec");
        QTest::newRow("search without query") << QStringList{u"search"_s, u"--json"_s} << QByteArray("QUERY");
        QTest::newRow("search bad top") << QStringList{u"search"_s, u"--top"_s, u"0"_s, u"km"_s} << QByteArray("--top");
    }

    void badArgumentsGiveOneLineAndExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const RunResult r = runM1bot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY(r.out.isEmpty());
    }

    void unreadableInputExitsOne()
    {
        QTemporaryDir dir;
        const QString notSpec = dir.filePath(u"notes.json"_s);
        QFile f(notSpec);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"hello\": \"world\"}");
        f.close();
        for (const QString &input : {dir.filePath(u"missing.yaml"_s), notSpec}) {
            const RunResult r = runM1bot({u"registry"_s, u"--json"_s, u"--spec"_s, input});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QFileInfo(input).fileName().toUtf8()), r.err.constData());
        }
    }

    void badConfigIsReportedWithPointer()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(u"m1.json"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"specs\": [42], \"grahp\": {}}");
        f.close();
        const RunResult r = runM1bot({u"registry"_s, u"--config"_s, f.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("#/specs/0"), r.err.constData());
        QVERIFY2(r.err.contains("#/grahp"), r.err.constData());
    }

    void registryJsonOnDemo()
    {
        const RunResult r = runM1bot({u"registry"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = parseObject(r.out);
        const QJsonArray tools = root.value(u"tools"_s).toArray();
        QVERIFY2(tools.size() >= 150 && tools.size() <= 250, qPrintable(QString::number(tools.size())));
        QVERIFY(root.value(u"errors"_s).isArray());
        QCOMPARE(root.value(u"errors"_s).toArray().size(), 0);
        QVERIFY(root.value(u"load_ms"_s).toDouble() > 0);
        const QJsonObject first = tools.first().toObject();
        for (const char *field : {"id", "method", "path", "summary", "category", "params", "outputs"})
            QVERIFY2(first.contains(QLatin1String(field)), field);
        const QJsonObject param = first.value(u"params"_s).toArray().first().toObject();
        for (const char *field : {"name", "in", "required", "type"})
            QVERIFY2(param.contains(QLatin1String(field)), field);
    }

    void registryOnCorpusFileAndSeveralSources()
    {
        if (!QFileInfo::exists(corpus(u"oai-uber.swagger20.json"_s)))
            QSKIP("the shared OpenAPI corpus is not beside this checkout");
        const RunResult r = runM1bot({u"registry"_s, u"--json"_s, u"--spec"_s, corpus(u"oai-uber.swagger20.json"_s),
                                      u"--spec"_s, corpus(u"oai-petstore-expanded.oas30.yaml"_s)});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = parseObject(r.out);
        QCOMPARE(root.value(u"tools"_s).toArray().size(), 5 + 4);
        QCOMPARE(root.value(u"sources"_s).toArray().size(), 2);
    }

    void graphJsonOnDemo()
    {
        const RunResult r = runM1bot({u"graph"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = parseObject(r.out);
        const QJsonArray nodes = root.value(u"nodes"_s).toArray();
        const QJsonArray edges = root.value(u"edges"_s).toArray();
        QVERIFY(nodes.size() >= 150);
        QVERIFY2(edges.size() > nodes.size() / 2, "the demo's tools should be well linked");
        QSet<QString> ids;
        for (const QJsonValue &n : nodes)
            ids.insert(n.toObject().value(u"id"_s).toString());
        for (const QJsonValue &e : edges) {
            const QJsonObject edge = e.toObject();
            QVERIFY(ids.contains(edge.value(u"from"_s).toString()));
            QVERIFY(ids.contains(edge.value(u"to"_s).toString()));
            QVERIFY(!edge.value(u"key"_s).toString().isEmpty());
            QVERIFY(edge.value(u"from"_s) != edge.value(u"to"_s));
        }
        QVERIFY(root.contains(u"build_ms"_s));
    }

    void graphDotIsGraphviz()
    {
        const RunResult r = runM1bot({u"graph"_s, u"--dot"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("digraph tools {"));
        QVERIFY(r.out.trimmed().endsWith('}'));
        QVERIFY(r.out.contains(" -> "));
    }

    void searchJsonContract()
    {
        const RunResult r = runM1bot({u"search"_s, u"--json"_s, u"--top"_s, u"3"_s, u"--user"_s, u"385911234567"_s,
                                      u"koliko"_s, u"kilometara"_s, u"ima"_s, u"moj"_s, u"auto"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = parseObject(r.out);
        QCOMPARE(root.value(u"query"_s).toString(), u"koliko kilometara ima moj auto"_s);
        QVERIFY(root.value(u"took_us"_s).toDouble() >= 0);
        QVERIFY(root.value(u"abstain"_s).isBool());
        const QJsonArray results = root.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 3);
        double previous = 1e9;
        for (const QJsonValue &v : results) {
            const QJsonObject result = v.toObject();
            QVERIFY(!result.value(u"id"_s).toString().isEmpty());
            const double score = result.value(u"score"_s).toDouble();
            QVERIFY(score <= previous);
            previous = score;
            const QJsonObject parts = result.value(u"parts"_s).toObject();
            for (const char *part : {"dense", "lexical", "method", "user", "category", "docs", "eval"})
                QVERIFY2(parts.contains(QLatin1String(part)), part);
        }
    }

    void evalJsonContractAndBadLines()
    {
        QTemporaryDir dir;
        QFile queries(dir.filePath(u"q.jsonl"_s));
        QVERIFY(queries.open(QIODevice::WriteOnly));
        queries.write("{\"query\": \"how many km does my car have\", \"tool_ids\": [\"getVehicleMileage\"]}\n"
                      "not json\n"
                      "{\"query\": \"otkaži rezervaciju\", \"tool_ids\": [\"cancelPoolBooking\"]}\n");
        queries.close();
        const RunResult r = runM1bot({u"eval"_s, u"--json"_s, u"--queries"_s, queries.fileName()});
        QCOMPARE(r.exitCode, 1); // a bad line is reported and fails the run, the rest is measured
        QVERIFY2(r.err.contains("q.jsonl:2"), r.err.constData());
        const QJsonObject root = parseObject(r.out);
        QCOMPARE(root.value(u"queries"_s).toInt(), 2);
        for (const char *field : {"recall@1", "recall@3", "recall@5", "mrr", "ndcg@5", "p50_us", "p99_us"}) {
            QVERIFY2(root.contains(QLatin1String(field)), field);
            QVERIFY(root.value(QLatin1String(field)).toDouble() >= 0);
        }
        QVERIFY(root.value(u"recall@5"_s).toDouble() <= 1.0);
    }

    void logsAreJsonLinesWhenAsked()
    {
        const RunResult r = runM1bot({u"bench"_s, u"--json"_s, u"--only"_s, u"store"_s, u"--repeat"_s, u"1"_s,
                                      u"--store"_s, u"memory"_s},
                                     120'000, {u"M1_LOG_FORMAT=json"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QVERIFY(!lines.isEmpty() && !lines.first().isEmpty());
        for (const QByteArray &line : lines) {
            const QJsonObject record = parseObject(line);
            for (const char *field : {"ts", "level", "category", "msg"})
                QVERIFY2(record.contains(QLatin1String(field)), line.constData());
        }
    }

    void benchJsonHasStartupAndGraphSizes()
    {
        const RunResult r = runM1bot({u"bench"_s, u"--json"_s, u"--only"_s, u"parse,graph,store"_s, u"--repeat"_s,
                                      u"1"_s, u"--graph-sizes"_s, u"200,2000"_s, u"--store"_s, u"memory"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = parseObject(r.out);
        const QJsonObject startup = root.value(u"startup_ms"_s).toObject();
        QVERIFY(startup.value(u"parse"_s).toDouble() > 0);
        QVERIFY(startup.contains(u"graph"_s));
        QVERIFY(startup.contains(u"total"_s));
        const QJsonArray sizes = root.value(u"graph_build"_s).toArray();
        QCOMPARE(sizes.size(), 2);
        QCOMPARE(sizes.at(0).toObject().value(u"tools"_s).toInt(), 200);
        QCOMPARE(sizes.at(1).toObject().value(u"tools"_s).toInt(), 2000);
        // Synthetic copies are linked within their own group: edges grow with the tool count.
        const double e200 = sizes.at(0).toObject().value(u"edges"_s).toDouble();
        const double e2000 = sizes.at(1).toObject().value(u"edges"_s).toDouble();
        QVERIFY(e200 > 0);
        QVERIFY2(e2000 > 5 * e200 && e2000 < 15 * e200, "edges should grow about linearly");

        // One round trip loads a turn, one saves it (issue 4's budget), and the store is named.
        QCOMPARE(root.value(u"redis_round_trips_per_msg"_s).toDouble(), 2.0);
        QCOMPARE(root.value(u"redis_commands_per_msg"_s).toDouble(), 4.0);
        QVERIFY(root.value(u"store"_s).toString().startsWith(u"memory"_s));
    }
};

QTEST_GUILESS_MAIN(TestM1botCli)
#include "tst_m1botcli.moc"
