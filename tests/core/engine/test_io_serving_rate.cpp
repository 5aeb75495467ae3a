// The I/O threads' own request rate: what the convoy's clients see, not the run's average.
#include "testsupport.h"
#include "trace/metrics.h"

using namespace gilscope::core;

namespace {

ThreadTrack track(const std::string &name, const std::string &kind,
                  std::vector<std::pair<TimeNs, ThreadState>> segments,
                  std::vector<TimeNs> ioEnds = {}) {
    ThreadTrack t;
    t.info.name = name;
    t.info.kind = kind;
    for (const auto &[start, state] : segments) {
        t.segmentStart.push_back(start);
        t.segmentState.push_back(state);
    }
    for (TimeNs at : ioEnds) {
        t.markTime.push_back(at);
        t.markKind.push_back(MarkKind::IoEnd);
    }
    return t;
}

constexpr TimeNs ms = 1'000'000;
using S = ThreadState;

} // namespace

TEST_CASE("the I/O rate counts only while the CPU-bound threads compete, not the free tail") {
    Trace t;
    t.endNs = 100 * ms;
    // CPU-bound: starts at 1 ms, works until 41 ms.
    t.threads.push_back(
        track("cpu-1", "cpu", {{0, S::Starting}, {1 * ms, S::Running}, {41 * ms, S::Done}}));
    // Echo: at work from 1 ms to 81 ms; 4 calls end under load (one every 10 ms), then 40 calls
    // in the free 40 ms after the CPU thread is done.
    std::vector<TimeNs> ends = {11 * ms, 21 * ms, 31 * ms, 41 * ms};
    for (int i = 1; i <= 40; ++i)
        ends.push_back(41 * ms + i * ms);
    t.threads.push_back(
        track("echo", "io",
              {{0, S::Starting}, {1 * ms, S::Running}, {2 * ms, S::Io}, {81 * ms, S::Done}}, ends));
    // 4 calls in the 40 ms of load: 100 per second (the whole-run average would say 440).
    CHECK(ioServingRate(t) == Approx(100.0));
    CHECK(computeMetrics(t).io.serving_ops_per_s == Approx(100.0));
    CHECK(computeMetrics(t).io.ops_per_s == Approx(440.0));
}

TEST_CASE("an I/O thread that finishes first, or has no rival, is timed over its own work") {
    Trace t;
    t.endNs = 100 * ms;
    t.threads.push_back(track("echo", "io", {{0, S::Running}, {10 * ms, S::Io}, {20 * ms, S::Done}},
                              {12 * ms, 14 * ms, 16 * ms, 18 * ms, 20 * ms}));
    CHECK(ioServingRate(t) == Approx(250.0)); // 5 calls in its 20 ms
    t.threads.push_back(track("cpu-1", "cpu", {{0, S::Running}, {100 * ms, S::Done}}));
    CHECK(ioServingRate(t) == Approx(250.0)); // the CPU thread outlives it: still its 20 ms

    Trace quiet;
    quiet.endNs = 10 * ms;
    quiet.threads.push_back(track("cpu-1", "cpu", {{0, S::Running}, {10 * ms, S::Done}}));
    CHECK(ioServingRate(quiet) == 0);
}
