// The advisor's choices and the sweeps' shapes, as the model says they must be.
#include "analysis/advisor.h"
#include "analysis/sweep.h"
#include "testsupport.h"

using namespace gilscope::core;
using namespace gilscope::test;

namespace {
const AdvisorRun &bestOf(const Advice &a) {
    REQUIRE(a.best >= 0);
    return a.runs[static_cast<std::size_t>(a.best)];
}
} // namespace

TEST_CASE("the advisor runs every executor under every interpreter that had it") {
    const Advice a =
        advise(scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 20)}));
    // Four executors on the 3.2+ GIL and free-threaded builds; the legacy GIL (2.x, 3.0-3.1) had
    // no asyncio and no interpreters of their own.
    CHECK(a.runs.size() == 10);
    for (const auto &r : a.runs)
        if (r.interpreter == Interpreter::LegacyGil) {
            INFO(toString(r.executor));
            CHECK((r.executor == Executor::Threading || r.executor == Executor::Multiprocessing));
        }
    for (const auto &r : a.runs) {
        INFO(toString(r.executor) << " / " << toString(r.interpreter) << ": " << r.error);
        CHECK(r.trace != nullptr);
    }
    CHECK(bestOf(a).interpreter != Interpreter::LegacyGil);
}

TEST_CASE("the advisor picks parallel execution for CPU-bound work on several cores") {
    for (int cores : {2, 4}) {
        const Advice a =
            advise(scenarioOf(Interpreter::Gil, Executor::Threading, cores, {cpuWorkers(4, 100)}));
        const auto &best = bestOf(a);
        INFO(cores << " cores: " << a.reason);
        const bool parallel = best.executor == Executor::Multiprocessing ||
                              best.executor == Executor::Subinterpreters ||
                              best.interpreter == Interpreter::FreeThreaded;
        CHECK(parallel);
        CHECK(a.reason.find("faster than threading") != std::string::npos);
    }
}

TEST_CASE("the advisor picks threads or asyncio for I/O-bound work") {
    const Advice a =
        advise(scenarioOf(Interpreter::Gil, Executor::Threading, 4, {ioWorkers(16, 20, 0.02, 2)}));
    const auto &best = bestOf(a);
    INFO(a.reason);
    CHECK(best.interpreter == Interpreter::Gil);
    CHECK((best.executor == Executor::Threading || best.executor == Executor::Asyncio));
}

TEST_CASE("on one core nothing beats plain threads for CPU-bound work") {
    const Advice a =
        advise(scenarioOf(Interpreter::Gil, Executor::Threading, 1, {cpuWorkers(2, 50)}));
    CHECK(bestOf(a).executor == Executor::Threading);
    CHECK(bestOf(a).interpreter == Interpreter::Gil);
}

TEST_CASE("convoy latency grows with the switch interval") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2,
                            {cpuWorkers(1, 400), ioWorkers(1, 40, 0.02, 0.01)});
    const auto r = sweep(s, "switch_interval_ms=0.1:8:8");
    INFO(r.error());
    REQUIRE(r.ok());
    REQUIRE(r->points.size() == 8);
    CHECK(r->key == "params.switch_interval_ms");
    for (std::size_t i = 1; i < r->points.size(); ++i) {
        INFO("interval " << r->points[i].value);
        CHECK(r->points[i].value > r->points[i - 1].value);
        CHECK(r->points[i].metrics.io.latency_ms_p50 >= r->points[i - 1].metrics.io.latency_ms_p50);
    }
    // ...and about one interval each time (within 30 %).
    CHECK(r->points.back().metrics.io.latency_ms_p50 == Approx(8.0).epsilon(0.3));
}

TEST_CASE("more CPU-bound threads: the GIL serialises, processes spread up to the core count") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 4, {cpuWorkers(1, 20)});
    const auto threaded = sweep(s, "threads=1:8");
    REQUIRE(threaded.ok());
    REQUIRE(threaded->points.size() == 8);
    for (std::size_t i = 1; i < threaded->points.size(); ++i)
        CHECK(threaded->points[i].metrics.makespan_ms >
              threaded->points[i - 1].metrics.makespan_ms);
    s.executor = Executor::Multiprocessing;
    const auto processes = sweep(s, "threads=1:8");
    REQUIRE(processes.ok());
    for (std::size_t i = 1; i < 4; ++i) // up to the 4 cores, speed-up keeps growing
        CHECK(processes->points[i].metrics.speedup > processes->points[i - 1].metrics.speedup);
    CHECK(processes->points[3].metrics.speedup == Approx(4.0).epsilon(0.15));
    CHECK(processes->points[7].metrics.speedup == Approx(4.0).epsilon(0.15)); // capped by cores
}

TEST_CASE("bad sweeps are refused with a message naming the problem") {
    const Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(1, 10)});
    CHECK(sweep(s, "threads").error() ==
          "--sweep threads: expected KEY=FROM:TO[:POINTS], e.g. threads=1:16");
    CHECK(sweep(s, "threads=a:b").error() ==
          "--sweep threads=a:b: expected KEY=FROM:TO[:POINTS] with numbers");
    CHECK(sweep(s, "threads=8:1").error() ==
          "--sweep threads=8:1: need 0 < FROM <= TO <= 1e15, 2 to 200 points, at most 256 whole "
          "values");
    // Huge whole values are refused before they are rounded (llround of 1e300 is undefined).
    CHECK(sweep(s, "threads=1e300:1e300").error() ==
          "--sweep threads=1e300:1e300: need 0 < FROM <= TO <= 1e15, 2 to 200 points, at most 256 "
          "whole values");
    CHECK(sweep(s, "colour=1:2").error().find("unknown key \"colour\"") != std::string::npos);
    // Every point is validated before anything runs.
    CHECK(sweep(s, "threads=4000:4200").error() ==
          "sweep: field workers.0.count: must be between 0 and 4096, got 4097");
}

TEST_CASE("sweep CSV has a header and a row per point") {
    const Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(1, 10)});
    const std::string csv = sweepToCsv(*sweep(s, "threads=1:3"));
    CHECK(csv.starts_with(
        "workers.0.count,makespan_ms,sequential_ms,speedup,switches_per_s,io_ops_per_s,"
        "io_latency_ms_p50,io_latency_ms_p99\n1,"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
}

TEST_CASE("the advisor does not advise the convoy: I/O latency counts among equally fast runs") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2,
                            {cpuWorkers(1, 200), ioWorkers(1, 30, 0.02, 0.01)});
    const Advice a = advise(s);
    const auto &best = bestOf(a);
    INFO(a.reason);
    CHECK(best.executor != Executor::Threading);
    CHECK(best.metrics.io.latency_ms_p99 < 1.0); // threading's p99 is about one 5 ms interval
    CHECK(a.runs[0].metrics.io.latency_ms_p99 > 4.0);
}

TEST_CASE("the advisor keeps threads for C code that releases the GIL, and says why") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 0)});
    s.workers[0].ops = 4;
    s.workers[0].steps = {Step{StepKind::Python, 0.01, {}, {}, true},
                          Step{StepKind::Native, 40, {}, {}, true}};
    const Advice advice = advise(s);
    REQUIRE(advice.best == 0);
    CHECK(advice.runs[0].metrics.speedup == Approx(2.0).epsilon(0.01));
    CHECK_THAT(advice.reason,
               Catch::StartsWith("threading: the work is mostly C code that releases the GIL"));
    // The event loop runs C code on its one thread: no parallelism there.
    CHECK(advice.runs[1].executor == Executor::Asyncio);
    CHECK(advice.runs[1].metrics.speedup == Approx(1.0).epsilon(0.01));
}

TEST_CASE("the advisor says when a lock, not the GIL, serialises the threads") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(4, 0)});
    s.workers[0].ops = 2000;
    s.workers[0].steps = {
        Step{StepKind::Lock, 0, "counter", {Step{StepKind::Python, 0.01, {}, {}, true}}, true},
        Step{StepKind::Python, 0.001, {}, {}, true}};
    const Advice advice = advise(s);
    REQUIRE(advice.best >= 0);
    CHECK_THAT(advice.reason, Catch::Contains("a threading.Lock serialises the threads"));
}
