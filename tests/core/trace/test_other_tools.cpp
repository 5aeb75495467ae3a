// Other tools' traces: a real Node 20 --trace-events-enabled trace and a Chromium-style trace
// (tests/data) open with their threads on a time axis that starts at their first event, and the
// trace-event features they use (nesting, B/E, async b/e, streamed arrays) read as documented.
#include "pixels/traceindex.h"
#include "testsupport.h"
#include "trace/metrics.h"
#include "trace/tracejson.h"

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

TraceLoad parse(const QByteArray &json) {
    return parseChromeTrace(json, "t.json");
}

std::vector<std::string> rowNames(const Trace &trace) {
    std::vector<std::string> names;
    for (const auto &t : trace.threads)
        names.push_back(t.info.name);
    return names;
}

} // namespace

// tests/data/node-trace-events.json: `node --trace-events-enabled --trace-event-categories
// v8,node,node.async_hooks,node.fs.sync work.js` (Node 20.20) on a script running timers, file
// reads and short busy loops; its clock starts at boot (ts about 1.3e10 µs).
TEST_CASE("a Node --trace-events-enabled trace opens with its threads from 0 and no GIL") {
    const auto load = loadTraceFile(GILSCOPE_TEST_DATA "/node-trace-events.json");
    INFO(load.error());
    REQUIRE(load.ok());
    const Trace &trace = **load;
    CHECK(rowNames(trace) ==
          std::vector<std::string>{
              "JavaScriptMainThread", "WorkerThreadsTaskRunner::DelayedTaskScheduler",
              "PlatformWorkerThread", "PlatformWorkerThread", "PlatformWorkerThread",
              "PlatformWorkerThread", "async: node,node.environment",
              "async: node,node.async_hooks", "async: node,node.fs,node.fs.async"});
    // A 72 ms program on a 72 ms axis, not 13,104 s of nothing before it.
    CHECK(trace.endNs == 71'627'000);
    const ThreadTrack &main = trace.threads.at(0);
    CHECK(main.segmentStart.front() == 0);
    CHECK(main.segmentState.front() == ThreadState::Running);
    CHECK(main.segmentCount() == 58);
    for (const auto &t : trace.threads)
        CHECK(t.info.gilId == -1);
    const Metrics m = computeMetrics(trace);
    CHECK(m.gil.acquires == 0);
    CHECK(m.gil.switches == 0);
    CHECK(m.gil.hold_ms_p50 == 0);
    // Node's bootstrap milestones are instants GIL Scope has no mark for.
    CHECK(trace.importNote == "skipped 6 instant events");
}

// tests/data/chromium-trace.json: written by hand after a Chrome DevTools performance recording
// (array form, left open as a streaming writer leaves it), with nesting, B/E, async, flow,
// counter, instant and object events.
TEST_CASE("a Chromium trace opens: nested slices flatten, async events get their own row") {
    const auto load = loadTraceFile(GILSCOPE_TEST_DATA "/chromium-trace.json");
    INFO(load.error());
    REQUIRE(load.ok());
    const Trace &trace = **load;
    CHECK(rowNames(trace) == std::vector<std::string>{"CrRendererMain", "CrBrowserMain",
                                                      "Compositor", "async: navigation"});
    CHECK(segmentsOf(trace.threads.at(0)) ==
          std::vector<std::string>{"0 absent", "1000000 running", "4000000 done"});
    CHECK(trace.threads.at(0).info.groupName == "Renderer");
    CHECK(trace.threads.at(1).info.groupName == "Browser");
    CHECK(segmentsOf(trace.threads.at(3)) ==
          std::vector<std::string>{"0 absent", "300000 running", "5000000 done"});
    CHECK(trace.importNote ==
          "skipped 1 counter sample, 2 flow events, 1 instant event, 1 object event");
    // Async spans keep no core busy and are no work of their own: at most the renderer and the
    // compositor (or the browser) run at once, and the sequential time is the threads' alone.
    CHECK(TraceIndex::build(*load)->maxBusy() == 2);
    CHECK(trace.sequentialNs == 3'000'000 + 400'000 + 1'200'000);
}

TEST_CASE("nested slices show the innermost one; B/E pairs nest like X slices") {
    const auto load = parse(R"([
        {"ph": "X", "name": "running", "pid": 1, "tid": 1, "ts": 0, "dur": 100},
        {"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": 10, "dur": 50},
        {"ph": "X", "name": "waiting", "pid": 1, "tid": 1, "ts": 20, "dur": 10},
        {"ph": "B", "name": "ready", "pid": 1, "tid": 1, "ts": 70},
        {"ph": "B", "name": "starting", "pid": 1, "tid": 1, "ts": 75},
        {"ph": "E", "pid": 1, "tid": 1, "ts": 80},
        {"ph": "E", "pid": 1, "tid": 1, "ts": 90},
        {"ph": "E", "pid": 1, "tid": 1, "ts": 95}])");
    INFO(load.error());
    REQUIRE(load.ok());
    CHECK(segmentsOf((*load)->threads.at(0)) ==
          std::vector<std::string>{"0 running", "10000 io", "20000 waiting", "30000 io",
                                   "60000 running", "70000 ready", "75000 starting", "80000 ready",
                                   "90000 running", "100000 done"});
    CHECK((*load)->importNote == "skipped 1 \"E\" event without a \"B\"");
}

TEST_CASE("a streamed event array may end without its closing bracket, but not inside an event") {
    for (const char *ending : {"", ",", ",\n  "}) {
        INFO("ending: " << ending);
        const auto load = parse(
            QByteArray(R"([{"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": 5, "dur": 5})") +
            ending);
        INFO(load.error());
        REQUIRE(load.ok());
        CHECK(segmentsOf((*load)->threads.at(0)) == std::vector<std::string>{"0 io", "5000 done"});
    }
    CHECK(parse(R"([{"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": 5, "dur": 5}, {"ph")")
              .error() ==
          "t.json: line 1, column 72: missing name separator (the file looks truncated)");
}

TEST_CASE("a UTF-8 byte order mark before the JSON is skipped") {
    const auto load =
        parse("\xEF\xBB\xBF"
              R"([{"ph": "X", "name": "io", "pid": 1, "tid": 1, "ts": 5, "dur": 5}])");
    INFO(load.error());
    CHECK(load.ok());
}

TEST_CASE("GIL Scope's own files keep their times; GIL metadata keeps threads on a GIL") {
    const auto load = parse(R"({"otherData": {"end_ns": 50000}, "traceEvents": [
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 1, "args": {"name": "cpu-1"}},
        {"ph": "X", "name": "waiting", "pid": 1, "tid": 1, "ts": 10, "dur": 5}]})");
    INFO(load.error());
    REQUIRE(load.ok());
    CHECK(segmentsOf((*load)->threads.at(0)) ==
          std::vector<std::string>{"0 absent", "10000 waiting", "15000 done"});
    CHECK((*load)->threads.at(0).info.gilId == 0);
    CHECK((*load)->endNs == 50000);
}
