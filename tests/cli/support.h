#pragma once

// Shared by the command-line tests: the real binary run as a CI machine runs it, and files read
// back.
#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

struct CliRun {
    int exitCode;
    QString err;
};

// The real binary with neither a display nor a platform chosen: what a CI machine has.
inline CliRun gilscopeWithoutDisplay(const QStringList &args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    p.setProcessEnvironment(env);
    p.start(GILSCOPE_BINARY, args);
    REQUIRE(p.waitForFinished(120'000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

// The real binary as the test process runs it: exit code, standard output and error.
struct Output {
    int exitCode;
    QByteArray out;
    QString err;
};

inline Output run(const QStringList &args) {
    QProcess p;
    p.start(GILSCOPE_BINARY, args);
    REQUIRE(p.waitForFinished(120'000));
    return {p.exitCode(), p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

// The file's bytes; empty when it cannot be read.
inline QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace clitest
