// Scenario files: defaults, round-trip, --set patches, and a clear message for each bad input.
#include "engine/simulate.h"
#include "scenario/scenariojson.h"

#include <catch2/catch.hpp>

using namespace gilscope::core;

namespace {
std::string errorOf(const std::string &json, std::vector<std::string> sets = {}) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "s.json", sets);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}
Scenario parse(const std::string &json, std::vector<std::string> sets = {}) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "s.json", sets);
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    return *parsed;
}
} // namespace

TEST_CASE("the README's example scenario parses with every value in place") {
    const Scenario s =
        parse(R"({"name": "Convoy effect", "interpreter": "gil", "executor": "threading",
        "cores": 2, "seed": 1, "params": {"switch_interval_ms": 5, "check_interval": 100, "tick_ns": 5},
        "workers": [{"kind": "cpu", "count": 1, "cpu_ms": 1000},
                    {"kind": "io", "count": 1, "ops": 100, "cpu_ms": 0.02, "io_ms": 0.1}]})");
    CHECK(s.name == "Convoy effect");
    CHECK(s.interpreter == Interpreter::Gil);
    CHECK(s.cores == 2);
    REQUIRE(s.workers.size() == 2);
    CHECK(s.workers[1].kind == WorkerKind::Io);
    CHECK(s.workers[1].ops == 100);
    CHECK(s.workers[1].io_ms == 0.1);
}

TEST_CASE("missing keys take defaults, per worker kind") {
    const Scenario s = parse(R"({"workers": [{"kind": "io"}]})");
    CHECK(s.interpreter == Interpreter::Gil);
    CHECK(s.executor == Executor::Threading);
    CHECK(s.params.switch_interval_ms == 5.0);
    CHECK(s.workers[0].ops == 100);
    CHECK(s.workers[0].io_ms == 0.1);
    CHECK(parse("{}").workers.size() == 1);
}

TEST_CASE("a saved scenario reads back identically") {
    Scenario s = parse(R"({"name": "x", "interpreter": "legacy-gil", "executor": "multiprocessing",
        "cores": 3, "seed": 42, "params": {"pool_size": 2, "start_method": "spawn", "wake_policy": "random"},
        "workers": [{"kind": "mixed", "name": "web", "count": 2, "jitter": 0.25}]})");
    const Scenario back = parse(scenarioToJson(s).toStdString());
    CHECK(scenarioToJson(back) == scenarioToJson(s));
    CHECK(back.params.start_method == StartMethod::Spawn);
    CHECK(back.workers[0].name == "web");
    CHECK(back.seed == 42);
}

TEST_CASE("overrides (the command line's --set) patch the scenario by dotted path") {
    const Scenario s = parse(
        R"({"cores": 2, "workers": [{"kind": "cpu", "count": 1}]})",
        {"cores=1", "workers.0.count=4", "params.switch_interval_ms=1", "interpreter=legacy-gil"});
    CHECK(s.cores == 1);
    CHECK(s.workers[0].count == 4);
    CHECK(s.params.switch_interval_ms == 1.0);
    CHECK(s.interpreter == Interpreter::LegacyGil);
}

TEST_CASE("bad scenario input gets one clear line naming the file, field and what is allowed") {
    CHECK(errorOf("{\n  \"cores\": 2,\n  \"seed\" 1\n}") ==
          "s.json: line 3, column 10: missing name separator");
    CHECK(errorOf("{\"cores\": 2,}") ==
          "s.json: line 1, column 13: object is missing after a comma");
    CHECK(errorOf(R"({"cores": 2, "colour": "red"})")
              .starts_with(
                  "s.json: unknown key \"colour\" (allowed: annotations, cores, description, "
                  "executor,"));
    CHECK(
        errorOf(R"({"params": {"switch_intervall_ms": 1}})")
            .starts_with(
                "s.json: unknown key \"switch_intervall_ms\" in params (allowed: check_interval,"));
    CHECK(errorOf(R"({"cores": "two"})") == "s.json: field cores: expected a number, got a string");
    CHECK(errorOf(R"({"cores": 1.5})") == "s.json: field cores: expected a whole number, got 1.5");
    CHECK(errorOf(R"({"cores": 0})") == "s.json: field cores: must be between 1 and 256, got 0");
    CHECK(errorOf(R"({"interpreter": "pypy"})") ==
          "s.json: field interpreter: must be one of legacy-gil, gil, free-threaded, got \"pypy\"");
    CHECK(errorOf(R"({"workers": [{"kind": "io", "io_ms": -1}]})") ==
          "s.json: field workers.0.io_ms: must be between 0 and 3600000 ms, got -1");
    CHECK(errorOf(R"({"workers": [{"count": 100000}]})") ==
          "s.json: field workers.0.count: must be between 0 and 4096, got 100000");
    CHECK(errorOf(R"({"workers": [{"count": 3000}, {"count": 3000}]})") ==
          "s.json: field workers: at most 4096 threads in all, got 6000");
    CHECK(errorOf(R"({"params": {"switch_interval_ms": -5}})") ==
          "s.json: field params.switch_interval_ms: must be between 0.001 and 10000 ms, got -5");
    CHECK(errorOf("[1, 2]") == "s.json: expected a JSON object with the scenario's fields");
    CHECK(errorOf("{}", {"workers.0.count=1"}) ==
          "s.json: --set workers.0.count=1: workers is not in the scenario");
    CHECK(errorOf(R"({"workers": [{}]})", {"workers.3.count=1"}) ==
          "s.json: --set workers.3.count=1: index 3 is out of range (there are 1)");
    CHECK(errorOf("{}", {"cores"}) ==
          "s.json: --set cores: expected KEY=VALUE, e.g. --set cores=4");
}

TEST_CASE("a run over the event cap stops with a message naming the cap") {
    Scenario s = parse(R"({"interpreter": "legacy-gil", "params": {"max_events": 10000},
                           "workers": [{"kind": "cpu", "count": 2, "cpu_ms": 50}]})");
    const auto outcome = simulate(s);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().starts_with(
        "the run would store more than params.max_events = 10000 events"));
}

TEST_CASE("the event cap allows at least 50 million events by default") {
    CHECK(Scenario{}.params.max_events >= 50'000'000);
}

TEST_CASE("a cancelled run stops early") {
    Scenario s = parse(
        R"({"interpreter": "legacy-gil", "workers": [{"kind": "cpu", "count": 2, "cpu_ms": 200}]})");
    std::atomic<bool> cancel{true};
    CHECK(simulate(s, &cancel).error() == "cancelled");
}
