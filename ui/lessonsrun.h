#pragma once

#include "scenario.h"
#include "simulationresult.h"

#include <QString>

#include <atomic>

namespace gilscope::ui {

// Simulates a scenario and prepares it for drawing (trace index, metrics) on the calling thread:
// what SimulationController does on its workers, for exports, the compare view and the gallery.
// Null on failure or cancellation, with the reason in `error`.
SimulationResultPtr simulateForView(const core::Scenario &scenario, QString *error = nullptr,
                                    const std::atomic<bool> *cancel = nullptr);

// Whether two scenarios describe the same workload (workers, cores, parameters, seed) whatever
// their executor, interpreter, name and description: the advisor's question does not change.
bool sameWorkload(const core::Scenario &a, const core::Scenario &b);
// Whether two scenarios are the same in every field.
bool sameScenario(const core::Scenario &a, const core::Scenario &b);

} // namespace gilscope::ui
