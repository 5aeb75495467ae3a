#pragma once

// Helpers for the recorder tests: finding real Python interpreters, running the recorder on a
// calibration workload and reading the trace back with GIL Scope's own loader.
#include "python/cpuload.h"
#include "python/pythoninstalls.h"
#include "trace/metrics.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gilscope::test {

struct Python {
    QString path;
    int major = 0, minor = 0, micro = 0;
    QString version() const { return QString("%1.%2.%3").arg(major).arg(minor).arg(micro); }
    bool hasNewGil() const { return major == 3; }
    bool hasMonitoring() const { return major == 3 && minor >= 12; }
};

inline QString recorderDir() {
    return QString(GILSCOPE_SOURCE_DIR) + "/resources/recorder";
}
inline QString recorderScript() {
    return recorderDir() + "/gilscope_record.py";
}
inline QString workload(const char *name) {
    return recorderDir() + "/workloads/" + name;
}

// Every supported interpreter we can find, one per version, oldest first: $GILSCOPE_TEST_PYTHONS
// (paths separated by ':') when set; else where the app looks (core::pythonCandidates).
inline const std::vector<Python> &pythons() {
    static const std::vector<Python> found = [] {
        const QString listed = qEnvironmentVariable("GILSCOPE_TEST_PYTHONS");
        const QStringList candidates =
            listed.isEmpty() ? core::pythonCandidates() : listed.split(':', Qt::SkipEmptyParts);
        std::vector<Python> result;
        for (const core::PythonInstall &py : core::findPythonInstalls(candidates))
            result.push_back({py.path, py.major, py.minor, py.micro});
        return result;
    }();
    return found;
}

// The newest Python 3 (sys.monitoring hook on 3.12+), the newest 3.x before 3.12 (sys.settrace
// hook) and 2.7: one of each kind of GIL and hook.
inline std::optional<Python> newestPython3() {
    std::optional<Python> best;
    for (const auto &py : pythons())
        if (py.major == 3)
            best = py;
    return best;
}
inline std::optional<Python> settracePython3() {
    std::optional<Python> best;
    for (const auto &py : pythons())
        if (py.major == 3 && py.minor < 12)
            best = py;
    return best;
}
inline std::optional<Python> python27() {
    for (const auto &py : pythons())
        if (py.major == 2)
            return py;
    return std::nullopt;
}

// Two threads that never end, joined by the main thread: only a signal stops them. Once they run,
// the script writes its process id to argv[1] (whole: written aside, then renamed).
inline const char *kSpinUntilStopped = R"py(
import os, sys, threading
def spin():
    n = 0
    while True:
        n += 1
threads = [threading.Thread(target=spin, name="spin-%d" % i) for i in (1, 2)]
for t in threads:
    t.start()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d" % os.getpid())
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
for t in threads:
    t.join()
)py";

// A script of the test's own, written into `dir`.
inline QString writeScript(const QTemporaryDir &dir, const char *name, const char *text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
}

// Countdown size for about half a second under the recorder: sys.monitoring slows a tight loop
// about 5x, sys.settrace about 10x.
inline QString countdownTotal(const Python &py) {
    return py.hasMonitoring() ? "4000000" : "2000000";
}

struct Recording {
    int exitCode = -1;
    QString out, err;
    QString tracePath;
    core::TraceLoad load = core::Error{"not recorded yet"};
    const core::Trace &trace() const { return **load; }
};

// Runs `python gilscope_record.py --out DIR/trace.json [--switch-interval MS] -- SCRIPT ARGS`.
inline Recording record(const Python &py, const QString &script, const QStringList &args,
                        double switchIntervalMs, const QTemporaryDir &dir) {
    Recording r;
    r.tracePath = dir.filePath("trace.json");
    QFile::remove(r.tracePath);
    QStringList all{recorderScript(), "--out", r.tracePath};
    if (switchIntervalMs > 0)
        all << "--switch-interval" << QString::number(switchIntervalMs);
    all << "--" << script << args;
    QProcess p;
    p.start(py.path, all);
    REQUIRE(p.waitForFinished(180'000));
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.load = core::loadTraceFile(r.tracePath);
    return r;
}

// Runs a workload without the recorder; its last line of output is a JSON object.
inline QJsonObject runWorkload(const Python &py, const QString &script, const QStringList &args) {
    QProcess p;
    p.start(py.path, QStringList{script} + args);
    REQUIRE(p.waitForFinished(180'000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

// A copy of the trace with the rows of one process only (groupId), e.g. without a forked peer.
inline core::Trace onlyProcess(const core::Trace &trace, int groupId) {
    core::Trace copy = trace;
    copy.threads.erase(
        std::remove_if(copy.threads.begin(), copy.threads.end(),
                       [&](const core::ThreadTrack &t) { return t.info.groupId != groupId; }),
        copy.threads.end());
    return copy;
}

inline const core::ThreadTrack *row(const core::Trace &trace, const std::string &name) {
    for (const auto &t : trace.threads)
        if (t.info.name == name)
            return &t;
    return nullptr;
}

// Maximal Running stretches of the named rows, in time order: (start, row index).
inline std::vector<std::pair<core::TimeNs, int>>
runningStretches(const core::Trace &trace, const std::vector<std::string> &names) {
    std::vector<std::pair<core::TimeNs, int>> out;
    for (std::size_t r = 0; r < trace.threads.size(); ++r) {
        const auto &t = trace.threads[r];
        if (std::find(names.begin(), names.end(), t.info.name) == names.end())
            continue;
        for (std::size_t i = 0; i < t.segmentCount(); ++i)
            if (t.segmentState[i] == core::ThreadState::Running &&
                (i == 0 || t.segmentState[i - 1] != core::ThreadState::Running))
                out.push_back({t.segmentStart[i], static_cast<int>(r)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The Pythons that use the sys.monitoring hook (3.12+), one per version.
inline std::vector<Python> monitoringPythons() {
    std::vector<Python> result;
    for (const auto &py : pythons())
        if (py.hasMonitoring())
            result.push_back(py);
    return result;
}

// One Python of each hook and GIL that is installed: sys.monitoring (3.12+), sys.settrace on
// the 3.2+ GIL, and 2.7.
inline std::vector<Python> onePythonOfEachKind() {
    std::vector<Python> result;
    for (const auto &py : {newestPython3(), settracePython3(), python27()})
        if (py && (result.empty() || result.back().path != py->path))
            result.push_back(*py);
    return result;
}

// Waits up to `timeoutMs` for a file to appear (written elsewhere and renamed into place) and
// returns its text; an empty string when it did not appear.
inline QString waitForFile(const QString &path, int timeoutMs = 60'000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            return QString::fromUtf8(f.readAll());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return {};
}

// Whether process `pid` is gone: no longer in /proc, or a zombie (it ran to its end and only
// waits to be reaped, which an init that does not reap never does).
inline bool processGone(qint64 pid) {
    QFile stat(QString("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const int close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

// Waits up to `timeoutMs` for process `pid` to be gone.
inline bool waitForProcessGone(qint64 pid, int timeoutMs = 60'000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!processGone(pid)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

inline QString loadAverage() {
    QFile f("/proc/loadavg");
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed()
                                       : QString("unknown");
}

// Timing on a shared machine: another process busy on the second core delays a woken waiter to
// the next scheduler tick (3.x hand-offs then come at 8 ms instead of 5). A property that holds
// on a quiet machine gets up to kAttempts runs, each after waiting (up to 10 s) for the other
// processes to leave the cores alone; all attempts are reported on failure.
constexpr int kAttempts = 4;

// Cores busy over `window`; a negative value when unknown.
inline double busyCores(std::chrono::milliseconds window) {
    const double share = core::busyCpuShare(window);
    return share < 0 ? share : share * std::max(1u, std::thread::hardware_concurrency());
}

// Whether the machine became quiet within 10 s.
inline bool waitForQuietMachine() {
    using namespace std::chrono_literals;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        const double busy = busyCores(500ms);
        if (busy < 0.3) // also when unknown
            return true;
    }
    return false;
}

inline void pauseBeforeRetry(int attempt) {
    if (attempt < kAttempts)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace gilscope::test
