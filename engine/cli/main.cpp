// m1bot: MobilityOne Bot without a window — production serving and scriptable tools.

#include "cli/cliapplication.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MobilityOne"));
    QCoreApplication::setApplicationName(QStringLiteral("m1bot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(M1_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    m1::CliContext ctx{out, err};
    m1::CliApplication cli;
    return cli.run(QCoreApplication::arguments(), ctx);
}
