// Steps (native code, locks, queues, events) in tiny scenarios worked out by hand, with the
// latencies and costs of makeIdeal set to zero, compared event by event. Times are nanoseconds.
#include "scenario/scenariojson.h"
#include "testsupport.h"
#include "trace/metrics.h"
#include "trace/tracejson.h"

using namespace gilscope::core;
using namespace gilscope::test;
using Lines = std::vector<std::string>;

namespace {
Scenario ideal(const std::string &json) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "steps.json");
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    Scenario s = *parsed;
    makeIdeal(s);
    return s;
}
} // namespace

TEST_CASE("native steps release the GIL: two threads on two cores run C code in parallel") {
    const auto trace = run(ideal(R"({"cores": 2, "workers": [
        {"name": "hash", "count": 2, "steps": [{"native": 10}]}]})"));
    // Each takes the GIL, lets it go around the C call and takes it back afterwards.
    for (const char *name : {"hash-1", "hash-2"}) {
        CHECK(segmentsOf(row(*trace, name)) == Lines{"0 native", "10000000 done"});
        CHECK(marksOf(row(*trace, name)) == Lines{"0 acquire-request", "0 acquire", "0 release",
                                                  "10000000 acquire-request", "10000000 acquire",
                                                  "10000000 release"});
    }
    CHECK(trace->endNs == 10'000'000);
    CHECK(computeMetrics(*trace).speedup == Approx(2.0));
    CHECK(computeMetrics(*trace).threads[0].native_ms == Approx(10.0));
}

TEST_CASE("the GIL after a native step is re-taken like any acquire: it waits out the interval") {
    const auto trace = run(ideal(R"({"cores": 2, "workers": [
        {"name": "n", "steps": [{"python": 1}, {"native": 2}, {"python": 1}]},
        {"name": "cpu", "cpu_ms": 12}]})"));
    // 1 ms: n drops the GIL for its C call and signals cpu, which takes it. 3 ms: n is back and
    // waits; 8 ms: its timeout sets the drop request, cpu hands over. 9 ms: n is done.
    CHECK(segmentsOf(row(*trace, "n")) == Lines{"0 running", "1000000 native", "3000000 waiting",
                                                "8000000 running", "9000000 done"});
    CHECK(marksOf(row(*trace, "n")) ==
          Lines{"0 acquire-request", "0 acquire", "1000000 release", "1000000 signal",
                "3000000 acquire-request", "8000000 timeout", "8000000 drop-request",
                "8000000 acquire", "9000000 release", "9000000 signal"});
    CHECK(segmentsOf(row(*trace, "cpu")) == Lines{"0 waiting", "1000000 running", "8000000 waiting",
                                                  "9000000 running", "14000000 done"});
}

TEST_CASE("a released lock is not handed over: the releaser takes it straight back") {
    const auto trace = run(ideal(R"({"cores": 2, "workers": [
        {"name": "a", "ops": 2, "steps": [{"lock": "L", "hold": [{"io": 2}]}]},
        {"name": "b", "ops": 2, "steps": [{"lock": "L", "hold": [{"io": 2}]}]}]})"));
    // 0: a holds L across its I/O; b finds L taken, lets the GIL go and sleeps on L. 2 ms: a
    // releases L, which wakes b, and takes L again before b runs: b finds it taken and sleeps
    // again (the convoy of CPython's semaphore lock). b only gets L when a is done, at 4 ms.
    CHECK(segmentsOf(row(*trace, "a")) == Lines{"0 io", "4000000 done"});
    CHECK(marksOf(row(*trace, "a")) ==
          Lines{"0 acquire-request", "0 acquire", "0 release", "0 io-begin", "2000000 io-end",
                "2000000 acquire-request", "2000000 acquire", "2000000 release", "2000000 io-begin",
                "4000000 io-end", "4000000 acquire-request", "4000000 acquire", "4000000 release"});
    CHECK(segmentsOf(row(*trace, "b")) == Lines{"0 lock_wait", "4000000 io", "8000000 done"});
    CHECK(marksOf(row(*trace, "b")) ==
          Lines{"0 acquire-request", "0 acquire", "0 release", "4000000 acquire-request",
                "4000000 acquire", "4000000 release", "4000000 io-begin", "6000000 io-end",
                "6000000 acquire-request", "6000000 acquire", "6000000 release", "6000000 io-begin",
                "8000000 io-end", "8000000 acquire-request", "8000000 acquire", "8000000 release"});
    const Metrics m = computeMetrics(*trace);
    CHECK(m.locks.waits == 1);
    CHECK(m.locks.wait_ms_total == Approx(4.0));
    CHECK(m.threads[1].lock_wait_ms == Approx(4.0));
}

TEST_CASE("one producer and two consumers hand items over a queue, first waiter first") {
    const auto trace = run(ideal(R"({"cores": 3, "queues": {"q": {}}, "workers": [
        {"name": "prod", "ops": 4, "steps": [{"io": 1}, {"python": 1}, {"put": "q"}]},
        {"name": "cons", "count": 2, "ops": 2, "steps": [{"get": "q"}, {"python": 1}]}]})"));
    // The consumers sleep on the empty queue with the GIL released; each put wakes the one that
    // has waited longest, which takes the GIL while the producer is in its next I/O.
    CHECK(segmentsOf(row(*trace, "prod")) ==
          Lines{"0 io", "1000000 running", "2000000 io", "3000000 running", "4000000 io",
                "5000000 running", "6000000 io", "7000000 running", "8000000 done"});
    CHECK(segmentsOf(row(*trace, "cons-1")) == Lines{"0 queue_wait", "2000000 running",
                                                     "3000000 queue_wait", "6000000 running",
                                                     "7000000 done"});
    CHECK(segmentsOf(row(*trace, "cons-2")) == Lines{"0 queue_wait", "4000000 running",
                                                     "5000000 queue_wait", "8000000 running",
                                                     "9000000 done"});
    CHECK(marksOf(row(*trace, "cons-1")) == Lines{"0 acquire-request", "0 acquire", "0 release",
                                                  "2000000 acquire-request", "2000000 acquire",
                                                  "3000000 release", "6000000 acquire-request",
                                                  "6000000 acquire", "7000000 release"});
    REQUIRE(trace->queues.size() == 1);
    CHECK(trace->queues[0].putTime ==
          std::vector<TimeNs>{2'000'000, 4'000'000, 6'000'000, 8'000'000});
    CHECK(trace->queues[0].getTime == trace->queues[0].putTime);
    const Metrics m = computeMetrics(*trace);
    REQUIRE(m.queues.size() == 1);
    CHECK(m.queues[0].name == "q");
    CHECK(m.queues[0].items == 4);
    CHECK(m.queues[0].items_per_s == Approx(4 / 0.006));
    CHECK(m.queues[0].wait_ms_p50 == 0);
}

TEST_CASE("an event's waiter sleeps without the GIL until set, then waits for the GIL") {
    const auto trace = run(ideal(R"({"cores": 2, "workers": [
        {"name": "waiter", "steps": [{"wait": "go"}, {"python": 1}]},
        {"name": "setter", "steps": [{"python": 3}, {"set": "go"}, {"python": 1}]}]})"));
    // 3 ms: set wakes the waiter, which asks for the GIL the setter still holds; it gets it
    // when the setter is done at 4 ms.
    CHECK(segmentsOf(row(*trace, "waiter")) ==
          Lines{"0 queue_wait", "3000000 waiting", "4000000 running", "5000000 done"});
    CHECK(marksOf(row(*trace, "waiter")) == Lines{"0 acquire-request", "0 acquire", "0 release",
                                                  "3000000 acquire-request", "4000000 acquire",
                                                  "5000000 release"});
    CHECK(segmentsOf(row(*trace, "setter")) == Lines{"0 running", "4000000 done"});
    CHECK(marksOf(row(*trace, "setter")) ==
          Lines{"0 acquire-request", "0 acquire", "4000000 release", "4000000 signal"});
}

TEST_CASE("to_thread runs the awaited steps on the loop's pool while other coroutines go on") {
    const auto trace = run(ideal(R"({"executor": "asyncio", "cores": 2, "workers": [
        {"name": "tick", "ops": 3, "steps": [{"sleep": 1}]},
        {"name": "burst", "steps": [{"to_thread": [{"python": 5}]}]}]})"));
    // The pool's first thread starts on demand and runs the 5 ms of Python holding the GIL;
    // the loop, woken for tick at 1 ms, waits for the GIL until the pool thread lets it go.
    CHECK(segmentsOf(row(*trace, "tick")) ==
          Lines{"0 io", "1000000 waiting", "5000000 io", "7000000 done"});
    CHECK(segmentsOf(row(*trace, "burst")) == Lines{"0 queue_wait", "5000000 done"});
    CHECK(segmentsOf(row(*trace, "asyncio_0")) ==
          Lines{"0 running", "5000000 queue_wait", "7000000 done"});
    CHECK(marksOf(row(*trace, "asyncio_0")) ==
          Lines{"0 acquire-request", "0 acquire", "5000000 release", "5000000 signal",
                "7000000 acquire-request", "7000000 acquire", "7000000 release"});
    CHECK(trace->endNs == 7'000'000);
}

TEST_CASE("a group that runs until the others are done stops at its next round") {
    const auto trace = run(ideal(R"({"cores": 2, "workers": [
        {"name": "work", "steps": [{"io": 3}]},
        {"name": "spin", "until": "others", "steps": [{"python": 1}]}]})"));
    // work's re-acquire after its I/O waits out spin's interval (3 to 8 ms); spin, done with
    // the round it was in, stops at 9 ms.
    CHECK(segmentsOf(row(*trace, "work")) == Lines{"0 io", "3000000 waiting", "8000000 done"});
    CHECK(segmentsOf(row(*trace, "spin")) == Lines{"0 running", "9000000 done"});
    CHECK(trace->sequentialNs == 3'000'000); // spin adds no work of its own
}

TEST_CASE("consumers that run until the others are done drain the queue and stop") {
    const auto trace = run(ideal(R"({"cores": 4, "queues": {"q": {"maxsize": 2}}, "workers": [
        {"name": "prod", "ops": 5, "steps": [{"python": 1}, {"put": "q"}]},
        {"name": "cons", "count": 2, "until": "others", "steps": [{"get": "q"}, {"io": 3}]}]})"));
    REQUIRE(trace->queues.size() == 1);
    CHECK(trace->queues[0].putTime.size() == 5);
    CHECK(trace->queues[0].getTime.size() == 5);
    for (const char *name : {"cons-1", "cons-2"})
        CHECK(segmentsOf(row(*trace, name)).back().ends_with("done"));
}

TEST_CASE("a group's own executor: processes beside a threading group, one GIL each") {
    const auto trace = run(ideal(R"({"cores": 4, "workers": [
        {"name": "calc", "count": 2, "cpu_ms": 10, "executor": "multiprocessing"},
        {"name": "io", "count": 2, "kind": "io", "ops": 1, "cpu_ms": 1, "io_ms": 1}]})"));
    const auto &calc1 = row(*trace, "calc-1");
    const auto &calc2 = row(*trace, "calc-2");
    const auto &io1 = row(*trace, "io-1");
    const auto &io2 = row(*trace, "io-2");
    CHECK(calc1.info.gilId != calc2.info.gilId);
    CHECK(io1.info.gilId == io2.info.gilId);
    CHECK(io1.info.gilId != calc1.info.gilId);
    CHECK(io1.info.groupName == "main process");
    CHECK(calc1.info.groupName == "process 1");
    // Start-up is 1.5 ms a process (fork) and the IPC 0.1 ms: both run 10 ms in parallel.
    CHECK(trace->endNs == 11'600'000);
}

TEST_CASE("a threading group with a pool size runs its workers as jobs on that many threads") {
    const auto trace = run(ideal(R"({"cores": 4, "workers": [
        {"name": "job", "count": 4, "pool_size": 2, "steps": [{"native": 5}]}]})"));
    REQUIRE(trace->threads.size() == 2);
    CHECK(trace->threads[0].info.name == "job-pool-1");
    CHECK(trace->endNs == 10'000'000); // 4 jobs of 5 ms on 2 threads, in parallel
}

TEST_CASE("a workload that waits for ever fails with a message naming who waits for what") {
    Scenario s = ideal(R"({"queues": {"jobs": {}}, "workers": [
        {"name": "cons", "steps": [{"get": "jobs"}]}]})");
    const auto outcome = simulate(s);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error() ==
          "the workload deadlocks at 0 ms: cons waits to get from queue \"jobs\". Nothing left "
          "can wake them: check that puts match gets, that every wait has a set, and that no "
          "lock is held across an await");
}

TEST_CASE("millions of steps that take no time end with the event cap, not a spin") {
    Scenario s = ideal(R"({"workers": [{"ops": 10000000, "steps": [{"set": "e"}, {"wait": "e"},
        {"lock": "L", "hold": [{"python": 0}]}]}]})");
    s.params.max_events = 100'000;
    const auto outcome = simulate(s);
    REQUIRE_FALSE(outcome.ok());
    CHECK_THAT(outcome.error(), Catch::StartsWith("the run would store more than "
                                                  "params.max_events = 100000 events"));
}

TEST_CASE("the new states and the queues survive a trace file's round trip") {
    const auto trace = run(ideal(R"({"cores": 3, "queues": {"q": {}}, "workers": [
        {"name": "prod", "ops": 4, "steps": [{"native": 1}, {"python": 1}, {"put": "q"}]},
        {"name": "cons", "count": 2, "ops": 2, "steps": [{"get": "q"},
            {"lock": "L", "hold": [{"io": 2}]}]}]})"));
    const auto back = parseChromeTrace(traceToChromeJson(*trace), "t.json");
    INFO(back.error());
    REQUIRE(back.ok());
    const Trace &t = **back;
    for (const char *name : {"prod", "cons-1", "cons-2"})
        CHECK(segmentsOf(row(t, name)) == segmentsOf(row(*trace, name)));
    REQUIRE(t.queues.size() == 1);
    CHECK(t.queues[0].name == "q");
    CHECK(t.queues[0].putTime == trace->queues[0].putTime);
    CHECK(t.queues[0].getTime == trace->queues[0].getTime);
    const Metrics a = computeMetrics(*trace), b = computeMetrics(t);
    CHECK(b.queues[0].items_per_s == a.queues[0].items_per_s);
    CHECK(b.locks.waits == a.locks.waits);
}

TEST_CASE("a queue counter that jumps is refused with a message") {
    const auto load = parseChromeTrace(R"({"traceEvents": [
        {"ph": "X", "name": "running", "pid": 1, "tid": 1, "ts": 0, "dur": 5},
        {"ph": "C", "cat": "queue", "name": "queue q", "pid": 1, "ts": 1, "args": {"items": 3}}]})",
                                       "t.json");
    REQUIRE_FALSE(load.ok());
    CHECK(load.error() == "t.json: event 1: queue \"q\" goes from 0 to 3 items: a queue counter "
                          "moves by one item an event");
}

TEST_CASE("a pool worker that goes idle while the loop closes still ends") {
    // The loop finished (and woke the idle workers) while this worker was letting the GIL go on
    // its way to idle: it must see the shutdown instead of sleeping for ever.
    Scenario s = ideal(R"({"cores": 4, "executor": "subinterpreters", "workers": [
        {"name": "g1", "count": 2, "ops": 5, "pool_size": 2, "until": "others",
         "steps": [{"to_thread": [{"set": "e"}]}, {"sleep": 0.001}]},
        {"name": "g3", "count": 2, "ops": 4, "executor": "asyncio",
         "steps": [{"in_process": []}, {"wait": "e"}]}]})");
    s.params = TimingParams{}; // the default costs: the race needs the release to take time
    const auto outcome = simulate(s);
    INFO(outcome.error());
    CHECK(outcome.ok());
}
