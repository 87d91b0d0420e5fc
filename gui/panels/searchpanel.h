#pragma once

// Live search scoring: type a message and pick a user; the engine ranks the tools on its
// workers (debounced while typing; answers to older requests are dropped) and each result
// shows its score as stacked parts against the candidate, abstain and act thresholds, with the
// verdict and the search time. Beside it the weights and thresholds: edits re-rank at once and
// can be saved to the user's configuration.

#include "facade/enginesnapshot.h"
#include "search/scoringconfig.h"
#include "search/searchresult.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTableView;

namespace m1 {

class EngineController;
class ScoringEditor;
class SearchResultModel;

class SearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SearchPanel(EngineController &controller, QWidget *parent = nullptr);
    ~SearchPanel() override;

    // The user's copy of the weights (in their configuration folder); the console starts with
    // it when it exists.
    static QString savedScoringPath();

    void setSnapshot(EngineSnapshotPtr snapshot);
    // Puts text in the query box; the search follows after the typing pause.
    void setQuery(const QString &text);
    void setUserPhone(const QString &phone);
    // Runs the current query again now (no typing pause).
    void searchAgain();

    QLineEdit *queryEdit() const { return m_query; }
    QTableView *resultsView() const { return m_results; }
    ScoringEditor *scoringEditor() const { return m_editor; }
    const SearchResult &lastResult() const;
    bool isSearchPending() const { return m_pendingSearch != 0 || m_debounce.isActive(); }

Q_SIGNALS:
    // A result is on screen (for the screenshot runner and tests).
    void resultShown(const m1::SearchResult &result);
    // Double-click on a result: show the tool in the registry.
    void toolActivated(const QString &toolId);

private:
    QWidget *buildResultsSide();
    void scheduleSearch();
    void runSearch();
    void onSearchFinished(quint64 requestId, const SearchResult &result);
    void onSearchRebuilt(EngineSnapshotPtr snapshot);
    void showVerdict(const SearchResult &result);
    void updateLegend();
    QString currentPhone() const;
    void rememberUser();
    void saveState() const;

    EngineController &m_controller;
    EngineSnapshotPtr m_snapshot;
    QLineEdit *m_query;
    QComboBox *m_user;
    QSpinBox *m_topK;
    QLabel *m_verdict;
    QLabel *m_timing;
    QLabel *m_legend;
    SearchResultModel *m_model;
    QTableView *m_results;
    ScoringEditor *m_editor;
    QSplitter *m_split;
    QTimer m_debounce;
    QTimer m_scoringDebounce;
    quint64 m_pendingSearch = 0;
};

} // namespace m1
