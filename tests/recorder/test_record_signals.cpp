// `gilscope record` stopped from outside: the signals it gets reach the script's process group,
// the trace is still written, and no process of the script outlives it. Also in a terminal: the
// script reads it, Ctrl-C reaches it, and Ctrl-Z stops the whole job until `fg`.
#include "recordersupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <set>
#include <thread>

#include <sys/types.h>

using namespace gilscope;
using namespace gilscope::test;

namespace {

// Forks a child that ignores every stop signal and never ends; writes "PARENT CHILD" to argv[1].
const char *kStubbornChild = R"py(
import os, signal, sys, time
child = os.fork()
if child == 0:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    while True:
        time.sleep(0.01)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d" % (os.getpid(), child))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    time.sleep(0.01)
)py";

// A pool of two workers busy for ever; ready once both have taken their task.
const char *kBusyPool = R"py(
import multiprocessing, os, sys, time
def work(ready):
    open(ready + "." + str(os.getpid()), "w").close()
    n = 0
    while True:
        n += 1
if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    pool = multiprocessing.Pool(2)
    result = pool.map_async(work, [sys.argv[1]] * 2, chunksize=1)
    while len([n for n in os.listdir(os.path.dirname(sys.argv[1]))
               if n.startswith(os.path.basename(sys.argv[1]) + ".")]) < 2:
        time.sleep(0.01)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write("%d" % os.getpid())
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    result.get()
)py";

// A script that will not be stopped by SIGTERM.
const char *kIgnoresTerm = R"py(
import os, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d" % os.getpid())
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    time.sleep(0.01)
)py";

// Started as a shell would start it: the stop signals at their defaults, whatever the test
// runner set. These tests are about the instrumenting recorder, which writes the trace from
// inside the script's process, unless `method` says otherwise.
void startGilscope(QProcess &p, const QStringList &args,
                   const QString &method = QStringLiteral("--instrument")) {
    p.setChildProcessModifier([] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP})
            std::signal(sig, SIG_DFL);
    });
    p.start(GILSCOPE_BINARY, QStringList{"record"} +
                                 (method.isEmpty() ? QStringList{} : QStringList{method}) + args);
    REQUIRE(p.waitForStarted());
}

struct Stopped {
    bool ended = false;
    int exitCode = -1;
    QString err;
};

// Sends `sig` to gilscope alone (not its group) and waits for it to end.
Stopped stopWith(QProcess &p, int sig) {
    ::kill(static_cast<pid_t>(p.processId()), sig);
    Stopped s;
    s.ended = p.waitForFinished(120'000);
    if (!s.ended)
        p.kill();
    s.exitCode = p.exitCode();
    s.err = QString::fromUtf8(p.readAllStandardError());
    return s;
}

// Pids written by a script into its ready file; empty when it never got there.
std::vector<qint64> readyPids(QProcess &p, const QString &readyFile) {
    std::vector<qint64> pids;
    const QString text = waitForFile(readyFile);
    if (text.isEmpty()) {
        p.kill();
        p.waitForFinished();
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        FAIL("the script never got ready");
    }
    for (const QString &word : text.split(' ', Qt::SkipEmptyParts))
        pids.push_back(word.toLongLong());
    return pids;
}

const char *signalName(int sig) {
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "?";
}

} // namespace

TEST_CASE("gilscope record passes SIGINT, SIGTERM and SIGHUP on to the script, still writes the "
          "trace and leaves no process behind") {
    if (onePythonOfEachKind().empty())
        WARN("no Python found: skipped");
    for (const Python &py : onePythonOfEachKind()) {
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
            INFO("Python " << py.version().toStdString() << ", " << signalName(sig));
            QTemporaryDir dir;
            const QString script = writeScript(dir, "spin.py", kSpinUntilStopped);
            const QString trace = dir.filePath("spin.json");
            QProcess p;
            startGilscope(
                p, {"--python", py.path, "--out", trace, "--", script, dir.filePath("ready")});
            const qint64 recorder = readyPids(p, dir.filePath("ready")).at(0);
            const Stopped s = stopWith(p, sig);
            INFO(s.err.toStdString());
            REQUIRE(s.ended);
            CHECK(s.exitCode == 128 + sig);
            CHECK(processGone(recorder));
            const auto load = core::loadTraceFile(trace);
            INFO(load.error());
            REQUIRE(load.ok());
            CHECK(row(**load, "spin-1") != nullptr);
            CHECK(row(**load, "spin-2") != nullptr);
        }
    }
}

TEST_CASE("gilscope record sampling (the default) passes SIGTERM and SIGHUP on to the script and "
          "writes what was sampled") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    for (int sig : {SIGTERM, SIGHUP}) {
        INFO(signalName(sig));
        QTemporaryDir dir;
        const QString script = writeScript(dir, "spin.py", kSpinUntilStopped);
        const QString trace = dir.filePath("spin.json");
        QProcess p;
        startGilscope(p,
                      {"--python", py->path, "--out", trace, "--", script, dir.filePath("ready")},
                      QString()); // no method: the default
        const qint64 python = readyPids(p, dir.filePath("ready")).at(0);
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // sampled a while
        const Stopped s = stopWith(p, sig);
        INFO(s.err.toStdString());
        REQUIRE(s.ended);
        CHECK(s.exitCode == 128 + sig); // the script's own death by the signal
        CHECK(processGone(python));
        CHECK(s.err.contains("gilscope: sampled"));
        const auto load = core::loadTraceFile(trace);
        INFO(load.error());
        REQUIRE(load.ok());
        CHECK(row(**load, "spin-1") != nullptr);
        CHECK(row(**load, "spin-2") != nullptr);
    }
}

TEST_CASE("gilscope record stopped by a signal also ends what the script forked, even a process "
          "that ignores the signal") {
    for (const auto &py : {newestPython3(), python27()}) {
        if (!py)
            continue;
        INFO("Python " << py->version().toStdString());
        QTemporaryDir dir;
        const QString script = writeScript(dir, "stubborn.py", kStubbornChild);
        const QString trace = dir.filePath("stubborn.json");
        QProcess p;
        startGilscope(p,
                      {"--python", py->path, "--out", trace, "--", script, dir.filePath("ready")});
        const std::vector<qint64> pids = readyPids(p, dir.filePath("ready"));
        REQUIRE(pids.size() == 2);
        const Stopped s = stopWith(p, SIGTERM);
        INFO(s.err.toStdString());
        REQUIRE(s.ended);
        CHECK(s.exitCode == 128 + SIGTERM);
        CHECK(processGone(pids[0]));
        CHECK(processGone(pids[1])); // ignored SIGTERM: killed once the recorder had left
        CHECK(core::loadTraceFile(trace).ok());
    }
}

#ifdef __linux__
TEST_CASE("gilscope record killed outright: the recorder is told to stop, writes the trace and "
          "leaves") {
    for (const auto &py : {newestPython3(), python27()}) {
        if (!py)
            continue;
        INFO("Python " << py->version().toStdString());
        QTemporaryDir dir;
        const QString script = writeScript(dir, "spin.py", kSpinUntilStopped);
        const QString trace = dir.filePath("spin.json");
        QProcess p;
        startGilscope(p,
                      {"--python", py->path, "--out", trace, "--", script, dir.filePath("ready")});
        const qint64 recorder = readyPids(p, dir.filePath("ready")).at(0);
        p.kill(); // SIGKILL: gilscope has no say
        REQUIRE(p.waitForFinished(10'000));
        CHECK(waitForProcessGone(recorder));
        const auto load = core::loadTraceFile(trace);
        INFO(load.error());
        REQUIRE(load.ok());
        CHECK(row(**load, "spin-1") != nullptr);
    }
}
#endif

TEST_CASE("gilscope record stopped by SIGTERM keeps the records of a pool's workers") {
    const auto py = newestPython3();
    if (!py || py->minor < 4) {
        WARN("no Python 3.4+ found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "pool.py", kBusyPool);
    const QString trace = dir.filePath("pool.json");
    QProcess p;
    startGilscope(p, {"--python", py->path, "--out", trace, "--", script, dir.filePath("ready")});
    const qint64 recorder = readyPids(p, dir.filePath("ready")).at(0);
    const Stopped s = stopWith(p, SIGTERM);
    INFO(s.err.toStdString());
    REQUIRE(s.ended);
    CHECK(s.exitCode == 128 + SIGTERM);
    CHECK(processGone(recorder));
    const auto load = core::loadTraceFile(trace);
    INFO(load.error());
    REQUIRE(load.ok());
    std::set<int> processes;
    for (const auto &t : (*load)->threads)
        processes.insert(t.info.groupId);
    CHECK(processes.size() == 3); // the recorded process and both workers
}

TEST_CASE("gilscope record kills a recorder that does not stop 30 s after the signal, with the "
          "script's processes") {
    const auto py = newestPython3() ? newestPython3() : python27();
    if (!py) {
        WARN("no Python found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "ignores.py", kIgnoresTerm);
    QProcess p;
    startGilscope(p, {"--python", py->path, "--out", dir.filePath("ignores.json"), "--", script,
                      dir.filePath("ready")});
    const qint64 recorder = readyPids(p, dir.filePath("ready")).at(0);
    const Stopped s = stopWith(p, SIGTERM);
    INFO(s.err.toStdString());
    REQUIRE(s.ended);
    CHECK(s.exitCode == 128 + SIGKILL);
    CHECK(s.err.contains("the recorder did not stop within 30 s of the signal; killed it and "
                         "the script's processes (no trace written)"));
    CHECK(processGone(recorder));
}

namespace {

// Waits for the script's "ready", reads the terminal from the script, interrupts it with Ctrl-C.
// argv: the command to run in a new pseudo-terminal. Prints what the terminal showed and the
// command's exit status.
const char *kTerminalDriver = R"py(
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
seen = bytearray()
def expect(text, timeout=60):
    end = time.time() + timeout
    while text not in seen:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                return False
            seen.extend(data)
        if time.time() > end:
            return False
    return True
if expect(b"ready"):
    os.write(fd, b"hello\n")
    if expect(b"got: hello"):
        os.write(fd, b"\x03")
expect(b"\x00 until the end")
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
print("\nexit status %d" % (os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1))
)py";

// The same in an interactive bash: Ctrl-Z before the script reads, then fg.
const char *kJobControlDriver = R"py(
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.environ["PS1"] = "$ "
    os.execv("/bin/bash", ["bash", "--norc", "--noprofile", "-i"])
seen = bytearray()
def expect(text, timeout=60):
    end = time.time() + timeout
    while text not in seen:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                return False
            seen.extend(data)
        if time.time() > end:
            return False
    return True
def run():
    if not expect(b"$ "):
        return
    os.write(fd, (" ".join(sys.argv[1:]) + "\n").encode())
    if not expect(b"ready"):
        return
    os.write(fd, b"\x1a")
    if not expect(b"Stopped"):
        return
    os.write(fd, b"fg\n")
    time.sleep(0.5)
    os.write(fd, b"hello\n")
    if not expect(b"got: hello"):
        return
    os.write(fd, b"\x03")
    if not expect(b"gilscope-record: wrote"):
        return
    os.write(fd, b"echo status=$?\n")
    expect(b"status=1")
run()
os.write(fd, b"exit\n")
expect(b"\x00 until the end", 10)
os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
)py";

// Says "ready" once its thread runs, echoes a line read from the terminal, then waits for ever.
const char *kReadsTerminal = R"py(
import sys, threading, time
def spin():
    n = 0
    while True:
        n += 1
t = threading.Thread(target=spin, name="spin")
t.daemon = True
t.start()
sys.stdout.write("ready\n")
sys.stdout.flush()
line = sys.stdin.readline()
sys.stdout.write("got: %s\n" % line.strip())
sys.stdout.flush()
while True:
    time.sleep(0.01)
)py";

QString runDriver(const Python &driver, const char *driverText, const QTemporaryDir &dir,
                  const QStringList &command) {
    const QString driverScript = writeScript(dir, "driver.py", driverText);
    QProcess p;
    p.start(driver.path, QStringList{driverScript} + command);
    REQUIRE(p.waitForFinished(180'000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("gilscope record in a terminal: the script reads the terminal and Ctrl-C stops it with "
          "the trace written") {
    const auto driver = newestPython3();
    if (!driver) {
        WARN("no Python 3 to drive a terminal: skipped");
        return;
    }
    for (const auto &py : {newestPython3(), python27()}) {
        if (!py)
            continue;
        INFO("Python " << py->version().toStdString());
        QTemporaryDir dir;
        const QString script = writeScript(dir, "reads.py", kReadsTerminal);
        const QString trace = dir.filePath("reads.json");
        const QString shown = runDriver(*driver, kTerminalDriver, dir,
                                        {GILSCOPE_BINARY, "record", "--instrument", "--python",
                                         py->path, "--out", trace, "--", script});
        INFO(shown.toStdString());
        CHECK(shown.contains("got: hello"));
        CHECK(shown.contains("exit status 130"));
        const auto load = core::loadTraceFile(trace);
        REQUIRE(load.ok());
        CHECK(row(**load, "spin") != nullptr);
    }
}

TEST_CASE("gilscope record under an interactive shell: Ctrl-Z stops the job and fg continues it") {
    const auto driver = newestPython3();
    if (!driver || !QFileInfo("/bin/bash").isExecutable()) {
        WARN("no Python 3 or bash to drive a terminal: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "reads.py", kReadsTerminal);
    const QString trace = dir.filePath("reads.json");
    const QString shown = runDriver(*driver, kJobControlDriver, dir,
                                    {GILSCOPE_BINARY, "record", "--instrument", "--python",
                                     driver->path, "--out", trace, "--", script});
    INFO(shown.toStdString());
    CHECK(shown.contains("Stopped"));
    CHECK(shown.contains("got: hello"));
    CHECK(shown.contains("status=130"));
    CHECK(core::loadTraceFile(trace).ok());
}
