// The Croatian translation is kept complete: every string the sources mark with tr() is in
// translations/m1_hr.ts, finished, and nothing there is obsolete.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString state; // the translation's type attribute: "", unfinished, obsolete, vanished
    bool hasText = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            current = TsMessage{context, {}, {}, false};
        } else if (xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            current.state = xml.attributes().value(u"type"_s).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            current.hasText = !text.trimmed().isEmpty();
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = path + u": line "_s + QString::number(xml.lineNumber()) + u": "_s + xml.errorString();
    return messages;
}

QSet<QString> keys(const QList<TsMessage> &messages)
{
    QSet<QString> out;
    for (const TsMessage &m : messages)
        out.insert(m.context + u" | "_s + m.source);
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void croatianIsComplete()
    {
        QString error;
        const QList<TsMessage> hr = readTs(QStringLiteral(M1_SOURCE_DIR "/translations/m1_hr.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!hr.isEmpty());
        QStringList problems;
        for (const TsMessage &m : hr) {
            if (!m.state.isEmpty())
                problems.append(m.state + u": "_s + m.context + u" | "_s + m.source);
            else if (!m.hasText)
                problems.append(u"empty: "_s + m.context + u" | "_s + m.source);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void croatianCoversEverySourceString()
    {
        // Extract afresh from the sources and compare: a new tr() string missing from the .ts
        // file (or one removed from the code but left in it) fails here.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(u"fresh_hr.ts"_s);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(M1_SOURCE_DIR));
        lupdate.start(qEnvironmentVariable("LUPDATE"),
                      {u"gui"_s, u"engine"_s, u"-ts"_s, fresh, u"-no-obsolete"_s, u"-locations"_s, u"none"_s,
                       u"-silent"_s});
        QVERIFY(lupdate.waitForFinished(120'000));
        QCOMPARE(lupdate.exitCode(), 0);

        QString error;
        const QSet<QString> extracted = keys(readTs(fresh, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QSet<QString> committed = keys(readTs(QStringLiteral(M1_SOURCE_DIR "/translations/m1_hr.ts"), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const QStringList missing = (extracted - committed).values();
        const QStringList stale = (committed - extracted).values();
        QVERIFY2(missing.isEmpty(), qPrintable(u"not in m1_hr.ts (run the update_translations target):\n"_s
                                               + missing.join(u'\n')));
        QVERIFY2(stale.isEmpty(), qPrintable(u"in m1_hr.ts but no longer in the sources:\n"_s + stale.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
