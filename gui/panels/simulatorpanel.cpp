#include "panels/simulatorpanel.h"

#include "widgets/chatbubble.h"
#include "widgets/chatview.h"
#include "widgets/testuserform.h"
#include "widgets/traceview.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace m1 {
namespace {

const QString kBackendKey = QStringLiteral("simulator/backend");
const QString kSplitKey = QStringLiteral("simulator/splitter");

} // namespace

SimulatorPanel::SimulatorPanel(QWidget *parent)
    : QWidget(parent)
    , m_user(new TestUserForm(this))
    , m_backend(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_chat(new ChatView(this))
    , m_input(new QLineEdit(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_trace(new TraceView(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    // Message ids must not repeat across sessions: the store remembers them for deduplication.
    , m_runId(QString::number(QDateTime::currentMSecsSinceEpoch(), 36))
    , m_showTimer(this)
{
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &SimulatorPanel::showPending);
    setObjectName(QStringLiteral("simulator"));
    m_backend->addItem(tr("Dry run (sandbox)"), int(SimulatorBackend::DryRun));
    m_backend->addItem(tr("Live backend"), int(SimulatorBackend::Live));
    m_backend->setToolTip(tr("Dry run answers from the API description; live calls the real backend"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Waiting for the engine…"));
    m_input->setPlaceholderText(tr("Write a message as the test user…"));

    auto *userBox = new QGroupBox(tr("Test user"), this);
    auto *userLayout = new QVBoxLayout(userBox);
    userLayout->addWidget(m_user);
    auto *backendForm = new QFormLayout;
    backendForm->addRow(tr("&Tools:"), m_backend);
    userLayout->addLayout(backendForm);
    userLayout->addWidget(m_status);
    auto *clear = new QPushButton(tr("&New conversation"), userBox);
    clear->setToolTip(tr("Clear the chat and make the bot forget this user's conversation"));
    userLayout->addWidget(clear);
    userLayout->addStretch(1);

    auto *chatColumn = new QWidget(this);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send);
    auto *chatLayout = new QVBoxLayout(chatColumn);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->addWidget(m_chat, 1);
    chatLayout->addLayout(inputRow);

    m_split->addWidget(userBox);
    m_split->addWidget(chatColumn);
    m_split->addWidget(m_trace);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 3);
    m_split->setStretchFactor(2, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_split);

    const QSettings settings;
    m_backend->setCurrentIndex(std::max(0, m_backend->findData(settings.value(kBackendKey, 0).toInt())));
    if (!m_split->restoreState(settings.value(kSplitKey).toByteArray()))
        m_split->setSizes({240, 480, 480});

    // Ctrl+L anywhere in the panel goes to the message box, as in a messenger.
    auto *focusInput = new QAction(this);
    focusInput->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    focusInput->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusInput, &QAction::triggered, this, [this] { m_input->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusInput);

    connect(m_send, &QPushButton::clicked, this, [this] {
        sendText(m_input->text());
        m_input->clear();
    });
    connect(m_input, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_chat, &ChatView::buttonTapped, this, &SimulatorPanel::sendButtonReply);
    connect(m_chat, &ChatView::listRowTapped, this, &SimulatorPanel::sendListReply);
    connect(clear, &QPushButton::clicked, this, &SimulatorPanel::newConversation);
    connect(m_backend, &QComboBox::activated, this, [this] {
        QSettings().setValue(kBackendKey, m_backend->currentData().toInt());
        Q_EMIT backendChanged(backend());
    });
    connect(m_split, &QSplitter::splitterMoved, this, [this] { QSettings().setValue(kSplitKey, m_split->saveState()); });
}

void SimulatorPanel::newConversation()
{
    m_pending.clear();
    m_chat->clear();
    m_trace->clear();
    Q_EMIT resetRequested(m_user->profile().phone);
}

SimulatorBackend SimulatorPanel::backend() const
{
    return SimulatorBackend(m_backend->currentData().toInt());
}

UserProfile SimulatorPanel::profile() const
{
    return m_user->profile();
}

InboundMessage SimulatorPanel::newMessage(InboundMessage::Type type) const
{
    const UserProfile p = m_user->profile();
    InboundMessage m;
    m.messageId = u"sim." + m_runId + u'.' + QString::number(++m_sequence);
    m.phoneNumberId = QStringLiteral("simulator");
    m.from = p.phone;
    m.profileName = p.name;
    m.timestampSec = QDateTime::currentSecsSinceEpoch();
    m.type = type;
    m.waType = type == InboundMessage::Type::Text ? QStringLiteral("text") : QStringLiteral("interactive");
    return m;
}

void SimulatorPanel::send(const InboundMessage &message, const QString &shown)
{
    m_chat->addUserMessage(shown);
    Q_EMIT sendRequested(message, m_user->profile());
}

void SimulatorPanel::sendText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || m_user->profile().phone.isEmpty())
        return;
    InboundMessage m = newMessage(InboundMessage::Type::Text);
    m.text = trimmed;
    send(m, trimmed);
}

void SimulatorPanel::sendButtonReply(const QString &id, const QString &title)
{
    InboundMessage m = newMessage(InboundMessage::Type::ButtonReply);
    m.replyId = id;
    m.replyTitle = title;
    send(m, title);
}

void SimulatorPanel::sendListReply(const QString &id, const QString &title, const QString &description)
{
    InboundMessage m = newMessage(InboundMessage::Type::ListReply);
    m.replyId = id;
    m.replyTitle = title;
    m.replyDescription = description;
    send(m, title);
}

void SimulatorPanel::showReply(const m1::OutboundMessage &message)
{
    if (message.kind == OutboundMessage::Kind::MarkRead)
        return;
    m_pending.append(message);
    if (!m_showTimer.isActive())
        m_showTimer.start(10);
}

void SimulatorPanel::showTurn(const m1::SimulatorTurn &turn)
{
    m_pending.append(turn);
    if (!m_showTimer.isActive())
        m_showTimer.start(10);
}

void SimulatorPanel::showPending()
{
    const qsizetype n = std::min<qsizetype>(kChunk, m_pending.size());
    QList<SimulatorTurn> turns;
    for (qsizetype i = 0; i < n; ++i) {
        if (const auto *reply = std::get_if<OutboundMessage>(&m_pending.at(i)))
            m_chat->addBotMessage(*reply);
        else
            turns.append(std::get<SimulatorTurn>(m_pending.at(i)));
    }
    m_pending.remove(0, n);
    m_trace->addTurns(turns);
    for (const SimulatorTurn &turn : std::as_const(turns))
        Q_EMIT turnShown(turn);
    if (!m_pending.isEmpty())
        m_showTimer.start(0);
}

void SimulatorPanel::setStatus(const m1::SimulatorStatus &status)
{
    const QString tools = status.backend == SimulatorBackend::Live ? tr("live backend") : tr("dry run");
    if (status.idle)
        m_status->setText(tr("Idle (%1): the first message starts the workers.").arg(tools));
    else if (status.ready)
        m_status->setText(tr("Running: %1, %n worker(s), on %2", nullptr, status.workers).arg(tools, status.store));
    else if (!status.error.isEmpty())
        m_status->setText(tr("Not running: %1").arg(status.error));
    else
        m_status->setText(tr("Starting (%1)…").arg(tools));
}

} // namespace m1
