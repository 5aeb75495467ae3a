// Trace files with times the arithmetic cannot hold are refused with the event's position;
// negative times load; sums over a recording never wrap negative.
#include "python/equivalentscenario.h"
#include "testsupport.h"
#include "trace/metrics.h"
#include "trace/tracejson.h"

#include <limits>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

TraceLoad parse(const QByteArray &json) {
    return parseChromeTrace(json, "t.json");
}

QByteArray slice(const char *tid, const char *ts, const char *dur) {
    return QByteArray(R"({"ph": "X", "name": "running", "pid": 1, "tid": )") + tid + R"(, "ts": )" +
           ts + R"(, "dur": )" + dur + "}";
}

QByteArray events(std::initializer_list<QByteArray> list) {
    QByteArray out = "[";
    for (const auto &e : list)
        out += (out.size() > 1 ? "," : "") + e;
    return out + "]";
}

const std::string kLimit = " is outside \u00b14.61169e+15 \u00b5s (2^62 ns)";

} // namespace

TEST_CASE("trace times beyond 2^62 ns are refused with the event's position", "[tracelimits]") {
    CHECK(parse(events({slice("1", "0", "10"),
                        R"({"ph": "i", "name": "acquire", "pid": 1, "tid": 1, "ts": -1e300})"}))
              .error() == "t.json: event 1: ts -1e+300 \u00b5s" + kLimit);
    CHECK(parse(events({slice("1", "9e15", "1")})).error() ==
          "t.json: event 0: ts 9e+15 \u00b5s" + kLimit);
    CHECK(parse(events({slice("1", "0", "1"), slice("2", "0", "1e308")})).error() ==
          "t.json: event 1: dur 1e+308 \u00b5s" + kLimit);
    // Each in range, but their sum is not (and would overflow int64 as 9e18 + 9e18).
    CHECK(parse(events({slice("1", "4e15", "4e15")})).error() ==
          "t.json: event 0: ts + dur = 8e+15 \u00b5s" + kLimit);
    CHECK(parse(events({slice("1", "0", "-5")})).error() ==
          "t.json: event 0: dur -5 \u00b5s is negative");
    CHECK(parse(events({slice("1", "-4e15", "1"), slice("2", "4e15", "1")})).error() ==
          "t.json: the events span -4e+15 \u00b5s to 4e+15 \u00b5s, more than 2^62 ns");
}

TEST_CASE("otherData's end and sequential times must be 0 to 2^62 ns", "[tracelimits]") {
    const QByteArray rows = R"(, "traceEvents": [)" + slice("1", "0", "1") + "]}";
    CHECK(parse(R"({"otherData": {"sequential_ns": -5})" + rows).error() ==
          "t.json: otherData.sequential_ns must be a number of ns from 0 to 2^62");
    CHECK(parse(R"({"otherData": {"end_ns": 9e18})" + rows).error() ==
          "t.json: otherData.end_ns must be a number of ns from 0 to 2^62");
    const auto fine = parse(R"({"otherData": {"end_ns": 5000, "sequential_ns": 700})" + rows);
    REQUIRE(fine.ok());
    CHECK((*fine)->endNs == 5000);
    CHECK((*fine)->sequentialNs == 700);
}

TEST_CASE("a trace with negative times loads moved so that its earliest event is at 0",
          "[tracelimits]") {
    const auto load =
        parse(events({slice("1", "-100", "50"),
                      R"({"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": -50, "dur": 100})",
                      slice("2", "-20", "10"),
                      R"({"ph": "i", "name": "acquire", "pid": 1, "tid": 2, "ts": -120})"}));
    INFO(load.error());
    REQUIRE(load.ok());
    const Trace &trace = **load;
    CHECK(trace.endNs == 170'000);
    CHECK(segmentsOf(trace.threads.at(0)) ==
          std::vector<std::string>{"0 absent", "20000 running", "70000 io", "170000 done"});
    CHECK(segmentsOf(trace.threads.at(1)) ==
          std::vector<std::string>{"0 absent", "100000 running", "110000 done"});
    CHECK(marksOf(trace.threads.at(1)) == std::vector<std::string>{"0 acquire"});
    // A slice within another shows while it lasts.
    const auto nested = parse(events({slice("1", "-100", "50"),
                                      R"({"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": -60,
                                          "dur": 5})"}));
    REQUIRE(nested.ok());
    CHECK(segmentsOf((*nested)->threads.at(0)) ==
          std::vector<std::string>{"0 running", "40000 io", "45000 running", "50000 done"});
}

TEST_CASE("a recording's summed thread time saturates instead of going negative", "[tracelimits]") {
    // Three threads of 4e18 ns each: 1.2e19 ns in all, past 2^63.
    const auto load =
        parse(events({slice("1", "0", "4e15"), slice("2", "0", "4e15"), slice("3", "0", "4e15")}));
    INFO(load.error());
    REQUIRE(load.ok());
    CHECK((*load)->sequentialNs == std::numeric_limits<TimeNs>::max());
    const Metrics m = computeMetrics(**load);
    CHECK(m.sequential_ms > 9.2e12);
    CHECK(m.speedup > 2);
    CHECK(m.threads.at(0).running_ms == 4e12);
}

TEST_CASE("metrics of a hand-made trace with out-of-order times are never negative",
          "[tracelimits]") {
    Trace trace;
    trace.endNs = -5;
    trace.sequentialNs = -10;
    const Metrics m = computeMetrics(trace);
    CHECK(m.makespan_ms == 0);
    CHECK(m.sequential_ms == 0);
    CHECK(m.speedup == 0);
}

TEST_CASE("the equivalent scenario of a recording with huge times is a valid scenario",
          "[tracelimits]") {
    Trace trace;
    trace.endNs = 9'000'000'000'000'000'000;
    ThreadTrack main;
    main.info.name = "main";
    main.segmentStart = {0};
    main.segmentState = {ThreadState::Running};
    trace.threads.push_back(main);
    ThreadTrack io;
    io.info.name = "io";
    io.segmentStart = {0, 1000};
    io.segmentState = {ThreadState::Running, ThreadState::Io};
    io.markTime = {trace.endNs};
    io.markKind = {MarkKind::IoEnd};
    trace.threads.push_back(io);

    const Scenario s = equivalentScenario(trace);
    REQUIRE(s.workers.size() == 2);
    CHECK(s.workers[0].name == "main");
    CHECK(s.workers[0].kind == WorkerKind::Cpu);
    CHECK(s.workers[0].cpu_ms == ScenarioLimits::kMaxBurstMs);
    CHECK(s.workers[1].kind == WorkerKind::Io);
    CHECK(s.workers[1].cpu_ms == 0.001);
    CHECK(s.workers[1].io_ms == ScenarioLimits::kMaxBurstMs);
    const auto problem = validate(s);
    CHECK_FALSE(problem.has_value());
}
