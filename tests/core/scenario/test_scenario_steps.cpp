// The steps, queues, per-group executors and "until" of the scenario format: round trips and the
// messages bad input gets (they name the group, the step and the field).
#include "scenario/scenariojson.h"

#include <catch2/catch.hpp>

using namespace gilscope::core;

namespace {
std::string errorOf(const std::string &json) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "s.json");
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}
} // namespace

TEST_CASE("steps, queues, executors and until survive a save and a load") {
    const auto parsed = parseScenarioJson(R"({"queues": {"jobs": {"maxsize": 8}},
        "workers": [
          {"name": "prod", "ops": 3, "steps": [{"python": 0.5}, {"native": 2}, {"put": "jobs"},
             {"lock": "L", "hold": [{"io": 1}, {"sleep": 2}]}, {"set": "done"}]},
          {"name": "cons", "count": 2, "until": "others", "executor": "threading",
           "pool_size": 2, "steps": [{"get": "jobs"}, {"wait": "done"}]},
          {"name": "loop", "executor": "asyncio", "steps": [{"to_thread": [{"native": 1}]},
             {"in_process": [{"python": 3}]}]}]})",
                                          "s.json");
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    const Scenario &s = *parsed;
    REQUIRE(s.workers.size() == 3);
    CHECK(s.queues.at("jobs").maxsize == 8);
    const auto &prod = s.workers[0].steps;
    REQUIRE(prod.size() == 5);
    CHECK(prod[1].kind == StepKind::Native);
    CHECK(prod[1].ms == 2);
    CHECK(prod[3].kind == StepKind::Lock);
    CHECK(prod[3].name == "L");
    REQUIRE(prod[3].body.size() == 2);
    CHECK(prod[3].body[1].kind == StepKind::Sleep);
    CHECK(s.workers[1].until_others);
    CHECK(s.workers[1].executor == Executor::Threading);
    CHECK(s.workers[1].pool_size == 2);
    CHECK(s.workers[2].steps[0].kind == StepKind::ToThread);
    const auto reloaded = parseScenarioJson(scenarioToJson(s), "saved.json");
    INFO(reloaded.error());
    REQUIRE(reloaded.ok());
    CHECK(sameScenario(s, *reloaded));
    CHECK(scenarioToJson(*reloaded) == scenarioToJson(s));
}

TEST_CASE("a scenario without steps saves as before: no new keys") {
    const auto parsed = parseScenarioJson(R"({"workers": [{"kind": "io"}]})", "s.json");
    REQUIRE(parsed.ok());
    const QByteArray json = scenarioToJson(*parsed);
    for (const char *key : {"steps", "queues", "until", "\"pool_size\": 0,\n        \"steps"})
        CHECK_FALSE(json.contains(key));
}

TEST_CASE("bad steps get messages naming the group, the step and the field") {
    CHECK(errorOf(R"({"workers": [{"steps": [{"python": 1}, {"pyhton": 2}]}]})") ==
          "s.json: field workers.0.steps.1: unknown step kind \"pyhton\" (allowed: python, "
          "native, io, sleep, lock, put, get, wait, set, to_thread, in_process)");
    CHECK(errorOf(R"({"workers": [{"steps": [{"python": 1, "io": 2}]}]})") ==
          "s.json: field workers.0.steps.0: has two kinds, \"io\" and \"python\": one step does "
          "one thing, list them as two steps");
    CHECK(errorOf(R"({"workers": [{"steps": [{"native": -1}]}]})") ==
          "s.json: field workers.0.steps.0.native: must be between 0 and 3600000 ms, got -1");
    CHECK(errorOf(R"({"workers": [{"steps": [{"get": "jobs"}]}]})") ==
          "s.json: field workers.0.steps.0.get: queue \"jobs\" is not declared in \"queues\" "
          "(none is)");
    CHECK(errorOf(R"({"queues": {"a": {}}, "workers": [{"steps": [{"put": "b"}]}]})") ==
          "s.json: field workers.0.steps.0.put: queue \"b\" is not declared in \"queues\" "
          "(declared: a)");
    CHECK(errorOf(R"({"workers": [{"steps": [{"lock": ""}]}]})") ==
          "s.json: field workers.0.steps.0.lock: must name a lock, queue or event");
    CHECK(errorOf(R"({"workers": [{"steps": [{"io": 1, "hold": []}]}]})") ==
          "s.json: field workers.0.steps.0.hold: only a lock step holds steps");
    CHECK(errorOf(R"({"workers": [{"steps": [{"lock": "L", "hold": [
              {"python": 1}, {"lock": "L"}]}]}]})") ==
          "s.json: field workers.0.steps.0.hold.1.lock: lock \"L\" is already held here: a "
          "threading.Lock is not re-entrant, this would deadlock");
    CHECK(errorOf(R"({"workers": [{"steps": [{"to_thread": [{"to_thread": [{"to_thread": [
              {"to_thread": [{"to_thread": []}]}]}]}]}]}]})") ==
          "s.json: field workers.0.steps.0.to_thread.0.to_thread.0.to_thread.0.to_thread.0."
          "to_thread: steps nest at most 4 deep");
    CHECK(errorOf(R"({"workers": [{"steps": 3}]})") ==
          "s.json: field workers.0.steps: expected an array of steps, got a number");
    CHECK(errorOf(R"({"workers": [{"steps": [{"python": 1}], "until": "done"}]})") ==
          "s.json: field workers.0.until: must be \"others\" (run until every other group is "
          "done), got \"done\"");
    CHECK(errorOf(R"({"workers": [{"steps": [{"python": 1}], "until": "others"}]})") ==
          "s.json: field workers: every group runs \"until\": \"others\": at least one must do "
          "a fixed number of ops");
    CHECK(errorOf(R"({"workers": [{"cpu_ms": 1}, {"steps": [{"set": "e"}],
              "until": "others"}]})") ==
          "s.json: field workers.1.until: a group that runs until the others are done needs "
          "steps that take time (at least 0.001 ms a round) or a get");
    CHECK(errorOf(R"({"queues": {"q": {"maxsize": -1}}, "workers": [{}]})") ==
          "s.json: field queues.q.maxsize: must be between 0 and 1000000, got -1");
    CHECK(errorOf(R"({"queues": {"q": {"size": 1}}, "workers": [{}]})") ==
          "s.json: unknown key \"size\" in queues.q (allowed: maxsize)");
    CHECK(errorOf(R"({"workers": [{"executor": "celery"}]})") ==
          "s.json: field workers.0.executor: must be one of threading, multiprocessing, "
          "asyncio, subinterpreters, got \"celery\"");
    CHECK(errorOf(R"({"workers": [{"pool_size": 5000}]})") ==
          "s.json: field workers.0.pool_size: must be between 0 and 4096, got 5000");
}

TEST_CASE("a group may not list more steps than the limit, nested ones included") {
    std::string many = "[";
    for (int i = 0; i < 200; ++i)
        many += std::string(i ? "," : "") + "{\"python\": 1}";
    many += "]";
    CHECK(errorOf(R"({"workers": [{"steps": [{"lock": "L", "hold": )" + many +
                  R"(}, {"to_thread": )" + many + "}]}]}") ==
          "s.json: field workers.0.steps.1.to_thread.54: a group may have at most 256 steps, "
          "nested ones included");
    std::string tooMany = "[";
    for (int i = 0; i < 300; ++i)
        tooMany += std::string(i ? "," : "") + "{\"python\": 1}";
    tooMany += "]";
    CHECK(errorOf(R"({"workers": [{"steps": )" + tooMany + "}]}") ==
          "s.json: field workers.0.steps: at most 256 steps, got 300");
}

TEST_CASE("a --set patch reaches into steps") {
    const auto parsed =
        parseScenarioJson(R"({"workers": [{"steps": [{"python": 1}, {"native": 2}]}]})", "s.json",
                          {"workers.0.steps.1.native=7.5"});
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    CHECK(parsed->workers[0].steps[1].ms == 7.5);
}

TEST_CASE("the sequential time of steps adds every duration, nested ones included") {
    const auto parsed = parseScenarioJson(R"({"workers": [
        {"count": 2, "ops": 3, "steps": [{"python": 1}, {"lock": "L", "hold": [{"native": 2}]},
                                          {"to_thread": [{"io": 4}]}]},
        {"until": "others", "steps": [{"python": 1}]}]})",
                                          "s.json");
    REQUIRE(parsed.ok());
    CHECK(parsed->sequentialNs() == 2 * 3 * 7'000'000);
}
