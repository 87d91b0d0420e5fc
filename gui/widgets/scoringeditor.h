#pragma once

// Spin boxes for search's weights and thresholds, built from ScoringConfig's own fields (so a
// field added to scoring.json appears here without code). Every change is validated by
// ScoringConfig::apply and announced as edited(config); save() writes the whole configuration
// to a file (the user's copy, never the bundled resource).

#include "search/scoringconfig.h"

#include <QHash>
#include <QJsonValue>
#include <QWidget>

class QAbstractSpinBox;
class QComboBox;
class QLabel;
class QVBoxLayout;

namespace m1 {

class ScoringEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ScoringEditor(QWidget *parent = nullptr);

    // Shows these values without announcing an edit.
    void setConfig(const ScoringConfig &config);
    const ScoringConfig &config() const { return m_config; }
    // The editor of one field, "thresholds"/"act" for instance; null when there is none.
    QAbstractSpinBox *field(const QString &section, const QString &key) const;
    // Sets one field as if typed; false when the field is unknown.
    bool setFieldValue(const QString &section, const QString &key, double value);

    // Where save() writes and revert() reads.
    void setSavePath(const QString &path);
    QString savePath() const { return m_savePath; }
    // Empty on success, else what went wrong.
    QString save();
    // The saved copy when there is one, else the bundled defaults; announced as an edit.
    QString revert();
    QString restoreDefaults();

Q_SIGNALS:
    void edited(const m1::ScoringConfig &config);
    void saved(const QString &path);

private:
    void createFields(const QJsonObject &json);
    void showValues(const QJsonObject &json);
    void onFieldChanged(const QString &section, const QString &key, const QJsonValue &value);
    QString loadFrom(const QString &path);

    ScoringConfig m_config;
    QHash<QString, QAbstractSpinBox *> m_fields; // "section/key"
    QComboBox *m_fusion = nullptr;
    QVBoxLayout *m_sections;
    QLabel *m_message;
    QString m_savePath;
    bool m_updating = false;
};

} // namespace m1
