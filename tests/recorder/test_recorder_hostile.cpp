// The recorder against scripts and outputs that work against it: a script that frees its
// sys.monitoring tool id, an output path that is or becomes a directory, an output that is a
// FIFO, and Python 2.7 daemon threads still running at exit.
#include "recordersupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <thread>

using namespace gilscope;
using namespace gilscope::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

// Runs `python gilscope_record.py ARGS`.
Run runRecorder(const Python &py, const QStringList &args) {
    QProcess p;
    p.start(py.path, QStringList{recorderScript()} + args);
    REQUIRE(p.waitForFinished(180'000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

bool hasRunning(const core::Trace &trace, const std::string &name) {
    const core::ThreadTrack *t = row(trace, name);
    if (t == nullptr)
        return false;
    for (std::size_t i = 0; i < t->segmentCount(); ++i)
        if (t->segmentState[i] == core::ThreadState::Running)
            return true;
    return false;
}

// Frees the recorder's tool id and takes it for itself, as a tool of the script's own would;
// then two threads count down.
const char *kTakesTheToolId = R"py(
import sys, threading
mon = sys.monitoring
ours = [tool for tool in range(6) if mon.get_tool(tool) == "gilscope-record"]
for tool in ours:
    mon.free_tool_id(tool)
    mon.use_tool_id(tool, "the script's own")
    print("tool %d: %s, events %d" % (tool, mon.get_tool(tool), mon.get_events(tool)))
def count(n):
    while n > 0:
        n -= 1
threads = [threading.Thread(target=count, args=(200000,), name="cpu-%d" % i) for i in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)py";

// Takes every other tool id first, then frees the recorder's.
const char *kTakesEveryToolId = R"py(
import sys, threading
mon = sys.monitoring
for tool in range(6):
    if mon.get_tool(tool) is None:
        mon.use_tool_id(tool, "the script's own")
for tool in range(6):
    if mon.get_tool(tool) == "gilscope-record":
        mon.free_tool_id(tool)
def count(n):
    while n > 0:
        n -= 1
threads = [threading.Thread(target=count, args=(100000,), name="cpu-%d" % i) for i in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)py";

} // namespace

TEST_CASE("recorded on 3.12+: a script that frees the recorder's sys.monitoring tool id is "
          "recorded to its end on another id, and the script gets the id clean") {
    if (monitoringPythons().empty())
        WARN("no Python 3.12+ found: skipped");
    for (const Python &py : monitoringPythons()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r = record(py, writeScript(dir, "takes.py", kTakesTheToolId), {}, 0, dir);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.out.contains("the script's own, events 0")); // none of the recorder's left on it
        CHECK(r.err.contains("which the recorder used; recording goes on with tool id"));
        REQUIRE(r.load.ok());
        CHECK(hasRunning(r.trace(), "cpu-1"));
        CHECK(hasRunning(r.trace(), "cpu-2"));
    }
}

TEST_CASE("recorded on 3.12+: when the script frees the recorder's tool id and no other is free, "
          "the recorder goes on with sys.settrace and says so") {
    if (monitoringPythons().empty())
        WARN("no Python 3.12+ found: skipped");
    for (const Python &py : monitoringPythons()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r =
            record(py, writeScript(dir, "takes_all.py", kTakesEveryToolId), {}, 0, dir);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.err.contains(
            "and no other id is free; recording goes on with sys.settrace (slower)"));
        REQUIRE(r.load.ok());
        CHECK(hasRunning(r.trace(), "cpu-1"));
        CHECK(hasRunning(r.trace(), "cpu-2"));
    }
}

TEST_CASE("recorded on 3.12+: cProfile in the script still gets its profiler tool id") {
    if (monitoringPythons().empty())
        WARN("no Python 3.12+ found: skipped");
    for (const Python &py : monitoringPythons()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const Recording r = record(
            py,
            writeScript(dir, "profiled.py", "import cProfile\ncProfile.run('sum(range(10))')\n"),
            {}, 0, dir);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK(r.out.contains("function calls"));
        CHECK(r.load.ok());
    }
}

TEST_CASE("recorder: an --out that is a directory is refused before the script runs") {
    const auto py = newestPython3() ? newestPython3() : python27();
    if (!py) {
        WARN("no Python found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "marks.py", "open('ran', 'w').close()\n");
    REQUIRE(QDir(dir.path()).mkdir("out"));
    const Run r = runRecorder(*py, {"--out", dir.filePath("out"), "--", script});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(dir.filePath("out") + ": is a directory; give --out a file name"));
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{"marks.py"});
}

TEST_CASE("recorder: an --out that becomes a directory while the script runs fails with the "
          "reason and leaves no part file") {
    if (onePythonOfEachKind().empty())
        WARN("no Python found: skipped");
    for (const Python &py : onePythonOfEachKind()) {
        INFO("Python " << py.version().toStdString());
        QTemporaryDir dir;
        const QString out = dir.filePath("trace.json");
        const QString script =
            writeScript(dir, "mkdir.py", "import os, sys\nos.mkdir(sys.argv[1])\n");
        const Run r = runRecorder(py, {"--out", out, "--", script, out});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(out + ": cannot write: Is a directory"));
        CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot) ==
              (QStringList{"mkdir.py", "trace.json"}));
        CHECK(QDir(out).isEmpty());
    }
}

TEST_CASE("recorder: an --out that is a FIFO is written into and stays a FIFO") {
    const auto py = newestPython3() ? newestPython3() : python27();
    if (!py) {
        WARN("no Python found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString fifo = dir.filePath("trace.fifo");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QByteArray received;
    std::thread reader([&] {
        QFile f(fifo);
        if (f.open(QIODevice::ReadOnly))
            received = f.readAll();
    });
    const Run r = runRecorder(*py, {"--out", fifo, "--", writeScript(dir, "ok.py", "pass\n")});
    reader.join();
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(received.contains("\"traceEvents\""));
    CHECK(QFileInfo(fifo).isFile() == false);
    // Nothing beside it: no part file (Qt lists a FIFO among "system" entries).
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot) ==
          (QStringList{"ok.py", "trace.fifo"}));
}

TEST_CASE("recorded on 2.7: daemon threads still running at exit print no traceback") {
    const auto py = python27();
    if (!py) {
        WARN("no Python 2.7 found: skipped");
        return;
    }
    const char *kDaemons = R"py(
import threading, time
def spin():
    n = 0
    while True:
        n += 1
def sleeper():
    while True:
        time.sleep(0.001)
for i, target in enumerate((spin, sleeper, spin)):
    t = threading.Thread(target=target, name="daemon-%d" % i)
    t.daemon = True
    t.start()
time.sleep(0.3)
)py";
    // Before, the traceback came every time; three runs, since the exit is a race.
    for (int run = 0; run < 3; ++run) {
        QTemporaryDir dir;
        const Recording r = record(*py, writeScript(dir, "daemons.py", kDaemons), {}, 0, dir);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 0);
        CHECK_FALSE(r.err.contains("Traceback"));
        CHECK_FALSE(r.err.contains("Exception in thread"));
        REQUIRE(r.load.ok());
        CHECK(row(r.trace(), "daemon-1") != nullptr);
    }
}
