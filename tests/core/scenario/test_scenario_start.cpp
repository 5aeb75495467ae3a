// A group's start_ms: its threads or processes begin that late (a recording's threads start when
// the main thread has set up).
#include "engine/simulate.h"
#include "scenario/scenariojson.h"

#include <catch2/catch.hpp>

using namespace gilscope::core;

TEST_CASE("start_ms survives a save and a load, and is left out when 0") {
    const auto parsed = parseScenarioJson(
        R"({"workers": [{"name": "setup", "cpu_ms": 5}, {"name": "late", "start_ms": 5}]})",
        "s.json");
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    CHECK(parsed->workers[0].start_ms == 0);
    CHECK(parsed->workers[1].start_ms == 5);
    CHECK(usesWorkerExtensions(*parsed));
    const QByteArray saved = scenarioToJson(*parsed);
    CHECK(saved.count("\"start_ms\"") == 1);
    const auto again = parseScenarioJson(saved, "again.json");
    REQUIRE(again.ok());
    CHECK(again->workers[1].start_ms == 5);
}

TEST_CASE("start_ms out of range, or on a loop or a pool, gets a message naming the group") {
    const auto message = [](const char *json) {
        const auto parsed = parseScenarioJson(json, "s.json");
        REQUIRE_FALSE(parsed.ok());
        return parsed.error();
    };
    CHECK_THAT(message(R"({"workers": [{"start_ms": -1}]})"),
               Catch::Contains("workers.0.start_ms") && Catch::Contains("-1"));
    CHECK_THAT(message(R"({"workers": [{}, {"executor": "asyncio", "start_ms": 2}]})"),
               Catch::Contains("workers.1.start_ms") &&
                   Catch::Contains("coroutines start with the loop"));
    CHECK_THAT(message(R"({"workers": [{"pool_size": 2, "start_ms": 2}]})"),
               Catch::Contains("workers.0.start_ms"));
}

TEST_CASE("a group with start_ms is absent until then and starts its threads at that time") {
    Scenario s;
    s.cores = 2;
    WorkerGroup setup;
    setup.name = "setup";
    setup.cpu_ms = 5;
    WorkerGroup late;
    late.name = "late";
    late.cpu_ms = 1;
    late.start_ms = 5;
    s.workers = {setup, late};
    const auto run = simulate(s);
    INFO(run.error());
    REQUIRE(run.ok());
    const ThreadTrack &row = run->trace->threads.at(1);
    REQUIRE(row.info.name == "late");
    const TimeNs start = 5 * kNsPerMs;
    REQUIRE(row.segmentCount() >= 2);
    CHECK(row.segmentState[0] == ThreadState::Absent);
    CHECK(row.segmentState[1] == ThreadState::Starting);
    // A timer's wake-up: at start_ms, late by at most the wake latency and the timer slack.
    CHECK(row.segmentStart[1] >= start);
    CHECK(row.segmentStart[1] <= start + 100'000);
}
