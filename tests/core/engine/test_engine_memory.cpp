// The memory model and the time data takes between processes, on scenarios worked out by hand:
// peak MB from the measured defaults (params in scenario.h), and exact event sequences with the
// latencies and costs of makeIdeal set to zero. Times are nanoseconds.
#include "files/bytesink.h"
#include "perfetto/pftrace.h"
#include "scenario/scenariojson.h"
#include "testsupport.h"
#include "trace/metrics.h"
#include "trace/metricsjson.h"
#include "trace/tracejson.h"

#include <QJsonDocument>

using namespace gilscope::core;
using namespace gilscope::test;
using Lines = std::vector<std::string>;

namespace {
Scenario parsed(const std::string &json) {
    const auto scenario = parseScenarioJson(QByteArray::fromStdString(json), "memory.json");
    INFO(scenario.error());
    REQUIRE(scenario.ok());
    return *scenario;
}
std::string parseError(const std::string &json) {
    const auto scenario = parseScenarioJson(QByteArray::fromStdString(json), "memory.json");
    REQUIRE_FALSE(scenario.ok());
    return scenario.error();
}
constexpr double kThreadMb = 13.0 / 1024; // params.thread_kb
} // namespace

TEST_CASE("peak memory: the main process, 2 spawned workers with their helper, and 4 threads",
          "[memory]") {
    const auto trace = run(parsed(R"({"params": {"start_method": "spawn"}, "workers": [
        {"name": "proc", "count": 2, "executor": "multiprocessing", "cpu_ms": 10},
        {"name": "thr", "kind": "io", "count": 4, "ops": 1, "cpu_ms": 0, "io_ms": 20}]})"));
    // Everything is alive from the start: 16 (main) + 5.9 (spawn's resource tracker) + 2 x 8.8
    // (a spawned worker) + 4 x 13 kB (a thread).
    const MemoryPeak &m = trace->memory;
    CHECK(m.peakMb == Approx(16 + 5.9 + 2 * 8.8 + 4 * kThreadMb));
    CHECK(m.interpretersMb == Approx(16 + 5.9 + 2 * 8.8));
    CHECK(m.threadsMb == Approx(4 * kThreadMb));
    CHECK(m.dataMb == 0);
    CHECK(m.processes == 2);
    CHECK(m.threads == 4);
    CHECK(m.atNs == 0);
}

TEST_CASE("peak memory: threads share a group's data, each process holds a copy of it and of its "
          "task's data",
          "[memory]") {
    const std::string workers =
        R"("workers": [{"name": "w", "count": 2, "cpu_ms": 10, "memory_mb": 100, "data_kb": 2048}])";
    const auto threads = run(parsed(R"({"executor": "threading", )" + workers + "}"));
    // One copy in the main process; threads pass references: data_kb costs nothing.
    CHECK(threads->memory.peakMb == Approx(16 + 100 + 2 * kThreadMb));
    CHECK(threads->memory.dataMb == Approx(100));

    const auto forked = run(parsed(R"({"executor": "multiprocessing", )" + workers + "}"));
    // Main 16 + its copy 100, fork's 0.5 + 2 x 1.5, and in each worker its copy of the group's
    // 100 MB, and its task's 2 MB 5.5 times (pickled and unpickled, both sides, both ways).
    CHECK(forked->memory.peakMb == Approx(16 + 100 + 0.5 + 2 * 1.5 + 2 * (100 + 2 * 5.5)));
    CHECK(forked->memory.dataMb == Approx(100 + 2 * (100 + 11)));
    CHECK(forked->memory.interpretersMb == Approx(16 + 0.5 + 2 * 1.5));
    CHECK(forked->memory.processes == 2);
    CHECK(forked->memory.threads == 0);

    const auto interpreters = run(parsed(R"({"executor": "subinterpreters", )" + workers + "}"));
    CHECK(interpreters->memory.peakMb == Approx(16 + 100 + 2 * 1.8 + 2 * (100 + 11)));
}

TEST_CASE("peak memory: a pool's processes come and go, and the peak is the most at once",
          "[memory]") {
    // A pool of 1 process runs 3 tasks one after another: one task's data at a time.
    Scenario s = parsed(R"({"workers": [{"name": "t", "count": 3, "cpu_ms": 1, "data_kb": 1024,
        "executor": "multiprocessing", "pool_size": 1}]})");
    const auto pooled = run(s);
    CHECK(pooled->memory.peakMb == Approx(16 + 0.5 + 1.5 + 5.5));
    s.workers[0].pool_size = 3;
    CHECK(run(s)->memory.peakMb == Approx(16 + 0.5 + 3 * 1.5 + 3 * 5.5));
    // params override the measured defaults.
    s.params.process_mb = 40;
    s.params.process_helper_mb = 0;
    s.params.main_process_mb = 10;
    s.params.data_copies = 1;
    CHECK(run(s)->memory.peakMb == Approx(10 + 3 * 40 + 3 * 1));
}

TEST_CASE("a task's data is pickled into its worker process and back out, as Python running "
          "there",
          "[memory]") {
    Scenario s = parsed(R"({"params": {"process_start_ms": 1, "ipc_ms": 0, "pickle_us_per_kb": 10},
        "workers": [{"name": "t", "count": 2, "data_kb": 100, "steps": [{"native": 1}],
                     "executor": "multiprocessing", "pool_size": 1}]})");
    makeIdeal(s);
    const auto trace = run(s);
    // 100 kB at 10 us a kB: 1 ms in, 1 ms out. 1 ms start-up; task 1: in, C code, out; task 2
    // the same (its "in" follows task 1's "out" in one running stretch).
    CHECK(segmentsOf(row(*trace, "t-proc-1")) ==
          Lines{"0 starting", "1000000 running", "2000000 native", "3000000 running",
                "5000000 native", "6000000 running", "7000000 done"});
    CHECK(trace->memory.peakMb == Approx(16 + 0.5 + 1.5 + 5.5 * 100.0 / 1024));
    // The same with threads: references, no copies, no time.
    s.workers[0].executor = Executor::Threading;
    const auto threads = run(s);
    CHECK(segmentsOf(row(*threads, "t-pool-1")) == Lines{"0 native", "2000000 done"});
    CHECK(threads->endNs == 2'000'000);
}

TEST_CASE("in_process steps pickle the group's data to the process pool, to_thread passes it free",
          "[memory]") {
    Scenario s = parsed(R"({"executor": "asyncio", "params": {"process_start_ms": 0, "ipc_ms": 0,
        "pickle_us_per_kb": 10}, "workers": [
        {"name": "a", "data_kb": 100, "steps": [{"in_process": [{"native": 1}]}]}]})");
    makeIdeal(s);
    const auto trace = run(s);
    CHECK(segmentsOf(row(*trace, "pool-process-1")) ==
          Lines{"0 running", "1000000 native", "2000000 running", "3000000 done"});
    CHECK(trace->memory.processes == 1);
    s.workers[0].steps[0].kind = StepKind::ToThread;
    const auto pooled = run(s);
    CHECK(segmentsOf(row(*pooled, "asyncio_0")) == Lines{"0 native", "1000000 done"});
    CHECK(pooled->memory.peakMb == Approx(16 + kThreadMb));
}

TEST_CASE("absurd memory and data values are refused with the field and the limit", "[memory]") {
    CHECK(parseError(R"({"workers": [{"data_kb": -1}]})") ==
          "memory.json: field workers.0.data_kb: must be between 0 and 16777216 kB (16 GB) a "
          "task, got -1");
    CHECK(parseError(R"({"workers": [{"memory_mb": 2000000}]})") ==
          "memory.json: field workers.0.memory_mb: must be between 0 and 1048576 MB (1 TB) a "
          "worker, got 2000000");
    CHECK(parseError(R"({"workers": [{"data_kb": "1 MB"}]})") ==
          "memory.json: field workers.0.data_kb: expected a number, got a string");
    CHECK(parseError(R"({"params": {"process_mb": -2}})") ==
          "memory.json: field params.process_mb: must be -1 (from start_method) or 0 to 1048576 "
          "MB, got -2");
    CHECK(parseError(R"({"params": {"pickle_us_per_kb": -0.5}})") ==
          "memory.json: field params.pickle_us_per_kb: must be between 0 and 1000000 us, got "
          "-0.5");
    CHECK(parseError(R"({"params": {"start_method": "vfork"}})") ==
          "memory.json: field params.start_method: must be one of fork, forkserver, spawn, got "
          "\"vfork\"");
}

TEST_CASE("data_kb and memory_mb save with the scenario, and only when set", "[memory]") {
    const Scenario s = parsed(R"({"workers": [{"count": 2, "data_kb": 512, "memory_mb": 64}]})");
    const QByteArray json = scenarioToJson(s);
    CHECK(json.contains("\"data_kb\": 512"));
    CHECK(json.contains("\"memory_mb\": 64"));
    CHECK(sameScenario(*parseScenarioJson(json, "again.json"), s));
    CHECK_FALSE(scenarioToJson(parsed(R"({"workers": [{"count": 2}]})")).contains("data_kb"));
}

TEST_CASE("the metrics JSON carries the peak memory, and null for a recording", "[memory]") {
    const auto trace = run(parsed(R"({"workers": [{"count": 2, "cpu_ms": 1}]})"));
    const QJsonObject json = metricsToJsonObject(computeMetrics(*trace));
    const QJsonObject memory = json["memory"].toObject();
    CHECK(memory["peak_mb"].toDouble() == Approx(16 + 2 * kThreadMb));
    CHECK(memory["threads"].toInt() == 2);
    CHECK(memory["processes"].toInt() == 0);
    CHECK(memory.contains("at_ms"));
    CHECK(memory.contains("data_mb"));

    Trace recorded;
    recorded.interpreter = "recorded";
    const QJsonObject none = metricsToJsonObject(computeMetrics(recorded));
    CHECK(none.contains("memory"));
    CHECK(none["memory"].isNull());
}

TEST_CASE("the trace file keeps the run's peak memory", "[memory]") {
    const auto trace = run(parsed(R"({"executor": "multiprocessing", "params": {"start_method":
        "spawn"}, "workers": [{"count": 2, "cpu_ms": 1, "memory_mb": 10}]})"));
    const QByteArray json = traceToChromeJson(*trace);
    CHECK(json.contains("\"peak_memory_mb\":"));
    const auto back = parseChromeTrace(json, "t.json");
    INFO(back.error());
    REQUIRE(back.ok());
    CHECK((*back)->memory.peakMb == Approx(trace->memory.peakMb));
    // The peak alone: the metrics say no more than the file knows.
    CHECK_FALSE((*back)->memory.breakdown);
    CHECK(metricsToJsonObject(computeMetrics(**back))["memory"].toObject().keys() ==
          QStringList{"peak_mb"});
    CHECK(trace->memory.peakMb == Approx(16 + 10 + 5.9 + 2 * (8.8 + 10)));

    ByteArraySink sink;
    writePerfettoTrace(*trace, sink);
    const QByteArray proto = std::move(sink.bytes());
    const auto fromProto = parseTrace(proto, "t.pftrace");
    INFO(fromProto.error());
    REQUIRE(fromProto.ok());
    CHECK((*fromProto)->memory.peakMb == Approx(trace->memory.peakMb));
}

TEST_CASE("peak memory: a group that starts late costs memory from its start", "[memory]") {
    // a is done at 10 ms, b starts at 50 ms: never two threads at once.
    const auto trace = run(parsed(R"({"workers": [{"name": "a", "cpu_ms": 10},
        {"name": "b", "cpu_ms": 10, "start_ms": 50}]})"));
    CHECK(trace->memory.peakMb == Approx(16 + kThreadMb));
    CHECK(trace->memory.threads == 1);
}
