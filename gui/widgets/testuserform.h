#pragma once

// Who the simulator writes as: phone, name, language, person id and default vehicle. Edits are
// remembered (QSettings) so the next session talks as the same test user.

#include "agent/userprofile.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace m1 {

class TestUserForm : public QWidget
{
    Q_OBJECT

public:
    explicit TestUserForm(QWidget *parent = nullptr);

    UserProfile profile() const;
    void setProfile(const UserProfile &profile);

    QLineEdit *phoneEdit() const { return m_phone; }

Q_SIGNALS:
    void profileChanged(const m1::UserProfile &profile);

private:
    void save() const;

    QLineEdit *m_phone;
    QLineEdit *m_name;
    QComboBox *m_language;
    QLineEdit *m_personId;
    QLineEdit *m_vehicle;
};

} // namespace m1
