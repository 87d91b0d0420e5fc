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
    bool numerus = false; // a plural message: one <numerusform> per plural form
    QStringList forms; // the plural forms, or the one translation
    bool hasText() const
    {
        if (forms.isEmpty())
            return false;
        for (const QString &form : forms) {
            if (form.trimmed().isEmpty())
                return false;
        }
        return true;
    }
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
            current = TsMessage{context, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes", {}};
        } else if (xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            current.state = xml.attributes().value(u"type"_s).toString();
            // Either text, or one <numerusform> per plural form; each form is checked on its own,
            // so one empty form among filled ones is found.
            QString text;
            while (!xml.atEnd() && !(xml.isEndElement() && xml.name() == u"translation")) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == u"numerusform")
                    current.forms.append(xml.readElementText());
            }
            if (!current.numerus)
                current.forms = {text};
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

// Every message that is not finished: a type attribute (unfinished, obsolete, vanished), an
// empty translation, or a plural message without `pluralForms` non-empty forms.
QStringList incomplete(const QList<TsMessage> &messages, int pluralForms)
{
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = m.context + u" | "_s + m.source;
        if (!m.state.isEmpty())
            problems.append(m.state + u": "_s + where);
        else if (!m.hasText())
            problems.append(u"empty: "_s + where);
        else if (m.numerus && m.forms.size() != pluralForms)
            problems.append(QString::number(m.forms.size()) + u" plural forms instead of "_s
                            + QString::number(pluralForms) + u": "_s + where);
    }
    return problems;
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
        // Croatian has three plural forms (1, 2-4, 5+).
        const QStringList problems = incomplete(hr, 3);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void englishPluralsAreComplete()
    {
        // m1_en.ts holds only the plural messages (lupdate -pluralonly): "%n tool(s)" needs its
        // "1 tool" / "2 tools" forms, or the interface says "2 tool(s)".
        QString error;
        const QList<TsMessage> en = readTs(QStringLiteral(M1_SOURCE_DIR "/translations/m1_en.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!en.isEmpty());
        for (const TsMessage &m : en)
            QVERIFY2(m.numerus, qPrintable(u"not a plural message: "_s + m.source));
        const QStringList problems = incomplete(en, 2);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void checkerFindsEveryKindOfGap_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unfinished") << QByteArray("<message><source>A</source><translation type=\"unfinished\">B</translation></message>");
        QTest::newRow("obsolete") << QByteArray("<message><source>A</source><translation type=\"obsolete\">B</translation></message>");
        QTest::newRow("vanished") << QByteArray("<message><source>A</source><translation type=\"vanished\">B</translation></message>");
        QTest::newRow("empty") << QByteArray("<message><source>A</source><translation></translation></message>");
        QTest::newRow("one plural form empty")
            << QByteArray("<message numerus=\"yes\"><source>%n A</source><translation><numerusform>B</numerusform>"
                          "<numerusform></numerusform><numerusform>C</numerusform></translation></message>");
        QTest::newRow("plural form missing")
            << QByteArray("<message numerus=\"yes\"><source>%n A</source><translation><numerusform>B</numerusform>"
                          "<numerusform>C</numerusform></translation></message>");
    }

    void checkerFindsEveryKindOfGap()
    {
        // The checks above must be able to fail: each kind of gap in a one-message file.
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"gap_hr.ts"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\" language=\"hr_HR\">"
                   "<context><name>X</name>" + message + "</context></TS>");
        file.close();
        QString error;
        const QList<TsMessage> messages = readTs(file.fileName(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(incomplete(messages, 3).size(), 1);
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
