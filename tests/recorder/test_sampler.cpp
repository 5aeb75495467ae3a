// The sampling recorder on real Pythons: `gilscope attach` and `gilscope record --sample` read
// the threads from /proc while the script runs at full speed.
#include "recordersupport.h"

#include "perfetto/pftrace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

using namespace gilscope::test;
using gilscope::core::ThreadState;
using gilscope::core::TimeNs;

namespace {

struct Run {
    int exitCode;
    QString out, err;
};

Run runGilscope(const QStringList &args) {
    QProcess p;
    p.start(GILSCOPE_BINARY, args);
    REQUIRE(p.waitForFinished(180'000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A Python process of the test's own, killed at the end of the test (never anyone else's).
class Script {
public:
    Script(const Python &py, const QStringList &args) {
        m_process.start(py.path, args);
        REQUIRE(m_process.waitForStarted(30'000));
    }
    ~Script() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(30'000);
        }
    }
    qint64 pid() const { return m_process.processId(); }
    bool wait(int ms) { return m_process.waitForFinished(ms); }

private:
    QProcess m_process;
};

// Time per state in a row.
std::map<ThreadState, TimeNs> timeIn(const gilscope::core::Trace &trace,
                                     const gilscope::core::ThreadTrack &t) {
    std::map<ThreadState, TimeNs> out;
    for (std::size_t i = 0; i < t.segmentCount(); ++i)
        out[t.segmentState[i]] += t.segmentEnd(i, trace.endNs) - t.segmentStart[i];
    return out;
}

std::string describe(const gilscope::core::Trace &trace) {
    std::string text;
    for (const auto &t : trace.threads) {
        text.append(t.info.name).append(":");
        for (const auto &[state, ns] : timeIn(trace, t))
            text.append(" ")
                .append(gilscope::core::toString(state))
                .append("=")
                .append(std::to_string(ns / 1'000'000))
                .append("ms");
        text.append("\n");
    }
    return text;
}

std::optional<Python> python312() {
    for (const auto &py : pythons())
        if (py.major == 3 && py.minor == 12)
            return py;
    return newestPython3();
}

constexpr char kLockScript[] = R"PY(
import threading, time
lock = threading.Lock()
def holder():
    with lock:
        end = time.time() + 3
        while time.time() < end:
            pass
def waiter():
    time.sleep(0.1)
    with lock:
        pass
def spinner():
    end = time.time() + 3
    while time.time() < end:
        pass
threads = [threading.Thread(target=f, name=f.__name__) for f in (holder, waiter, spinner)]
for t in threads:
    t.start()
for t in threads:
    t.join()
)PY";

} // namespace

TEST_CASE("gilscope attach on a running countdown writes a trace where both threads alternate") {
    const auto py = python312();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    waitForQuietMachine();
    QTemporaryDir dir;
    Script countdown(*py, {workload("countdown.py"), "--threads", "2", "--total", "400000000"});
    std::this_thread::sleep_for(std::chrono::milliseconds(400)); // past start-up
    const QString out = dir.filePath("attached.json");
    const Run r =
        runGilscope({"attach", QString::number(countdown.pid()), "--duration", "1", "--out", out});
    INFO(r.err.toStdString() << "load: " << loadAverage().toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains("GIL from _PyRuntime"));
    const auto load = gilscope::core::loadTraceFile(out);
    REQUIRE(load.ok());
    const auto &trace = **load;
    INFO(describe(trace));
    // Rows are "COMM TID"; the two counting threads are the ones that ran.
    std::vector<std::string> workers;
    for (const auto &t : trace.threads)
        if (timeIn(trace, t)[ThreadState::Running] > trace.endNs / 10)
            workers.push_back(t.info.name);
    REQUIRE(workers.size() == 2);
    const auto stretches = runningStretches(trace, workers);
    int handoffs = 0;
    for (std::size_t i = 1; i < stretches.size(); ++i)
        handoffs += stretches[i].second != stretches[i - 1].second;
    CHECK(handoffs >= 20); // 200 a second at 5 ms turns; a busy machine makes them longer
    for (const auto &t : trace.threads)
        if (t.info.name == workers[0] || t.info.name == workers[1]) {
            auto times = timeIn(trace, t);
            CHECK(times[ThreadState::WaitingForGil] > 0);
            CHECK(times[ThreadState::LockWait] == 0);
        }
}

TEST_CASE("a thread blocked on a threading.Lock waits for a lock, never for the GIL") {
    // Every interpreter: the GIL is found from different symbols in 2.7, 3.6 and 3.7+.
    for (const Python &py : pythons()) {
        DYNAMIC_SECTION("Python " << py.version().toStdString()) {
            QTemporaryDir dir;
            const QString script = writeScript(dir, "locked.py", kLockScript);
            Script program(py, {script});
            std::this_thread::sleep_for(std::chrono::milliseconds(500)); // the waiter is blocked
            const QString out = dir.filePath("locked.json");
            const Run r = runGilscope(
                {"attach", QString::number(program.pid()), "--duration", "0.8", "--out", out});
            INFO(r.err.toStdString());
            REQUIRE(r.exitCode == 0);
            const auto load = gilscope::core::loadTraceFile(out);
            REQUIRE(load.ok());
            const auto &trace = **load;
            INFO(describe(trace));
            REQUIRE(trace.threads.size() == 4); // main, holder, waiter, spinner
            int blocked = 0, busy = 0;
            for (const auto &t : trace.threads) {
                auto times = timeIn(trace, t);
                if (times[ThreadState::LockWait] > trace.endNs * 9 / 10) {
                    ++blocked; // the main thread in join, the waiter on the lock
                    CHECK(times[ThreadState::WaitingForGil] == 0);
                } else {
                    ++busy; // the holder and the spinner take turns on the GIL
                    CHECK(times[ThreadState::LockWait] == 0);
                    CHECK(times[ThreadState::Running] > 0);
                }
            }
            CHECK(blocked == 2);
            CHECK(busy == 2);
        }
    }
}

TEST_CASE("gilscope attach --out T.pftrace writes Perfetto that reads back with the rows of the "
          "same process sampled to JSON") {
    const auto py = python312();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "locked.py", kLockScript);
    Script program(*py, {script});
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // the waiter is blocked
    // Two samplers on the same process at once: one writes JSON, the other Perfetto.
    const QString json = dir.filePath("locked.json"), pftrace = dir.filePath("locked.pftrace");
    QProcess toJson, toPerfetto;
    const QString pid = QString::number(program.pid());
    toJson.start(GILSCOPE_BINARY, {"attach", pid, "--duration", "0.8", "--out", json});
    toPerfetto.start(GILSCOPE_BINARY, {"attach", pid, "--duration", "0.8", "--out", pftrace});
    REQUIRE(toJson.waitForFinished(60'000));
    REQUIRE(toPerfetto.waitForFinished(60'000));
    INFO(QString::fromUtf8(toPerfetto.readAllStandardError()).toStdString());
    REQUIRE(toJson.exitCode() == 0);
    REQUIRE(toPerfetto.exitCode() == 0);
    QFile f(pftrace);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(gilscope::core::looksLikePerfetto(f.readAll()));
    const auto fromJson = gilscope::core::loadTraceFile(json);
    const auto fromPerfetto = gilscope::core::loadTraceFile(pftrace);
    REQUIRE(fromJson.ok());
    INFO(fromPerfetto.error());
    REQUIRE(fromPerfetto.ok());
    INFO(describe(**fromJson) << "---\n" << describe(**fromPerfetto));
    // The same rows, each mostly in the same state (lock wait, or taking turns on the GIL).
    const auto rows = [](const gilscope::core::Trace &trace) {
        std::map<std::string, std::pair<int, bool>> out; // name -> group, blocked on a lock
        for (const auto &t : trace.threads)
            out[t.info.name] = {t.info.groupId,
                                timeIn(trace, t)[ThreadState::LockWait] > trace.endNs / 2};
        return out;
    };
    CHECK(rows(**fromPerfetto) == rows(**fromJson));
    CHECK((*fromPerfetto)->threads.size() == 4);
    CHECK((*fromPerfetto)->python == (*fromJson)->python);
}

TEST_CASE("lock waits of a sampled run are in the metrics per thread and in total, not as GIL "
          "waits") {
    const auto py = python312();
    if (!py) {
        WARN("no Python 3 found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "locked.py", kLockScript);
    const QString trace = dir.filePath("locked.json");
    // Sampling is record's default.
    const Run r = runGilscope({"record", "--python", py->path, "--out", trace, "--", script});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const Run m = runGilscope({"--load-trace", trace, "--metrics", "-"});
    REQUIRE(m.exitCode == 0);
    const QJsonObject metrics = QJsonDocument::fromJson(m.out.toUtf8()).object();
    INFO(m.out.toStdString());
    std::map<QString, QJsonObject> threads;
    for (const auto &t : metrics["threads"].toArray())
        threads[t.toObject()["name"].toString()] = t.toObject();
    REQUIRE(threads.count("waiter"));
    REQUIRE(threads.count("holder"));
    // The waiter blocks on the lock for about 2.9 s of the holder's 3 s.
    CHECK(threads["waiter"]["lock_wait_ms"].toDouble() > 2000);
    CHECK(threads["waiter"]["waiting_ms"].toDouble() < 100);
    CHECK(threads["holder"]["lock_wait_ms"].toDouble() == 0);
    CHECK(threads["holder"]["waiting_ms"].toDouble() > 100); // it shares the GIL with the spinner
    const QJsonObject locks = metrics["locks"].toObject();
    CHECK(locks["waits"].toDouble() >= 2); // the waiter's, and the main thread's join
    double total = 0;
    for (const auto &[name, t] : threads)
        total += t["lock_wait_ms"].toDouble();
    CHECK(locks["wait_ms_total"].toDouble() == Approx(total));
}

TEST_CASE("gilscope record --sample names the threads as Python does") {
    for (const Python &py : onePythonOfEachKind()) {
        DYNAMIC_SECTION("Python " << py.version().toStdString()) {
            QTemporaryDir dir;
            const QString out = dir.filePath("sampled.json");
            const Run r =
                runGilscope({"record", "--sample", "--python", py.path, "--out", out, "--",
                             workload("countdown.py"), "--threads", "2", "--total", "3000000"});
            INFO(r.err.toStdString());
            REQUIRE(r.exitCode == 0);
            CHECK(r.out.contains("\"workload\": \"countdown\"")); // the script ran as usual
            const auto load = gilscope::core::loadTraceFile(out);
            REQUIRE(load.ok());
            INFO(describe(**load));
            CHECK(row(**load, "MainThread") != nullptr);
            CHECK(row(**load, "cpu-1") != nullptr);
            CHECK(row(**load, "cpu-2") != nullptr);
        }
    }
}

TEST_CASE("gilscope attach says when there is no such process or it ends") {
    QTemporaryDir dir;
    SECTION("no process") {
        const Run r = runGilscope({"attach", "999999999", "--out", dir.filePath("t.json")});
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains("no process 999999999"));
    }
    SECTION("a process that ends while sampled") {
        const auto py = newestPython3();
        if (!py)
            return;
        Script brief(*py, {"-c", "import time; time.sleep(0.5)"});
        const Run r = runGilscope({"attach", QString::number(brief.pid()), "--duration", "20",
                                   "--out", dir.filePath("t.json")});
        CHECK(r.exitCode == 0);
        CHECK(r.err.contains("ended; writing what was sampled"));
        CHECK(gilscope::core::loadTraceFile(dir.filePath("t.json")).ok());
    }
    SECTION("a wrong command line") {
        const Run r = runGilscope({"attach", "abc"});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("expected one process id"));
    }
}
