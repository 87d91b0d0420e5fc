#pragma once

// Logs: the engine's structured log records as they arrive, filtered by level, category and
// text. Pause keeps the view still (new records wait, bounded); follow keeps the newest in view.

#include "core/logrecord.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace m1 {

class LogFilterModel;
class LogModel;

class LogsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LogsPanel(QWidget *parent = nullptr);

    void addRecords(const QList<m1::LogRecord> &records);
    void setPaused(bool paused);
    bool isPaused() const;

    QTableView *view() const { return m_view; }
    LogModel *model() const { return m_model; }

private:
    void flushPending();
    void updateCount();
    void saveState() const;

    LogModel *m_model;
    LogFilterModel *m_filter;
    QComboBox *m_level;
    QComboBox *m_category;
    QLineEdit *m_text;
    QToolButton *m_pause;
    QCheckBox *m_follow;
    QTableView *m_view;
    QLabel *m_count;
    QList<LogRecord> m_pending; // arrived while paused
};

} // namespace m1
