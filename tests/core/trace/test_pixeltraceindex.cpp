// TraceIndex: the per-trace preparation the timeline draws from, built off the UI thread.
#include <catch2/catch.hpp>

#include "pixels/pixelreduction.h"
#include "pixels/traceindex.h"

#include <atomic>

using namespace gilscope::core;

namespace {

constexpr ThreadState R = ThreadState::Running;
constexpr ThreadState W = ThreadState::WaitingForGil;
constexpr ThreadState I = ThreadState::Io;
constexpr ThreadState D = ThreadState::Done;
constexpr ThreadState N = ThreadState::Native;

ThreadTrack row(std::string name, int gil, std::vector<std::pair<TimeNs, ThreadState>> segments) {
    ThreadTrack t;
    t.info.name = std::move(name);
    t.info.gilId = gil;
    for (auto [start, state] : segments) {
        t.segmentStart.push_back(start);
        t.segmentState.push_back(state);
    }
    return t;
}

// Two threads sharing GIL 0 that hand it back and forth, and one with its own GIL 1.
std::shared_ptr<const Trace> handOffTrace() {
    auto trace = std::make_shared<Trace>();
    trace->endNs = 40;
    trace->threads.push_back(row("a", 0, {{0, R}, {10, W}, {20, R}, {30, D}}));
    trace->threads.push_back(row("b", 0, {{0, W}, {10, R}, {20, W}, {30, R}, {35, D}}));
    trace->threads.push_back(row("c", 1, {{0, I}, {5, R}, {15, D}}));
    return trace;
}

} // namespace

TEST_CASE("pixel index: the GIL holder lane follows the hand-offs between the threads of one GIL") {
    const auto index = TraceIndex::build(handOffTrace());
    REQUIRE(index);
    // GIL 1 has a single thread: nothing to summarise there.
    REQUIRE(index->holderLanes().size() == 1);
    const auto &lane = index->holderLanes()[0];
    CHECK(lane.gilId == 0);
    // a holds [0,10), b [10,20), a [20,30), b [30,35), then nobody
    CHECK(lane.starts == std::vector<TimeNs>{0, 10, 20, 30, 35});
    CHECK(lane.holders == std::vector<std::int32_t>{0, 1, 0, 1, -1});
    // each row gets its own colour slot; c has no holder lane
    CHECK(index->holderColourOfRow(0) == 1);
    CHECK(index->holderColourOfRow(1) == 2);
    CHECK(index->holderColourOfRow(2) == TraceIndex::kFree);
    CHECK(lane.colours == std::vector<std::uint8_t>{1, 2, 1, 2, 0});
}

TEST_CASE("pixel index: C code with the GIL released keeps a core busy but holds no GIL") {
    // Two threads of one GIL hashing in C most of the time: both cores busy, the GIL taken only
    // for the Python between calls (a [0,2), b [2,4), then both in C until 10, a again [10,12)).
    auto trace = std::make_shared<Trace>();
    trace->endNs = 14;
    trace->threads.push_back(row("a", 0, {{0, R}, {2, N}, {10, R}, {12, D}}));
    trace->threads.push_back(row("b", 0, {{0, W}, {2, R}, {4, N}, {14, D}}));
    const auto index = TraceIndex::build(trace);
    REQUIRE(index);
    CHECK(index->maxBusy() == 2);
    const auto &busy = index->busyLane();
    REQUIRE(busy.size() == 4);
    CHECK(std::vector<TimeNs>{busy.start(0), busy.start(1), busy.start(2), busy.start(3)} ==
          std::vector<TimeNs>{0, 2, 12, 14});
    CHECK(std::vector<unsigned>{busy.value(0), busy.value(1), busy.value(2), busy.value(3)} ==
          std::vector<unsigned>{1, 2, 1, 0});
    REQUIRE(index->holderLanes().size() == 1);
    const auto &lane = index->holderLanes()[0];
    CHECK(lane.starts == std::vector<TimeNs>{0, 2, 4, 10, 12});
    CHECK(lane.holders == std::vector<std::int32_t>{0, 1, -1, 0, -1});
}

TEST_CASE("pixel index: the busy lane counts running threads across every GIL") {
    const auto index = TraceIndex::build(handOffTrace());
    REQUIRE(index);
    // running: a|b always one of them over [0,35), c over [5,15)
    // -> 1 on [0,5), 2 on [5,15), 1 on [15,35), 0 on [35,40)
    CHECK(index->maxBusy() == 2);
    const auto &busy = index->busyLane();
    REQUIRE(busy.size() == 4);
    CHECK(busy.start(0) == 0);
    CHECK(busy.value(0) == 1);
    CHECK(busy.start(1) == 5);
    CHECK(busy.value(1) == 2);
    CHECK(busy.start(2) == 15);
    CHECK(busy.value(2) == 1);
    CHECK(busy.start(3) == 35);
    CHECK(busy.value(3) == 0);
    // mean over [0,20): (1*5 + 2*10 + 1*5) / 20 = 1.5; over [20,40): (1*15) / 20 = 0.75
    CHECK(meanPerColumn(busy, PixelGrid{0, 40, 2}) == std::vector<float>{1.5f, 0.75f});
}

TEST_CASE("pixel index: the index's row lanes reduce exactly like the trace rows themselves") {
    const auto trace = handOffTrace();
    const auto index = TraceIndex::build(trace);
    REQUIRE(index);
    const PixelGrid grid{0, 40, 8};
    for (std::size_t r = 0; r < trace->threads.size(); ++r) {
        const auto viaIndex = dominantPerColumn(index->row(r), grid);
        const auto direct = statesPerColumn(trace->threads[r], trace->endNs, grid);
        REQUIRE(viaIndex.size() == direct.size());
        for (std::size_t c = 0; c < direct.size(); ++c)
            CHECK(static_cast<ThreadState>(viaIndex[c]) == direct[c]);
    }
    // b over [0,40) in 8 columns of 5: W W R R W W R D
    CHECK(statesPerColumn(trace->threads[1], 40, grid) ==
          std::vector<ThreadState>{W, W, R, R, W, W, R, D});
}

TEST_CASE("pixel index: a cancelled build returns nothing") {
    auto trace = std::make_shared<Trace>();
    trace->endNs = 10;
    trace->threads.push_back(row("a", 0, {{0, R}}));
    std::atomic<bool> cancel{true};
    CHECK(TraceIndex::build(trace, &cancel) == nullptr);
}

TEST_CASE("pixel index: an empty trace builds an index with no rows and an idle busy lane") {
    const auto index = TraceIndex::build(std::make_shared<Trace>());
    REQUIRE(index);
    CHECK(index->rowCount() == 0);
    CHECK(index->holderLanes().empty());
    CHECK(index->maxBusy() == 0);
}
