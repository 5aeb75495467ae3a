// A recorded run turned into the scenario that should behave like it.
#include "engine/simulate.h"
#include "python/equivalentscenario.h"
#include "testsupport.h"
#include "trace/tracejson.h"

using namespace gilscope::core;

TEST_CASE("a recording becomes one worker per thread, with its generation, cores and interval") {
    const auto load = parseChromeTrace(R"js({"otherData": {"generator": "gilscope-record",
        "python": "3.12.1", "cores": 2, "switch_interval_ms": 0.5, "scenario": "echo.py"},
      "traceEvents": [
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 1, "args": {"name": "MainThread"}},
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 2, "args": {"name": "cpu"}},
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 3, "args": {"name": "echo"}},
        {"ph": "X", "name": "running", "pid": 1, "tid": 1, "ts": 0, "dur": 1},
        {"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": 1, "dur": 9999},
        {"ph": "X", "name": "running", "pid": 1, "tid": 2, "ts": 0, "dur": 8000},
        {"ph": "X", "name": "running", "pid": 1, "tid": 3, "ts": 0, "dur": 20},
        {"ph": "X", "name": "io", "pid": 1, "tid": 3, "ts": 20, "dur": 100},
        {"ph": "i", "s": "t", "name": "io-end", "pid": 1, "tid": 3, "ts": 120},
        {"ph": "X", "name": "waiting", "pid": 1, "tid": 3, "ts": 120, "dur": 500},
        {"ph": "X", "name": "running", "pid": 1, "tid": 3, "ts": 620, "dur": 20},
        {"ph": "X", "name": "io", "pid": 1, "tid": 3, "ts": 640, "dur": 100},
        {"ph": "i", "s": "t", "name": "io-end", "pid": 1, "tid": 3, "ts": 740},
        {"ph": "M", "name": "thread_name", "pid": 2, "tid": 9, "args": {"name": "peer"}},
        {"ph": "X", "name": "running", "pid": 2, "tid": 9, "ts": 0, "dur": 500}]})js",
                                       "rec.json");
    INFO(load.error());
    REQUIRE(load.ok());
    const Scenario s = equivalentScenario(**load);
    CHECK(s.interpreter == Interpreter::Gil);
    CHECK(s.cores == 2);
    CHECK(s.params.switch_interval_ms == 0.5);
    REQUIRE(s.workers.size() == 2); // MainThread only waited in join; the peer is another process
    CHECK(s.workers[0].name == "cpu");
    CHECK(s.workers[0].kind == WorkerKind::Cpu);
    CHECK(s.workers[0].cpu_ms == Approx(8.0));
    CHECK(s.workers[1].name == "echo");
    CHECK(s.workers[1].kind == WorkerKind::Io);
    CHECK(s.workers[1].ops == 2);
    CHECK(s.workers[1].cpu_ms == Approx(0.02));
    CHECK(s.workers[1].io_ms == Approx(0.1));
    CHECK_FALSE(validate(s).has_value());
    CHECK(simulate(s).ok());
}

TEST_CASE("a Python 2 recording is simulated with the legacy GIL and its check interval") {
    const auto load =
        parseChromeTrace(R"js({"otherData": {"python": "2.7.18", "cores": 2, "check_interval": 100},
      "traceEvents": [{"ph": "X", "name": "running", "pid": 1, "tid": 1, "ts": 0, "dur": 1000}]})js",
                         "r.json");
    REQUIRE(load.ok());
    const Scenario s = equivalentScenario(**load);
    CHECK(s.interpreter == Interpreter::LegacyGil);
    CHECK(s.params.check_interval == 100);
}

TEST_CASE("the simulated equivalent labels its rows as the recording did") {
    const auto load = parseChromeTrace(R"js({"otherData": {"python": "3.12.1", "cores": 2},
      "traceEvents": [
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 2, "args": {"name": "cpu-1"}},
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 3, "args": {"name": "cpu-2"}},
        {"ph": "X", "name": "running", "pid": 1, "tid": 2, "ts": 0, "dur": 4000},
        {"ph": "X", "name": "running", "pid": 1, "tid": 3, "ts": 4000, "dur": 4000}]})js",
                                       "rec.json");
    REQUIRE(load.ok());
    const auto run = simulate(equivalentScenario(**load));
    INFO(run.error());
    REQUIRE(run.ok());
    std::vector<std::string> names;
    for (const auto &t : run->trace->threads)
        names.push_back(t.info.name);
    CHECK(names == std::vector<std::string>{"cpu-1", "cpu-2"});

    // Unnamed or several-thread groups keep their numbered rows.
    Scenario s;
    s.workers = {WorkerGroup{WorkerKind::Cpu, "", 2, 1, 1, 0, 0, {}, {}, 0, false},
                 WorkerGroup{WorkerKind::Io, "echo", 2, 1, 1, 1, 0, {}, {}, 0, false}};
    const auto numbered = simulate(s);
    REQUIRE(numbered.ok());
    names.clear();
    for (const auto &t : numbered->trace->threads)
        names.push_back(t.info.name);
    CHECK(names == std::vector<std::string>{"cpu-1", "cpu-2", "echo-1", "echo-2"});
}

TEST_CASE("a trace exported from a simulation keeps the interpreter it simulated") {
    Scenario legacy;
    legacy.interpreter = Interpreter::LegacyGil;
    legacy.workers = {WorkerGroup{WorkerKind::Cpu, "", 2, 1, 5, 0, 0, {}, {}, 0, false}};
    const auto run = simulate(legacy);
    REQUIRE(run.ok());
    const auto reread = parseChromeTrace(traceToChromeJson(*run->trace), "exported.json");
    INFO(reread.error());
    REQUIRE(reread.ok());
    CHECK(equivalentScenario(**reread).interpreter == Interpreter::LegacyGil);
}

TEST_CASE("a trace that shows C code without the GIL becomes native steps, not Python") {
    using namespace gilscope::test;
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 0)});
    s.workers[0].name = "hash";
    s.workers[0].ops = 5;
    s.workers[0].steps = {Step{StepKind::Python, 0.5, {}, {}, true},
                          Step{StepKind::Native, 20, {}, {}, true}};
    const auto trace = run(s);
    const Scenario again = equivalentScenario(*trace);
    REQUIRE(again.workers.size() == 2);
    const WorkerGroup &g = again.workers[0];
    CHECK(g.ops == 5);
    REQUIRE(g.steps.size() == 2);
    CHECK(g.steps[0].kind == StepKind::Python);
    CHECK(g.steps[1].kind == StepKind::Native);
    CHECK(g.steps[1].ms == Approx(20.0));
    // Simulated again it scales as the original did, instead of 1x as Python would.
    const auto rerun = run(again);
    CHECK(static_cast<double>(rerun->endNs) ==
          Approx(static_cast<double>(trace->endNs)).epsilon(0.02));
}
