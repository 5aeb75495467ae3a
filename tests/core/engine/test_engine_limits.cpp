// The engine's limits hold on every path: the event cap and a cancel also stop a thread that runs
// alone (and so never returns to the engine's loop), and the stack stays shallow however many
// operations a thread does in a row.
#include "testsupport.h"

#include <atomic>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

std::string capMessage(long long cap) {
    return "the run would store more than params.max_events = " + std::to_string(cap) +
           " events; shorten the workload or raise params.max_events (at most 500000000)";
}

// One legacy-GIL thread alone on one core: no rival, so every check releases and re-takes the
// GIL without ever waiting, two marks each.
Scenario legacyAlone(double cpuMs) {
    return scenarioOf(Interpreter::LegacyGil, Executor::Threading, 1, {cpuWorkers(1, cpuMs)});
}

} // namespace

TEST_CASE("a legacy-GIL thread running alone is held to params.max_events", "[limits]") {
    Scenario s = legacyAlone(100); // 200,000 checks: 400,006 events
    s.params.max_events = 1000;
    const auto outcome = simulate(s);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error() == capMessage(1000));
}

TEST_CASE("a one-hour burst checked every nanosecond is refused at the cap before memory runs out",
          "[limits]") {
    Scenario s = legacyAlone(3'600'000);
    s.params.check_interval = 1;
    s.params.tick_ns = 1;
    s.params.time_limit_s = 86'400;
    s.params.max_events = 1'000'000;
    const auto outcome = simulate(s);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error() == capMessage(1'000'000));
}

TEST_CASE("a run storing one event more than the cap is refused whatever path stored it",
          "[limits]") {
    std::vector<Scenario> scenarios = {
        legacyAlone(2),
        scenarioOf(Interpreter::LegacyGil, Executor::Threading, 2, {cpuWorkers(2, 1)}),
        scenarioOf(Interpreter::Gil, Executor::Threading, 2,
                   {cpuWorkers(2, 30), ioWorkers(1, 200, 0.05, 0.1)}),
        scenarioOf(Interpreter::Gil, Executor::Asyncio, 1,
                   {cpuWorkers(1, 3), ioWorkers(3, 300, 0.01, 0.2)}),
        scenarioOf(Interpreter::FreeThreaded, Executor::Multiprocessing, 2,
                   {ioWorkers(3, 300, 0.01, 0.2)}),
    };
    for (const Scenario &base : scenarios) {
        const auto events = static_cast<long long>(run(base)->eventCount());
        INFO(toString(base.interpreter)
             << " " << toString(base.executor) << ": " << events << " events");
        REQUIRE(events > 1000);
        Scenario capped = base;
        capped.params.max_events = static_cast<double>(events - 1);
        const auto outcome = simulate(capped);
        REQUIRE_FALSE(outcome.ok());
        CHECK(outcome.error() == capMessage(events - 1));
    }
}

TEST_CASE("a cancel stops a thread that runs alone", "[limits]") {
    Scenario s = legacyAlone(3'600'000);
    s.params.check_interval = 1;
    s.params.tick_ns = 1;
    s.params.time_limit_s = 86'400;
    s.params.max_events = ScenarioLimits::kMaxEventCap;
    const std::atomic<bool> cancel{true};
    const auto outcome = simulate(s, &cancel);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error() == "cancelled");
}

// Each op awaits a GIL routine that finishes without suspending. If each left a stack frame
// behind, a sanitizer or -O0 build would overflow long before 100,000 ops (the core tests run
// under AddressSanitizer too).
TEST_CASE("100000 ops in a row by one thread keep the stack depth constant", "[limits]") {
    WorkerGroup busy = cpuWorkers(1, 0.001);
    busy.ops = 100'000;
    for (const Executor executor : {Executor::Asyncio, Executor::Threading}) {
        for (const Interpreter interpreter :
             {Interpreter::Gil, Interpreter::LegacyGil, Interpreter::FreeThreaded}) {
            INFO(toString(interpreter) << " " << toString(executor));
            Scenario s = scenarioOf(interpreter, executor, 1, {busy});
            makeIdeal(s);
            const auto trace = run(s);
            const double slowdown =
                interpreter == Interpreter::FreeThreaded ? s.params.ft_slowdown : 1.0;
            TimeNs running = 0;
            const auto &track = trace->threads.front();
            for (std::size_t i = 0; i < track.segmentCount(); ++i)
                if (track.segmentState[i] == ThreadState::Running)
                    running += track.segmentEnd(i, trace->endNs) - track.segmentStart[i];
            CHECK(running == std::llround(100'000 * 1'000 * slowdown));
        }
    }
}

// Rounds of no CPU and no I/O store nothing and never suspend; 4096 x 10M of them used to spin
// for minutes with no look at the cancel flag.
TEST_CASE("ops that round to no CPU and no I/O are skipped at once", "[limits]") {
    for (const Executor executor : {Executor::Threading, Executor::Asyncio}) {
        INFO(toString(executor));
        WorkerGroup empty = ioWorkers(ScenarioLimits::kMaxThreads, 1, 0, 0.0000001);
        empty.jitter = 0.99;
        Scenario one = scenarioOf(Interpreter::Gil, executor, 2, {empty});
        Scenario many = one;
        many.workers[0].ops = ScenarioLimits::kMaxOps;
        const auto a = run(one);
        const auto b = run(many);
        REQUIRE(a->threads.size() == b->threads.size());
        CHECK(a->endNs == b->endNs);
        for (std::size_t i = 0; i < a->threads.size(); ++i) {
            CHECK(segmentsOf(a->threads[i]) == segmentsOf(b->threads[i]));
            CHECK(marksOf(a->threads[i]) == marksOf(b->threads[i]));
        }
    }
}
