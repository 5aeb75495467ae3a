// Files end to end: a full disk, devices and FIFOs, standard output that fails, inputs that are
// not files, and file names that are not UTF-8 — with the binary users run.
#include "../core/files/fulldisk.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

namespace {

struct Run {
    int exitCode;
    QByteArray out;
    QString err;
};

Run finish(QProcess &p) {
    // Nothing here may wait on a FIFO: a hang is a failure, not a slow test.
    const bool finished = p.waitForFinished(60'000);
    if (!finished)
        p.kill();
    REQUIRE(finished);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

Run runGilscope(const QStringList &args, const QString &stdoutFile = {},
                const QString &stdinFile = {}) {
    QProcess p;
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile, QIODevice::Append); // no truncation of the target
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start(GILSCOPE_BINARY, args);
    return finish(p);
}

// Through the shell: for closed streams and for arguments that are raw bytes.
Run shell(const QString &script) {
    QProcess p;
    p.start("/bin/sh", {"-c", script, GILSCOPE_BINARY});
    return finish(p);
}

QString data(const char *name) {
    return QString(GILSCOPE_TEST_DATA) + "/" + name;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

TEST_CASE("files: on a full disk every output is exit 2 with the reason, and earlier files stay") {
    QTemporaryDir elsewhere;
    const QString trace = elsewhere.filePath("t.json");
    REQUIRE(runGilscope({"--preset", "r6-convoy-1cpu", "--trace", trace}).exitCode == 0);

    gilscope::test::FullDisk disk;
    if (!disk.mounted()) {
        WARN("skipped: cannot mount a small tmpfs here (" << disk.whyNot() << ")");
        return;
    }
    for (const char *name : {"m.json", "t.json", "t.csv", "s.json", "x.png"})
        disk.put(name, "earlier");
    REQUIRE(disk.fill());

    const std::pair<QStringList, QString> cases[] = {
        {{"--preset", "threading-4cpu", "--metrics"}, "m.json"},
        {{"--preset", "threading-4cpu", "--trace"}, "t.json"},
        {{"--preset", "threading-4cpu", "--csv"}, "t.csv"},
        {{"--load-trace", trace, "--as-scenario"}, "s.json"},
        {{"--preset", "threading-4cpu", "--size", "480x270", "--export"}, "x.png"},
    };
    for (const auto &[args, name] : cases) {
        const QString out = disk.filePath(name);
        const Run r = runGilscope(args + QStringList{out});
        INFO(name.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err == "gilscope: " + out + ": cannot write: No space left on device");
        CHECK(readAll(out) == "earlier");
    }
}

TEST_CASE("files: an output that is a FIFO is written in place while it is read") {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("metrics.fifo");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QByteArray received;
    std::thread reader([&] {
        QFile f(fifo);
        if (f.open(QIODevice::ReadOnly))
            received = f.readAll();
    });
    const Run r = runGilscope({"--preset", "threading-4cpu", "--metrics", fifo});
    // Should the writer fail before opening the FIFO, the reader is let go rather than left
    // waiting (a FIFO opens for writing without blocking only while a reader waits).
    if (const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
        ::close(fd);
    reader.join();
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(QJsonDocument::fromJson(received).object()["executor"] == "threading");
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(fifo).constData(), &info) == 0);
    CHECK(S_ISFIFO(info.st_mode));
}

TEST_CASE("files: standard output on a full device or closed is exit 2 with a message") {
    const Run full = runGilscope({"--preset", "threading-4cpu", "--metrics", "-"}, "/dev/full");
    CHECK(full.exitCode == 2);
    CHECK(full.err == "gilscope: standard output: cannot write: No space left on device");
    const Run list = runGilscope({"--list-presets"}, "/dev/full");
    CHECK(list.exitCode == 2);
    CHECK(list.err == "gilscope: standard output: cannot write: No space left on device");
    const Run closed = shell("exec \"$0\" --preset threading-4cpu --metrics - >&-");
    CHECK(closed.exitCode == 2);
    CHECK(closed.err == "gilscope: standard output: cannot write: Bad file descriptor");
}

TEST_CASE("files: a device or a FIFO as input is refused by name and limit, never waited on") {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("in.json");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString machine = dir.filePath("machine.json");
    {
        QFile f(machine);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"machine": "/dev/zero", "workers": [{"kind": "cpu", "count": 1}]})");
    }
    const std::pair<QStringList, QString> cases[] = {
        {{"--scenario", "/dev/zero"},
         "/dev/zero: cannot read a character device: a scenario is read from a regular file of "
         "at most 16 MiB"},
        {{"--load-trace", "/dev/zero"},
         "/dev/zero: cannot read a character device: a trace is read from a regular file of at "
         "most 4 GiB"},
        {{"--scenario", fifo},
         fifo + ": cannot read a FIFO: a scenario is read from a regular file of at most 16 MiB"},
        {{"--load-trace", fifo},
         fifo + ": cannot read a FIFO: a trace is read from a regular file of at most 4 GiB"},
        {{"--scenario", machine},
         machine + ": field machine: /dev/zero: cannot read a character device: a machine "
                   "profile is read from a regular file of at most 1 MiB"},
    };
    for (const auto &[args, message] : cases) {
        const Run r = runGilscope(args + QStringList{"--metrics", "-"});
        INFO(args.join(' ').toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err == "gilscope: " + message);
    }
    const Run endless = runGilscope({"--scenario", "-", "--metrics", "-"}, {}, "/dev/zero");
    CHECK(endless.exitCode == 2);
    CHECK(endless.err ==
          "gilscope: standard input: cannot read: more than the 16 MiB a scenario may be");
}

TEST_CASE("files: - reads the scenario or the trace from standard input") {
    const Run scenario =
        runGilscope({"--scenario", "-", "--metrics", "-"}, {}, data("convoy.json"));
    INFO(scenario.err.toStdString());
    REQUIRE(scenario.exitCode == 0);
    CHECK(QJsonDocument::fromJson(scenario.out).object()["scenario"] == "Convoy effect");

    QTemporaryDir dir;
    const QString trace = dir.filePath("t.json");
    REQUIRE(runGilscope({"--scenario", data("convoy.json"), "--trace", trace}).exitCode == 0);
    const Run loaded = runGilscope({"--load-trace", "-", "--metrics", "-"}, {}, trace);
    INFO(loaded.err.toStdString());
    REQUIRE(loaded.exitCode == 0);
    CHECK(QJsonDocument::fromJson(loaded.out).object()["scenario"] == "Convoy effect");
}

TEST_CASE("files: names that are not UTF-8 are read and written under their own bytes") {
    QTemporaryDir dir;
    // QTemporaryDir cannot name these to remove them: the script does.
    const QString script =
        QString(
            "cd '%1' && cp '%2' \"$(printf 'caf\\351.json')\" && "
            "mkdir \"$(printf 'dir\\351')\" && "
            "\"$0\" --scenario \"$(printf 'caf\\351.json')\" --metrics \"$(printf "
            "'out\\351.json')\" --size 480x270 --export \"$(printf 'dir\\351/x.png')\" && "
            "test -s \"$(printf 'out\\351.json')\" && test -s \"$(printf 'dir\\351/x.png')\" && "
            "rm -r \"$(printf 'caf\\351.json')\" \"$(printf 'out\\351.json')\" "
            "\"$(printf 'dir\\351')\"")
            .arg(dir.path(), data("convoy.json"));
    const Run r = shell(script);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.err.isEmpty());
}
