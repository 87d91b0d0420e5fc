#include "unprivileged.h"

#include <QFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace m1 {

bool Unprivileged::isRoot()
{
    return ::geteuid() == 0;
}

int Unprivileged::uid()
{
    const passwd *user = ::getpwnam("nobody");
    return user ? int(user->pw_uid) : -1;
}

int Unprivileged::gid()
{
    const passwd *user = ::getpwnam("nobody");
    return user ? int(user->pw_gid) : -1;
}

bool Unprivileged::wrap(QString *program, QStringList *arguments, QString *error)
{
    if (!isRoot())
        return true;
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    if (setpriv.isEmpty() || uid() < 0) {
        *error = u"running as root, and cannot drop to user 'nobody' (setpriv from util-linux "
                 u"missing, or no such user)"_s;
        return false;
    }
    QStringList wrapped { u"--reuid="_s + QString::number(uid()),
                          u"--regid="_s + QString::number(gid()), u"--clear-groups"_s, u"--"_s,
                          *program };
    wrapped += *arguments;
    *program = setpriv;
    *arguments = wrapped;
    return true;
}

bool Unprivileged::handOver(const QString &path, QString *error)
{
    if (!isRoot())
        return true;
    if (uid() < 0) {
        *error = u"running as root and there is no user 'nobody' to run helpers as"_s;
        return false;
    }
    if (::chown(QFile::encodeName(path).constData(), uid_t(uid()), gid_t(gid())) != 0) {
        *error = u"cannot give "_s + path + u" to nobody: "_s
            + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return true;
}

} // namespace m1
