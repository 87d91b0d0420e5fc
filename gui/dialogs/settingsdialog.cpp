#include "dialogs/settingsdialog.h"

#include "widgets/secretfield.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace m1 {
namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_secretWarning(new QLabel(this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settings"));
    setWindowTitle(tr("Settings"));
    m_tabs->addTab(createStorePage(), tr("&Store"));
    m_tabs->addTab(createEmbeddingPage(), tr("&Embedding"));
    m_tabs->addTab(createPlannerPage(), tr("&Planner"));
    m_tabs->addTab(createWhatsAppPage(), tr("&WhatsApp"));
    m_tabs->addTab(createSourcesPage(), tr("S&ources"));
    m_tabs->addTab(createInterfacePage(), tr("&Interface"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        setSettings(m_current); // forget the edits
        reject();
    });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    m_secretWarning->setObjectName(QStringLiteral("secretStorageWarning"));
    m_secretWarning->setWordWrap(true);
    m_secretWarning->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_secretWarning);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

void SettingsDialog::setSecretStorageWarning(const QString &warning)
{
    m_secretWarning->setText(QStringLiteral("⚠ ") + warning);
    m_secretWarning->setVisible(!warning.isEmpty());
}

QWidget *SettingsDialog::createStorePage()
{
    auto *page = new QWidget(this);
    m_store = new QButtonGroup(page);
    m_storeManaged = new QRadioButton(tr("&Managed redis-server (started by the console)"), page);
    m_storeRedis = new QRadioButton(tr("&Redis server at this URL:"), page);
    m_storeMemory = new QRadioButton(tr("In &memory (lost on exit)"), page);
    m_redisUrl = new QLineEdit(page);
    m_redisUrl->setPlaceholderText(QStringLiteral("redis://host:6379/0"));
    m_storeManaged->setObjectName(QStringLiteral("storeManaged"));
    m_storeRedis->setObjectName(QStringLiteral("storeRedis"));
    m_storeMemory->setObjectName(QStringLiteral("storeMemory"));
    m_redisUrl->setObjectName(QStringLiteral("redisUrl"));
    m_store->addButton(m_storeManaged, int(ConsoleSettings::StoreKind::Managed));
    m_store->addButton(m_storeRedis, int(ConsoleSettings::StoreKind::RedisUrl));
    m_store->addButton(m_storeMemory, int(ConsoleSettings::StoreKind::Memory));
    connect(m_store, &QButtonGroup::idToggled, this, [this] { updateEnabled(); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_storeManaged);
    layout->addWidget(m_storeRedis);
    layout->addWidget(m_redisUrl);
    layout->addWidget(m_storeMemory);
    layout->addWidget(note(tr("Applying a different store reopens the engine's store at once; "
                              "conversations in the old one stay there."), page));
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::createEmbeddingPage()
{
    auto *page = new QWidget(this);
    m_provider = new QComboBox(page);
    m_provider->setObjectName(QStringLiteral("embeddingProvider"));
    m_provider->addItem(tr("Local (offline, built in)"), QStringLiteral("local"));
    m_provider->addItem(tr("OpenAI"), QStringLiteral("openai"));
    m_provider->addItem(tr("Azure OpenAI"), QStringLiteral("azure"));
    m_providerPages = new QStackedWidget(page);
    m_providerPages->addWidget(note(tr("Vectors are computed in the process; nothing leaves the machine."), page));

    auto *openAi = new QWidget(page);
    auto *openAiForm = new QFormLayout(openAi);
    m_openAiBaseUrl = new QLineEdit(openAi);
    m_openAiBaseUrl->setObjectName(QStringLiteral("openAiBaseUrl"));
    m_openAiModel = new QLineEdit(openAi);
    m_openAiModel->setObjectName(QStringLiteral("openAiModel"));
    m_openAiKey = new SecretField(openAi);
    m_openAiKey->setObjectName(QStringLiteral("openAiKey"));
    openAiForm->addRow(tr("Base URL:"), m_openAiBaseUrl);
    openAiForm->addRow(tr("Model:"), m_openAiModel);
    openAiForm->addRow(tr("API key:"), m_openAiKey);
    m_providerPages->addWidget(openAi);

    auto *azure = new QWidget(page);
    auto *azureForm = new QFormLayout(azure);
    m_azureEndpoint = new QLineEdit(azure);
    m_azureEndpoint->setPlaceholderText(QStringLiteral("https://NAME.openai.azure.com"));
    m_azureDeployment = new QLineEdit(azure);
    m_azureApiVersion = new QLineEdit(azure);
    m_azureKey = new SecretField(azure);
    m_azureKey->setObjectName(QStringLiteral("azureKey"));
    azureForm->addRow(tr("Endpoint:"), m_azureEndpoint);
    azureForm->addRow(tr("Deployment:"), m_azureDeployment);
    azureForm->addRow(tr("API version:"), m_azureApiVersion);
    azureForm->addRow(tr("API key:"), m_azureKey);
    m_providerPages->addWidget(azure);
    connect(m_provider, &QComboBox::currentIndexChanged, m_providerPages, &QStackedWidget::setCurrentIndex);

    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Provider:"), m_provider);
    layout->addRow(m_providerPages);
    layout->addRow(note(tr("Applied at once: the engine rebuilds its search index with the new provider. "
                           "If that fails (a missing key, an unreachable server), the old provider keeps "
                           "running and the status bar says why."), page));
    return page;
}

QWidget *SettingsDialog::createPlannerPage()
{
    auto *page = new QWidget(this);
    m_planner = new QComboBox(page);
    m_planner->setObjectName(QStringLiteral("planner"));
    m_planner->addItem(tr("Rules (deterministic, offline)"), QStringLiteral("rules"));
    m_planner->addItem(tr("LLM function calling"), QStringLiteral("llm"));

    m_llm = new QGroupBox(tr("Language model"), page);
    m_plannerProvider = new QComboBox(m_llm);
    m_plannerProvider->setObjectName(QStringLiteral("plannerProvider"));
    m_plannerProvider->addItem(tr("OpenAI"), QStringLiteral("openai"));
    m_plannerProvider->addItem(tr("Azure OpenAI"), QStringLiteral("azure"));
    m_plannerEndpoint = new QLineEdit(m_llm);
    m_plannerEndpoint->setObjectName(QStringLiteral("plannerEndpoint"));
    m_plannerEndpoint->setPlaceholderText(QStringLiteral("https://api.openai.com"));
    m_plannerModel = new QLineEdit(m_llm);
    m_plannerModel->setObjectName(QStringLiteral("plannerModel"));
    m_plannerDeployment = new QLineEdit(m_llm);
    m_plannerApiVersion = new QLineEdit(m_llm);
    m_plannerKey = new SecretField(m_llm);
    m_plannerKey->setObjectName(QStringLiteral("plannerKey"));
    auto *llmForm = new QFormLayout(m_llm);
    llmForm->addRow(tr("Provider:"), m_plannerProvider);
    llmForm->addRow(tr("Endpoint:"), m_plannerEndpoint);
    llmForm->addRow(tr("Model (OpenAI):"), m_plannerModel);
    llmForm->addRow(tr("Deployment (Azure):"), m_plannerDeployment);
    llmForm->addRow(tr("API version (Azure):"), m_plannerApiVersion);
    llmForm->addRow(tr("API key:"), m_plannerKey);
    llmForm->addRow(note(tr("Without a key of its own, the planner uses the embedding page's key of the same "
                            "provider."), m_llm));
    connect(m_planner, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
    connect(m_plannerProvider, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });

    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Planner:"), m_planner);
    layout->addRow(m_llm);
    layout->addRow(note(tr("Applied at once. When the model is slow or unreachable, the rules decide for that "
                           "turn."), page));
    return page;
}

QWidget *SettingsDialog::createWhatsAppPage()
{
    auto *page = new QWidget(this);
    m_appSecret = new SecretField(page);
    m_appSecret->setObjectName(QStringLiteral("appSecret"));
    m_verifyToken = new SecretField(page);
    m_verifyToken->setObjectName(QStringLiteral("verifyToken"));
    m_accessToken = new SecretField(page);
    m_accessToken->setObjectName(QStringLiteral("accessToken"));
    m_phoneNumberId = new QLineEdit(page);
    m_phoneNumberId->setObjectName(QStringLiteral("phoneNumberId"));
    m_graphApiUrl = new QLineEdit(page);
    m_graphApiUrl->setObjectName(QStringLiteral("graphApiUrl"));
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("App secret:"), m_appSecret);
    layout->addRow(tr("Verify token:"), m_verifyToken);
    layout->addRow(tr("Access token:"), m_accessToken);
    layout->addRow(tr("Phone number ID:"), m_phoneNumberId);
    layout->addRow(tr("Graph API URL:"), m_graphApiUrl);
    layout->addRow(createWebhookGroup(page));
    layout->addRow(note(tr("Secrets go to the desktop keychain when there is one; they are never shown and "
                           "are masked in every log line."),
                        page));
    return page;
}

QWidget *SettingsDialog::createWebhookGroup(QWidget *page)
{
    m_webhook = new QGroupBox(tr("Receive WhatsApp messages in the console (webhook server)"), page);
    m_webhook->setObjectName(QStringLiteral("webhookServer"));
    m_webhook->setCheckable(true);
    m_webhookBind = new QLineEdit(m_webhook);
    m_webhookBind->setObjectName(QStringLiteral("webhookBind"));
    m_webhookBind->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_webhookPort = new QSpinBox(m_webhook);
    m_webhookPort->setObjectName(QStringLiteral("webhookPort"));
    m_webhookPort->setRange(1, 65535);
    m_webhookExecutor = new QComboBox(m_webhook);
    m_webhookExecutor->setObjectName(QStringLiteral("webhookExecutor"));
    m_webhookExecutor->addItem(tr("The backend API (as m1bot serve)"), QStringLiteral("http"));
    m_webhookExecutor->addItem(tr("Sandbox (made-up answers, nothing changes)"), QStringLiteral("sandbox"));
    auto *form = new QFormLayout(m_webhook);
    form->addRow(tr("Listen on address:"), m_webhookBind);
    form->addRow(tr("Port:"), m_webhookPort);
    form->addRow(tr("Tool calls go to:"), m_webhookExecutor);
    form->addRow(note(tr("Messages go through the same queue and workers as m1bot serve, and replies go out "
                         "through the Graph API. Meta delivers only to HTTPS: put a TLS proxy in front of this "
                         "address."), m_webhook));
    return m_webhook;
}

QWidget *SettingsDialog::createSourcesPage()
{
    auto *page = new QWidget(this);
    m_sources = new QListWidget(page);
    m_sources->setObjectName(QStringLiteral("specSources"));
    m_sourceUrl = new QLineEdit(page);
    m_sourceUrl->setPlaceholderText(tr("https://… or a path"));
    auto *addFiles = new QPushButton(tr("Add &files…"), page);
    auto *addUrl = new QPushButton(tr("&Add"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    connect(addFiles, &QPushButton::clicked, this, &SettingsDialog::addSourceFiles);
    connect(addUrl, &QPushButton::clicked, this, [this] {
        const QString source = m_sourceUrl->text().trimmed();
        if (!source.isEmpty() && m_sources->findItems(source, Qt::MatchExactly).isEmpty())
            m_sources->addItem(source);
        m_sourceUrl->clear();
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_sources->selectedItems()); });
    m_sources->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_sourceUrl, 1);
    urlRow->addWidget(addUrl);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addFiles);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_sources, 1);
    layout->addLayout(urlRow);
    layout->addLayout(buttons);
    layout->addWidget(note(tr("OpenAPI 2.0/3.x files, folders, URLs or tool catalogs. "
                              "With none, the bundled demo is loaded."), page));
    return page;
}

QWidget *SettingsDialog::createInterfacePage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Hrvatski"), QStringLiteral("hr"));
    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Language:"), m_language);
    layout->addRow(note(tr("The language changes the next time the console starts."), page));
    return page;
}

void SettingsDialog::addSourceFiles()
{
    auto *dialog = new QFileDialog(this, tr("Add API descriptions"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilter(tr("OpenAPI and tool catalogs (*.yaml *.yml *.json *.jsonl);;All files (*)"));
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &f : files) {
            if (m_sources->findItems(f, Qt::MatchExactly).isEmpty())
                m_sources->addItem(f);
        }
    });
    dialog->open();
}

void SettingsDialog::updateEnabled()
{
    m_redisUrl->setEnabled(m_storeRedis->isChecked());
    m_llm->setEnabled(m_planner->currentData().toString() == u"llm");
    const bool azure = m_plannerProvider->currentData().toString() == u"azure";
    m_plannerModel->setEnabled(!azure);
    m_plannerDeployment->setEnabled(azure);
    m_plannerApiVersion->setEnabled(azure);
}

void SettingsDialog::setSettings(const ConsoleSettings &s)
{
    m_current = s;
    if (QAbstractButton *b = m_store->button(int(s.storeKind)))
        b->setChecked(true);
    m_redisUrl->setText(s.redisUrl);
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(s.embeddingProvider)));
    m_openAiBaseUrl->setText(s.openAiBaseUrl);
    m_openAiModel->setText(s.openAiModel);
    m_openAiKey->setStored(!s.openAiKey.isEmpty());
    m_azureEndpoint->setText(s.azureEndpoint);
    m_azureDeployment->setText(s.azureDeployment);
    m_azureApiVersion->setText(s.azureApiVersion);
    m_azureKey->setStored(!s.azureKey.isEmpty());
    m_planner->setCurrentIndex(std::max(0, m_planner->findData(s.planner)));
    m_plannerProvider->setCurrentIndex(std::max(0, m_plannerProvider->findData(s.plannerProvider)));
    m_plannerEndpoint->setText(s.plannerEndpoint);
    m_plannerModel->setText(s.plannerModel);
    m_plannerDeployment->setText(s.plannerDeployment);
    m_plannerApiVersion->setText(s.plannerApiVersion);
    m_plannerKey->setStored(!s.plannerKey.isEmpty());
    m_appSecret->setStored(!s.whatsAppAppSecret.isEmpty());
    m_verifyToken->setStored(!s.whatsAppVerifyToken.isEmpty());
    m_accessToken->setStored(!s.whatsAppAccessToken.isEmpty());
    m_phoneNumberId->setText(s.whatsAppPhoneNumberId);
    m_graphApiUrl->setText(s.graphApiUrl);
    m_webhook->setChecked(s.webhookEnabled);
    m_webhookBind->setText(s.webhookBind);
    m_webhookPort->setValue(s.webhookPort);
    m_webhookExecutor->setCurrentIndex(std::max(0, m_webhookExecutor->findData(s.webhookExecutor)));
    m_sources->clear();
    m_sources->addItems(s.specSources);
    m_language->setCurrentIndex(std::max(0, m_language->findData(s.language)));
    updateEnabled();
}

ConsoleSettings SettingsDialog::settings() const
{
    ConsoleSettings s = m_current;
    s.storeKind = ConsoleSettings::StoreKind(std::max(0, m_store->checkedId()));
    s.redisUrl = m_redisUrl->text().trimmed();
    s.embeddingProvider = m_provider->currentData().toString();
    s.openAiBaseUrl = m_openAiBaseUrl->text().trimmed();
    s.openAiModel = m_openAiModel->text().trimmed();
    s.openAiKey = m_openAiKey->resolve(m_current.openAiKey);
    s.azureEndpoint = m_azureEndpoint->text().trimmed();
    s.azureDeployment = m_azureDeployment->text().trimmed();
    s.azureApiVersion = m_azureApiVersion->text().trimmed();
    s.azureKey = m_azureKey->resolve(m_current.azureKey);
    s.planner = m_planner->currentData().toString();
    s.plannerProvider = m_plannerProvider->currentData().toString();
    s.plannerEndpoint = m_plannerEndpoint->text().trimmed();
    s.plannerModel = m_plannerModel->text().trimmed();
    s.plannerDeployment = m_plannerDeployment->text().trimmed();
    s.plannerApiVersion = m_plannerApiVersion->text().trimmed();
    s.plannerKey = m_plannerKey->resolve(m_current.plannerKey);
    s.whatsAppAppSecret = m_appSecret->resolve(m_current.whatsAppAppSecret);
    s.whatsAppVerifyToken = m_verifyToken->resolve(m_current.whatsAppVerifyToken);
    s.whatsAppAccessToken = m_accessToken->resolve(m_current.whatsAppAccessToken);
    s.whatsAppPhoneNumberId = m_phoneNumberId->text().trimmed();
    s.graphApiUrl = m_graphApiUrl->text().trimmed();
    s.webhookEnabled = m_webhook->isChecked();
    s.webhookBind = m_webhookBind->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1")
                                                              : m_webhookBind->text().trimmed();
    s.webhookPort = m_webhookPort->value();
    s.webhookExecutor = m_webhookExecutor->currentData().toString();
    s.specSources.clear();
    for (int i = 0; i < m_sources->count(); ++i)
        s.specSources.append(m_sources->item(i)->text());
    s.language = m_language->currentData().toString();
    return s;
}

void SettingsDialog::apply()
{
    const ConsoleSettings edited = settings();
    setSettings(edited); // typed secrets become "set"; the fields empty again
    Q_EMIT applied(edited);
}

} // namespace m1
