// The command line end to end: the real gilscope binary, as scripts and CI call it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run {
    int exitCode;
    QByteArray out;
    QString err;
};

Run gilscope(const QStringList &args) {
    QProcess p;
    p.start(GILSCOPE_BINARY, args);
    REQUIRE(p.waitForFinished(120'000));
    return {p.exitCode(), p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

QString data(const char *name) {
    return QString(GILSCOPE_TEST_DATA) + "/" + name;
}

QJsonObject metricsOf(const Run &r) {
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const auto doc = QJsonDocument::fromJson(r.out);
    REQUIRE(doc.isObject());
    return doc.object();
}

} // namespace

TEST_CASE("listing presets prints one name per line") {
    const Run r = gilscope({"--list-presets"});
    REQUIRE(r.exitCode == 0);
    const auto lines = QString::fromUtf8(r.out).trimmed().split('\n');
    CHECK(lines.size() >= 12);
    CHECK(lines.contains("r6-convoy-1cpu"));
    CHECK(lines.contains("r1-legacy-2cpu-4cores"));
}

TEST_CASE("metrics to standard output follow the documented JSON") {
    const QJsonObject m =
        metricsOf(gilscope({"--scenario", data("convoy.json"), "--metrics", "-"}));
    CHECK(m["scenario"].toString() == "Convoy effect");
    CHECK(m["interpreter"].toString() == "gil");
    CHECK(m["cores"].toInt() == 2);
    for (const char *key : {"makespan_ms", "sequential_ms", "speedup", "events"})
        CHECK(m[key].toDouble() > 0);
    for (const char *key :
         {"acquires", "switches", "failed_acquires", "drop_requests", "hold_ms_p50", "hold_ms_p90"})
        CHECK(m["gil"].toObject().contains(key));
    CHECK(m["io"].toObject()["ops"].toInt() == 100);
    // The convoy: each I/O call waits about one 5 ms switch interval (within 30 %).
    CHECK(m["io"].toObject()["latency_ms_p50"].toDouble() == Approx(5.0).epsilon(0.3));
    // The rate its client sees: 100 calls, each ~0.1 ms of I/O plus one ~5 ms wait, while the CPU
    // thread runs 1 s: about 195 a second, against 100 over the whole run.
    CHECK(m["io"].toObject()["serving_ops_per_s"].toDouble() == Approx(195).epsilon(0.3));
    CHECK(m["io"].toObject()["ops_per_s"].toDouble() == Approx(100).epsilon(0.1));
    const auto threads = m["threads"].toArray();
    REQUIRE(threads.size() == 2);
    CHECK(threads[0].toObject()["name"].toString() == "cpu-1");
    CHECK(threads[0].toObject()["running_ms"].toDouble() == Approx(1000.0));
}

TEST_CASE("set options patch the scenario by dotted path") {
    const QJsonObject m = metricsOf(
        gilscope({"--preset", "r3-gil-2cpu-4cores", "--set", "cores=1", "--set",
                  "workers.0.count=4", "--set", "params.switch_interval_ms=1", "--metrics", "-"}));
    CHECK(m["cores"].toInt() == 1);
    CHECK(m["threads"].toArray().size() == 4);
    // Holds follow the 1 ms interval, not the 5 ms default (on one core the OS slices add some).
    CHECK(m["gil"].toObject()["hold_ms_p50"].toDouble() < 2.5);
}

TEST_CASE("metrics go to a file") {
    QTemporaryDir dir;
    const QString out = dir.filePath("m.json");
    REQUIRE(gilscope({"--preset", "threading-4cpu", "--metrics", out}).exitCode == 0);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(f.readAll()).object()["executor"].toString() == "threading");
}

TEST_CASE("bad input: one line naming the problem, exit 2, previous output kept") {
    QTemporaryDir dir;
    const QString out = dir.filePath("m.json");
    {
        QFile f(out);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("previous");
    }
    auto expectBad = [&](const QStringList &args, const QString &message) {
        const Run r = gilscope(args);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(message));
        CHECK_FALSE(r.err.contains('\n'));
    };
    expectBad({"--scenario", data("malformed.json"), "--metrics", out},
              "malformed.json: line 4, column 3: unterminated object");
    expectBad({"--scenario", data("convoy.json"), "--set", "cores=0", "--metrics", out},
              "convoy.json: field cores: must be between 1 and 256, got 0");
    expectBad(
        {"--scenario", data("convoy.json"), "--set", "workers.0.count=100000", "--metrics", out},
        "field workers.0.count: must be between 0 and 4096, got 100000");
    expectBad({"--scenario", data("convoy.json"), "--set", "workers.1.io_ms=-1", "--metrics", out},
              "field workers.1.io_ms: must be between 0 and 3600000 ms, got -1");
    expectBad({"--scenario", data("convoy.json"), "--set", "colour=red", "--metrics", out},
              "unknown key \"colour\"");
    expectBad({"--scenario", data("convoy.json"), "--set", "cores=\"two\"", "--metrics", out},
              "field cores: expected a number, got a string");
    expectBad({"--preset", "no-such-preset", "--metrics", out},
              "unknown preset \"no-such-preset\"");
    expectBad({"--scenario", dir.filePath("missing.json"), "--metrics", out},
              "missing.json: cannot read");
    expectBad({"--preset", "r1-legacy-2cpu-4cores", "--set", "params.max_events=100000",
               "--metrics", out},
              "would store more than params.max_events = 100000 events");
    expectBad({"--preset", "threading-4cpu", "--metrics", "/nonexistent-dir/m.json"},
              "/nonexistent-dir/m.json: cannot write");
    expectBad({"--metrics", "-"},
              "give exactly one of --scenario FILE, --preset NAME or --load-trace TRACE");
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "previous");
}

TEST_CASE("a trace written with --trace loads back with --load-trace to the same metrics") {
    QTemporaryDir dir;
    const QString trace = dir.filePath("t.json"), csv = dir.filePath("t.csv");
    const Run simulated =
        gilscope({"--preset", "r6-convoy-1cpu", "--metrics", "-", "--trace", trace, "--csv", csv});
    const QJsonObject a = metricsOf(simulated);
    const QJsonObject b = metricsOf(gilscope({"--load-trace", trace, "--metrics", "-"}));
    CHECK(b["makespan_ms"].toDouble() == a["makespan_ms"].toDouble());
    CHECK(b["gil"].toObject()["switches"].toInt() == a["gil"].toObject()["switches"].toInt());
    CHECK(b["io"].toObject()["latency_ms_p50"].toDouble() ==
          a["io"].toObject()["latency_ms_p50"].toDouble());
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readLine() == "thread,state,start_ns,end_ns\n");
}

TEST_CASE("a truncated trace is refused with its line and column") {
    QTemporaryDir dir;
    const QString path = dir.filePath("cut.json");
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("{\"traceEvents\": [\n{\"ph\": \"X\", \"name\": \"running\",");
    f.close();
    const Run r = gilscope({"--load-trace", path, "--metrics", "-"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains("cut.json: line 2, column"));
    CHECK(r.err.contains("truncated"));
}

TEST_CASE("advise names the best executor and lists every run") {
    const Run r = gilscope({"--preset", "multiprocessing-4cpu", "--advise", "--metrics", "-"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject best = doc["best"].toObject();
    CHECK(best["executor"].toString() != "threading");
    CHECK(best["reason"].toString().contains("faster than threading"));
    const QJsonArray runs = doc["runs"].toArray();
    CHECK(runs.size() == 10); // no asyncio or subinterpreters under the legacy GIL
    CHECK(runs[0].toObject()["executor"].toString() == "threading");
    CHECK(runs[0].toObject()["makespan_ms"].toDouble() > 0);
}

TEST_CASE("sweep writes one CSV row per thread count") {
    const Run r = gilscope({"--preset", "threading-4cpu", "--sweep", "threads=1:6", "--csv", "-"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const auto lines = QString::fromUtf8(r.out).trimmed().split('\n');
    REQUIRE(lines.size() == 7);
    CHECK(lines[0].startsWith("workers.0.count,makespan_ms,"));
    CHECK(lines[6].startsWith("6,"));
    const Run bad = gilscope({"--preset", "threading-4cpu", "--sweep", "threads=1:6"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err ==
          "gilscope: --sweep writes its curve to --csv OUT.csv (or - for standard output)");
}
