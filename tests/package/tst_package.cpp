// The Debian packages (packaging/), built with CPack from this build folder and checked the way
// a Debian packager would: the file lists, the control fields and maintainer scripts, lintian,
// desktop-file-validate, appstreamcli, systemd-analyze, the man pages against --help, and then
// the installed binaries themselves, run from a scratch root the packages are unpacked into.
// A missing tool fails the test: CI must not pass without having checked.

#include "packagetools.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace m1::test;

class TestPackage : public QObject
{
    Q_OBJECT

private:
    QString deb(const QString &package) const { return m_debs.value(package); }
    QString rootPath(const QString &path) const { return m_root + path; }
    // The installed m1bot and m1-console run from the scratch root, with a home of their own.
    QProcessEnvironment installedEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_work.filePath(u"home"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_work.filePath(u"home/data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_work.filePath(u"home/config"_s));
        for (const QString &name : {u"M1_WHATSAPP_APP_SECRET"_s, u"M1_WHATSAPP_VERIFY_TOKEN"_s,
                                    u"M1_WHATSAPP_TOKEN"_s, u"M1_WHATSAPP_PHONE_NUMBER_ID"_s})
            env.remove(name);
        return env;
    }
    Run m1bot(const QStringList &args) const
    {
        return run(rootPath(u"/usr/bin/m1bot"_s), args, installedEnvironment(), 180'000);
    }

    QTemporaryDir m_work;
    QString m_root;
    QHash<QString, QString> m_debs; // package name → .deb file

private Q_SLOTS:
    void initTestCase()
    {
        QStringList missing;
        for (const QString &tool : requiredTools()) {
            if (QStandardPaths::findExecutable(tool).isEmpty())
                missing.append(tool);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"missing: "_s + missing.join(u", "_s)
                                                + u" (run scripts/install-deps.sh)"_s));
        QVERIFY(m_work.isValid());
        m_root = m_work.filePath(u"root"_s);

        const QString out = m_work.filePath(u"out"_s);
        const Run cpack = run(qEnvironmentVariable("CPACK_COMMAND"),
                              {u"--config"_s, qEnvironmentVariable("M1_CPACK_CONFIG"), u"-B"_s, out}, {}, 600'000);
        QVERIFY2(cpack.exitCode == 0, qPrintable(describe(u"cpack"_s, cpack)));
        for (const QFileInfo &file : QDir(out).entryInfoList({u"*.deb"_s}, QDir::Files)) {
            const Run name = run(u"dpkg-deb"_s, {u"-f"_s, file.filePath(), u"Package"_s});
            m_debs.insert(name.out.trimmed(), file.filePath());
        }
        qInfo().noquote() << "packages:" << QStringList(m_debs.values()).join(u", "_s);
        for (const QString &file : std::as_const(m_debs)) {
            const Run unpack = run(u"dpkg-deb"_s, {u"-x"_s, file, m_root});
            QVERIFY2(unpack.exitCode == 0, qPrintable(describe(u"dpkg-deb -x"_s, unpack)));
        }
    }

    void packagesAreBuilt()
    {
        QCOMPARE(QStringList(m_debs.keys()).size(), 2);
        const QString version = qEnvironmentVariable("M1_PACKAGE_VERSION");
        for (const QString &package : {u"m1bot"_s, u"m1-console"_s}) {
            QVERIFY2(m_debs.contains(package), qPrintable(package));
            const QRegularExpression name(u"^"_s + QRegularExpression::escape(package + u'_' + version)
                                          + u"_[a-z0-9]+\\.deb$"_s);
            QVERIFY2(name.match(QFileInfo(deb(package)).fileName()).hasMatch(), qPrintable(deb(package)));
        }
    }

    void fileList_data() { addPackageRows(); }

    void fileList()
    {
        // Every file with its mode and owner (directories are lintian's business).
        QFETCH(QString, package);
        const Run contents = run(u"dpkg-deb"_s, {u"-c"_s, deb(package)});
        QCOMPARE(contents.exitCode, 0);
        QStringList actual;
        for (const QString &line : contents.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList fields = line.simplified().split(u' ');
            if (fields.size() < 6 || fields.at(0).startsWith(u'd'))
                continue;
            QString path = fields.at(5);
            if (path.startsWith(u"./"))
                path = path.mid(1);
            actual.append(fields.at(0) + u' ' + fields.at(1) + u' ' + path);
        }
        actual.sort();
        QStringList expected = readLines(QStringLiteral(M1_SOURCE_DIR "/tests/package/") + package + u".files"_s);
        expected.sort();
        qInfo().noquote() << package << u"holds:\n"_s + actual.join(u'\n');
        QStringList unexpected, missing;
        for (const QString &entry : std::as_const(actual)) {
            if (!expected.contains(entry))
                unexpected.append(entry);
        }
        for (const QString &entry : std::as_const(expected)) {
            if (!actual.contains(entry))
                missing.append(entry);
        }
        QVERIFY2(missing.isEmpty() && unexpected.isEmpty(),
                 qPrintable(u"missing:\n"_s + missing.join(u'\n') + u"\nunexpected:\n"_s + unexpected.join(u'\n')));
    }

    void controlFields_data()
    {
        QTest::addColumn<QString>("package");
        QTest::addColumn<QStringList>("depends");
        QTest::addColumn<QStringList>("recommends");
        // Linked libraries come from dpkg-shlibdeps; plugins and tools from packaging/CMakeLists.txt.
        QTest::newRow("m1bot") << u"m1bot"_s
                               << QStringList{u"libqt6core6"_s, u"libqt6network6"_s, u"libqt6sql6"_s,
                                              u"libhiredis0.14"_s, u"libyaml-cpp0.7"_s,
                                              u"libc6"_s, u"libstdc++6"_s, u"adduser"_s, u"ca-certificates"_s,
                                              u"libqt6sql6-sqlite"_s}
                               << QStringList{u"redis-server"_s};
        QTest::newRow("m1-console") << u"m1-console"_s
                                    << QStringList{u"libqt6core6"_s, u"libqt6widgets6"_s, u"libqt6charts6"_s,
                                                   u"libqt6svg6"_s, u"libgvc6"_s, u"libhiredis0.14"_s,
                                                   u"libyaml-cpp0.7"_s}
                                    << QStringList{u"redis-server"_s};
    }

    void controlFields()
    {
        QFETCH(QString, package);
        QFETCH(QStringList, depends);
        QFETCH(QStringList, recommends);
        const Run info = run(u"dpkg-deb"_s, {u"-I"_s, deb(package)});
        qInfo().noquote() << info.out;
        const auto field = [&](const QString &name) {
            return run(u"dpkg-deb"_s, {u"-f"_s, deb(package), name}).out.trimmed();
        };
        QCOMPARE(field(u"Package"_s), package);
        QCOMPARE(field(u"Version"_s), qEnvironmentVariable("M1_PACKAGE_VERSION"));
        QCOMPARE(field(u"Source"_s), u"m1bot"_s);
        QVERIFY(!field(u"Maintainer"_s).isEmpty());
        QVERIFY(field(u"Homepage"_s).startsWith(u"https://"_s));
        // "libqt6core6 (>= 6.4.0), adduser, ..." → package names
        const auto names = [](const QString &list) {
            QStringList out;
            for (const QString &entry : list.split(u',', Qt::SkipEmptyParts))
                out.append(entry.trimmed().section(u' ', 0, 0));
            return out;
        };
        const QStringList declared = names(field(u"Depends"_s));
        for (const QString &dependency : std::as_const(depends))
            QVERIFY2(declared.contains(dependency), qPrintable(dependency + u" not in Depends: "_s + declared.join(u", "_s)));
        const QStringList recommended = names(field(u"Recommends"_s));
        for (const QString &r : std::as_const(recommends))
            QVERIFY2(recommended.contains(r), qPrintable(r + u" not in Recommends"_s));
        // The service's package pulls in no GUI: a server needs no X11, GL or Widgets.
        if (package == u"m1bot"_s) {
            for (const QString &gui : {u"libqt6widgets6"_s, u"libqt6gui6"_s, u"libgl1"_s})
                QVERIFY2(!declared.contains(gui), qPrintable(gui));
        }
    }

    void maintainerScripts()
    {
        const QString control = m_work.filePath(u"control-m1bot"_s);
        const Run extract = run(u"dpkg-deb"_s, {u"-e"_s, deb(u"m1bot"_s), control});
        QVERIFY2(extract.exitCode == 0, qPrintable(describe(u"dpkg-deb -e"_s, extract)));
        QCOMPARE(readLines(control + u"/conffiles"_s),
                 (QStringList{u"/etc/m1bot/m1bot.yaml"_s, u"/etc/m1bot/m1bot.env"_s}));
        for (const QString &script : {u"postinst"_s, u"prerm"_s, u"postrm"_s}) {
            const QFileInfo info(control + u'/' + script);
            QVERIFY2(info.isExecutable(), qPrintable(script));
            const Run syntax = run(u"sh"_s, {u"-n"_s, info.filePath()});
            QVERIFY2(syntax.exitCode == 0, qPrintable(describe(u"sh -n "_s + script, syntax)));
        }
        // The system user is created by both means the package offers, alike.
        QFile sysusers(rootPath(u"/usr/lib/sysusers.d/m1bot.conf"_s));
        QVERIFY(sysusers.open(QIODevice::ReadOnly));
        QVERIFY(sysusers.readAll().contains("u m1bot - \"MobilityOne bot\" /var/lib/m1bot /usr/sbin/nologin"));
        QFile postinst(control + u"/postinst"_s);
        QVERIFY(postinst.open(QIODevice::ReadOnly));
        const QByteArray script = postinst.readAll();
        QVERIFY(script.contains("--home /var/lib/m1bot"));
        QVERIFY(script.contains("--shell /usr/sbin/nologin"));
    }

    void versionsAgree()
    {
        const QString version = qEnvironmentVariable("M1_PACKAGE_VERSION");
        const Run changelog = run(u"dpkg-parsechangelog"_s,
                                  {u"-l"_s, QStringLiteral(M1_SOURCE_DIR "/packaging/debian/changelog"), u"-S"_s, u"Version"_s});
        QCOMPARE(changelog.out.trimmed(), version);
        QFile metainfo(rootPath(u"/usr/share/metainfo/com.mobilityone.Console.metainfo.xml"_s));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        QVERIFY(metainfo.readAll().contains(QByteArray("<release version=\"" + version.toUtf8() + "\"")));
        QVERIFY(m1bot({u"--version"_s}).out.contains(version));
    }

    void lintian_data() { addPackageRows(); }

    void lintian()
    {
        // No error and no warning; what lintian still says at lower levels is printed.
        QFETCH(QString, package);
        // (--show-overrides would make overridden warnings fail too: the overrides, each with
        // its reason, are in /usr/share/lintian/overrides/ and printed below.)
        const Run lint = run(u"lintian"_s, {u"--fail-on"_s, u"error,warning"_s, u"--display-info"_s, deb(package)},
                             {}, 600'000);
        QFile overrides(rootPath(u"/usr/share/lintian/overrides/"_s + package));
        if (overrides.open(QIODevice::ReadOnly))
            qInfo().noquote() << "lintian overrides of" << package << u":\n"_s + QString::fromUtf8(overrides.readAll());
        qInfo().noquote() << "lintian" << package << (lint.all().trimmed().isEmpty() ? u"(no output)"_s : u":\n"_s + lint.all());
        QVERIFY2(lint.exitCode == 0, qPrintable(describe(u"lintian"_s, lint)));
        QVERIFY2(!lint.out.contains(u"E: "_s) && !lint.out.contains(u"W: "_s), qPrintable(lint.out));
    }

    void desktopEntry()
    {
        const Run validate = run(u"desktop-file-validate"_s,
                                 {rootPath(u"/usr/share/applications/com.mobilityone.Console.desktop"_s)});
        qInfo().noquote() << "desktop-file-validate:" << (validate.all().isEmpty() ? u"(no output)"_s : validate.all());
        QVERIFY2(validate.exitCode == 0 && validate.all().trimmed().isEmpty(),
                 qPrintable(describe(u"desktop-file-validate"_s, validate)));
    }

    void appstreamMetadata()
    {
        const QString metainfo = rootPath(u"/usr/share/metainfo/com.mobilityone.Console.metainfo.xml"_s);
        const Run validate = run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, metainfo});
        qInfo().noquote() << "appstreamcli validate --no-net:" << validate.all();
        QVERIFY2(validate.exitCode == 0, qPrintable(describe(u"appstreamcli validate"_s, validate)));
        // The tree: the metainfo's launchable is the desktop entry shipped, its icon is found.
        const Run tree = run(u"appstreamcli"_s, {u"validate-tree"_s, u"--no-net"_s, m_root});
        qInfo().noquote() << "appstreamcli validate-tree --no-net:" << tree.all();
        QVERIFY2(tree.exitCode == 0, qPrintable(describe(u"appstreamcli validate-tree"_s, tree)));
        // Every screenshot of the README is in the metadata.
        QFile file(metainfo);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray xml = file.readAll();
        const QStringList shots = QDir(QStringLiteral(M1_SOURCE_DIR "/docs/screenshots")).entryList({u"*.png"_s});
        QVERIFY(!shots.isEmpty());
        for (const QString &shot : shots)
            QVERIFY2(xml.contains(QString(u'/' + shot + u"</image>"_s).toUtf8()), qPrintable(shot));
    }

    void systemdUnit()
    {
        // systemd-analyze checks a unit against a root holding everything it names: the
        // package's files, plus the host's systemd units (the targets it is ordered after).
        const QString units = rootPath(u"/usr/lib/systemd/system"_s);
        QDirIterator host(u"/usr/lib/systemd/system"_s, QDir::Files | QDir::NoDotAndDotDot);
        int copied = 0;
        while (host.hasNext()) {
            const QFileInfo unit(host.next());
            if (!QFileInfo::exists(units + u'/' + unit.fileName()) && QFile::copy(unit.filePath(), units + u'/' + unit.fileName()))
                ++copied;
        }
        QVERIFY2(copied > 0 && QFileInfo::exists(units + u"/sysinit.target"_s),
                 "no systemd units on this machine to verify against (apt install systemd)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MANPATH"_s, rootPath(u"/usr/share/man"_s)); // Documentation=man:m1bot(1)
        env.insert(u"SYSTEMD_LOG_COLOR"_s, u"0"_s);
        const Run verify = run(u"systemd-analyze"_s, {u"verify"_s, u"--root="_s + m_root, u"m1bot.service"_s}, env);
        qInfo().noquote() << "systemd-analyze verify:" << (verify.all().isEmpty() ? u"(no output)"_s : verify.all());
        QVERIFY2(verify.exitCode == 0 && verify.all().trimmed().isEmpty(), qPrintable(describe(u"systemd-analyze verify"_s, verify)));

        // Exposure 0 (locked down) to 100 (none): at most 20, i.e. "OK" or better.
        const Run security = run(u"systemd-analyze"_s, {u"security"_s, u"--offline=true"_s, u"--threshold=20"_s,
                                                        u"--no-pager"_s, u"--root="_s + m_root, u"m1bot.service"_s}, env);
        qInfo().noquote() << "systemd-analyze security:" << security.out.section(u'\n', -3);
        QVERIFY2(security.exitCode == 0, qPrintable(describe(u"systemd-analyze security"_s, security)));
    }

    void manPages_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("m1bot") << u"m1bot"_s
                               << QStringList{u"registry"_s, u"graph"_s, u"search"_s, u"eval"_s, u"bench"_s,
                                              u"chat"_s, u"serve"_s};
        QTest::newRow("m1-console") << u"m1-console"_s << QStringList{};
    }

    void manPages()
    {
        // Rendered without a groff warning, and naming every command, option and environment
        // variable the installed program's --help names: a command's own options in that
        // command's part of the page.
        QFETCH(QString, program);
        QFETCH(QStringList, commands);
        const QString page = rootPath(u"/usr/share/man/man1/"_s + program + u".1.gz"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MANWIDTH"_s, u"200"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        const Run rendered = run(u"man"_s, {u"--warnings"_s, u"-l"_s, page}, env);
        QVERIFY2(rendered.exitCode == 0 && rendered.err.trimmed().isEmpty(), qPrintable(describe(u"man"_s, rendered)));
        const QString text = rendered.out;

        QProcessEnvironment installed = installedEnvironment();
        installed.remove(u"QT_QPA_PLATFORM"_s); // --help needs no display
        installed.remove(u"DISPLAY"_s);
        installed.remove(u"WAYLAND_DISPLAY"_s);
        const auto help = [&](const QStringList &args) {
            return run(rootPath(u"/usr/bin/"_s + program), args, installed).out;
        };
        static const QRegularExpression option(u"(?<![\\w-])--[a-z][a-z0-9-]+"_s);
        static const QRegularExpression variable(u"\\bM1_[A-Z0-9_]+"_s);
        QStringList absent;
        const auto check = [&](const QString &helpText, const QString &section, const QString &where) {
            for (const QRegularExpression *pattern : {&option, &variable}) {
                auto it = pattern->globalMatch(helpText);
                while (it.hasNext()) {
                    const QString name = it.next().captured();
                    if (!section.contains(name) && !absent.contains(where + name))
                        absent.append(where + name);
                }
            }
        };
        const QString general = help({u"--help"_s});
        QVERIFY(!general.isEmpty());
        check(general, text, QString());
        // Each command's subsection runs from its heading ("   m1bot search QUERY") to the next one.
        static const QRegularExpression heading(u"(?m)^   (\\S+) ([a-z]+)\\b.*$"_s);
        for (const QString &command : std::as_const(commands)) {
            const QString own = help({command, u"--help"_s});
            QVERIFY2(!own.isEmpty(), qPrintable(command));
            qsizetype from = -1, to = text.size();
            auto it = heading.globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                if (from >= 0) {
                    to = m.capturedStart();
                    break;
                }
                if (m.captured(1) == program && m.captured(2) == command)
                    from = m.capturedStart();
            }
            QVERIFY2(from >= 0, qPrintable(u"no section for "_s + program + u' ' + command));
            // Options every command takes are described once, under OPTIONS.
            QString ownOnly = own;
            for (const QString &common : {u"--config"_s, u"--spec"_s, u"--store"_s, u"--json"_s, u"--help"_s})
                ownOnly.remove(common);
            check(ownOnly, text.mid(from, to - from), command + u": "_s);
            check(own, text, command + u": "_s); // variables, and the common options, anywhere
        }
        QVERIFY2(absent.isEmpty(), qPrintable(u"in --help but not in the man page: "_s + absent.join(u", "_s)));
    }

    void installedM1bot()
    {
        const QString version = qEnvironmentVariable("M1_PACKAGE_VERSION");
        const Run versionRun = m1bot({u"--version"_s});
        qInfo().noquote() << u"$ m1bot --version\n"_s + versionRun.all();
        QCOMPARE(versionRun.exitCode, 0);
        QCOMPARE(versionRun.out.trimmed(), u"m1bot "_s + version);

        // The bundled demo, compiled in: found wherever the binary is.
        const Run registry = m1bot({u"registry"_s});
        qInfo().noquote() << u"$ m1bot registry | tail -1\n"_s + registry.out.trimmed().section(u'\n', -1);
        QVERIFY2(registry.exitCode == 0, qPrintable(describe(u"m1bot registry"_s, registry)));
        static const QRegularExpression summary(u"^(\\d+) tools from 1 source\\(s\\) in [0-9.]+ ms; 0 load problem\\(s\\)$"_s,
                                                QRegularExpression::MultilineOption);
        const QRegularExpressionMatch tools = summary.match(registry.out);
        QVERIFY2(tools.hasMatch() && tools.captured(1).toInt() > 100, qPrintable(registry.out.right(300)));
        QVERIFY(registry.out.contains(u"createPoolBooking"_s));

        const Run search = m1bot({u"search"_s, u"koliko km ima moj auto"_s});
        qInfo().noquote() << u"$ m1bot search \"koliko km ima moj auto\"\n"_s + search.out;
        QVERIFY2(search.exitCode == 0, qPrintable(describe(u"m1bot search"_s, search)));
        QVERIFY2(search.out.section(u'\n', 0, 0).contains(u"getVehicleMileage"_s), qPrintable(search.out));

        const Run json = m1bot({u"search"_s, u"--json"_s, u"--top"_s, u"3"_s, u"book a pool car for tomorrow"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(result.value(u"results"_s).toArray().size(), 3);
        QCOMPARE(result.value(u"results"_s).toArray().first().toObject().value(u"id"_s).toString(), u"createPoolBooking"_s);
    }

    void installedConfiguration()
    {
        // The shipped configuration, read by the installed binary.
        const QString config = rootPath(u"/etc/m1bot/m1bot.yaml"_s);
        const Run registry = m1bot({u"registry"_s, u"--config"_s, config, u"--store"_s, u"memory"_s});
        QVERIFY2(registry.exitCode == 0, qPrintable(describe(u"m1bot registry --config"_s, registry)));

        // First run of the service without its secrets: refused, every missing one named, and
        // nothing created in the data folder it names.
        const Run serve = m1bot({u"serve"_s, u"--config"_s, config});
        qInfo().noquote() << u"$ m1bot serve --config /etc/m1bot/m1bot.yaml   (no secrets)\n"_s + serve.all()
                          << "exit code" << serve.exitCode;
        QCOMPARE(serve.exitCode, 2);
        for (const QString &name : {u"M1_WHATSAPP_APP_SECRET"_s, u"M1_WHATSAPP_VERIFY_TOKEN"_s,
                                    u"M1_WHATSAPP_TOKEN"_s, u"M1_WHATSAPP_PHONE_NUMBER_ID"_s})
            QVERIFY2(serve.err.contains(name), qPrintable(serve.err));
        QVERIFY(serve.out.isEmpty());
    }

    void installedConsole()
    {
        // --version and --help answer without a display.
        QProcessEnvironment env = installedEnvironment();
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        const Run version = run(rootPath(u"/usr/bin/m1-console"_s), {u"--version"_s}, env);
        qInfo().noquote() << u"$ m1-console --version\n"_s + version.all();
        QVERIFY2(version.exitCode == 0, qPrintable(describe(u"m1-console --version"_s, version)));
        QCOMPARE(version.out.trimmed(), u"m1-console "_s + qEnvironmentVariable("M1_PACKAGE_VERSION"));

        // The Croatian translation travels inside the binary.
        env.insert(u"LANG"_s, u"hr_HR.UTF-8"_s);
        env.insert(u"LANGUAGE"_s, u"hr"_s);
        env.remove(u"LC_ALL"_s);
        env.remove(u"LC_MESSAGES"_s);
        const Run croatian = run(rootPath(u"/usr/bin/m1-console"_s), {u"--help"_s}, env);
        QVERIFY2(croatian.exitCode == 0 && croatian.out.contains(u"MobilityOne administratorska konzola"_s),
                 qPrintable(describe(u"m1-console --help in Croatian"_s, croatian)));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
