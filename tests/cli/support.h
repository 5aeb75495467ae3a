#pragma once

// Shared by the command-line tests: the real binary run as a CI machine runs it, and files read
// back.
#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

// The real binary's exit code, standard output and error.
struct Output {
    int exitCode;
    QByteArray out;
    QString err;
    QString text() const { return QString::fromUtf8(out); }
};

// How the binary is started: as the test process runs, or without a display (what a CI machine
// has), with some variables set (XDG_DATA_HOME for profiles, PATH for missing tools).
struct Environment {
    bool withoutDisplay = false;
    QList<std::pair<QString, QString>> set;
};

inline Output run(const QStringList &args, const Environment &environment = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (environment.withoutDisplay)
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
    for (const auto &[name, value] : environment.set)
        env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(GILSCOPE_BINARY, args);
    REQUIRE(p.waitForFinished(120'000));
    return {p.exitCode(), p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

inline Output gilscopeWithoutDisplay(const QStringList &args) {
    return run(args, {true, {}});
}

// The file's bytes; empty when it cannot be read.
inline QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace clitest
