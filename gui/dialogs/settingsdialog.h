#pragma once

// Settings: store, embedding provider, planner, WhatsApp credentials and the console's webhook
// server, spec sources and the interface language. Opened with open() (window-modal, no nested
// event loop); Apply and OK send the edited value through applied(); secrets are never put into
// a widget. A line above the pages warns when secrets cannot be kept in a keychain.

#include "consolesettings.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSpinBox;
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
    // One line above the pages (hidden when empty): how the secrets are kept, when not safely.
    void setSecretStorageWarning(const QString &warning);

    QTabWidget *tabs() const { return m_tabs; }
    QLabel *secretStorageWarning() const { return m_secretWarning; }

Q_SIGNALS:
    void applied(const m1::ConsoleSettings &settings);

private:
    QWidget *createStorePage();
    QWidget *createEmbeddingPage();
    QWidget *createPlannerPage();
    QWidget *createWhatsAppPage();
    QWidget *createWebhookGroup(QWidget *page);
    QWidget *createSourcesPage();
    QWidget *createInterfacePage();
    void addSourceFiles();
    void updateEnabled();

    ConsoleSettings m_current;
    QLabel *m_secretWarning;
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
    QGroupBox *m_llm;
    QComboBox *m_plannerProvider;
    QLineEdit *m_plannerEndpoint;
    QLineEdit *m_plannerModel;
    QLineEdit *m_plannerDeployment;
    QLineEdit *m_plannerApiVersion;
    SecretField *m_plannerKey;
    SecretField *m_appSecret;
    SecretField *m_verifyToken;
    SecretField *m_accessToken;
    QLineEdit *m_phoneNumberId;
    QLineEdit *m_graphApiUrl;
    QGroupBox *m_webhook;
    QLineEdit *m_webhookBind;
    QSpinBox *m_webhookPort;
    QComboBox *m_webhookExecutor;
    QListWidget *m_sources;
    QLineEdit *m_sourceUrl;
    QComboBox *m_language;
};

} // namespace m1
