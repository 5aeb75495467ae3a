#pragma once

// The trace both the render and the export benches draw: a GIL battle on `rows` threads, short
// running / waiting stretches, some I/O and a failed wake-up every few segments -- the worst case
// for folding and for vector output, where nearly every pixel column changes colour.
#include "trace/trace.h"

#include <algorithm>
#include <memory>
#include <random>
#include <string>

namespace gilscope::bench {

inline std::shared_ptr<core::Trace> syntheticBattle(std::size_t segments, int rows) {
    auto trace = std::make_shared<core::Trace>();
    trace->cores = 4;
    trace->scenarioName = "synthetic battle";
    trace->interpreter = "legacy-gil";
    trace->executor = "threading";
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> length(50, 4000);
    std::uniform_int_distribution<int> pick(0, 99);
    core::TimeNs end = 0;
    for (int r = 0; r < rows; ++r) {
        core::ThreadTrack t;
        t.info.name = "cpu-" + std::to_string(r + 1);
        t.info.kind = "cpu";
        t.info.gilId = 0;
        const std::size_t n = segments / static_cast<std::size_t>(rows);
        t.segmentStart.reserve(n);
        t.segmentState.reserve(n);
        core::TimeNs now = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const int p = pick(rng);
            const auto state = p < 45   ? core::ThreadState::Running
                               : p < 90 ? core::ThreadState::WaitingForGil
                               : p < 97 ? core::ThreadState::Io
                                        : core::ThreadState::Ready;
            t.segmentStart.push_back(now);
            t.segmentState.push_back(state);
            if (state == core::ThreadState::WaitingForGil && p % 3 == 0) {
                t.markTime.push_back(now + 10);
                t.markKind.push_back(p % 2 ? core::MarkKind::FailedAcquire
                                           : core::MarkKind::RepeatedFailedAcquire);
            }
            now += length(rng);
        }
        end = std::max(end, now);
        trace->threads.push_back(std::move(t));
    }
    trace->endNs = end;
    return trace;
}

} // namespace gilscope::bench
