// The advisor weighs memory beside time, and says why for the newer kinds of work: C code that
// releases the GIL, a lock, asyncio's to_thread.
#include "analysis/advisor.h"
#include "scenario/scenariojson.h"

#include <catch2/catch.hpp>

using namespace gilscope::core;

namespace {
Scenario parsed(const std::string &json) {
    const auto scenario = parseScenarioJson(QByteArray::fromStdString(json), "advice.json");
    INFO(scenario.error());
    REQUIRE(scenario.ok());
    return *scenario;
}
const AdvisorRun &runOf(const Advice &a, Executor e) {
    for (const auto &r : a.runs)
        if (r.executor == e && r.interpreter == Interpreter::Gil)
            return r;
    FAIL("no run");
    return a.runs.front();
}
} // namespace

TEST_CASE("the advisor says what processes cost in memory when they win", "[advisor][memory]") {
    // Each process copies the group's 20 MB: +40 MB, and 3.5 MB for the processes themselves.
    const Advice a = advise(parsed(R"({"cores": 2,
        "workers": [{"count": 2, "cpu_ms": 200, "memory_mb": 20}]})"));
    INFO(a.reason);
    REQUIRE(a.best >= 0);
    CHECK(a.runs[static_cast<std::size_t>(a.best)].executor == Executor::Multiprocessing);
    CHECK(a.reason == "multiprocessing: 2.0x faster than threading for +43 MB, each process has "
                      "its own GIL, so CPU-bound work uses 2 cores");
}

TEST_CASE("the advisor keeps threads when processes are barely faster but need far more memory",
          "[advisor][memory]") {
    // 4 threads on 2 cores, a little more Python than C code: the GIL, not the cores, limits
    // threads, and processes win by 9 %; but each would copy the group's 50 MB.
    const Advice a = advise(parsed(R"({"cores": 2, "workers": [{"count": 4, "ops": 20,
        "memory_mb": 50, "steps": [{"native": 1}, {"python": 1.2}]}]})"));
    INFO(a.reason);
    REQUIRE(a.best >= 0);
    CHECK(a.runs[static_cast<std::size_t>(a.best)].executor == Executor::Threading);
    const double faster = runOf(a, Executor::Threading).metrics.makespan_ms /
                          runOf(a, Executor::Multiprocessing).metrics.makespan_ms;
    CHECK(faster > 1.05);
    CHECK(faster < 1.10);
    CHECK(a.reason == "threading: multiprocessing is only 1.09x faster for +206 MB (peak 272 MB "
                      "against 66 MB); threads share memory");
}

TEST_CASE("the advisor names C code that releases the GIL and the memory processes would add",
          "[advisor][memory]") {
    const Advice a = advise(parsed(R"({"cores": 2, "workers": [{"count": 2, "ops": 10,
        "data_kb": 1024, "steps": [{"native": 20}]}]})"));
    INFO(a.reason);
    CHECK(a.reason == "threading: the work is mostly C code that releases the GIL (100 % of it), "
                      "so threads run it on all 2 cores while sharing memory; processes would "
                      "only add start-up and copying (+14 MB)");
}

TEST_CASE("the advisor says that to_thread keeps the event loop responsive", "[advisor]") {
    const Advice a = advise(parsed(R"({"executor": "asyncio", "cores": 2, "workers": [
        {"name": "sleeper", "kind": "io", "count": 50, "ops": 20,
         "steps": [{"python": 0.01}, {"sleep": 1}]},
        {"name": "burst", "steps": [{"sleep": 5}, {"to_thread": [{"python": 50}]}]}]})"));
    INFO(a.reason);
    REQUIRE(a.best >= 0);
    CHECK(a.reason == "asyncio: to_thread keeps the event loop responsive: its coroutines wait at "
                      "most 5.1 ms (largest lateness) against 50.0 ms with the work inline");
}

TEST_CASE("the advisor says a lock serialises the threads whatever the executor", "[advisor]") {
    const Advice a = advise(parsed(R"({"cores": 2, "workers": [{"name": "count", "count": 4,
        "ops": 2000, "steps": [{"lock": "counter", "hold": [{"python": 0.01}]},
        {"python": 0.0004}]}]})"));
    INFO(a.reason);
    // Coroutines never contend for it, so asyncio is quicker than the threads' convoy.
    CHECK(a.reason == "asyncio: its coroutines take turns on one thread, so they never wait for "
                      "the lock; a threading.Lock serialises the threads (with threading they "
                      "wait for it 63 % of the time), which no executor removes: hold it for less");
}

TEST_CASE("the advisor adds to_thread's lateness when asyncio wins on a free-threaded build",
          "[advisor]") {
    // The asyncio-to-thread preset: 200 sleepers, a 50 ms burst in to_thread.
    const Advice a = advise(parsed(R"({"executor": "asyncio", "cores": 2, "workers": [
        {"name": "sleeper", "kind": "io", "count": 200, "ops": 20,
         "steps": [{"python": 0.01}, {"sleep": 1}]},
        {"name": "burst", "steps": [{"sleep": 5}, {"to_thread": [{"python": 50}]}]}]})"));
    CHECK(a.reason == "asyncio (free-threaded): 1.6x faster than threading, threads run Python in "
                      "parallel without a GIL; to_thread keeps the event loop responsive: its "
                      "coroutines wait at most 2.8 ms (largest lateness) against 71.8 ms with the "
                      "work inline");
}

TEST_CASE("the advisor warns that a queue shared by workers does not cross processes",
          "[advisor]") {
    // A CPU-heavy pipeline: processes win on time, but its queue.Queue would have to become a
    // multiprocessing.Queue, whose pickling the simulation does not charge.
    const Advice a = advise(parsed(R"({"cores": 2, "queues": {"q": {}}, "workers": [
        {"name": "producer", "ops": 40, "steps": [{"python": 2}, {"put": "q"}]},
        {"name": "consumer", "count": 2, "until": "others",
         "steps": [{"get": "q"}, {"python": 8}]}]})"));
    INFO(a.reason);
    REQUIRE(a.best >= 0);
    REQUIRE(a.runs[static_cast<std::size_t>(a.best)].executor == Executor::Multiprocessing);
    CHECK_THAT(a.reason, Catch::Contains("but its workers share locks, queues or events: across "
                                         "processes they must become multiprocessing's, which "
                                         "pickle every item (not simulated here)"));
    // The same CPU work without the queue: no warning.
    const Advice plain =
        advise(parsed(R"({"cores": 2, "workers": [{"count": 2, "ops": 40, "cpu_ms": 8}]})"));
    INFO(plain.reason);
    REQUIRE(plain.runs[static_cast<std::size_t>(plain.best)].executor == Executor::Multiprocessing);
    CHECK_THAT(plain.reason, !Catch::Contains("share locks"));
}
