#pragma once

#include "pixels/traceindex.h"
#include "result.h"
#include "scenario/scenario.h"
#include "trace/metrics.h"
#include "trace/trace.h"

#include <QMetaType>

#include <atomic>
#include <memory>

namespace gilscope::core {

// Which parts of a run a consumer needs: the window and exports draw (index), sweeps and the
// advisor only compare figures.
enum class RunParts { TraceAndMetrics, Everything };

// What one run gives every consumer — the window, exports, lessons, the command line: the trace
// (simulated or recorded), its pixel index for drawing and its metrics. Immutable once prepared;
// share it through PreparedRunPtr.
struct PreparedRun {
    // What was simulated; for a recording, its name and cores only.
    Scenario scenario;
    TracePtr tracePtr;
    TraceIndexPtr index; // null when prepared with RunParts::TraceAndMetrics
    Metrics metrics;
    bool recorded = false; // read from a file rather than simulated here
    // Where the time went, for the status bar and benchmarks.
    double simulateMs = 0, indexMs = 0, metricsMs = 0;

    const Trace &trace() const { return *tracePtr; }
};

using PreparedRunPtr = std::shared_ptr<const PreparedRun>;

// The one pipeline from a scenario to what is shown: validate, simulate, index, measure. The
// error names the field or limit at fault, or is "cancelled" once `cancel` becomes true.
Result<PreparedRunPtr> prepareRun(const Scenario &scenario,
                                  const std::atomic<bool> *cancel = nullptr,
                                  RunParts parts = RunParts::Everything);

// The same for a trace read from a file: index and metrics. `name` titles it when the trace
// names no scenario of its own.
Result<PreparedRunPtr> prepareRun(TracePtr trace, const std::string &name,
                                  const std::atomic<bool> *cancel = nullptr,
                                  RunParts parts = RunParts::Everything);

} // namespace gilscope::core

Q_DECLARE_METATYPE(gilscope::core::PreparedRunPtr)
