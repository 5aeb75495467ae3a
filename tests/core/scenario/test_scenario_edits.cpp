#include "pixels/timewindow.h"
#include "scenario/scenarioedits.h"

#include <catch2/catch.hpp>

using namespace gilscope;

TEST_CASE("thread-count edits grow the first group and shrink from the last") {
    namespace edits = core::scenarioedits;
    core::Scenario s;
    core::WorkerGroup a, b, io;
    a.count = 2;
    a.cpu_ms = 10;
    b.count = 3;
    b.cpu_ms = 20;
    io.kind = core::WorkerKind::Io;
    io.count = 1;
    s.workers = {a, io, b};
    CHECK(edits::workerCount(s, core::WorkerKind::Cpu) == 5);
    edits::setWorkerCount(s, core::WorkerKind::Cpu, 7, core::WorkerGroup{});
    CHECK(s.workers[0].count == 4); // the first group grows
    CHECK(s.workers[2].count == 3);
    edits::setWorkerCount(s, core::WorkerKind::Cpu, 2, core::WorkerGroup{});
    CHECK(s.workers[2].count == 0); // shrinks from the last ...
    CHECK(s.workers[0].count == 2); // ... then the first
    CHECK(s.workers[1].count == 1); // other kinds untouched
    core::WorkerGroup model;
    model.cpu_ms = 0.5;
    model.io_ms = 3;
    edits::setWorkerCount(s, core::WorkerKind::Mixed, 2, model);
    REQUIRE(s.workers.size() == 4);
    CHECK(s.workers[3].kind == core::WorkerKind::Mixed);
    CHECK(s.workers[3].count == 2);
    CHECK(s.workers[3].io_ms == 3);
    edits::setCpuBurstMs(s, 42);
    CHECK(s.workers[0].cpu_ms == 42);
    CHECK(s.workers[2].cpu_ms == 42);
    CHECK(s.workers[3].cpu_ms == 0.5); // mixed groups keep theirs
}

TEST_CASE("zooming around a time keeps that time at the same place across the chart") {
    const core::TimeWindow w{100, 300};
    const core::TimeWindow in = w.zoomedAround(150, 0.5, 1);
    CHECK(in.begin == 125);
    CHECK(in.end == 225);
    CHECK(in.pixelAt(150, 800) == w.pixelAt(150, 800)); // 200 px from the left, before and after
    CHECK(w.zoomedAround(150, 1e-9, 10).span() == 10);  // never narrower than the minimum
}

TEST_CASE("a window wider than the run or sticking out of it is brought back inside") {
    const core::TimeWindow extent{0, 1000};
    CHECK(core::TimeWindow{-100, 200}.clampedTo(extent) == core::TimeWindow{0, 300});
    CHECK(core::TimeWindow{900, 1100}.clampedTo(extent) == core::TimeWindow{800, 1000});
    CHECK(core::TimeWindow{-50, 2000}.clampedTo(extent) == extent);
}
