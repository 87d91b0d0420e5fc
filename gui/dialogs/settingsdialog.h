#pragma once

// Settings: store, embedding provider, planner, WhatsApp credentials, spec sources and the
// interface language. Opened with open() (window-modal, no nested event loop); Apply and OK
// send the edited value through applied(); secrets are never put into a widget.

#include "consolesettings.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;
class QTabWidget;

namespace m1 {

class SecretField;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const ConsoleSettings &settings);
    // What the fields say now, secrets resolved against the stored ones.
    ConsoleSettings settings() const;
    void apply();

    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void applied(const m1::ConsoleSettings &settings);

private:
    QWidget *createStorePage();
    QWidget *createEmbeddingPage();
    QWidget *createPlannerPage();
    QWidget *createWhatsAppPage();
    QWidget *createSourcesPage();
    QWidget *createInterfacePage();
    void addSourceFiles();
    void updateEnabled();

    ConsoleSettings m_current;
    QTabWidget *m_tabs;
    QButtonGroup *m_store;
    QRadioButton *m_storeManaged;
    QRadioButton *m_storeRedis;
    QRadioButton *m_storeMemory;
    QLineEdit *m_redisUrl;
    QComboBox *m_provider;
    QStackedWidget *m_providerPages;
    QLineEdit *m_openAiBaseUrl;
    QLineEdit *m_openAiModel;
    SecretField *m_openAiKey;
    QLineEdit *m_azureEndpoint;
    QLineEdit *m_azureDeployment;
    QLineEdit *m_azureApiVersion;
    SecretField *m_azureKey;
    QComboBox *m_planner;
    SecretField *m_appSecret;
    SecretField *m_verifyToken;
    SecretField *m_accessToken;
    QLineEdit *m_phoneNumberId;
    QListWidget *m_sources;
    QLineEdit *m_sourceUrl;
    QComboBox *m_language;
};

} // namespace m1
