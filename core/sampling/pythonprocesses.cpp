#include "sampling/pythonprocesses.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <unistd.h>

namespace gilscope::core {

std::vector<PythonProcess> listPythonProcesses() {
    std::vector<PythonProcess> out;
    static const QRegularExpression pythonName("^python[0-9.]*[a-z]?$");
    const int self = static_cast<int>(::getpid());
    for (const QString &entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (!ok || pid == self)
            continue;
        const QString exe = QFileInfo("/proc/" + entry + "/exe").symLinkTarget();
        if (exe.isEmpty())
            continue; // not ours to read, or a kernel thread
        bool python = pythonName.match(QFileInfo(exe).fileName()).hasMatch();
        if (!python) {
            QFile maps("/proc/" + entry + "/maps");
            python = maps.open(QIODevice::ReadOnly) && maps.readAll().contains("/libpython");
        }
        if (!python)
            continue;
        QFile cmdline("/proc/" + entry + "/cmdline");
        QByteArray args = cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll() : QByteArray();
        while (args.endsWith('\0'))
            args.chop(1);
        args.replace('\0', ' ');
        out.push_back({pid, exe.toStdString(), QString::fromLocal8Bit(args).toStdString()});
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.pid > b.pid; });
    return out;
}

} // namespace gilscope::core
