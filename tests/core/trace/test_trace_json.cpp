// Trace files: Chrome trace-event JSON out and back in, CSV, and bad files.
#include "catalog/presets.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {
TraceLoad parse(const QByteArray &json) {
    return parseChromeTrace(json, "t.json");
}

void requireSameRows(const Trace &a, const Trace &b) {
    CHECK(a.endNs == b.endNs);
    CHECK(a.sequentialNs == b.sequentialNs);
    CHECK(a.interpreter == b.interpreter);
    checkSameRows(a, b);
}
} // namespace

TEST_CASE("a trace written as Chrome JSON reads back with identical segments and marks") {
    for (const char *preset : {"r2-legacy-2cpu-1core", "r6-convoy-2cpu", "multiprocessing-4cpu",
                               "asyncio-200io-1cpu", "free-threaded-3.14t"}) {
        INFO(preset);
        std::string error;
        const auto trace = run(*loadPreset(preset));
        const auto back = parse(traceToChromeJson(*trace));
        INFO(back.error());
        REQUIRE(back.ok());
        requireSameRows(*trace, **back);
    }
}

TEST_CASE("a recording's Python version survives Chrome JSON, as it does .pftrace") {
    auto trace = std::make_shared<Trace>(*run(*loadPreset("r6-convoy-2cpu")));
    CHECK_FALSE(traceToChromeJson(*trace).contains("\"python\":")); // a simulation has none
    trace->python = "3.12.1";
    const auto back = parse(traceToChromeJson(*trace));
    REQUIRE(back.ok());
    CHECK((*back)->python == "3.12.1");
}

TEST_CASE(
    "the Chrome JSON carries what Perfetto shows: names, slices, instants, a waiters counter") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 12)});
    makeIdeal(s);
    const auto doc = QJsonDocument::fromJson(traceToChromeJson(*run(s)));
    REQUIRE(doc.isObject());
    const auto events = doc.object()["traceEvents"].toArray();
    int threadNames = 0, slices = 0, dropRequests = 0, counters = 0;
    for (const auto &v : events) {
        const auto e = v.toObject();
        if (e["ph"] == "M" && e["name"] == "thread_name")
            ++threadNames;
        if (e["ph"] == "X") {
            ++slices;
            CHECK(e["dur"].toDouble() > 0);
        }
        if (e["ph"] == "i" && e["name"] == "drop-request")
            ++dropRequests;
        if (e["ph"] == "C" && e["name"] == "GIL waiters")
            ++counters;
    }
    CHECK(threadNames == 2);
    CHECK(slices == 11);      // 5 + 6 segments, "done" is implied
    CHECK(dropRequests == 4); // at 5, 10, 15 and 20 ms
    CHECK(counters > 0);
    // Microseconds with nanosecond decimals.
    CHECK(doc.object()["otherData"].toObject()["end_ns"].toInteger() == 24'000'000);
}

TEST_CASE("CSV lists every segment with its thread, state and times in ns") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 12)});
    makeIdeal(s);
    const QByteArray csv = traceToCsv(*run(s));
    CHECK(csv.startsWith("thread,state,start_ns,end_ns\n\"cpu-1\",running,0,5000000\n"));
    CHECK(csv.contains("\"cpu-2\",done,24000000,24000000\n"));
}

TEST_CASE("traces from other tools open from their first event: unknown slices run, gaps are "
          "absent") {
    const auto load = parse(R"js({"traceEvents": [
        {"ph": "M", "name": "thread_name", "pid": 7, "tid": 3, "args": {"name": "worker"}},
        {"ph": "X", "name": "compute()", "pid": 7, "tid": 3, "ts": 10, "dur": 5},
        {"ph": "X", "name": "io", "pid": 7, "tid": 3, "ts": 20, "dur": 5},
        {"ph": "i", "name": "some-marker", "pid": 7, "tid": 3, "ts": 12}]})js");
    INFO(load.error());
    REQUIRE(load.ok());
    const auto &t = (*load)->threads.at(0);
    CHECK(t.info.name == "worker");
    CHECK(segmentsOf(t) ==
          std::vector<std::string>{"0 running", "5000 absent", "10000 io", "15000 done"});
    CHECK(t.info.gilId == -1); // no GIL metadata: no GIL
    CHECK(t.markCount() == 0);
    CHECK((*load)->sequentialNs == 10000); // its own running and I/O time
}

TEST_CASE("bad trace files are refused with a message naming the problem") {
    CHECK(parse("{\"traceEvents\": [\n  {\"ph\": \"X\",").error() ==
          "t.json: line 2, column 13: unterminated object (the file looks truncated)");
    CHECK(parse(R"({"foo": 1})").error() ==
          "t.json: not a trace: expected {\"traceEvents\": [...]} or an array of events");
    CHECK(parse(R"({"traceEvents": []})").error() == "t.json: the file holds no thread events");
    CHECK(parse(R"([{"ph": "X", "name": "running", "pid": 1, "tid": 1, "ts": "soon", "dur": 1}])")
              .error() == "t.json: event 0: an \"X\" event needs numbers ts and dur");
    CHECK(loadTraceFile("/nonexistent/t.json")
              .error()
              .starts_with("/nonexistent/t.json: cannot read"));
}
