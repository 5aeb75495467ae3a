// `gilscope record`, end to end: the real binary finds the recorder and runs it under Python.
#include "recordersupport.h"

#include "perfetto/pftrace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

using namespace gilscope::test;

namespace {

struct Run {
    int exitCode;
    QString out, err;
};

Run gilscopeRecord(const QStringList &args,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(GILSCOPE_BINARY, QStringList{"record"} + args);
    REQUIRE(p.waitForFinished(180'000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("gilscope record samples the script by default and writes a trace GIL Scope opens") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString trace = dir.filePath("countdown.json");
    const Run r =
        gilscopeRecord({"--python", py->path, "--out", trace, "--switch-interval", "2", "--",
                        workload("countdown.py"), "--threads", "2", "--total", "3000000"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains("gilscope: sampled")); // the sampler's summary: no recorder ran
    CHECK_FALSE(r.err.contains("gilscope-record"));
    CHECK(r.out.contains("\"workload\": \"countdown\"")); // the script's output comes through
    CHECK(r.out.contains("\"switch_interval_ms\": 2.0")); // the interval reached the script
    const auto load = gilscope::core::loadTraceFile(trace);
    REQUIRE(load.ok());
    CHECK(row(**load, "cpu-1") != nullptr);
    CHECK(row(**load, "cpu-2") != nullptr);
}

TEST_CASE("gilscope record --instrument runs the script under the recorder") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString trace = dir.filePath("countdown.json");
    const Run r = gilscopeRecord({"--instrument", "--python", py->path, "--out", trace,
                                  "--switch-interval", "2", "--", workload("countdown.py"),
                                  "--threads", "2", "--total", "300000"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains("gilscope-record: wrote " + trace));
    CHECK(r.out.contains("\"switch_interval_ms\": 2.0"));
    const auto load = gilscope::core::loadTraceFile(trace);
    REQUIRE(load.ok());
    CHECK(row(**load, "cpu-1") != nullptr);
    CHECK(row(**load, "cpu-2") != nullptr);
}

TEST_CASE("gilscope record --out T.pftrace writes Perfetto's protobuf, sampled or instrumented") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    for (const QString &method : {QString("--sample"), QString("--instrument")}) {
        INFO(method.toStdString());
        QTemporaryDir dir;
        const QString trace = dir.filePath("countdown.pftrace");
        const Run r = gilscopeRecord({method, "--python", py->path, "--out", trace, "--",
                                      workload("countdown.py"), "--threads", "2", "--total",
                                      method == "--sample" ? "3000000" : "300000"});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        QFile f(trace);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(gilscope::core::looksLikePerfetto(f.readAll()));
        const auto load = gilscope::core::loadTraceFile(trace);
        REQUIRE(load.ok());
        CHECK(row(**load, "cpu-1") != nullptr);
        CHECK(row(**load, "cpu-2") != nullptr);
        CHECK_FALSE((*load)->python.empty());
        // Nothing else left beside it (the recorder's JSON went to a folder of gilscope's).
        CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{"countdown.pftrace"});
    }
}

TEST_CASE("gilscope record returns the script's exit status") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    QTemporaryDir dir;
    const QString script = writeScript(dir, "three.py", "import sys\nsys.exit(3)\n");
    for (const QString &method : {QString("--sample"), QString("--instrument")}) {
        INFO(method.toStdString());
        const QString trace = dir.filePath(method.mid(2) + ".json");
        const Run r = gilscopeRecord({method, "--python", py->path, "--out", trace, script});
        CHECK(r.exitCode == 3);
        CHECK(gilscope::core::loadTraceFile(trace).ok());
    }
}

TEST_CASE("gilscope record says what is missing and exits with status 2") {
    QTemporaryDir dir;
    const QString script = writeScript(dir, "ok.py", "pass\n");

    SECTION("no script") {
        const Run r = gilscopeRecord({});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("no script given"));
    }
    SECTION("a script that does not exist") {
        const Run r = gilscopeRecord({"--", dir.filePath("absent.py")});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("absent.py: no such script"));
    }
    SECTION("a Python that does not exist") {
        const Run r = gilscopeRecord({"--python", dir.filePath("no-python"), "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("no-python: no such Python interpreter"));
    }
    SECTION("a Python name not on PATH") {
        const Run r = gilscopeRecord({"--python", "gilscope-no-such-python", "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("gilscope-no-such-python not found on PATH"));
    }
    SECTION("the recorder is not where GILSCOPE_RECORDER_DIR points") {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("GILSCOPE_RECORDER_DIR", dir.path());
        const Run r = gilscopeRecord({"--instrument", "--", script}, env);
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("gilscope_record.py is missing"));
        CHECK(r.err.contains(dir.path()));
    }
    SECTION("both ways of recording at once") {
        const Run r = gilscopeRecord({"--sample", "--instrument", "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("--sample and --instrument: choose one way of recording"));
    }
    SECTION("a sampling rate with the instrumenting recorder") {
        const Run r = gilscopeRecord({"--instrument", "--rate", "100", "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("--rate goes with sampling, not --instrument"));
    }
    SECTION("a sampling rate out of range") {
        const Run r = gilscopeRecord({"--rate", "0", "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("--rate: expected 1 to 20000 samples per second, got 0"));
    }
    SECTION("a Perfetto trace in a folder that does not exist, before the script runs") {
        const Run r = gilscopeRecord(
            {"--instrument", "--out", dir.filePath("missing/t.pftrace"), "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("missing"));
    }
    SECTION("a switch interval that is not a positive number") {
        const Run r = gilscopeRecord({"--switch-interval", "0", "--", script});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains("--switch-interval"));
    }
}
