#include "panels/logspanel.h"

#include "models/logfiltermodel.h"
#include "models/logmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace m1 {
namespace {

const QString kLevelKey = QStringLiteral("logs/minimumSeverity");
const QString kCategoryKey = QStringLiteral("logs/category");
const QString kFollowKey = QStringLiteral("logs/follow");
const QString kHeaderKey = QStringLiteral("logs/header");

} // namespace

LogsPanel::LogsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(5000, this))
    , m_filter(new LogFilterModel(this))
    , m_level(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_pause(new QToolButton(this))
    , m_follow(new QCheckBox(tr("&Follow"), this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("logs"));
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_category->setObjectName(QStringLiteral("logCategory"));
    m_text->setObjectName(QStringLiteral("logText"));
    m_filter->setSourceModel(m_model);

    m_level->addItem(tr("Debug and above"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and above"), 2);
    m_level->addItem(tr("Critical only"), 3);
    m_category->addItem(tr("All categories"), QString());
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_text->setPlaceholderText(tr("Filter messages…"));
    m_text->setClearButtonEnabled(true);
    m_pause->setText(tr("&Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Hold the view still; records arriving meanwhile are shown on resume"));
    m_follow->setToolTip(tr("Keep the newest record in view"));
    auto *clear = new QToolButton(this);
    clear->setText(tr("C&lear"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_level);
    bar->addWidget(m_category);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_follow);
    bar->addWidget(clear);
    bar->addWidget(m_count);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(LogModel::TimeColumn, 100);
    m_view->horizontalHeader()->resizeSection(LogModel::LevelColumn, 80);
    m_view->horizontalHeader()->resizeSection(LogModel::CategoryColumn, 150);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    const QSettings settings;
    m_level->setCurrentIndex(std::max(0, m_level->findData(settings.value(kLevelKey, 1).toInt())));
    m_filter->setMinimumSeverity(m_level->currentData().toInt());
    m_follow->setChecked(settings.value(kFollowKey, true).toBool());
    m_view->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
    const QString savedCategory = settings.value(kCategoryKey).toString();
    if (!savedCategory.isEmpty()) {
        m_category->addItem(savedCategory, savedCategory);
        m_category->setCurrentIndex(1);
        m_filter->setCategory(savedCategory);
    }

    // Within the panel: Ctrl+F to the text filter, Ctrl+P pauses and resumes.
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_text->setFocus(Qt::ShortcutFocusReason);
        m_text->selectAll();
    });
    addAction(find);
    auto *pause = new QAction(this);
    pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pause->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(pause, &QAction::triggered, m_pause, &QToolButton::toggle);
    addAction(pause);

    connect(m_model, &LogModel::categoryAdded, this, [this](const QString &category) {
        if (m_category->findData(category) < 0)
            m_category->addItem(category, category);
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumSeverity(m_level->currentData().toInt());
        saveState();
        updateCount();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setCategory(m_category->currentData().toString());
        saveState();
        updateCount();
    });
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        if (!paused)
            flushPending();
        updateCount();
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool follow) {
        saveState();
        if (follow)
            m_view->scrollToBottom();
    });
    connect(clear, &QToolButton::clicked, this, [this] {
        m_pending.clear();
        m_model->clear();
        updateCount();
    });
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, [this] { saveState(); });
    updateCount();
}

void LogsPanel::addRecords(const QList<m1::LogRecord> &records)
{
    if (isPaused()) {
        m_pending.append(records);
        if (m_pending.size() > m_model->capacity())
            m_pending.remove(0, m_pending.size() - m_model->capacity());
        updateCount();
        return;
    }
    m_model->append(records);
    if (m_follow->isChecked())
        m_view->scrollToBottom();
    updateCount();
}

void LogsPanel::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

bool LogsPanel::isPaused() const
{
    return m_pause->isChecked();
}

void LogsPanel::flushPending()
{
    const QList<LogRecord> pending = std::exchange(m_pending, {});
    addRecords(pending);
}

void LogsPanel::updateCount()
{
    QString text = tr("%1 of %n record(s)", nullptr, m_model->rowCount()).arg(m_filter->rowCount());
    if (!m_pending.isEmpty())
        text += u' ' + tr("(%n waiting)", nullptr, int(m_pending.size()));
    m_count->setText(text);
}

void LogsPanel::saveState() const
{
    QSettings settings;
    settings.setValue(kLevelKey, m_level->currentData().toInt());
    settings.setValue(kCategoryKey, m_category->currentData().toString());
    settings.setValue(kFollowKey, m_follow->isChecked());
    settings.setValue(kHeaderKey, m_view->horizontalHeader()->saveState());
}

} // namespace m1
