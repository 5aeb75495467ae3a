#pragma once

#include "scenario.h"
#include "trace.h"

#include <atomic>
#include <memory>
#include <string>

namespace gilscope::core {

struct SimulationOutcome {
    std::shared_ptr<const Trace> trace; // set on success
    std::string error;                  // set on failure: names the field or the limit hit
    std::uint64_t engineSteps = 0;      // events and resumptions the engine processed (benchmarks)
    bool ok() const { return trace != nullptr; }
};

// Runs the scenario to completion (deterministic for its seed). Validates first. When `cancel`
// becomes true the run stops early and returns the error "cancelled".
SimulationOutcome simulate(const Scenario &scenario, const std::atomic<bool> *cancel = nullptr);

} // namespace gilscope::core
