// The sampling recorder's pure half: /proc lines parsed and classified, and rounds of readings
// turned into exact segments, with hand-made samples instead of a live process.
#include "sampling/gilfinder.h"
#include "sampling/threadactivity.h"
#include "sampling/timelineassembler.h"
#include "testsupport.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

using namespace gilscope::core;

namespace {

constexpr TimeNs ms(double v) {
    return static_cast<TimeNs>(v * 1'000'000);
}

// The segments of a row as (state, start) pairs, for exact comparison.
std::vector<std::pair<ThreadState, TimeNs>> segments(const ThreadTrack &t) {
    std::vector<std::pair<ThreadState, TimeNs>> out;
    for (std::size_t i = 0; i < t.segmentCount(); ++i)
        out.push_back({t.segmentState[i], t.segmentStart[i]});
    return out;
}

std::string futexLine(std::uint64_t address, unsigned op = 0x189) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%ld 0x%llx 0x%x 0x0 0x7ffd1000 0x0 0xffffffff 0x7ffd0f00 0x7f00aa",
                  static_cast<long>(SYS_futex), static_cast<unsigned long long>(address), op);
    return buf;
}

const GilAddresses kGil{{{0x7f0000643340, 0x7f00006b37e8}}}; // _PyRuntime of a 3.12

ThreadReading reading(int tid, Activity a, double cpuMs, double rqMs = 0, int slices = 0) {
    return {100, tid, a, ms(cpuMs), ms(rqMs), slices};
}

} // namespace

TEST_CASE("a stat line's state follows the last parenthesis, whatever the comm holds") {
    CHECK(parseStatState("1234 (python3.12) S 1 1234 1234 0 -1") == 'S');
    CHECK(parseStatState("1234 (a) R (b)) R 1 2 3") == 'R');
    CHECK(parseStatComm("1234 (a) R (b)) R 1 2 3") == "a) R (b)");
    CHECK_FALSE(parseStatState("garbage").has_value());
    CHECK_FALSE(parseStatState("1 (x)").has_value());
}

TEST_CASE("schedstat gives on-core and run-queue nanoseconds") {
    const auto s = parseSchedStat("123456789 4567 89\n");
    REQUIRE(s);
    CHECK(s->onCpuNs == 123456789);
    CHECK(s->runQueueNs == 4567);
    CHECK(s->timeslices == 89);
    CHECK_FALSE(parseSchedStat("12").has_value());
}

TEST_CASE("a syscall line says running, outside a call, or the call and its arguments") {
    CHECK(parseSyscall("running\n")->running);
    const auto outside = parseSyscall("-1 0x7ffd0f00 0x7f00aa\n");
    REQUIRE(outside);
    CHECK(outside->number == -1);
    const auto futex = parseSyscall(futexLine(0x7f0000643400));
    REQUIRE(futex);
    CHECK(futex->number == SYS_futex);
    CHECK(futex->args[0] == 0x7f0000643400);
    CHECK(futexWaitAddress(*futex) == std::optional<std::uint64_t>(0x7f0000643400));
    CHECK_FALSE(parseSyscall("202 0x1 0x2").has_value()); // cut short
}

TEST_CASE("a futex wait inside the GIL is a GIL wait; anywhere else it is a lock wait") {
    const GilAddresses &gil = kGil;
    CHECK(classify('S', parseSyscall(futexLine(0x7f0000643340 + 0x2a8)), gil) == Activity::GilWait);
    // A threading.Lock's semaphore on the heap, even one just past the runtime's end.
    CHECK(classify('S', parseSyscall(futexLine(0x55d0c0a01230)), gil) == Activity::LockWait);
    CHECK(classify('S', parseSyscall(futexLine(0x7f00006b37e8)), gil) == Activity::LockWait);
    // FUTEX_LOCK_PI and FUTEX_WAIT (op 0x80, private) wait too; FUTEX_WAKE (1) never sleeps.
    CHECK(classify('S', parseSyscall(futexLine(0x55d0c0a01230, 0x86)), gil) == Activity::LockWait);
    CHECK(classify('S', parseSyscall(futexLine(0x7f0000643400, 0x80)), gil) == Activity::GilWait);
    // Without a known GIL every futex wait is a lock wait, never a guess at the GIL.
    CHECK(classify('S', parseSyscall(futexLine(0x7f0000643400)), GilAddresses{}) ==
          Activity::LockWait);
}

TEST_CASE("other blocking calls are I/O; runnable, woken and exited threads say so") {
    char recv[128];
    std::snprintf(recv, sizeof recv, "%ld 0x5 0x7f00 0x1 0x0 0x0 0x0 0x7ffd 0x7f00",
                  static_cast<long>(SYS_recvfrom));
    CHECK(classify('S', parseSyscall(recv), kGil) == Activity::Io);
    CHECK(classify('D', parseSyscall("-1 0x7ffd0f00 0x7f00aa"), kGil) == Activity::Io);
    CHECK(classify('R', std::nullopt, kGil) == Activity::OnCpu);
    CHECK(classify('S', parseSyscall("running"), kGil) == Activity::OnCpu);
    CHECK(classify('Z', std::nullopt, kGil) == Activity::Gone);
    CHECK(classify('T', std::nullopt, kGil) == Activity::Io);
}

TEST_CASE("two threads handing the GIL over get runs of their exact on-core length") {
    // Samples every millisecond. A runs until 3.5 ms (its schedstat lags while it runs, and is
    // exact once it sleeps); B runs from then on for exactly 5 ms; then A again.
    TimelineAssembler a;
    const auto G = Activity::GilWait, R = Activity::OnCpu;
    a.addRound(ms(0), {reading(1, R, 0), reading(2, G, 0)});
    for (int t = 1; t <= 3; ++t)
        a.addRound(ms(t), {reading(1, R, 0), reading(2, G, 0)});
    a.addRound(ms(4), {reading(1, G, 3.5), reading(2, R, 0)});
    for (int t = 5; t <= 8; ++t)
        a.addRound(ms(t), {reading(1, G, 3.5), reading(2, R, 4)});
    a.addRound(ms(9), {reading(1, R, 3.5), reading(2, G, 5)});
    const auto trace = a.finish(ms(10));
    REQUIRE(trace->threads.size() == 2);
    using S = ThreadState;
    CHECK(segments(trace->threads[0]) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::Running, 0}, {S::WaitingForGil, ms(3.5)}, {S::Running, ms(8.5)}});
    CHECK(segments(trace->threads[1]) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::WaitingForGil, 0}, {S::Running, ms(3.5)}, {S::WaitingForGil, ms(8.5)}});
    CHECK(trace->endNs == ms(10));
}

TEST_CASE("a waiter's brief failed wake-ups stay a GIL wait; a longer run between waits shows") {
    TimelineAssembler a;
    const auto G = Activity::GilWait;
    a.addRound(ms(0), {reading(1, G, 1)});
    a.addRound(ms(1), {reading(1, G, 1.02)}); // 20 us: took nothing
    a.addRound(ms(2), {reading(1, G, 1.32)}); // 300 us: it ran
    const auto trace = a.finish(ms(3));
    using S = ThreadState;
    CHECK(segments(trace->threads[0]) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::WaitingForGil, 0}, {S::Running, ms(1.35)}, {S::WaitingForGil, ms(1.65)}});
}

TEST_CASE("a short turn with the GIL between two GIL waits shows: it took two time slices") {
    // The convoy's I/O thread: woken to take the GIL, echoes, blocks in recv, is woken by the
    // next request and waits for the GIL again, all within 40 us of CPU between two samples.
    TimelineAssembler a;
    const auto G = Activity::GilWait;
    a.addRound(ms(0), {reading(1, G, 1, 0, 10)});
    a.addRound(ms(1), {reading(1, G, 1.04, 0, 11)}); // one slice: a failed wake-up
    a.addRound(ms(2), {reading(1, G, 1.08, 0, 13)}); // two: a turn
    const auto trace = a.finish(ms(3));
    using S = ThreadState;
    CHECK(segments(trace->threads[0]) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::WaitingForGil, 0}, {S::Running, ms(1.48)}, {S::WaitingForGil, ms(1.52)}});
}

TEST_CASE("a thread blocked on a lock is drawn waiting for a lock, not for the GIL") {
    TimelineAssembler a;
    const auto L = Activity::LockWait, R = Activity::OnCpu;
    a.addRound(ms(0), {reading(1, R, 0), reading(2, L, 0)});
    a.addRound(ms(1), {reading(1, R, 0), reading(2, L, 0)});
    a.addRound(ms(2), {reading(1, L, 1.5), reading(2, R, 0)});
    const auto trace = a.finish(ms(3));
    using S = ThreadState;
    CHECK(segments(trace->threads[1]).front() == std::pair<S, TimeNs>{S::LockWait, 0});
    CHECK(segments(trace->threads[0]) ==
          std::vector<std::pair<S, TimeNs>>{{S::Running, 0}, {S::LockWait, ms(1.5)}});
    CHECK(toString(S::LockWait) == "lock_wait");
}

TEST_CASE("I/O that completes between samples gets its end and begin marks around the run") {
    TimelineAssembler a;
    const auto I = Activity::Io;
    a.addRound(ms(0), {reading(1, I, 2)});
    a.addRound(ms(1), {reading(1, I, 2.2, 0.1)}); // woke: 0.1 ms queued, 0.2 ms on a core
    const auto trace = a.finish(ms(1));
    using S = ThreadState;
    const auto &t = trace->threads[0];
    CHECK(segments(t) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::Io, 0}, {S::Ready, ms(0.35)}, {S::Running, ms(0.45)}, {S::Io, ms(0.65)}});
    REQUIRE(t.markCount() == 2);
    CHECK(t.markKind[0] == MarkKind::IoEnd);
    CHECK(t.markTime[0] == ms(0.35));
    CHECK(t.markKind[1] == MarkKind::IoBegin);
    CHECK(t.markTime[1] == ms(0.65));
}

TEST_CASE("I/O that ends in a GIL wait ends there: the call's return is no Python run") {
    TimelineAssembler a;
    // Two slices: the call's return, and a waiter's timed-out wake-up that failed.
    a.addRound(ms(0), {reading(1, Activity::Io, 2, 0, 5)});
    a.addRound(ms(1), {reading(1, Activity::GilWait, 2.01, 0, 7)});
    a.addRound(ms(7), {reading(1, Activity::OnCpu, 2.01)});
    const auto trace = a.finish(ms(8));
    using S = ThreadState;
    const auto &t = trace->threads[0];
    CHECK(segments(t) == std::vector<std::pair<S, TimeNs>>{
                             {S::Io, 0}, {S::WaitingForGil, ms(0.5)}, {S::Running, ms(4)}});
    REQUIRE(t.markCount() == 1);
    CHECK(t.markKind[0] == MarkKind::IoEnd);
    CHECK(t.markTime[0] == ms(0.5));
}

TEST_CASE("a run-queue wait is drawn as ready before the run it delayed") {
    TimelineAssembler a;
    const auto G = Activity::GilWait, R = Activity::OnCpu;
    a.addRound(ms(0), {reading(1, G, 0, 0)});
    a.addRound(ms(1), {reading(1, R, 0, 0)});
    a.addRound(ms(2), {reading(1, R, 0, 0)});
    a.addRound(ms(3), {reading(1, G, 1.0, 1.0)}); // 1 ms queued, then 1 ms on a core
    const auto trace = a.finish(ms(3));
    using S = ThreadState;
    CHECK(segments(trace->threads[0]) ==
          std::vector<std::pair<S, TimeNs>>{{S::WaitingForGil, 0},
                                            {S::Ready, ms(0.5)},
                                            {S::Running, ms(1.5)},
                                            {S::WaitingForGil, ms(2.5)}});
}

TEST_CASE("threads that start are starting since the previous round; those that end are done") {
    TimelineAssembler a;
    const auto L = Activity::LockWait, G = Activity::GilWait;
    a.addRound(ms(0), {reading(1, L, 0)});
    a.addRound(ms(1), {reading(1, L, 0), reading(2, G, 0)});
    a.addRound(ms(2), {reading(1, L, 0)}); // 2 is gone
    a.setName(2, "worker");
    const auto trace = a.finish(ms(3));
    using S = ThreadState;
    REQUIRE(trace->threads.size() == 2);
    CHECK(trace->threads[1].info.name == "worker");
    CHECK(trace->threads[0].info.name == "thread 1");
    CHECK(segments(trace->threads[1]) ==
          std::vector<std::pair<S, TimeNs>>{
              {S::Starting, 0}, {S::WaitingForGil, ms(0.5)}, {S::Done, ms(1.5)}});
    CHECK(trace->threads[1].info.gilId == trace->threads[0].info.gilId);
}

TEST_CASE("finding the GIL in a process that is not Python names the process") {
    const auto found = findGil(static_cast<int>(::getpid()));
    REQUIRE_FALSE(found.ok());
    CHECK_THAT(found.error(), Catch::Contains(std::to_string(::getpid())));
    CHECK_THAT(found.error(), Catch::Contains("does not look like CPython"));
}
