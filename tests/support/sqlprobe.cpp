// m1sqlprobe URL — opens the SQL store at URL (creating and migrating it when needed) and logs
// one message, then prints "ok" or the error. The SQL tests run it as another user (a read-only
// file means nothing to root) and as a separate process (one that must not crash).

#include "core/clock.h"
#include "store/messagelog.h"
#include "store/sqldatabase.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        out << "usage: m1sqlprobe URL\n";
        return 2;
    }
    m1::SystemClock clock;
    QString error;
    const auto url = m1::SqlUrl::parse(args.at(1), QString(), &error);
    if (!url) {
        out << error << '\n';
        return 1;
    }
    auto db = m1::SqlDatabase::open(*url, clock, &error);
    if (!db) {
        out << error << '\n';
        return 1;
    }
    m1::MessageLogEntry entry;
    entry.messageId = u"probe-"_s + QString::number(clock.nowMs());
    entry.phone = u"385000"_s;
    entry.text = u"probe"_s;
    entry.timeMs = clock.nowMs();
    error = m1::MessageLog(*db).append({ entry });
    if (!error.isEmpty()) {
        out << error << '\n';
        return 1;
    }
    out << "ok\n";
    return 0;
}
