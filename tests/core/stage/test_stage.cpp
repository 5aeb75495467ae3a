// The scheduler stage at chosen instants of small traces written out by hand: what the stage
// panel and the animated exports must show. Times are nanoseconds.
#include "stage/stageindex.h"
#include "trace/tracebuilder.h"

#include "testsupport.h"

using namespace gilscope::core;
using namespace gilscope::test;
using Rows = std::vector<int>;

namespace {

constexpr auto R = ThreadState::Running;
constexpr auto W = ThreadState::WaitingForGil;
constexpr auto I = ThreadState::Io;

ThreadInfo thread(const std::string &name, int gil, std::string group = "main process") {
    ThreadInfo info;
    info.name = name;
    info.gilId = gil;
    info.groupName = std::move(group);
    return info;
}

// A 3.2+ story on two cores. cpu-1 holds the GIL; cpu-2 waits from 0; io-1 returns from I/O at
// 2 µs and queues behind cpu-2; at 5 µs cpu-2's timed wait expires: it asks for a drop and
// re-enters the queue at the back (behind io-1). cpu-1 drops at 5.1 µs (forced hand-off), the
// signal wakes the oldest waiter, io-1, which takes the GIL at 5.12 µs while cpu-1 queues again;
// io-1 starts more I/O at 5.3 µs and cpu-2 takes the GIL at 5.32 µs.
TracePtr modernStory() {
    TraceBuilder b(1000);
    const int cpu1 = b.addRow(thread("cpu-1", 0), 0, R);
    const int cpu2 = b.addRow(thread("cpu-2", 0), 0, W);
    const int io1 = b.addRow(thread("io-1", 0), 0, I);
    b.mark(cpu1, 0, MarkKind::AcquireRequest);
    b.mark(cpu1, 0, MarkKind::Acquire);
    b.mark(cpu2, 0, MarkKind::AcquireRequest);
    b.mark(io1, 0, MarkKind::IoBegin);
    b.mark(io1, 2000, MarkKind::IoEnd);
    b.mark(io1, 2000, MarkKind::AcquireRequest);
    b.setState(io1, 2000, W);
    b.mark(cpu2, 5000, MarkKind::Timeout);
    b.mark(cpu2, 5000, MarkKind::DropRequest);
    b.mark(cpu1, 5100, MarkKind::Release);
    b.mark(cpu1, 5100, MarkKind::Signal);
    b.mark(cpu1, 5100, MarkKind::ForcedHandoff);
    b.setState(cpu1, 5100, W);
    b.mark(io1, 5120, MarkKind::Acquire);
    b.setState(io1, 5120, R);
    b.mark(cpu1, 5120, MarkKind::AcquireRequest);
    b.mark(io1, 5300, MarkKind::Release);
    b.mark(io1, 5300, MarkKind::Signal);
    b.mark(io1, 5300, MarkKind::IoBegin);
    b.setState(io1, 5300, I);
    b.mark(cpu2, 5320, MarkKind::Acquire);
    b.setState(cpu2, 5320, R);
    auto trace = b.finish(6000);
    trace->cores = 2;
    return trace;
}

} // namespace

TEST_CASE("the stage of a 3.2+ story: holder, waiters in wake-up order, cores and flashes") {
    const StageIndex index(modernStory());

    const Stage s1 = index.at(1000);
    CHECK(s1.time == 1000);
    CHECK(s1.states == std::vector<ThreadState>{R, W, I});
    REQUIRE(s1.gils.size() == 1);
    CHECK(s1.gils[0].gilId == 0);
    CHECK(s1.gils[0].groupName == "main process");
    CHECK(s1.gils[0].holder == 0);
    CHECK(s1.gils[0].waiters == Rows{1});
    CHECK(s1.cores == Rows{0, -1});
    CHECK(s1.flashes.empty());

    // io-1 is back from I/O and queues behind cpu-2, who has waited since 0.
    const Stage s3 = index.at(3000, 1500);
    CHECK(s3.states == std::vector<ThreadState>{R, W, W});
    CHECK(s3.gils[0].waiters == Rows{1, 2});
    CHECK(s3.flashes == std::vector<StageFlash>{{2, MarkKind::IoEnd, 2000, 1}});
    CHECK(index.at(3000, 500).flashes.empty()); // 2 µs is more than 0.5 µs ago

    // cpu-2 timed out and asked for a drop: it waits again, now behind io-1.
    const Stage s5 = index.at(5000);
    CHECK(s5.gils[0].holder == 0);
    CHECK(s5.gils[0].waiters == Rows{2, 1});
    CHECK(s5.flashes == std::vector<StageFlash>{{1, MarkKind::DropRequest, 5000, 1}});

    // cpu-1 dropped on request: nobody holds the GIL, no core runs Python.
    const Stage s51 = index.at(5100, 200);
    CHECK(s51.gils[0].holder == -1);
    CHECK(s51.gils[0].waiters == Rows{2, 1});
    CHECK(s51.cores == Rows{-1, -1});
    CHECK(s51.flashes == std::vector<StageFlash>{{1, MarkKind::DropRequest, 5000, 1},
                                                 {0, MarkKind::ForcedHandoff, 5100, 1}});

    // io-1 took it; cpu-1 queues again behind cpu-2.
    const Stage s515 = index.at(5150);
    CHECK(s515.gils[0].holder == 2);
    CHECK(s515.gils[0].waiters == Rows{1, 0});
    CHECK(s515.cores == Rows{2, -1});

    // io-1 went back to I/O, cpu-2 holds the GIL on the core io-1 left.
    const Stage s535 = index.at(5350);
    CHECK(s535.states == std::vector<ThreadState>{W, R, I});
    CHECK(s535.gils[0].holder == 1);
    CHECK(s535.gils[0].waiters == Rows{0});
    CHECK(s535.cores == Rows{1, -1});
    CHECK(s535.gilOfRow(index.trace(), 2) == &s535.gils[0]);
}

TEST_CASE("the stage of the legacy battle: the holder keeps the GIL, the waiter's wake-ups fail") {
    Scenario s =
        scenarioOf(Interpreter::LegacyGil, Executor::Threading, 2, {cpuWorkers(2, 0.0015)});
    makeIdeal(s); // a check every 500 ns; the sequence is spelled out in test_engine_sequences
    const StageIndex index(run(s));

    // 500: cpu-1 released and re-took the GIL in one instant; cpu-2 woke and lost.
    const Stage s500 = index.at(500);
    CHECK(s500.gils[0].holder == 0);
    CHECK(s500.gils[0].waiters == Rows{1});
    CHECK(s500.cores == Rows{0, -1});
    CHECK(s500.flashes == std::vector<StageFlash>{{1, MarkKind::FailedAcquire, 500, 1}});
    // First and repeated failures flash as one kind, counted over the look-back.
    CHECK(index.at(1000, 600).flashes ==
          std::vector<StageFlash>{{1, MarkKind::FailedAcquire, 1000, 2}});
    // 1500: cpu-1 finishes (acquire and release at that instant) and cpu-2 takes over.
    const Stage s1500 = index.at(1500);
    CHECK(s1500.gils[0].holder == 1);
    CHECK(s1500.gils[0].waiters.empty());
    CHECK(s1500.states == std::vector<ThreadState>{ThreadState::Done, R});
}

TEST_CASE("the stage shows one GIL per process, each with its own holder") {
    TraceBuilder b(100);
    const int p1 = b.addRow(thread("proc-1", 0), 0, R);
    const int p2 = b.addRow(thread("proc-2", 1, "process 2"), 0, ThreadState::Starting);
    b.mark(p1, 0, MarkKind::Acquire);
    b.setState(p2, 300, R);
    b.mark(p2, 300, MarkKind::Acquire);
    auto trace = b.finish(1000);
    trace->cores = 4;
    const Stage early = stageAt(*trace, 100);
    REQUIRE(early.gils.size() == 2);
    CHECK(early.gils[0].holder == 0);
    CHECK(early.gils[1].holder == -1);
    CHECK(early.gils[1].groupName == "process 2");
    const Stage later = stageAt(*trace, 400);
    CHECK(later.gils[0].holder == 0);
    CHECK(later.gils[1].holder == 1);
    CHECK(later.cores == Rows{0, 1, -1, -1});
}

TEST_CASE("a thread keeps its core slot while it runs; a new stretch takes the lowest free one") {
    TraceBuilder b(100);
    const int a = b.addRow(thread("a", -1), 0, R);
    const int c = b.addRow(thread("b", -1), 0, ThreadState::Ready);
    b.setState(c, 50, R);
    b.setState(a, 100, ThreadState::Ready);
    b.setState(a, 150, R);
    b.setState(c, 200, ThreadState::Done);
    auto trace = b.finish(300);
    trace->cores = 2;
    const StageIndex index(trace);
    CHECK(index.at(60).cores == Rows{0, 1});
    CHECK(index.at(120).cores == Rows{-1, 1});
    CHECK(index.at(160).cores == Rows{0, 1});
    CHECK(index.at(250).cores == Rows{0, -1});
    CHECK(index.at(250).gils.empty()); // free-threaded rows have no GIL
}

TEST_CASE("a recording without lock marks: the running row holds the GIL, waiting rows queue") {
    TraceBuilder b(100);
    const int main = b.addRow(thread("MainThread", 0), 0, R);
    const int worker = b.addRow(thread("worker", 0), 0, ThreadState::Absent);
    b.setState(worker, 100, W);
    b.setState(main, 400, W);
    b.setState(worker, 400, R);
    auto trace = b.finish(1000);
    trace->cores = 1;
    const StageIndex index(trace);
    CHECK(index.at(50).states == std::vector<ThreadState>{R, ThreadState::Absent});
    CHECK(index.at(50).gils[0].waiters.empty());
    CHECK(index.at(200).gils[0].holder == 0);
    CHECK(index.at(200).gils[0].waiters == Rows{1});
    CHECK(index.at(500).gils[0].holder == 1);
    CHECK(index.at(500).gils[0].waiters == Rows{0});
    // More rows running than the trace's cores: a slot is added rather than a thread hidden.
    CHECK(index.at(500).cores == Rows{1});
}

TEST_CASE("a thread in C code that released the GIL keeps its core, and the GIL goes free") {
    // a: Python [0,100), C code [100,300), Python again [300,400). b takes the GIL at 100.
    TraceBuilder b(100);
    const int a = b.addRow(thread("a", 0), 0, R);
    const int c = b.addRow(thread("b", 0), 0, W);
    b.setState(a, 100, ThreadState::Native);
    b.setState(c, 100, R);
    b.setState(c, 200, ThreadState::Done);
    b.setState(a, 300, R);
    b.setState(a, 400, ThreadState::Done);
    auto trace = b.finish(500);
    trace->cores = 2;
    const StageIndex index(trace);
    CHECK(index.at(150).cores == Rows{0, 1}); // a stays on its core in C code
    CHECK(index.at(150).gils[0].holder == 1);
    CHECK(index.at(250).cores == Rows{0, -1});
    CHECK(index.at(250).gils[0].holder == -1); // C code holds no GIL
    CHECK(index.at(350).cores == Rows{0, -1});
    CHECK(index.at(350).gils[0].holder == 0);
}

TEST_CASE("stepping through a trace stops at every state change and mark") {
    const StageIndex index(modernStory());
    CHECK(index.nextEvent(-1) == TimeNs{0});
    CHECK(index.nextEvent(0) == TimeNs{2000});
    CHECK(index.nextEvent(2000) == TimeNs{5000});
    CHECK(index.nextEvent(5120) == TimeNs{5300});
    CHECK(index.nextEvent(5320) == std::nullopt);
    CHECK(index.previousEvent(5300) == TimeNs{5120});
    CHECK(index.previousEvent(4000) == TimeNs{2000});
    CHECK(index.previousEvent(0) == std::nullopt);
}
