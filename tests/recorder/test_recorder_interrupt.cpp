// The recorder's promises around the edges of a run: work counted as one thread would do it, and
// Ctrl-C stopping the script at once with the trace still written.
#include "recordersupport.h"

#include "trace/metrics.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace gilscope;
using namespace gilscope::test;

TEST_CASE(
    "recorded: a countdown's work is its threads' running time and not the main thread's join") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    QTemporaryDir dir;
    const Recording r = record(*py, workload("countdown.py"),
                               {"--threads", "2", "--total", countdownTotal(*py)}, 5.0, dir);
    INFO(r.err.toStdString());
    REQUIRE(r.load.ok());
    const core::Metrics m = core::computeMetrics(r.trace());
    // Under the GIL two threads do one thread's work in about the same time: speed-up near 1,
    // not the 2x that counting the join as work would claim.
    CHECK(m.speedup > 0.8);
    CHECK(m.speedup < 1.2);
}

TEST_CASE("recorded: Ctrl-C stops a script whose threads never end and still writes the trace") {
    if (!newestPython3() && !python27())
        WARN("no Python 3 or 2.7 found: Ctrl-C not checked");
    for (const auto &py : {newestPython3(), python27()}) {
        if (!py)
            continue;
        INFO("Python " << py->version().toStdString());
        QTemporaryDir dir;
        const QString script = writeScript(dir, "spin.py", kSpinUntilStopped);
        const QString trace = dir.filePath("spin.json");
        QProcess p;
        // As a terminal would start it: SIGINT at its default, whatever the test runner set.
        p.setChildProcessModifier([] { std::signal(SIGINT, SIG_DFL); });
        p.start(py->path, {recorderScript(), "--quiet", "--out", trace, "--", script,
                           dir.filePath("running")});
        REQUIRE(p.waitForStarted());
        // Interrupted once the script runs (a fixed delay is too short on a busy machine).
        waitForFile(dir.filePath("running"));
        REQUIRE(QFileInfo::exists(dir.filePath("running")));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        const bool ended = p.waitForFinished(20'000);
        if (!ended)
            p.kill();
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        REQUIRE(ended);
        CHECK(p.exitCode() == 130);
        const auto load = core::loadTraceFile(trace);
        INFO(load.error());
        REQUIRE(load.ok());
        CHECK(row(**load, "spin-1") != nullptr);
        CHECK(row(**load, "spin-2") != nullptr);
    }
}
