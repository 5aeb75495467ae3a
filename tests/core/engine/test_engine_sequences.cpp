// Tiny scenarios worked out by hand (latencies and costs set to zero, see makeIdeal), compared
// event by event. Times are nanoseconds.
#include "testsupport.h"

using namespace gilscope::core;
using namespace gilscope::test;
using Lines = std::vector<std::string>;

TEST_CASE("3.2+ GIL: two 12 ms CPU threads on two cores hand over every 5 ms interval") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 12)});
    makeIdeal(s);
    const auto trace = run(s);
    // cpu-2 times out at 5 ms and sets the drop request; cpu-1 drops, signals and (FORCE_SWITCHING)
    // waits until cpu-2 has taken the GIL, then queues with a fresh 5 ms timeout, and so on.
    CHECK(segmentsOf(row(*trace, "cpu-1")) == Lines{"0 running", "5000000 waiting",
                                                    "10000000 running", "15000000 waiting",
                                                    "20000000 running", "22000000 done"});
    CHECK(marksOf(row(*trace, "cpu-1")) ==
          Lines{"0 acquire-request", "0 acquire", "5000000 release", "5000000 signal",
                "5000000 forced-handoff", "5000000 acquire-request", "10000000 timeout",
                "10000000 drop-request", "10000000 acquire", "15000000 release", "15000000 signal",
                "15000000 forced-handoff", "15000000 acquire-request", "20000000 timeout",
                "20000000 drop-request", "20000000 acquire", "22000000 release",
                "22000000 signal"});
    CHECK(segmentsOf(row(*trace, "cpu-2")) ==
          Lines{"0 waiting", "5000000 running", "10000000 waiting", "15000000 running",
                "20000000 waiting", "22000000 running", "24000000 done"});
    CHECK(marksOf(row(*trace, "cpu-2")) ==
          Lines{"0 acquire-request", "5000000 timeout", "5000000 drop-request", "5000000 acquire",
                "10000000 release", "10000000 signal", "10000000 forced-handoff",
                "10000000 acquire-request", "15000000 timeout", "15000000 drop-request",
                "15000000 acquire", "20000000 release", "20000000 signal",
                "20000000 forced-handoff", "20000000 acquire-request", "22000000 acquire",
                "24000000 release"});
    CHECK(trace->endNs == 24'000'000);
}

TEST_CASE("3.2+ GIL: two 12 ms CPU threads on one core follow the OS time slices") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 1, {cpuWorkers(2, 12)});
    makeIdeal(s);
    const auto trace = run(s);
    // 4 ms: the slice ends, cpu-2 runs, finds the GIL held and waits. 9 ms: its timeout wakes it
    // with 3 ms of CPU credit, it preempts cpu-1 and sets the drop request; cpu-1 drops, its
    // signal preempts it again, cpu-2 takes the GIL. 13 ms: slice over, cpu-1 queues for the GIL;
    // 18 ms: the same dance the other way; cpu-1 finishes at 21 ms, cpu-2 at 24 ms.
    CHECK(segmentsOf(row(*trace, "cpu-1")) == Lines{"0 running", "9000000 ready",
                                                    "13000000 waiting", "18000000 running",
                                                    "21000000 done"});
    CHECK(marksOf(row(*trace, "cpu-1")) ==
          Lines{"0 acquire-request", "0 acquire", "9000000 release", "9000000 signal",
                "13000000 acquire-request", "18000000 timeout", "18000000 drop-request",
                "18000000 acquire", "21000000 release"});
    CHECK(segmentsOf(row(*trace, "cpu-2")) == Lines{"0 ready", "4000000 waiting", "9000000 running",
                                                    "18000000 ready", "21000000 running",
                                                    "24000000 done"});
    CHECK(marksOf(row(*trace, "cpu-2")) ==
          Lines{"4000000 acquire-request", "9000000 timeout", "9000000 drop-request",
                "9000000 acquire", "18000000 release", "18000000 signal",
                "21000000 acquire-request", "21000000 acquire", "24000000 release"});
}

TEST_CASE("legacy GIL: the holder releases and re-takes at every check, the waiter fails") {
    Scenario s =
        scenarioOf(Interpreter::LegacyGil, Executor::Threading, 2, {cpuWorkers(2, 0.0015)});
    makeIdeal(s); // check_interval 100 x tick 5 ns = a check every 500 ns
    const auto trace = run(s);
    // Each check wakes cpu-2, which finds the GIL taken again: yellow, then red. It only gets
    // the GIL when cpu-1 is done.
    CHECK(segmentsOf(row(*trace, "cpu-1")) == Lines{"0 running", "1500 done"});
    CHECK(marksOf(row(*trace, "cpu-1")) == Lines{"0 acquire-request", "0 acquire", "500 release",
                                                 "500 signal", "500 acquire", "1000 release",
                                                 "1000 signal", "1000 acquire", "1500 release",
                                                 "1500 signal", "1500 acquire", "1500 release"});
    CHECK(segmentsOf(row(*trace, "cpu-2")) == Lines{"0 waiting", "1500 running", "3000 done"});
    CHECK(marksOf(row(*trace, "cpu-2")) ==
          Lines{"0 acquire-request", "500 failed-acquire", "1000 repeated-failed-acquire",
                "1500 acquire", "2000 release", "2000 acquire", "2500 release", "2500 acquire",
                "3000 release", "3000 acquire", "3000 release"});
}

TEST_CASE("asyncio: a CPU-bound coroutine stalls the I/O coroutine for its whole burst") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Asyncio, 1,
                            {cpuWorkers(1, 10), ioWorkers(1, 2, 1, 2)});
    makeIdeal(s);
    const auto trace = run(s);
    CHECK(segmentsOf(row(*trace, "cpu-1")) == Lines{"0 running", "10000000 done"});
    CHECK(marksOf(row(*trace, "cpu-1")) ==
          Lines{"0 acquire-request", "0 acquire", "10000000 release"});
    CHECK(segmentsOf(row(*trace, "io-1")) == Lines{"0 ready", "10000000 running", "11000000 io",
                                                   "13000000 running", "14000000 io",
                                                   "16000000 done"});
    CHECK(marksOf(row(*trace, "io-1")) ==
          Lines{"10000000 acquire", "11000000 io-begin", "11000000 release", "13000000 io-end",
                "13000000 acquire-request", "13000000 acquire", "14000000 io-begin",
                "14000000 release", "16000000 io-end", "16000000 acquire-request",
                "16000000 acquire", "16000000 release"});
}
