#include "widgets/testuserform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSettings>

namespace m1 {
namespace {

const QString kPrefix = QStringLiteral("simulator/user/");

} // namespace

TestUserForm::TestUserForm(QWidget *parent)
    : QWidget(parent)
    , m_phone(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_personId(new QLineEdit(this))
    , m_vehicle(new QLineEdit(this))
{
    // WhatsApp ids: international digits without '+'.
    m_phone->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{6,15}")), m_phone));
    m_phone->setToolTip(tr("International number, digits only, as WhatsApp sends it (385911234567)"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Hrvatski"), QStringLiteral("hr"));
    m_vehicle->setPlaceholderText(QStringLiteral("veh_3k9x72"));
    m_personId->setPlaceholderText(tr("optional"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("P&hone:"), m_phone);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Pe&rson ID:"), m_personId);
    form->addRow(tr("Default &vehicle:"), m_vehicle);

    const QSettings settings;
    UserProfile p;
    p.phone = settings.value(kPrefix + u"phone", QStringLiteral("385911234567")).toString();
    p.name = settings.value(kPrefix + u"name", QStringLiteral("Ana Kovač")).toString();
    p.language = settings.value(kPrefix + u"language", QStringLiteral("en")).toString();
    p.personId = settings.value(kPrefix + u"personId", QStringLiteral("per_ana")).toString();
    p.defaultVehicleId = settings.value(kPrefix + u"vehicle", QStringLiteral("veh_3k9x72")).toString();
    setProfile(p);

    const auto changed = [this] {
        save();
        Q_EMIT profileChanged(profile());
    };
    for (QLineEdit *edit : {m_phone, m_name, m_personId, m_vehicle})
        connect(edit, &QLineEdit::editingFinished, this, changed);
    connect(m_language, &QComboBox::activated, this, changed);
}

UserProfile TestUserForm::profile() const
{
    UserProfile p;
    p.phone = m_phone->text().trimmed();
    p.name = m_name->text().trimmed();
    p.language = m_language->currentData().toString();
    p.personId = m_personId->text().trimmed();
    p.defaultVehicleId = m_vehicle->text().trimmed();
    return p;
}

void TestUserForm::setProfile(const UserProfile &p)
{
    m_phone->setText(p.phone);
    m_name->setText(p.name);
    m_language->setCurrentIndex(std::max(0, m_language->findData(p.language)));
    m_personId->setText(p.personId);
    m_vehicle->setText(p.defaultVehicleId);
}

void TestUserForm::save() const
{
    QSettings settings;
    const UserProfile p = profile();
    settings.setValue(kPrefix + u"phone", p.phone);
    settings.setValue(kPrefix + u"name", p.name);
    settings.setValue(kPrefix + u"language", p.language);
    settings.setValue(kPrefix + u"personId", p.personId);
    settings.setValue(kPrefix + u"vehicle", p.defaultVehicleId);
}

} // namespace m1
