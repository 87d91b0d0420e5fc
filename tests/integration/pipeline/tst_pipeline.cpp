// The message pipeline end to end on the demo spec: inbound stream → worker pool → turn loader →
// orchestrator (search, filling, questions, confirmation, sandbox execution) → capturing sink,
// against the memory store and a real redis-server.
#include "pipelineharness.h"
#include "storesuite.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestPipeline : public StoreSuite
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        StoreSuite::init();
        if (!m_fx)
            return;
        m_h = std::make_unique<PipelineHarness>(m_fx->store(), m_fx->clock(), m_fx->metrics());
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
        QCOMPARE(m_h->pool().start(), QString());
        m_sequence = 0;
    }
    void cleanup()
    {
        m_h.reset();
        StoreSuite::cleanup();
    }

    void bookingTakesQuestionsAndConfirmation();
    void readQueryIsAnsweredAtOnce();
    void unclearRequestOffersAList();
    void duplicateMessageIsAnsweredOnce();
    void statusesAreRecorded();
    void oneUsersMessagesKeepTheirOrder();
    void rateLimitedUserGetsOneNotice();
    void queueReadsAcksAndClaims();

private:
    InboundMessage text(const QString &body, const QString &from = u"385911234567"_s)
    {
        InboundMessage m;
        m.messageId = u"wamid.test."_s + QString::number(++m_sequence);
        m.from = from;
        m.type = InboundMessage::Type::Text;
        m.waType = u"text"_s;
        m.text = body;
        return m;
    }
    InboundMessage button(const QString &id)
    {
        InboundMessage m = text({});
        m.type = InboundMessage::Type::ButtonReply;
        m.waType = u"interactive"_s;
        m.replyId = id;
        m.replyTitle = id;
        return m;
    }
    InboundMessage listPick(const QString &id)
    {
        InboundMessage m = button(id);
        m.type = InboundMessage::Type::ListReply;
        return m;
    }
    // Pushes the messages, waits for the pool to finish them, returns what the bot sent since.
    QList<OutboundMessage> send(const QList<InboundMessage> &messages)
    {
        const qsizetype before = m_h->sink().count();
        for (const InboundMessage &m : messages) {
            const EnqueueResult r = StoreFixture::await(m_h->queue().push(m));
            if (!r.ok)
                qWarning() << r.error;
        }
        if (!m_h->pool().waitForIdle(30000))
            qWarning("pool did not become idle");
        return m_h->sink().messages().mid(before);
    }
    QList<OutboundMessage> say(const InboundMessage &m) { return send({ m }); }
    TurnTrace lastTrace() const { return m_h->traces().isEmpty() ? TurnTrace {} : m_h->traces().last().second; }
    static QString dump(const QList<OutboundMessage> &replies)
    {
        QStringList lines;
        for (const OutboundMessage &m : replies)
            lines.append(m.describe());
        return lines.join(u'\n');
    }

    std::unique_ptr<PipelineHarness> m_h;
    int m_sequence = 0;
};

void TestPipeline::bookingTakesQuestionsAndConfirmation()
{
    QList<OutboundMessage> replies = say(text(u"book a pool car tomorrow 8-12"_s));
    QVERIFY2(replies.size() == 1, qPrintable(dump(replies)));
    TurnTrace trace = lastTrace();
    qInfo().noquote() << QJsonDocument(trace.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(trace.chosenToolId, u"createPoolBooking"_s);
    // The dates came from the message; the bot asks for one missing parameter at a time.
    QStringList sources;
    for (const TurnTrace::Parameter &p : trace.parameters)
        sources.append(p.name + u'=' + p.source);
    QVERIFY2(sources.contains(u"startAt=message"_s), qPrintable(sources.join(u' ')));
    QVERIFY2(sources.contains(u"endAt=message"_s), qPrintable(sources.join(u' ')));
    QVERIFY(!trace.question.isEmpty());
    QCOMPARE(trace.phaseAfter, u"collecting"_s);

    // Answer questions until the bot asks for confirmation (at most the required ones).
    const QHash<QString, QString> answers { { u"locationId"_s, u"LOC-ZG-01"_s },
                                            { u"purpose"_s, u"client meeting in Split"_s } };
    int rounds = 0;
    while (lastTrace().phaseAfter == u"collecting"_s && rounds++ < 4) {
        const QString asked = lastTrace().question;
        QVERIFY2(answers.contains(asked), qPrintable(u"unexpected question for "_s + asked));
        replies = say(text(answers.value(asked)));
        QVERIFY2(replies.size() == 1, qPrintable(dump(replies)));
    }
    QCOMPARE(lastTrace().phaseAfter, u"confirming"_s);
    QCOMPARE(replies.last().kind, OutboundMessage::Kind::Buttons);
    QStringList buttonIds;
    for (const OutboundMessage::Button &b : replies.last().buttons)
        buttonIds.append(b.id);
    QCOMPARE(buttonIds, QStringList({ u"confirm"_s, u"cancel"_s }));

    replies = say(button(u"confirm"_s));
    QVERIFY2(!replies.isEmpty(), "no reply to the confirmation");
    trace = lastTrace();
    QCOMPARE(trace.action, u"confirm"_s);
    QCOMPARE(trace.chosenToolId, u"createPoolBooking"_s);
    QVERIFY(trace.httpStatus >= 200 && trace.httpStatus < 300);
    // purpose is an enum: the answer is matched to one of its values.
    QVERIFY(!trace.request.value(u"purpose"_s).toString().isEmpty());
    QCOMPARE(trace.request.value(u"locationId"_s).toString(), u"LOC-ZG-01"_s);
    QVERIFY(trace.request.contains(u"startAt"_s));
    QCOMPARE(trace.phaseAfter, u"idle"_s);
    QCOMPARE(replies.first().to, u"385911234567"_s);
}

void TestPipeline::readQueryIsAnsweredAtOnce()
{
    const QList<OutboundMessage> replies = say(text(u"how many km does my car have"_s));
    QVERIFY2(!replies.isEmpty(), "no reply");
    const TurnTrace trace = lastTrace();
    qInfo().noquote() << QJsonDocument(trace.toJson()).toJson(QJsonDocument::Compact);
    QCOMPARE(trace.chosenToolId, u"getVehicleMileage"_s);
    // vehicleId is required: from the profile when it has a default vehicle, else asked.
    QVERIFY(trace.action == u"execute"_s || trace.question == u"vehicleId"_s);
    if (trace.question == u"vehicleId"_s) {
        const QList<OutboundMessage> more = say(text(u"ZG1234AB"_s));
        QVERIFY2(!more.isEmpty(), "no reply to the answer");
        QVERIFY2(lastTrace().httpStatus == 200, qPrintable(dump(more)));
        QCOMPARE(lastTrace().phaseAfter, u"idle"_s);
    }
}

void TestPipeline::unclearRequestOffersAList()
{
    // "change" scores a tyre change and a pool booking update the same: the bot must ask.
    const QList<OutboundMessage> replies = say(text(u"change"_s));
    QCOMPARE(replies.size(), 1);
    const TurnTrace trace = lastTrace();
    qInfo().noquote() << QJsonDocument(trace.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY2(trace.abstained, "the bot guessed instead of offering the candidates");
    QCOMPARE(trace.phaseAfter, u"choosing"_s);
    const OutboundMessage &offer = replies.first();
    QVERIFY(offer.kind == OutboundMessage::Kind::List || offer.kind == OutboundMessage::Kind::Buttons);
    QString firstId = offer.kind == OutboundMessage::Kind::List ? offer.list.sections.value(0).rows.value(0).id
                                                                : offer.buttons.value(0).id;
    QVERIFY(m_h->registry().find(firstId));
    say(listPick(firstId));
    QCOMPARE(lastTrace().action, u"choose"_s);
    QCOMPARE(lastTrace().chosenToolId, firstId);
}

void TestPipeline::duplicateMessageIsAnsweredOnce()
{
    const InboundMessage m = text(u"how many km does my car have"_s);
    const QList<OutboundMessage> replies = send({ m, m });
    QCOMPARE(m_h->traces().size(), 1);
    QCOMPARE(m_h->pool().stats().duplicates, 1u);
    QCOMPARE(m_h->pool().stats().processed, 1u);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(m_h->queue().pendingCount(), 0);
    QCOMPARE(m_h->queue().length(), 0); // handled entries leave the stream with their XACK
}

void TestPipeline::statusesAreRecorded()
{
    MessageStatus delivered;
    delivered.messageId = u"wamid.out.1"_s;
    delivered.recipient = u"385911234567"_s;
    delivered.status = MessageStatus::State::Delivered;
    MessageStatus failed = delivered;
    failed.status = MessageStatus::State::Failed;
    failed.errors = { GraphError { 131047, u"Re-engagement message"_s, {}, {} } };
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"delivery of wamid.out.1 .* failed: 131047"_s));
    QVERIFY(StoreFixture::await(m_h->queue().enqueue({}, { delivered, failed })).ok);
    QCOMPARE(m_fx->run(RedisCommand::of("XLEN", "m1:statuses")).integer(), 2);
    QCOMPARE(m_fx->run(RedisCommand::of("XLEN", "m1:statuses:failed")).integer(), 1);
    QCOMPARE(m_fx->metrics().counter(u"pipeline.statuses.delivered"_s).value(), 1u);
    QCOMPARE(m_fx->metrics().counter(u"pipeline.statuses.failed"_s).value(), 1u);
    QCOMPARE(m_fx->metrics().counter(u"pipeline.status_errors.131047"_s).value(), 1u);
    QCOMPARE(m_h->queue().length(), 0); // statuses are not queued for the workers
}

void TestPipeline::oneUsersMessagesKeepTheirOrder()
{
    // Six messages of one user pushed back to back with another user's in between: the first
    // user's turns finish in the order sent (same lane), whatever the other user does.
    QList<InboundMessage> batch;
    for (int i = 0; i < 6; ++i)
        batch.append(text(u"message "_s + QString::number(i), u"385910000001"_s));
    batch.insert(3, text(u"other user"_s, u"385910000002"_s));
    send(batch);
    QStringList order;
    for (const auto &[id, trace] : m_h->traces()) {
        Q_UNUSED(trace);
        order.append(id);
    }
    QCOMPARE(order.size(), 7);
    QStringList firstUser;
    for (const QString &id : order) {
        if (id != batch.at(3).messageId)
            firstUser.append(id);
    }
    QStringList expected;
    for (int i = 0; i < batch.size(); ++i) {
        if (i != 3)
            expected.append(batch.at(i).messageId);
    }
    QCOMPARE(firstUser, expected);
}

void TestPipeline::rateLimitedUserGetsOneNotice()
{
    // The default policy allows 20 messages a minute: 25 at once leave 5 refused, one notice.
    QList<InboundMessage> batch;
    for (int i = 0; i < 25; ++i)
        batch.append(text(u"hello"_s, u"385910000009"_s));
    const QList<OutboundMessage> replies = send(batch);
    QCOMPARE(m_h->pool().stats().processed, 20u);
    QCOMPARE(m_h->pool().stats().rateLimited, 5u);
    const WorkerPoolOptions defaults;
    int notices = 0;
    for (const OutboundMessage &m : replies)
        notices += m.text == defaults.rateLimitedText ? 1 : 0;
    QCOMPARE(notices, 1);
    QCOMPARE(m_h->queue().pendingCount(), 0);
}

void TestPipeline::queueReadsAcksAndClaims()
{
    // A queue of its own (another stream), so the running pool does not take the entries.
    InboundQueue queue(m_fx->store(), QByteArrayLiteral("m1:test:inbound"), QByteArrayLiteral("g"));
    QCOMPARE(queue.ensureGroup(), QString());
    QCOMPARE(queue.ensureGroup(), QString()); // an existing group is fine
    const InboundMessage first = text(u"one"_s);
    const InboundMessage second = text(u"two"_s);
    QVERIFY(StoreFixture::await(queue.enqueue({ first, second }, {})).ok);
    QString error;
    const QList<QueuedMessage> read = queue.read("a", 10, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).message, std::optional<InboundMessage>(first));
    QCOMPARE(read.at(1).message, std::optional<InboundMessage>(second));
    QVERIFY(queue.read("a", 10).isEmpty());
    QCOMPARE(queue.length(), 2);
    QCOMPARE(queue.ack({ read.at(0).entryId }), QString());
    QCOMPARE(queue.pendingCount(), 1);
    QCOMPARE(queue.length(), 1); // acknowledged and deleted; the pending one stays
    // Consumer "a" died with the second entry: "b" takes it over.
    const QList<QueuedMessage> claimed = queue.claimIdle("b", 0, 10, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(claimed.size(), 1);
    QCOMPARE(claimed.at(0).entryId, read.at(1).entryId);
    QCOMPARE(claimed.at(0).message->text, u"two"_s);
    QCOMPARE(queue.ack({ claimed.at(0).entryId }), QString());
    QCOMPARE(queue.pendingCount(), 0);
    QCOMPARE(queue.length(), 0);
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
