#include "panels/searchpanel.h"

#include "enginecontroller.h"
#include "models/searchresultmodel.h"
#include "search/searchengine.h"
#include "widgets/scorebardelegate.h"
#include "widgets/scorepartstyle.h"
#include "widgets/scoringeditor.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace m1 {
namespace {

const QString kGroup = QStringLiteral("search/");
constexpr int kTypingPauseMs = 150;
constexpr int kEditPauseMs = 200;
constexpr int kRememberedUsers = 10;

QString intentName(Intent intent)
{
    switch (intent) {
    case Intent::Read: return SearchPanel::tr("read");
    case Intent::Create: return SearchPanel::tr("create");
    case Intent::Update: return SearchPanel::tr("update");
    case Intent::Delete: return SearchPanel::tr("delete");
    case Intent::Unknown: break;
    }
    return SearchPanel::tr("unknown");
}

} // namespace

SearchPanel::SearchPanel(EngineController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_query(new QLineEdit(this))
    , m_user(new QComboBox(this))
    , m_topK(new QSpinBox(this))
    , m_verdict(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_model(new SearchResultModel(this))
    , m_results(new QTableView(this))
    , m_editor(new ScoringEditor(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("search"));
    const QSettings settings;
    m_query->setPlaceholderText(tr("Type a message as a driver would, e.g. “book a car for tomorrow”"));
    m_query->setClearButtonEnabled(true);
    m_query->setText(settings.value(kGroup + u"query").toString());
    m_user->setEditable(true);
    m_user->setInsertPolicy(QComboBox::NoInsert);
    m_user->setToolTip(tr("The user whose history boosts tools they used before (a phone number)"));
    m_user->addItem(tr("(no user)"), QString());
    for (const QString &phone : settings.value(kGroup + u"users").toStringList())
        m_user->addItem(phone, phone);
    m_user->setCurrentIndex(std::max(0, m_user->findData(settings.value(kGroup + u"user").toString())));
    m_topK->setRange(1, 50);
    m_topK->setValue(settings.value(kGroup + u"topK", 10).toInt());
    m_topK->setToolTip(tr("How many tools to rank"));
    m_editor->setSavePath(savedScoringPath());

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kTypingPauseMs);
    m_scoringDebounce.setSingleShot(true);
    m_scoringDebounce.setInterval(kEditPauseMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::runSearch);
    connect(&m_scoringDebounce, &QTimer::timeout, this, [this] { m_controller.setScoring(m_editor->config()); });
    connect(m_query, &QLineEdit::textChanged, this, &SearchPanel::scheduleSearch);
    connect(m_user, &QComboBox::currentTextChanged, this, &SearchPanel::scheduleSearch);
    connect(m_user->lineEdit(), &QLineEdit::editingFinished, this, &SearchPanel::rememberUser);
    connect(m_topK, &QSpinBox::valueChanged, this, &SearchPanel::scheduleSearch);
    connect(m_editor, &ScoringEditor::edited, this, [this] {
        updateLegend();
        m_scoringDebounce.start();
    });
    connect(&m_controller, &EngineController::searchFinished, this, &SearchPanel::onSearchFinished);
    connect(&m_controller, &EngineController::searchRebuilt, this, &SearchPanel::onSearchRebuilt);

    auto *findAction = new QAction(tr("Type a query"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_query->setFocus();
        m_query->selectAll();
    });
    addAction(findAction);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 3);
    top->addWidget(new QLabel(tr("User:"), this));
    top->addWidget(m_user, 1);
    top->addWidget(new QLabel(tr("Top:"), this));
    top->addWidget(m_topK);

    auto *scroll = new QScrollArea(m_split);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(340);
    m_split->addWidget(buildResultsSide());
    m_split->addWidget(scroll);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->restoreState(settings.value(kGroup + u"splitter").toByteArray());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_split, 1);
    m_verdict->setText(tr("Loading the API descriptions…"));
}

SearchPanel::~SearchPanel()
{
    saveState();
}

QWidget *SearchPanel::buildResultsSide()
{
    auto *side = new QWidget(m_split);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);

    m_results->setModel(m_model);
    m_results->setItemDelegateForColumn(SearchResultModel::BreakdownColumn, new ScoreBarDelegate(*m_model, m_results));
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_results->setAlternatingRowColors(true);
    QHeaderView *header = m_results->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SearchResultModel::BreakdownColumn, QHeaderView::Stretch);
    connect(m_results, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT toolActivated(index.siblingAtColumn(SearchResultModel::ToolColumn).data().toString());
    });

    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_timing);
    return side;
}

QString SearchPanel::savedScoringPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("scoring.json"));
}

void SearchPanel::setSnapshot(EngineSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    // An edit still waiting to be sent wins over what the engine loaded with.
    if (m_snapshot->search && !m_scoringDebounce.isActive())
        m_editor->setConfig(m_snapshot->search->config());
    m_editor->setEnabled(m_snapshot->search != nullptr);
    updateLegend();
    runSearch();
}

void SearchPanel::onSearchRebuilt(EngineSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    runSearch();
}

void SearchPanel::setQuery(const QString &text)
{
    m_query->setText(text);
}

void SearchPanel::searchAgain()
{
    runSearch();
}

void SearchPanel::setUserPhone(const QString &phone)
{
    m_user->setCurrentText(phone);
}

const SearchResult &SearchPanel::lastResult() const
{
    return m_model->result();
}

QString SearchPanel::currentPhone() const
{
    const int index = m_user->findText(m_user->currentText());
    if (index >= 0)
        return m_user->itemData(index).toString();
    return m_user->currentText().trimmed();
}

void SearchPanel::scheduleSearch()
{
    m_debounce.start();
}

void SearchPanel::runSearch()
{
    m_debounce.stop();
    if (!m_snapshot)
        return;
    SearchQuery query;
    query.text = m_query->text().trimmed();
    query.userPhone = currentPhone();
    query.topK = m_topK->value();
    if (query.text.isEmpty()) {
        m_pendingSearch = 0;
        m_model->clear();
        m_verdict->setText(tr("Type a message to see how the tools rank for it."));
        m_timing->clear();
        return;
    }
    m_pendingSearch = m_controller.search(query);
    saveState();
}

void SearchPanel::onSearchFinished(quint64 requestId, const SearchResult &result)
{
    if (m_pendingSearch == 0 || requestId != m_pendingSearch)
        return; // an answer to an older question; the newer one is on its way
    m_pendingSearch = 0;
    m_model->setResult(result, m_snapshot, m_snapshot && m_snapshot->search ? m_snapshot->search->config()
                                                                            : m_editor->config());
    m_results->resizeColumnToContents(SearchResultModel::ToolColumn);
    showVerdict(result);
    updateLegend();
    Q_EMIT resultShown(result);
}

void SearchPanel::showVerdict(const SearchResult &result)
{
    const ScoringConfig &scoring = m_model->scoring();
    if (!result.error.isEmpty()) {
        m_verdict->setText(tr("<b>Search failed:</b> %1").arg(result.error.toHtmlEscaped()));
        m_timing->clear();
        return;
    }
    const ScoredTool *best = result.best();
    const QString bestScore = best ? QString::number(best->score, 'f', 3) : QStringLiteral("–");
    if (!result.abstain && best) {
        m_verdict->setText(tr("<b>✔ Act:</b> run <b>%1</b> — its score %2 reaches the act threshold %3.")
                               .arg(best->id.toHtmlEscaped(), bestScore)
                               .arg(scoring.actThreshold, 0, 'f', 2));
    } else if (!result.outOfScope) {
        m_verdict->setText(tr("<b>? Abstain:</b> ask the user — the best score %1 is under the act threshold "
                              "%2; %n candidate(s) would be offered.",
                              nullptr, int(result.candidates.size()))
                               .arg(bestScore)
                               .arg(scoring.actThreshold, 0, 'f', 2));
    } else {
        m_verdict->setText(tr("<b>✘ Out of scope:</b> the best score %1 is under %2; the bot says it cannot "
                              "help with this.")
                               .arg(bestScore)
                               .arg(scoring.abstainThreshold, 0, 'f', 2));
    }
    QString timing = tr("Search took %1 µs (query embedding %2 µs%3) · intent: %4")
                         .arg(result.tookUs)
                         .arg(result.embedUs)
                         .arg(result.queryCacheHit ? tr(", from the cache") : QString())
                         .arg(intentName(result.intent));
    m_timing->setText(timing);
}

void SearchPanel::updateLegend()
{
    const ScoringConfig &scoring = m_editor->config();
    QString html;
    for (int part = 0; part < ScorePartStyle::kPartCount; ++part) {
        html += QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2 &nbsp; ")
                    .arg(ScorePartStyle::color(part).name(), ScorePartStyle::name(part).toHtmlEscaped());
    }
    html += tr("(hatched: a deduction) &nbsp; lines: ┆ candidate %1 · ╎ out of scope below %2 · │ act %3 · "
               "▮ total")
                .arg(scoring.candidateThreshold, 0, 'f', 2)
                .arg(scoring.abstainThreshold, 0, 'f', 2)
                .arg(scoring.actThreshold, 0, 'f', 2);
    m_legend->setText(html);
}

void SearchPanel::rememberUser()
{
    // Only a finished entry joins the list, not every prefix typed on the way.
    const QString phone = currentPhone();
    if (phone.isEmpty() || m_user->findData(phone) >= 0)
        return;
    m_user->addItem(phone, phone);
    QSettings settings;
    QStringList users = settings.value(kGroup + u"users").toStringList();
    users.removeAll(phone);
    users.prepend(phone);
    settings.setValue(kGroup + u"users", users.mid(0, kRememberedUsers));
}

void SearchPanel::saveState() const
{
    QSettings settings;
    settings.setValue(kGroup + u"query", m_query->text());
    settings.setValue(kGroup + u"user", currentPhone());
    settings.setValue(kGroup + u"topK", m_topK->value());
    settings.setValue(kGroup + u"splitter", m_split->saveState());
}

} // namespace m1
