// m1-console: the admins' desktop console over the MobilityOne engine.

#include "consolesettings.h"
#include "enginecontroller.h"
#include "firstrun.h"
#include "mainwindow.h"
#include "panels/searchpanel.h"
#include "screenshotrunner.h"
#include "secrets/keychainsecretstore.h"

#include "core/clock.h"
#include "core/logsink.h"
#include "facade/configloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace {

// The id shared by the desktop entry, the AppStream metadata and the icon (packaging/).
constexpr auto kAppId = "com.mobilityone.Console";

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MobilityOne"));
    QCoreApplication::setApplicationName(QStringLiteral("m1-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(M1_VERSION));
}

// The interface language: the one saved in the settings, else the system's.
void installTranslators(QCoreApplication &app)
{
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = saved.isEmpty() ? QLocale::system() : QLocale(saved);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("m1"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QApplication::translate("main", "MobilityOne admin console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"), QApplication::translate("main", "Read the configuration from FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("spec"),
                      QApplication::translate("main", "Load tools from PATH or URL (repeatable)."),
                      QStringLiteral("PATH|URL")});
    parser.addOption({QStringLiteral("screenshot-dir"),
                      QApplication::translate("main", "Load the demo, write one PNG per panel into DIR and exit."),
                      QStringLiteral("DIR")});
}

// --help and --version need no window, so they must not need a display either (ssh, scripts).
bool asksOnlyForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication core(argc, argv);
        nameApplication();
        installTranslators(core);
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("MobilityOne Console"));
    QGuiApplication::setDesktopFileName(QLatin1String(kAppId));
    QApplication::setWindowIcon(QIcon::fromTheme(QLatin1String(kAppId),
                                                 QIcon(QString(u":/icons/" + QLatin1String(kAppId) + u".svg"))));
    installTranslators(app);

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    m1::EngineConfig config;
    if (parser.isSet(QStringLiteral("config"))) {
        const auto loaded = m1::ConfigLoader::loadFile(parser.value(QStringLiteral("config")));
        if (!loaded.ok()) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "Configuration"),
                                  loaded.errors.join(u'\n'));
            return 2;
        }
        config = loaded.config;
    }
    for (const QString &spec : parser.values(QStringLiteral("spec")))
        config.specSources.append(spec.contains(u"://") || spec.startsWith(u":/")
                                      ? spec
                                      : QDir::current().absoluteFilePath(spec));

    // What the settings dialog saved, where a config file or --spec does not say otherwise.
    const m1::ConsoleSettings saved = m1::ConsoleSettings::load(QSettings());
    if (!parser.isSet(QStringLiteral("config")))
        config.store = saved.storeUrl();
    if (config.specSources.isEmpty())
        config.specSources = saved.specSources;
    // Weights saved from the search panel, unless a config file names its own.
    if (config.scoringFile.isEmpty() && QFileInfo::exists(m1::SearchPanel::savedScoringPath()))
        config.scoringFile = m1::SearchPanel::savedScoringPath();

    // One log sink for the console's lifetime: structured when the config asks, redacted always.
    const m1::SystemClock clock;
    m1::LogSinkOptions logOptions;
    logOptions.format = config.logFormat == m1::EngineConfig::LogFormat::Json ? m1::LogFormatter::Format::Json
                                                                              : m1::LogFormatter::Format::Text;
    logOptions.filePath = config.logFile;
    // The secrets come from the keychain a moment later; settingsApplied hands them over.
    m1::LogSink logSink(clock, logOptions);

    m1::KeychainSecretStore secrets(QApplication::organizationName() + u'/' + QApplication::applicationName());
    m1::EngineController controller(config);
    m1::MainWindow window(controller, &secrets);
    // A config file names its own embedding provider and planner; the saved ones wait for Apply.
    window.setApplySavedSettingsAtStart(!parser.isSet(QStringLiteral("config")));
    controller.setLogSink(&logSink);
    QObject::connect(&window, &m1::MainWindow::settingsApplied, &window,
                     [&logSink](const m1::ConsoleSettings &settings) { logSink.setSecrets(settings.secrets()); });
    auto *firstRun = new m1::FirstRun(window); // owned by the window
    window.show();
    // Started with nothing to say where to look: the demo, and the welcome that explains it.
    if (!parser.isSet(QStringLiteral("config")) && !parser.isSet(QStringLiteral("spec"))
        && !parser.isSet(QStringLiteral("screenshot-dir")))
        firstRun->showIfFirstRun();
    std::unique_ptr<m1::ScreenshotRunner> screenshots;
    if (parser.isSet(QStringLiteral("screenshot-dir"))) {
        screenshots = std::make_unique<m1::ScreenshotRunner>(controller, window,
                                                             parser.value(QStringLiteral("screenshot-dir")));
        QObject::connect(screenshots.get(), &m1::ScreenshotRunner::finished, &app, &QCoreApplication::exit);
    }
    controller.start();
    return app.exec();
}
