#include "widgets/scoringeditor.h"

#include "facade/bundledresources.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace m1 {
namespace {

// The sections that change ranking; the others (index, cache, tokenizer) shape the build.
const char16_t *const kSections[] = {u"fusion", u"method", u"user", u"category", u"docs", u"eval", u"thresholds"};

// A field that refuses a fraction either way is a whole number (a count, a size).
bool isWholeNumber(const ScoringConfig &config, const QString &section, const QString &key, double value)
{
    for (const double nudge : {0.5, -0.5}) {
        ScoringConfig probe = config;
        if (probe.apply(QJsonObject{{section, QJsonObject{{key, value + nudge}}}}, QString(), nullptr))
            return false;
    }
    return true;
}

QString sectionTitle(const QString &section)
{
    if (section == u"fusion")
        return ScoringEditor::tr("Fusion");
    if (section == u"method")
        return ScoringEditor::tr("HTTP method");
    if (section == u"user")
        return ScoringEditor::tr("User history");
    if (section == u"category")
        return ScoringEditor::tr("Category");
    if (section == u"docs")
        return ScoringEditor::tr("Documentation");
    if (section == u"eval")
        return ScoringEditor::tr("Evaluation");
    if (section == u"thresholds")
        return ScoringEditor::tr("Thresholds");
    return section;
}

QString fieldLabel(const QString &section, const QString &key)
{
    const QString id = section + u'/' + key;
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("fusion/method"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Fusion method")},
        {QStringLiteral("fusion/dense"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Dense (embedding) weight")},
        {QStringLiteral("fusion/lexical"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Lexical (BM25) weight")},
        {QStringLiteral("fusion/rrf_k"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "RRF k")},
        {QStringLiteral("fusion/candidates"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Candidates per side")},
        {QStringLiteral("method/match"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Method matches the intent")},
        {QStringLiteral("method/write_family"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Another write method")},
        {QStringLiteral("method/mismatch"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Read/write mismatch")},
        {QStringLiteral("user/weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "User history weight")},
        {QStringLiteral("user/saturation"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Uses for the full boost")},
        {QStringLiteral("category/share_weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Category share weight")},
        {QStringLiteral("category/top"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Top tools counted")},
        {QStringLiteral("category/min_share"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Minimum share")},
        {QStringLiteral("category/name_match"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Category named in the message")},
        {QStringLiteral("docs/weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Example words weight")},
        {QStringLiteral("docs/dense_weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Example meaning weight")},
        {QStringLiteral("docs/dense_hits"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Examples looked at per query")},
        {QStringLiteral("docs/dense_ann_min"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Approximate example index from")},
        {QStringLiteral("docs/classifier_weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Example classifier weight")},
        {QStringLiteral("docs/classifier_top"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Classifier's tools added as candidates")},
        {QStringLiteral("eval/weight"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Evaluation weight")},
        {QStringLiteral("eval/min_observations"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Outcomes for the full weight")},
        {QStringLiteral("thresholds/candidate"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Candidate from")},
        {QStringLiteral("thresholds/act"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Act without asking from")},
        {QStringLiteral("thresholds/abstain"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Out of scope below")},
        {QStringLiteral("thresholds/margin"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Lead over the second needed")},
        {QStringLiteral("thresholds/max_candidates"), QT_TRANSLATE_NOOP("m1::ScoringEditor", "Candidates offered")},
    };
    const char *label = labels.value(id);
    if (label)
        return ScoringEditor::tr(label);
    // A field this console does not know yet: its key, readable.
    QString words = key;
    words.replace(u'_', u' ');
    return words.isEmpty() ? words : words.at(0).toUpper() + words.mid(1);
}

} // namespace

ScoringEditor::ScoringEditor(QWidget *parent)
    : QWidget(parent), m_sections(new QVBoxLayout), m_message(new QLabel(this))
{
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *save = new QPushButton(tr("Save"), this);
    save->setToolTip(tr("Save these weights to your configuration; the console starts with them next time"));
    auto *revertButton = new QPushButton(tr("Revert"), this);
    revertButton->setToolTip(tr("Back to the saved weights (or the defaults when none are saved)"));
    auto *defaults = new QPushButton(tr("Defaults"), this);
    defaults->setToolTip(tr("The weights the console ships with"));
    const auto report = [this](const QString &error) {
        if (!error.isEmpty())
            m_message->setText(error);
    };
    connect(save, &QPushButton::clicked, this, [this, report] { report(this->save()); });
    connect(revertButton, &QPushButton::clicked, this, [this, report] { report(revert()); });
    connect(defaults, &QPushButton::clicked, this, [this, report] { report(restoreDefaults()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(revertButton);
    buttons->addWidget(defaults);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_sections);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addStretch(1);
}

void ScoringEditor::setConfig(const ScoringConfig &config)
{
    m_config = config;
    const QJsonObject json = config.toJson();
    if (m_fields.isEmpty()) {
        // Filling the new editors fires their change signals; none of that is an edit.
        m_updating = true;
        createFields(json);
        m_updating = false;
    }
    showValues(json);
    m_message->clear();
}

void ScoringEditor::createFields(const QJsonObject &json)
{
    for (const char16_t *name : kSections) {
        const QString section = QString::fromUtf16(name);
        const QJsonObject values = json.value(section).toObject();
        if (values.isEmpty())
            continue;
        auto *box = new QGroupBox(sectionTitle(section), this);
        auto *form = new QFormLayout(box);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const QString key = it.key();
            if (it.value().isString()) {
                if (section == u"fusion" && key == u"method") {
                    m_fusion = new QComboBox(box);
                    m_fusion->addItem(tr("linear"), QStringLiteral("linear"));
                    m_fusion->addItem(tr("reciprocal rank"), QStringLiteral("rrf"));
                    connect(m_fusion, &QComboBox::currentIndexChanged, this, [this, section, key] {
                        onFieldChanged(section, key, m_fusion->currentData().toString());
                    });
                    form->addRow(fieldLabel(section, key), m_fusion);
                }
                continue;
            }
            // Each editor sends only its own field, so a value it cannot show exactly (more
            // decimals, a range it does not cover) is never written back unasked.
            QAbstractSpinBox *editor = nullptr;
            const double value = it.value().toDouble();
            if (isWholeNumber(m_config, section, key, value)) {
                auto *spin = new QSpinBox(box);
                spin->setRange(0, std::numeric_limits<int>::max());
                connect(spin, &QSpinBox::valueChanged, this,
                        [this, section, key](int v) { onFieldChanged(section, key, v); });
                editor = spin;
            } else {
                auto *spin = new QDoubleSpinBox(box);
                spin->setRange(-1e6, 1e6);
                spin->setDecimals(3);
                spin->setSingleStep(0.01);
                connect(spin, &QDoubleSpinBox::valueChanged, this,
                        [this, section, key](double v) { onFieldChanged(section, key, v); });
                editor = spin;
            }
            editor->setObjectName(section + u'/' + key);
            editor->setToolTip(QStringLiteral("scoring.json: /%1/%2").arg(section, key));
            m_fields.insert(section + u'/' + key, editor);
            form->addRow(fieldLabel(section, key), editor);
        }
        m_sections->addWidget(box);
    }
}

void ScoringEditor::showValues(const QJsonObject &json)
{
    m_updating = true;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QStringList path = it.key().split(u'/');
        const double value = json.value(path.at(0)).toObject().value(path.at(1)).toDouble();
        if (auto *spin = qobject_cast<QSpinBox *>(it.value()))
            spin->setValue(int(value));
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(it.value()))
            dspin->setValue(value);
    }
    if (m_fusion)
        m_fusion->setCurrentIndex(std::max(0, m_fusion->findData(m_config.fusion)));
    m_updating = false;
}

QAbstractSpinBox *ScoringEditor::field(const QString &section, const QString &key) const
{
    return m_fields.value(section + u'/' + key);
}

bool ScoringEditor::setFieldValue(const QString &section, const QString &key, double value)
{
    QAbstractSpinBox *editor = field(section, key);
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(int(value));
    else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
        dspin->setValue(value);
    else
        return false;
    return true;
}

void ScoringEditor::onFieldChanged(const QString &section, const QString &key, const QJsonValue &value)
{
    if (m_updating)
        return;
    ScoringConfig next = m_config;
    QString error;
    if (!next.apply(QJsonObject{{section, QJsonObject{{key, value}}}}, tr("the editor"), &error)) {
        m_message->setText(tr("Not applied: %1").arg(error));
        return;
    }
    m_message->clear();
    m_config = next;
    Q_EMIT edited(m_config);
}

void ScoringEditor::setSavePath(const QString &path)
{
    m_savePath = path;
}

QString ScoringEditor::save()
{
    if (m_savePath.isEmpty())
        return tr("There is no place to save to.");
    QDir().mkpath(QFileInfo(m_savePath).absolutePath());
    QSaveFile file(m_savePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Could not open %1 for writing: %2").arg(m_savePath, file.errorString());
    }
    file.write(QJsonDocument(m_config.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return tr("Could not write %1: %2").arg(m_savePath, file.errorString());
    m_message->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(m_savePath)));
    Q_EMIT saved(m_savePath);
    return {};
}

QString ScoringEditor::revert()
{
    return loadFrom(QFileInfo::exists(m_savePath) ? m_savePath : BundledResources::scoringConfig());
}

QString ScoringEditor::restoreDefaults()
{
    return loadFrom(BundledResources::scoringConfig());
}

QString ScoringEditor::loadFrom(const QString &path)
{
    ScoringConfig loaded;
    QString error;
    if (!ScoringConfig::load(path, &loaded, &error))
        return tr("Could not read the weights: %1").arg(error);
    setConfig(loaded);
    Q_EMIT edited(m_config);
    return {};
}

} // namespace m1
