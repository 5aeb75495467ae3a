#pragma once

#include "metrics.h"
#include "scenario.h"
#include "traceindex.h"

#include <QMetaType>

#include <chrono>
#include <memory>

namespace gilscope::ui {

// Everything one simulation run produced, prepared off the UI thread: the trace with its index
// for drawing, and its metrics. Immutable and shared.
struct SimulationResult {
    core::Scenario scenario;
    core::TraceIndexPtr index; // holds the trace
    core::Metrics metrics;
    quint64 generation = 0;
    double simulateMs = 0, indexMs = 0, metricsMs = 0;
    // When the change that asked for this run was made (slider-to-frame latency).
    std::chrono::steady_clock::time_point requestedAt;

    const core::Trace &trace() const { return index->trace(); }
};

using SimulationResultPtr = std::shared_ptr<const SimulationResult>;

} // namespace gilscope::ui

Q_DECLARE_METATYPE(gilscope::ui::SimulationResultPtr)
