// A recorded run turned into the scenario that should behave like it.
#include "engine/simulate.h"
#include "python/equivalentscenario.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <string>
#include <vector>

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
    // MainThread only waited in join; the peer is another process, kept as one.
    REQUIRE(s.workers.size() == 3);
    CHECK(s.workers[0].name == "cpu");
    CHECK(s.workers[0].kind == WorkerKind::Cpu);
    CHECK(s.workers[0].cpu_ms == Approx(8.0));
    CHECK(s.workers[1].name == "echo");
    CHECK(s.workers[1].kind == WorkerKind::Io);
    CHECK(s.workers[1].ops == 2);
    CHECK(s.workers[1].cpu_ms == Approx(0.02));
    CHECK(s.workers[1].io_ms == Approx(0.1));
    CHECK(s.workers[2].name == "peer");
    CHECK(s.workers[2].executor == Executor::Multiprocessing);
    CHECK(s.workers[0].executor == Executor::Threading);
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
    REQUIRE(again.workers.size() == 1); // two threads of one kind: one group of two
    const WorkerGroup &g = again.workers[0];
    CHECK(g.count == 2);
    CHECK(g.name == "hash");
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

namespace {

// A recorder trace of the main process from events written as the recorder writes them.
Scenario equivalentOf(const std::string &events, const std::string &other = "") {
    const auto load = parseChromeTrace(
        QByteArray::fromStdString(R"js({"otherData": {"generator": "gilscope-record", "python":
            "3.12.1", "cores": 2)js" +
                                  other + R"js(}, "traceEvents": [)js" + events + "]}"),
        "rec.json");
    INFO(load.error());
    REQUIRE(load.ok());
    const Scenario s = equivalentScenario(**load);
    const auto problem = validate(s);
    INFO((problem ? problem->field + ": " + problem->message : std::string()));
    CHECK_FALSE(problem.has_value());
    return s;
}

std::string thread(int tid, const std::string &name, int pid = 1) {
    return R"js({"ph": "M", "name": "thread_name", "pid": )js" + std::to_string(pid) +
           R"js(, "tid": )js" + std::to_string(tid) + R"js(, "args": {"name": ")js" + name +
           R"js(", "kind": "recorded", "gil": 0}},)js";
}
std::string slice(int tid, const std::string &state, int ts, int dur, int pid = 1) {
    return R"js({"ph": "X", "name": ")js" + state + R"js(", "pid": )js" + std::to_string(pid) +
           R"js(, "tid": )js" + std::to_string(tid) + R"js(, "ts": )js" + std::to_string(ts) +
           R"js(, "dur": )js" + std::to_string(dur) + "},";
}
std::string items(const std::string &queue, int ts, int count) {
    return R"js({"ph": "C", "cat": "queue", "name": "queue )js" + queue +
           R"js(", "pid": 1, "ts": )js" + std::to_string(ts) + R"js(, "args": {"items": )js" +
           std::to_string(count) + "}},";
}
std::string last(std::string events) {
    events.pop_back(); // the trailing comma
    return events;
}

std::vector<StepKind> kinds(const std::vector<Step> &steps) {
    std::vector<StepKind> out;
    for (const Step &step : steps)
        out.push_back(step.kind);
    return out;
}

} // namespace

TEST_CASE("native stretches of a recording become one native step a call") {
    // hashlib: 1 ms of Python, then 20 ms in C code with the GIL released, twice.
    const Scenario s = equivalentOf(
        last(thread(2, "hasher") + slice(2, "running", 0, 1000) + slice(2, "native", 1000, 20000) +
             slice(2, "running", 21000, 1000) + slice(2, "native", 22000, 20000)));
    REQUIRE(s.workers.size() == 1);
    const WorkerGroup &g = s.workers[0];
    CHECK(g.ops == 2);
    CHECK(kinds(g.steps) == std::vector<StepKind>{StepKind::Python, StepKind::Native});
    CHECK(g.steps[0].ms == Approx(1.0));
    CHECK(g.steps[1].ms == Approx(20.0));
}

TEST_CASE("lock waits of a recording become a lock held around the thread's Python") {
    // Two threads take turns on one lock: each waits twice, runs 4 ms of Python in all.
    const Scenario s = equivalentOf(last(
        thread(2, "Thread-1 (work)") + thread(3, "Thread-2 (work)") + slice(2, "running", 0, 1000) +
        slice(2, "lock_wait", 1000, 1000) + slice(2, "running", 2000, 1000) +
        slice(2, "lock_wait", 3000, 1000) + slice(2, "running", 4000, 2000) +
        slice(3, "lock_wait", 0, 1000) + slice(3, "running", 1000, 1000) +
        slice(3, "lock_wait", 2000, 1000) + slice(3, "running", 3000, 1000) +
        slice(3, "lock_wait", 4000, 2000) + slice(3, "running", 6000, 2000)));
    REQUIRE(s.workers.size() == 1); // the same steps, the same name but for its number
    const WorkerGroup &g = s.workers[0];
    CHECK(g.name == "Thread (work)");
    CHECK(g.count == 2);
    CHECK(g.ops == 3); // (2 + 3 waits) / 2 threads, rounded
    REQUIRE(kinds(g.steps) == std::vector<StepKind>{StepKind::Lock});
    CHECK(g.steps[0].name == "lock");
    REQUIRE(kinds(g.steps[0].body) == std::vector<StepKind>{StepKind::Python});
    CHECK(g.steps[0].body[0].ms == Approx(8.0 / 5)); // 8 ms of Python over 5 rounds
}

TEST_CASE("queue waits of a recording become gets, its puts puts, and the queue is declared") {
    // A producer runs 1 ms and puts an item, three times; the consumer waits for each, gets it
    // as it wakes and runs 0.2 ms on it while the producer waits for the GIL.
    std::string events = thread(2, "producer") + thread(3, "consumer");
    for (int i = 0; i < 3; ++i) {
        const int t = i * 1500;
        events += slice(2, "running", t, 1000) + slice(2, "waiting", t + 1000, 500) +
                  slice(3, "queue_wait", i == 0 ? 0 : t - 300, i == 0 ? 1000 : 1300) +
                  slice(3, "running", t + 1000, 200);
        events += items("queue-1", t + 999, 1) + items("queue-1", t + 1000, 0);
    }
    const Scenario s = equivalentOf(last(events));
    REQUIRE(s.queues.count("queue-1") == 1);
    REQUIRE(s.workers.size() == 2);
    const WorkerGroup &producer = s.workers[0];
    CHECK(producer.ops == 3);
    CHECK_FALSE(producer.until_others);
    CHECK(kinds(producer.steps) == std::vector<StepKind>{StepKind::Python, StepKind::Put});
    CHECK(producer.steps[0].ms == Approx(1.0));
    CHECK(producer.steps[1].name == "queue-1");
    const WorkerGroup &consumer = s.workers[1];
    CHECK(consumer.until_others); // runs as long as items come
    CHECK(kinds(consumer.steps) == std::vector<StepKind>{StepKind::Get, StepKind::Python});
    CHECK(consumer.steps[0].name == "queue-1");
    CHECK(consumer.steps[1].ms == Approx(0.2));
    const auto run = simulate(s);
    INFO(run.error());
    REQUIRE(run.ok());
    REQUIRE(run->trace->queues.size() == 1);
    CHECK(run->trace->queues[0].getTime.size() == 3);
}

TEST_CASE("a recording's asyncio loop keeps its executor and its children their processes") {
    const Scenario s = equivalentOf(
        last(thread(1, "MainThread") + slice(1, "running", 0, 1000) + slice(1, "io", 1000, 5000) +
             R"js({"ph": "i", "s": "t", "name": "io-end", "pid": 1, "tid": 1, "ts": 6000},)js" +
             thread(2, "asyncio_0") + slice(2, "running", 0, 3000) +
             thread(7, "SpawnPoolWorker-1", 2) + slice(7, "running", 0, 4000, 2) +
             thread(8, "SpawnPoolWorker-2", 3) + slice(8, "running", 0, 4000, 3)),
        R"js(, "executor": "asyncio")js");
    REQUIRE(s.workers.size() == 3);
    CHECK(s.workers[0].name == "MainThread");
    CHECK(s.workers[0].executor == Executor::Asyncio);
    CHECK(s.workers[1].name == "asyncio_0");
    CHECK(s.workers[1].executor == Executor::Threading);
    CHECK(s.workers[2].name == "SpawnPoolWorker");
    CHECK(s.workers[2].count == 2);
    CHECK(s.workers[2].executor == Executor::Multiprocessing);
    CHECK(simulate(s).ok());
}

TEST_CASE("a recording of threads only keeps the scenario's one executor") {
    const Scenario s = equivalentOf(last(thread(2, "a") + slice(2, "running", 0, 4000)));
    CHECK(s.executor == Executor::Threading);
    REQUIRE(s.workers.size() == 1);
    CHECK_FALSE(s.workers[0].executor.has_value());
    CHECK_FALSE(usesWorkerExtensions(s));
}

TEST_CASE("each recorded thread starts in the equivalent scenario when it started") {
    // The main thread sets up for 30 ms, then starts a worker (0.1 ms of start-up) that runs.
    const Scenario s =
        equivalentOf(last(thread(1, "MainThread") + slice(1, "running", 0, 30000) +
                          slice(1, "io", 30000, 20000) + thread(2, "worker") +
                          slice(2, "starting", 30000, 100) + slice(2, "running", 30100, 19900)));
    REQUIRE(s.workers.size() == 2);
    CHECK(s.workers[0].start_ms == 0);
    CHECK(s.workers[1].name == "worker");
    CHECK(s.workers[1].start_ms == Approx(30.0));
    const auto run = simulate(s);
    REQUIRE(run.ok());
    // Simulated, the worker runs after the set-up as it did, not beside it.
    CHECK(static_cast<double>(run->trace->endNs) == Approx(50e6).epsilon(0.01));
}
