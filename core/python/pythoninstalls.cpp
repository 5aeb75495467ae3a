#include "python/pythoninstalls.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <tuple>

namespace gilscope::core {

QString PythonInstall::version() const {
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(micro);
}

Result<PythonInstall> probePython(const QString &path) {
    auto fail = [&](const QString &why) { return Error{(path + ": " + why).toStdString()}; };
    QProcess process;
    process.start(path,
                  {"-c", "import platform, sys; print('%s %d %d %d' % "
                         "((platform.python_implementation(),) + tuple(sys.version_info[:3])))"});
    if (!process.waitForStarted(10'000))
        return fail("cannot run it (" + process.errorString() + ")");
    if (!process.waitForFinished(20'000)) {
        process.kill();
        process.waitForFinished(1000);
        return fail("did not answer within 20 s");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail("is not a Python interpreter (it failed to print its version)");
    const QStringList parts =
        QString::fromUtf8(process.readAllStandardOutput()).trimmed().split(' ');
    if (parts.size() != 4)
        return fail("is not a Python interpreter (unexpected version output)");
    PythonInstall py{QFileInfo(path).absoluteFilePath(), parts[1].toInt(), parts[2].toInt(),
                     parts[3].toInt()};
    if (parts[0] != QLatin1String("CPython"))
        return fail(parts[0] + " " + py.version() + " has no GIL to record; use CPython");
    const bool supported = (py.major == 2 && py.minor == 7) || (py.major == 3 && py.minor >= 6);
    if (!supported)
        return fail("Python " + py.version() + " is too old; the recorder needs 2.7 or 3.6+");
    return py;
}

QStringList pythonCandidates() {
    QStringList candidates;
    QString pyenv = qEnvironmentVariable("PYENV_ROOT");
    if (pyenv.isEmpty())
        pyenv = QDir::homePath() + "/.pyenv";
    const QDir versions(pyenv + "/versions");
    for (const QString &v : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        candidates << versions.filePath(v + "/bin/python");
    for (const char *name : {"python3", "python", "python2.7", "python2"}) {
        const QString found = QStandardPaths::findExecutable(name);
        if (!found.isEmpty())
            candidates << found;
    }
    return candidates;
}

std::vector<PythonInstall> findPythonInstalls(const QStringList &candidates) {
    std::vector<PythonInstall> result;
    for (const QString &candidate : candidates) {
        if (!QFileInfo(candidate).isExecutable())
            continue;
        const auto py = probePython(candidate);
        if (py && std::none_of(result.begin(), result.end(), [&](const PythonInstall &other) {
                return other.version() == py->version();
            }))
            result.push_back(*py);
    }
    std::sort(result.begin(), result.end(), [](const PythonInstall &a, const PythonInstall &b) {
        return std::tie(a.major, a.minor, a.micro) < std::tie(b.major, b.minor, b.micro);
    });
    return result;
}

QString resolvePythonPath(const QString &nameOrPath) {
    if (nameOrPath.contains('/')) {
        const QFileInfo info(nameOrPath);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(nameOrPath);
}

} // namespace gilscope::core
