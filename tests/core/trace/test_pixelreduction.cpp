// The per-pixel reductions. dominantPerColumn: each column shows the state covering most of its
// time. proportionalPerColumn (what the timeline, exports and thumbnails draw): each state keeps
// its share of the columns. Every expected value below is worked out by hand from the segments
// written next to it.
#include <catch2/catch.hpp>

#include "pixels/pixelreduction.h"
#include "trace/trace.h"

#include <random>

using namespace gilscope::core;

namespace {

constexpr ThreadState R = ThreadState::Running;
constexpr ThreadState W = ThreadState::WaitingForGil;
constexpr ThreadState Q = ThreadState::Ready;
constexpr ThreadState I = ThreadState::Io;
constexpr ThreadState D = ThreadState::Done;
constexpr ThreadState A = ThreadState::Absent;

ThreadTrack track(std::vector<std::pair<TimeNs, ThreadState>> segments) {
    ThreadTrack t;
    for (auto [start, state] : segments) {
        t.segmentStart.push_back(start);
        t.segmentState.push_back(state);
    }
    return t;
}

// A row alternating the given states for the given lengths, `cycles` times from t = 0.
ThreadTrack repeating(std::vector<std::pair<ThreadState, TimeNs>> cycle, int cycles) {
    ThreadTrack t;
    TimeNs now = 0;
    for (int c = 0; c < cycles; ++c)
        for (auto [state, length] : cycle) {
            t.segmentStart.push_back(now);
            t.segmentState.push_back(state);
            now += length;
        }
    return t;
}

PixelLane laneOf(const ThreadTrack &t, TimeNs end) {
    return PixelLane::categories(
        t.segmentStart,
        std::span(reinterpret_cast<const std::uint8_t *>(t.segmentState.data()),
                  t.segmentState.size()),
        end, static_cast<int>(kThreadStateCount), static_cast<std::uint8_t>(ThreadState::Absent));
}

std::vector<ThreadState> asStates(const std::vector<std::uint8_t> &columns) {
    std::vector<ThreadState> out;
    for (auto c : columns)
        out.push_back(static_cast<ThreadState>(c));
    return out;
}

// The state covering most of each column's time.
std::vector<ThreadState> reduce(const ThreadTrack &t, TimeNs end, double begin, double stop,
                                int columns) {
    return asStates(dominantPerColumn(laneOf(t, end), PixelGrid{begin, stop, columns}));
}

// What the timeline draws: every state keeps its share of the columns.
std::vector<ThreadState> proportional(const ThreadTrack &t, TimeNs end, double begin, double stop,
                                      int columns) {
    return statesPerColumn(t, end, PixelGrid{begin, stop, columns});
}

long countOf(const std::vector<ThreadState> &columns, ThreadState s) {
    return std::count(columns.begin(), columns.end(), s);
}

using States = std::vector<ThreadState>;

} // namespace

TEST_CASE("pixels: a row without segments shows no data in every column") {
    CHECK(reduce(ThreadTrack{}, 100, 0, 100, 4) == States{A, A, A, A});
}

TEST_CASE("pixels: an empty or degenerate grid yields no columns") {
    const auto t = track({{0, R}});
    CHECK(reduce(t, 100, 0, 100, 0).empty());
    // A zero-length window has no time to show: every column stays without data.
    CHECK(reduce(t, 100, 50, 50, 3) == States{A, A, A});
}

TEST_CASE("pixels: a single segment fills exactly the columns it covers") {
    const auto t = track({{0, R}}); // running over [0, 100)
    SECTION("window equal to the segment") {
        CHECK(reduce(t, 100, 0, 100, 4) == States{R, R, R, R});
    }
    SECTION("window twice as long: the second half has no data") {
        CHECK(reduce(t, 100, 0, 200, 4) == States{R, R, A, A});
    }
    SECTION("window starting before the data") {
        // columns [-50,0) [0,50) [50,100) [100,150)
        CHECK(reduce(t, 100, -50, 150, 4) == States{A, R, R, A});
    }
    SECTION("a column half inside the segment is a tie, and running wins ties") {
        // columns [-50,50) [50,150): each 50 ns running, 50 ns without data
        CHECK(reduce(t, 100, -50, 150, 2) == States{R, R});
    }
    SECTION("less than half inside loses to no data") {
        // columns [0,120) [120,240): the first 100 of 120 running; the second none
        CHECK(reduce(t, 100, 0, 240, 2) == States{R, A});
        // columns [-60,60) [60,180): 60/120 running (tie, running), then 40/120 running
        CHECK(reduce(t, 100, -60, 180, 2) == States{R, A});
    }
}

TEST_CASE("pixels: zoomed in columns narrower than a nanosecond still follow segment edges") {
    // running [0,10), waiting [10,30), I/O [30,100)
    const auto t = track({{0, R}, {10, W}, {30, I}});
    // 1 ns per column over [5, 15)
    CHECK(reduce(t, 100, 5, 15, 10) == States{R, R, R, R, R, W, W, W, W, W});
    // a quarter nanosecond per column over [9.5, 10.5)
    CHECK(reduce(t, 100, 9.5, 10.5, 4) == States{R, R, W, W});
    // columns [29, 29.5) [29.5, 30) [30, 30.5) [30.5, 31)
    CHECK(reduce(t, 100, 29, 31, 4) == States{W, W, I, I});
}

TEST_CASE("pixels: zoomed out each column shows the state with the most time in it") {
    // R[0,30) W[30,50) I[50,60) R[60,80) W[80,100) I[100,200), trace ends at 200
    const auto t = track({{0, R}, {30, W}, {50, I}, {60, R}, {80, W}, {100, I}});
    // [0,100): running 30+20 = 50, waiting 20+20 = 40, I/O 10 -> running; [100,200): I/O
    CHECK(reduce(t, 200, 0, 200, 2) == States{R, I});
    // [0,50): running 30, waiting 20 -> running; [50,100): I/O 10, running 20, waiting 20 ->
    // running and waiting tie, running wins; [100,150) [150,200): I/O
    CHECK(reduce(t, 200, 0, 200, 4) == States{R, R, I, I});
    // one column over everything: I/O 10 + 100 = 110 of 200
    CHECK(reduce(t, 200, 0, 200, 1) == States{I});
    // [20,60): running 10, waiting 20, I/O 10 -> waiting
    CHECK(reduce(t, 200, 20, 60, 1) == States{W});
}

TEST_CASE("pixels: thousands of segments per column are weighed by time not by count") {
    // 300 cycles of running 1 ns then ready 3 ns: 600 segments, but ready has 3x the time.
    const auto t = repeating({{R, 1}, {Q, 3}}, 300);
    CHECK(reduce(t, 1200, 0, 1200, 3) == States{Q, Q, Q});
}

TEST_CASE("pixels: block totals give the same answer as a column's exact partial segments") {
    // 500 cycles of running 5 ns, waiting 5 ns; trace ends at 5000. A column of 1002 ns holds
    // 100 whole cycles (500 running, 500 waiting) plus 2 ns of whatever comes next, so the
    // column's start alone decides the winner.
    const auto t = repeating({{R, 5}, {W, 5}}, 500);
    // [0,1002): the extra [1000,1002) is running -> 502 vs 500
    CHECK(reduce(t, 5000, 0, 1002, 1) == States{R});
    // [5,1007): the extra [1005,1007) is waiting -> waiting 502 vs 500
    CHECK(reduce(t, 5000, 5, 1007, 1) == States{W});
    // [3,1005): running [3,5) 2 + [10,15)..[1000,1005) 100*5 = 502; waiting [5,10)..[995,1000)
    // 100*5 = 500
    CHECK(reduce(t, 5000, 3, 1005, 1) == States{R});
    // Two adjacent wide columns reuse the totals at their shared edge:
    // [0,1002) running; [1002,2004): running [1002,1005) 3 + [1010,1015)..[2000,2004)...
    // = 3 + 99*5 + 4 = 502, waiting [1005,1010)..[1995,2000) = 100*5 = 500 -> running.
    CHECK(reduce(t, 5000, 0, 2004, 2) == States{R, R});
    // [1007,2009): waiting [1007,1010) 3 + 99*5 [1015..2000) + [2005,2009) 4 = 502 -> waiting
    CHECK(reduce(t, 5000, 5, 2009, 2) == States{W, W});
}

TEST_CASE("pixels: the last segment ends at the trace end and beyond it there is no data") {
    // running [0,10), done [10, 40): trace end 40
    const auto t = track({{0, R}, {10, D}});
    CHECK(reduce(t, 40, 0, 80, 4) == States{R, D, A, A});
}

namespace {
// Reference: exact time per state by walking every segment, for one column.
ThreadState naiveDominant(const ThreadTrack &t, TimeNs end, double a, double b) {
    std::array<double, kThreadStateCount> time{};
    double covered = 0;
    for (std::size_t i = 0; i < t.segmentCount(); ++i) {
        const double lo = std::max<double>(a, t.segmentStart[i]);
        const double hi = std::min<double>(b, t.segmentEnd(i, end));
        if (hi > lo) {
            time[static_cast<int>(t.segmentState[i])] += hi - lo;
            covered += hi - lo;
        }
    }
    time[static_cast<int>(A)] += (b - a) - covered;
    int best = 0;
    for (int s = 1; s < static_cast<int>(kThreadStateCount); ++s)
        if (time[s] > time[best])
            best = s;
    return static_cast<ThreadState>(best);
}
} // namespace

TEST_CASE("pixels: random rows at random zooms agree with walking every segment") {
    std::mt19937 rng(42);
    for (int round = 0; round < 200; ++round) {
        ThreadTrack t;
        const int n = std::uniform_int_distribution<int>(0, 3000)(rng);
        TimeNs now = std::uniform_int_distribution<int>(0, 50)(rng);
        for (int i = 0; i < n; ++i) {
            t.segmentStart.push_back(now);
            t.segmentState.push_back(
                static_cast<ThreadState>(std::uniform_int_distribution<int>(0, 5)(rng)));
            now += std::uniform_int_distribution<int>(0, 40)(rng); // zero-length segments too
        }
        const TimeNs end = now + std::uniform_int_distribution<int>(0, 40)(rng);
        // Integer edges keep both computations exact, so ties break the same way.
        const int columns = std::uniform_int_distribution<int>(1, 64)(rng);
        const TimeNs perColumn = std::uniform_int_distribution<TimeNs>(1, end / 8 + 2)(rng);
        const TimeNs begin = std::uniform_int_distribution<TimeNs>(-100, end)(rng);
        const PixelGrid grid{double(begin), double(begin + perColumn * columns), columns};
        const auto got = asStates(dominantPerColumn(laneOf(t, end), grid));
        REQUIRE(got.size() == std::size_t(columns));
        for (int c = 0; c < columns; ++c) {
            INFO("round " << round << " column " << c << " of " << columns << ", " << n
                          << " segments");
            REQUIRE(got[c] == naiveDominant(t, end, grid.edge(c), grid.edge(c + 1)));
        }
    }
}

TEST_CASE("pixels: a thread running 30 % of a fast battle is running in 30 % of its columns") {
    // 3 ns running, 7 ns waiting, 1000 times: 100 columns of 100 ns, each 30 % running.
    const auto t = repeating({{R, 3}, {W, 7}}, 1000);
    const auto columns = proportional(t, 10'000, 0, 10'000, 100);
    CHECK(countOf(columns, R) == 30);
    CHECK(countOf(columns, W) == 70);
    // Dominance alone loses the minority entirely: every column is mostly waiting.
    CHECK(countOf(reduce(t, 10'000, 0, 10'000, 100), R) == 0);
    // Running and waiting interleave rather than forming blocks: never two running columns in a
    // row.
    for (std::size_t c = 1; c < columns.size(); ++c)
        CHECK_FALSE((columns[c] == R && columns[c - 1] == R));
}

TEST_CASE("pixels: the first mixed column shows its larger share, the carry decides the next") {
    // Columns of 10 ns: [0,10) is 6 running + 4 waiting, [10,20) likewise, [20,30) likewise.
    // Owed after column 0: R 0.6 -> shown (R -0.4), W 0.4. Column 1: R 0.2, W 0.8 -> W.
    // Column 2: R 0.8, W 0.2 -> R.
    const auto t = repeating({{R, 6}, {W, 4}}, 3);
    CHECK(proportional(t, 30, 0, 30, 3) == States{R, W, R});
}

TEST_CASE("pixels: zoomed in until segments span columns, proportional equals dominant") {
    std::mt19937 rng(7);
    for (int round = 0; round < 100; ++round) {
        ThreadTrack t;
        TimeNs now = 0;
        for (int i = 0; i < 200; ++i) {
            t.segmentStart.push_back(now);
            t.segmentState.push_back(
                static_cast<ThreadState>(std::uniform_int_distribution<int>(0, 5)(rng)));
            now += std::uniform_int_distribution<int>(30, 90)(rng); // each at least 3 columns
        }
        const int columns = static_cast<int>(now / 10);
        INFO("round " << round);
        CHECK(proportional(t, now, 0, double(columns) * 10, columns) ==
              reduce(t, now, 0, double(columns) * 10, columns));
    }
}

TEST_CASE("pixels: over any stretch of columns each state gets its share to within one column") {
    std::mt19937 rng(11);
    for (int round = 0; round < 100; ++round) {
        ThreadTrack t;
        TimeNs now = 0;
        const int n = std::uniform_int_distribution<int>(500, 4000)(rng);
        for (int i = 0; i < n; ++i) {
            t.segmentStart.push_back(now);
            t.segmentState.push_back(
                static_cast<ThreadState>(std::uniform_int_distribution<int>(0, 3)(rng)));
            now += std::uniform_int_distribution<int>(1, 9)(rng); // many segments per column
        }
        const int columns = 50;
        const PixelGrid grid{0, double(now), columns};
        const auto got = statesPerColumn(t, now, grid);
        const auto shares = totalsWithin(laneOf(t, now), 0, double(now));
        for (int s = 0; s < 4; ++s) {
            const double expected = shares[s] / double(now) * columns;
            INFO("round " << round << " state " << s);
            CHECK(std::abs(double(countOf(got, static_cast<ThreadState>(s))) - expected) <= 1.0);
        }
    }
}

TEST_CASE("pixels: mark counts per column give the density the marks are drawn with") {
    const std::vector<TimeNs> times = {1, 2, 3, 50, 99};
    const std::vector<MarkKind> kinds(times.size(), MarkKind::FailedAcquire);
    const PixelMarks pm(times, kinds);
    std::vector<std::uint32_t> counts(4);
    markCountsPerColumn(pm, PixelGrid{0, 100, 4}, counts);
    CHECK(counts == std::vector<std::uint32_t>{3, 0, 1, 1});
}

TEST_CASE("pixels: marks fold into the column whose time range holds them") {
    ThreadTrack t;
    const std::vector<std::pair<TimeNs, MarkKind>> marks = {{0, MarkKind::FailedAcquire},
                                                            {5, MarkKind::RepeatedFailedAcquire},
                                                            {10, MarkKind::Acquire},
                                                            {99, MarkKind::DropRequest},
                                                            {100, MarkKind::ForcedHandoff}};
    for (auto [time, kind] : marks) {
        t.markTime.push_back(time);
        t.markKind.push_back(kind);
    }
    const PixelMarks pm(t.markTime, t.markKind);
    const MarkKindSet all = 0xffff;
    // columns [0,25) [25,50) [50,75) [75,100); the mark at 100 is outside the window
    const auto got = marksPerColumn(pm, PixelGrid{0, 100, 4}, all);
    CHECK(got == std::vector<MarkKindSet>{MarkKindSet(markBit(MarkKind::FailedAcquire) |
                                                      markBit(MarkKind::RepeatedFailedAcquire) |
                                                      markBit(MarkKind::Acquire)),
                                          0, 0, markBit(MarkKind::DropRequest)});
    // only the kinds asked for
    const auto failed = marksPerColumn(pm, PixelGrid{0, 100, 4}, markBit(MarkKind::FailedAcquire));
    CHECK(failed == std::vector<MarkKindSet>{markBit(MarkKind::FailedAcquire), 0, 0, 0});
    // zoomed in: [4,6) in two columns puts the mark at 5 in the second
    const auto zoomed = marksPerColumn(pm, PixelGrid{4, 6, 2}, all);
    CHECK(zoomed == std::vector<MarkKindSet>{0, markBit(MarkKind::RepeatedFailedAcquire)});
}

TEST_CASE("pixels: one rare mark among a hundred thousand is still seen in its column") {
    ThreadTrack t;
    for (int i = 0; i < 100'000; ++i) {
        t.markTime.push_back(i);
        t.markKind.push_back(i == 77'777 ? MarkKind::DropRequest : MarkKind::RepeatedFailedAcquire);
    }
    const PixelMarks pm(t.markTime, t.markKind);
    // ten columns of 10,000 ns: the drop request at 77,777 lies in column 7
    const auto got = marksPerColumn(pm, PixelGrid{0, 100'000, 10}, markBit(MarkKind::DropRequest));
    for (int c = 0; c < 10; ++c)
        CHECK(got[c] == (c == 7 ? markBit(MarkKind::DropRequest) : 0));
}

TEST_CASE("pixels: a level lane reduces to its mean over each column") {
    // 2 busy over [0,10), 0 over [10,20), 3 over [20,25); lane ends at 25
    const std::vector<TimeNs> starts{0, 10, 20};
    const std::vector<std::uint16_t> levels{2, 0, 3};
    const auto lane = PixelLane::levels(starts, levels, 25);
    // [0,20): (2*10)/20 = 1; [20,40): 3*5/20 = 0.75
    CHECK(meanPerColumn(lane, PixelGrid{0, 40, 2}) == std::vector<float>{1.0f, 0.75f});
    // inside one segment the mean is that level
    CHECK(meanPerColumn(lane, PixelGrid{21, 23, 2}) == std::vector<float>{3.0f, 3.0f});
}

TEST_CASE("pixels: time per state within a range for tooltips") {
    const auto t = track({{0, R}, {30, W}, {50, I}});
    const auto lane = PixelLane::categories(
        t.segmentStart,
        std::span(reinterpret_cast<const std::uint8_t *>(t.segmentState.data()),
                  t.segmentState.size()),
        60, int(kThreadStateCount), std::uint8_t(A));
    const auto totals = totalsWithin(lane, 20, 70);
    CHECK(totals[int(R)] == 10.0);
    CHECK(totals[int(W)] == 20.0);
    CHECK(totals[int(I)] == 10.0);
    CHECK(totals[int(A)] == 10.0); // [60,70) after the trace end
}

TEST_CASE("pixels: a holder lane shows the GIL held when it is held most of the column") {
    // free [0,40), thread A (1) [40,70), thread B (2) [70,100): held 60 %, by two threads
    const std::vector<TimeNs> starts{0, 40, 70};
    const std::vector<std::uint8_t> holders{0, 1, 2};
    const auto lane = PixelLane::categories(starts, holders, 100, 3, 0);
    // by plurality free (40) beats A (30) and B (30) ...
    CHECK(dominantPerColumn(lane, PixelGrid{0, 100, 1}) == std::vector<std::uint8_t>{0});
    // ... held first: A and B tie at 30, the lower wins
    CHECK(dominantPerColumn(lane, PixelGrid{0, 100, 1}, Dominance::ForegroundFirst) ==
          std::vector<std::uint8_t>{1});
    // [0,80): free 40 of 80 is half: free stays
    CHECK(dominantPerColumn(lane, PixelGrid{0, 80, 1}, Dominance::ForegroundFirst) ==
          std::vector<std::uint8_t>{0});
    // [20,100): free 20, A 30, B 30 -> A; [30,100): free 10, A 30, B 30 -> A
    CHECK(dominantPerColumn(lane, PixelGrid{20, 100, 1}, Dominance::ForegroundFirst) ==
          std::vector<std::uint8_t>{1});
    // [50,100): A 20, B 30 -> B under either rule
    CHECK(dominantPerColumn(lane, PixelGrid{50, 100, 1}, Dominance::ForegroundFirst) ==
          std::vector<std::uint8_t>{2});
    CHECK(dominantPerColumn(lane, PixelGrid{50, 100, 1}) == std::vector<std::uint8_t>{2});
}
