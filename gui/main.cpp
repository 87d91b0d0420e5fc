// m1-console: the admins' desktop console over the MobilityOne engine.

#include "consolesettings.h"
#include "enginecontroller.h"
#include "mainwindow.h"
#include "panels/searchpanel.h"
#include "screenshotrunner.h"

#include "core/clock.h"
#include "core/logsink.h"
#include "facade/configloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace {

// The interface language: the one saved in the settings, else the system's.
void installTranslators(QApplication &app)
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MobilityOne"));
    QApplication::setApplicationName(QStringLiteral("m1-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("MobilityOne Console"));
    QApplication::setApplicationVersion(QStringLiteral(M1_VERSION));
    installTranslators(app);

    QCommandLineParser parser;
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
    logOptions.secrets = saved.secrets();
    m1::LogSink logSink(clock, logOptions);

    m1::EngineController controller(config);
    m1::MainWindow window(controller);
    controller.setLogSink(&logSink);
    QObject::connect(&window, &m1::MainWindow::settingsApplied, &window,
                     [&logSink](const m1::ConsoleSettings &settings) { logSink.setSecrets(settings.secrets()); });
    window.show();
    std::unique_ptr<m1::ScreenshotRunner> screenshots;
    if (parser.isSet(QStringLiteral("screenshot-dir"))) {
        screenshots = std::make_unique<m1::ScreenshotRunner>(controller, window,
                                                             parser.value(QStringLiteral("screenshot-dir")));
        QObject::connect(screenshots.get(), &m1::ScreenshotRunner::finished, &app, &QCoreApplication::exit);
    }
    controller.start();
    return app.exec();
}
