#pragma once

// Helpers shared by the core tests: small scenario builders and trace queries.
#include "engine/simulate.h"
#include "scenario/scenario.h"
#include "trace/trace.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace gilscope::test {

using namespace gilscope::core;

inline WorkerGroup cpuWorkers(int count, double cpuMs) {
    WorkerGroup g;
    g.kind = WorkerKind::Cpu;
    g.count = count;
    g.cpu_ms = cpuMs;
    return g;
}

inline WorkerGroup ioWorkers(int count, int ops, double cpuMs, double ioMs) {
    WorkerGroup g;
    g.kind = WorkerKind::Io;
    g.count = count;
    g.ops = ops;
    g.cpu_ms = cpuMs;
    g.io_ms = ioMs;
    return g;
}

inline Scenario scenarioOf(Interpreter interpreter, Executor executor, int cores,
                           std::vector<WorkerGroup> workers) {
    Scenario s;
    s.interpreter = interpreter;
    s.executor = executor;
    s.cores = cores;
    s.workers = std::move(workers);
    return s;
}

// Costs and latencies off, so hand-worked sequences stay readable.
inline void makeIdeal(Scenario &s) {
    auto &p = s.params;
    p.thread_start_us = 0;
    p.wake_latency_min_us = p.wake_latency_max_us = 0;
    p.timer_slack_us = 0;
    p.signal_cost_us = 0;
    p.failed_wake_us = 0;
    p.eval_breaker_ns = 0;
    p.contention_ns = 0;
}

inline TracePtr run(const Scenario &s) {
    auto outcome = simulate(s);
    INFO(outcome.error());
    REQUIRE(outcome.ok());
    return outcome->trace;
}

inline const ThreadTrack &row(const Trace &t, const std::string &name) {
    for (const auto &track : t.threads)
        if (track.info.name == name)
            return track;
    FAIL("no row named " << name);
    return t.threads.front();
}

// "5000000 running" (ns) lines of a row, for exact-sequence comparisons.
inline std::vector<std::string> segmentsOf(const ThreadTrack &track) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < track.segmentCount(); ++i)
        out.push_back(std::to_string(track.segmentStart[i]) + " " +
                      std::string(toString(track.segmentState[i])));
    return out;
}

inline std::vector<std::string> marksOf(const ThreadTrack &track) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < track.markCount(); ++i)
        out.push_back(std::to_string(track.markTime[i]) + " " +
                      std::string(toString(track.markKind[i])));
    return out;
}

// Every row of `b` as in `a`: names, kinds, GILs, groups, segments and marks, in order.
inline void checkSameRows(const Trace &a, const Trace &b) {
    REQUIRE(a.threads.size() == b.threads.size());
    for (std::size_t i = 0; i < a.threads.size(); ++i) {
        const auto &x = a.threads[i];
        const auto &y = b.threads[i];
        INFO("row " << x.info.name);
        CHECK(x.info.name == y.info.name);
        CHECK(x.info.kind == y.info.kind);
        CHECK(x.info.gilId == y.info.gilId);
        CHECK(x.info.groupId == y.info.groupId);
        CHECK(x.info.groupName == y.info.groupName);
        CHECK(x.segmentStart == y.segmentStart);
        CHECK(x.segmentState == y.segmentState);
        CHECK(x.markTime == y.markTime);
        CHECK(x.markKind == y.markKind);
    }
}

} // namespace gilscope::test
