#pragma once

#include "result.h"
#include "scenario/scenario.h"
#include "trace/metrics.h"

#include <atomic>
#include <string>
#include <vector>

namespace gilscope::core {

struct SweepPoint {
    double value;
    Metrics metrics;
};

struct SweepResult {
    std::string key; // the dotted scenario path that was varied
    std::vector<SweepPoint> points;
};

// "threads=1:16" (every whole number; "threads" is workers.0.count) or
// "switch_interval_ms=0.1:50" (ten log-spaced values; params.switch_interval_ms), or any dotted
// numeric path of the scenario JSON with A:B[:N] for N log-spaced points.
// The error names the key or the failing value.
Result<SweepResult> sweep(const Scenario &scenario, const std::string &spec, int threads = 2,
                          const std::atomic<bool> *cancel = nullptr);

// value,makespan_ms,sequential_ms,speedup,switches_per_s,io_ops_per_s,io_latency_ms_p50,io_latency_ms_p99
std::string sweepToCsv(const SweepResult &result);

} // namespace gilscope::core
