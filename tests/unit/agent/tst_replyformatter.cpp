// ReplyFormatter: WhatsApp limits (4,096 split, 3 buttons, 20-char titles, 10 rows), the
// confirmation, questions for missing parameters and replies to results, in English and
// Croatian.

#include "agent/replyformatter.h"

#include "fakecroatian.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

namespace {

ToolParameter param(const QString &name, ParamLocation in, bool required, const QString &type,
                    const QString &format = {}, const QStringList &enumValues = {})
{
    ToolParameter p;
    p.name = name;
    p.location = in;
    p.required = required;
    p.type = type;
    p.format = format;
    p.enumValues = enumValues;
    return p;
}

ToolDefinition bookingTool()
{
    ToolDefinition t;
    t.id = u"createPoolBooking"_s;
    t.operationId = t.id;
    t.method = u"POST"_s;
    t.summary = u"Book a pool vehicle"_s;
    t.parameters = {param(u"Idempotency-Key"_s, ParamLocation::Header, false, u"string"_s),
                    param(u"vehicleId"_s, ParamLocation::Body, true, u"string"_s),
                    param(u"from"_s, ParamLocation::Body, true, u"string"_s, u"date-time"_s),
                    param(u"to"_s, ParamLocation::Body, true, u"string"_s, u"date-time"_s),
                    param(u"purpose"_s, ParamLocation::Body, true, u"string"_s, {},
                          {u"business"_s, u"private"_s, u"commute"_s}),
                    param(u"damageType"_s, ParamLocation::Body, false, u"string"_s, {},
                          {u"scratch"_s, u"dent"_s, u"glass"_s, u"tyre_rim"_s, u"collision"_s,
                           u"parking_damage"_s, u"vandalism"_s, u"theft"_s, u"hail"_s, u"animal"_s,
                           u"interior"_s, u"mechanical"_s, u"other"_s}),
                    param(u"childSeat"_s, ParamLocation::Body, false, u"boolean"_s),
                    param(u"licencePlate"_s, ParamLocation::Body, false, u"string"_s),
                    param(u"note"_s, ParamLocation::Body, false, u"string"_s)};
    return t;
}

} // namespace

class TestReplyFormatter : public QObject
{
    Q_OBJECT

private:
    FakeCroatian m_hr;
    AgentTr m_tr{&m_hr};
    ReplyFormatter m_formatter{m_tr};

private Q_SLOTS:
    void textIsSplitAt4096()
    {
        QString body;
        for (int i = 0; body.size() < 10000; ++i)
            body += u"Vozilo broj "_s + QString::number(i) + u" je slobodno. "_s;
        const QList<OutboundMessage> parts = m_formatter.text(body);
        QCOMPARE(parts.size(), 3);
        for (const OutboundMessage &m : parts) {
            QCOMPARE(m.kind, OutboundMessage::Kind::Text);
            QVERIFY(m.text.size() <= 4096);
            QVERIFY(m.text.endsWith(u'.'));
        }
        QCOMPARE(m_formatter.text(u"kratko"_s).size(), 1);
    }

    void buttonsAreAtMostThreeWithShortDistinctTitles()
    {
        const OutboundMessage m = m_formatter.buttons(
            u"Which one?"_s, {{u"a"_s, u"Škoda Octavia Combi 2.0 TDI"_s, {}},
                              {u"b"_s, u"Škoda Octavia Combi 1.5 TSI"_s, {}},
                              {u"c"_s, u"VW Golf"_s, {}},
                              {u"d"_s, u"Fourth"_s, {}}});
        QCOMPARE(m.kind, OutboundMessage::Kind::Buttons);
        QCOMPARE(m.buttons.size(), 3);
        QStringList titles;
        for (const auto &b : m.buttons) {
            QVERIFY2(b.title.size() <= 20, qPrintable(b.title));
            titles.append(b.title);
        }
        titles.removeDuplicates();
        QCOMPARE(titles.size(), 3);
        QCOMPARE(m.buttons.at(0).id, u"a"_s);
        QVERIFY(m.buttons.at(0).title.endsWith(u'…'));
        QCOMPARE(m.buttons.at(2).title, u"VW Golf"_s);
    }

    void listsHaveAtMostTenRowsAndShortTexts()
    {
        QList<ReplyOption> rows;
        for (int i = 0; i < 14; ++i)
            rows.append({u"row"_s + QString::number(i), u"A rather long vehicle name number "_s + QString::number(i),
                         QString(100, u'd')});
        const OutboundMessage m = m_formatter.list(u"Pick a car"_s, u"Choose a vehicle please"_s, rows);
        QCOMPARE(m.kind, OutboundMessage::Kind::List);
        QCOMPARE(m.list.sections.size(), 1);
        QCOMPARE(m.list.sections.first().rows.size(), 10);
        QVERIFY(m.list.buttonText.size() <= 20);
        for (const auto &row : m.list.sections.first().rows) {
            QVERIFY(row.title.size() <= 24);
            QVERIFY(row.description.size() <= 72);
        }
        QCOMPARE(m.list.sections.first().rows.at(9).id, u"row9"_s);
    }

    void choicePicksButtonsOrList()
    {
        QCOMPARE(m_formatter.choice(ReplyLanguage::English, u"?"_s, {{u"1"_s, u"One"_s, {}}, {u"2"_s, u"Two"_s, {}}}).kind,
                 OutboundMessage::Kind::Buttons);
        QList<ReplyOption> four;
        for (int i = 0; i < 4; ++i)
            four.append({QString::number(i), QString::number(i), {}});
        const OutboundMessage list = m_formatter.choice(ReplyLanguage::Croatian, u"?"_s, four);
        QCOMPARE(list.kind, OutboundMessage::Kind::List);
        QCOMPARE(list.list.buttonText, u"Odaberi"_s);
    }

    void interactiveBodyFits1024()
    {
        const OutboundMessage m = m_formatter.buttons(QString(3000, u'x'), {{u"a"_s, u"A"_s, {}}});
        QVERIFY(m.text.size() <= 1024);
    }

    void confirmationInCroatian()
    {
        const QJsonObject args{{u"vehicleId"_s, u"veh_42"_s},
                               {u"from"_s, u"2026-12-03T08:00:00+01:00"_s},
                               {u"to"_s, u"2026-12-03T12:00:00Z"_s},
                               {u"purpose"_s, u"business"_s},
                               {u"Idempotency-Key"_s, u"k1"_s}};
        const OutboundMessage m = m_formatter.confirmation(ReplyLanguage::Croatian, bookingTool(), args);
        QCOMPARE(m.kind, OutboundMessage::Kind::Buttons);
        QCOMPARE(m.buttons.size(), 2);
        QCOMPARE(m.buttons.at(0).id, ReplyFormatter::confirmId());
        QCOMPARE(m.buttons.at(0).title, u"Potvrdi"_s);
        QCOMPARE(m.buttons.at(1).title, u"Odustani"_s);
        QVERIFY(m.text.startsWith(u"Molim potvrdite: *Book a pool vehicle*"_s));
        QVERIFY2(m.text.contains(u"• Od: 3.12.2026. 08:00"_s), qPrintable(m.text));
        QVERIFY2(m.text.contains(u"• Do: 3.12.2026. 13:00"_s), qPrintable(m.text)); // UTC shown in Zagreb time
        QVERIFY(m.text.contains(u"• Svrha: Službeno"_s));
        QVERIFY(m.text.contains(u"• Vehicle ID: veh_42"_s)); // no Croatian label known: English
        QVERIFY(!m.text.contains(u"k1"_s));                   // headers are not shown
        // Arguments appear in the tool's parameter order.
        QVERIFY(m.text.indexOf(u"Vehicle ID"_s) < m.text.indexOf(u"• Od"_s));
    }

    void confirmationInEnglish()
    {
        const OutboundMessage m = m_formatter.confirmation(
            ReplyLanguage::English, bookingTool(),
            {{u"from"_s, u"2026-12-03T08:00:00+01:00"_s}, {u"childSeat"_s, true}, {u"extra"_s, 45000.5}});
        QCOMPARE(m.buttons.at(0).title, u"Confirm"_s);
        QCOMPARE(m.buttons.at(1).title, u"Cancel"_s);
        QVERIFY2(m.text.contains(u"• From: 3 Dec 2026, 08:00"_s), qPrintable(m.text));
        QVERIFY(m.text.contains(u"• Child seat: Yes"_s));
        QVERIFY(m.text.contains(u"• Extra: 45,000.5"_s));
    }

    void questions()
    {
        const ToolDefinition t = bookingTool();
        OutboundMessage q = m_formatter.question(ReplyLanguage::Croatian, t, u"from"_s);
        QCOMPARE(q.kind, OutboundMessage::Kind::Text);
        QCOMPARE(q.text, u"Od kada? (npr. sutra u 8)"_s);

        q = m_formatter.question(ReplyLanguage::English, t, u"licencePlate"_s);
        QVERIFY(q.text.contains(u"licence plate"_s));

        // Three enum values: buttons with translated titles.
        q = m_formatter.question(ReplyLanguage::Croatian, t, u"purpose"_s);
        QCOMPARE(q.kind, OutboundMessage::Kind::Buttons);
        QCOMPARE(q.buttons.size(), 3);
        QCOMPARE(q.buttons.at(0).id, u"business"_s);
        QCOMPARE(q.buttons.at(0).title, u"Službeno"_s);
        QCOMPARE(q.buttons.at(2).title, u"Commute"_s); // untranslated in the fake catalogue
        QCOMPARE(q.text, u"Molim upišite: Svrha"_s);

        // Thirteen values: a list of ten and a hint to write the rest.
        q = m_formatter.question(ReplyLanguage::English, t, u"damageType"_s);
        QCOMPARE(q.kind, OutboundMessage::Kind::List);
        QCOMPARE(q.list.sections.first().rows.size(), 10);
        QCOMPARE(q.list.sections.first().rows.at(3).title, u"Tyre rim"_s);
        QVERIFY(q.text.contains(u"Just write it"_s));

        q = m_formatter.question(ReplyLanguage::Croatian, t, u"childSeat"_s);
        QCOMPARE(q.kind, OutboundMessage::Kind::Buttons);
        QCOMPARE(q.buttons.at(0).title, u"Da"_s);
        QCOMPARE(q.buttons.at(1).id, ReplyFormatter::noId());

        ToolDefinition described = t;
        described.parameters.last().description = u"Anything the fleet desk should know."_s;
        q = m_formatter.question(ReplyLanguage::English, described, u"note"_s);
        QVERIFY(q.text.contains(u"_Anything the fleet desk should know._"_s));
    }

    void resultsAndErrors()
    {
        ToolDefinition read;
        read.id = u"getVehicle"_s;
        read.method = u"GET"_s;
        ToolResult ok;
        ok.ok = true;
        ok.httpStatus = 200;
        ok.body = QJsonObject{{u"licencePlate"_s, u"ZG-1234-AB"_s}, {u"status"_s, u"active"_s}};
        QList<OutboundMessage> m = m_formatter.result(ReplyLanguage::Croatian, read, ok);
        QCOMPARE(m.size(), 1);
        QVERIFY2(m.first().text.contains(u"• Registracija: ZG-1234-AB"_s), qPrintable(m.first().text));

        ToolDefinition write = bookingTool();
        ok.dryRun = true;
        m = m_formatter.result(ReplyLanguage::English, write, ok);
        QVERIFY(m.first().text.startsWith(u"(Test mode: nothing was really changed.)\n\nDone."_s));

        ToolResult forbidden = ToolResult::failure(u"HTTP 403"_s, 403);
        forbidden.attempts = 1;
        QCOMPARE(m_formatter.result(ReplyLanguage::Croatian, read, forbidden).first().text,
                 u"Nemate ovlasti za to."_s);

        ToolResult invalid = ToolResult::failure(u"HTTP 422"_s, 422);
        invalid.attempts = 1;
        invalid.body = QJsonObject{{u"code"_s, u"VALIDATION"_s}, {u"message"_s, u"to must be after from"_s}};
        QVERIFY(m_formatter.result(ReplyLanguage::English, write, invalid).first().text.contains(u"to must be after from"_s));

        ToolResult unreachable = ToolResult::failure(u"Connection refused"_s, 0);
        unreachable.attempts = 3;
        QVERIFY(m_formatter.result(ReplyLanguage::English, read, unreachable).first().text.contains(u"cannot be reached"_s));

        ToolResult notSent = ToolResult::failure(u"missing required parameter \"vehicleId\" (path)"_s, 0);
        QVERIFY(m_formatter.result(ReplyLanguage::English, read, notSent).first().text.contains(u"vehicleId"_s));

        // Refused by an open circuit breaker before any attempt: the user hears that the service
        // cannot be reached, not the executor's reason (host, port, tool id).
        ToolResult refused = ToolResult::failure(
                u"not calling 127.0.0.1:8443 for getVehicleMileage: it failed repeatedly, the circuit breaker is open"_s, 0);
        refused.unavailable = true;
        const QString refusedText = m_formatter.result(ReplyLanguage::English, read, refused).first().text;
        QVERIFY2(refusedText.contains(u"cannot be reached"_s), qPrintable(refusedText));
        QVERIFY2(!refusedText.contains(u"127.0.0.1"_s) && !refusedText.contains(u"breaker"_s), qPrintable(refusedText));

        ToolResult serverError = ToolResult::failure(u"HTTP 503"_s, 503);
        serverError.attempts = 3;
        QVERIFY(m_formatter.result(ReplyLanguage::English, read, serverError).first().text.contains(u"503"_s));
    }

    void addressing()
    {
        QList<OutboundMessage> m = m_formatter.text(u"hi"_s);
        ReplyFormatter::address(m, u"385911234567"_s);
        QCOMPARE(m.first().to, u"385911234567"_s);
    }
};

QTEST_GUILESS_MAIN(TestReplyFormatter)
#include "tst_replyformatter.moc"
