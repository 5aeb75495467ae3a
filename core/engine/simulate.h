#pragma once

#include "result.h"
#include "scenario/scenario.h"
#include "trace/trace.h"

#include <atomic>
#include <cstdint>

namespace gilscope::core {

struct Simulation {
    TracePtr trace;
    std::uint64_t engineSteps = 0; // events and resumptions the engine processed (benchmarks)
};

// Runs the scenario to completion (deterministic for its seed). Validates first; the error names
// the field or the limit hit. When `cancel` becomes true the run stops early with "cancelled".
Result<Simulation> simulate(const Scenario &scenario, const std::atomic<bool> *cancel = nullptr);

} // namespace gilscope::core
