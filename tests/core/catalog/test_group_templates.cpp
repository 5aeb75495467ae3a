#include "catalog/grouptemplates.h"
#include "catalog/presets.h"
#include "testsupport.h"

#include <set>

using namespace gilscope::test;

TEST_CASE("every group template reads, validates, simulates and says why", "[templates]") {
    const auto &all = groupTemplates();
    REQUIRE(all.size() >= 8);
    std::set<std::string> ids;
    for (const auto &t : all) {
        INFO(t.id);
        CHECK(ids.insert(t.id).second);
        CHECK_FALSE(t.title.empty());
        CHECK_FALSE(t.why.empty());
        CHECK_FALSE(t.source.empty());
        const auto groups = templateGroups(t.id);
        REQUIRE(groups.ok());
        CHECK_FALSE(groups->workers.empty());
        Scenario alone;
        alone.workers = groups->workers;
        alone.queues = groups->queues;
        CHECK_FALSE(validate(alone).has_value());
        const auto outcome = simulate(alone);
        REQUIRE(outcome.ok());
        CHECK(outcome->trace->threads.size() >= groups->workers.size());
    }
}

TEST_CASE("the issue's templates are all there, by title", "[templates]") {
    std::set<std::string> titles;
    for (const auto &t : groupTemplates())
        titles.insert(t.title);
    for (const char *title :
         {"hashlib on large buffers (releases the GIL)", "numpy matrix multiply", "json.loads",
          "HTTP request", "sqlite3 query", "lock-protected counter", "producer → queue → consumers",
          "asyncio loop with to_thread"})
        CHECK(titles.count(title) == 1);
}

TEST_CASE("a template's groups go at the end of a scenario and the run gains their rows",
          "[templates]") {
    const Scenario before =
        scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(1, 10)});
    const auto after = addGroupTemplate(before, "hashlib");
    REQUIRE(after.ok());
    REQUIRE(after->workers.size() == 2);
    CHECK(after->workers[0].count == 1);
    CHECK(after->workers[1].name == "hash");
    REQUIRE(after->workers[1].steps.size() == 2);
    CHECK(after->workers[1].steps[1].kind == StepKind::Native);
    CHECK(after->workers[1].steps[1].ms == 46);
    const auto run = simulate(*after);
    REQUIRE(run.ok());
    CHECK(run->trace->threads.size() == 3);
}

TEST_CASE("adding a template twice renames its groups, queues and locks", "[templates]") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(1, 10)});
    for (const char *id :
         {"producer-consumers", "producer-consumers", "lock-counter", "lock-counter"}) {
        auto next = addGroupTemplate(s, id);
        REQUIRE(next.ok());
        s = *next;
    }
    REQUIRE(s.workers.size() == 7);
    CHECK(s.workers[1].name == "producer");
    CHECK(s.workers[3].name == "producer-2");
    CHECK(s.workers[4].name == "consumer-2");
    CHECK(s.workers[3].steps[1].name == "jobs-2");
    CHECK(s.workers[4].steps[0].name == "jobs-2");
    CHECK(s.queues.size() == 2);
    CHECK(s.queues.count("jobs-2") == 1);
    CHECK(s.workers[5].steps[0].name == "counter");
    CHECK(s.workers[6].name == "count-2");
    CHECK(s.workers[6].steps[0].name == "counter-2");
}

TEST_CASE("a template that would break a limit is refused with the field, the scenario kept",
          "[templates]") {
    const Scenario full = scenarioOf(Interpreter::Gil, Executor::Threading, 2,
                                     {cpuWorkers(ScenarioLimits::kMaxThreads - 1, 1)});
    const auto after = addGroupTemplate(full, "http-request");
    REQUIRE_FALSE(after.ok());
    CHECK(after.error() ==
          "cannot add \"http-request\": field workers: at most 4096 threads in all, got 4099");
    CHECK(templateGroups("nope").error().rfind("unknown group template \"nope\" (known: hashlib, ",
                                               0) == 0);
}
