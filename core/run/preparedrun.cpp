#include "run/preparedrun.h"

#include "engine/simulate.h"

#include <algorithm>
#include <chrono>

namespace gilscope::core {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Index and metrics, shared by simulated and recorded runs.
Result<PreparedRunPtr> finish(std::shared_ptr<PreparedRun> run, RunParts parts,
                              const std::atomic<bool> *cancel) {
    if (parts == RunParts::Everything) {
        const auto t0 = Clock::now();
        run->index = TraceIndex::build(run->tracePtr, cancel);
        if (!run->index)
            return Error{"cancelled"};
        run->indexMs = msSince(t0);
    }
    const auto t1 = Clock::now();
    run->metrics = computeMetrics(*run->tracePtr);
    run->metricsMs = msSince(t1);
    return PreparedRunPtr(std::move(run));
}

} // namespace

Result<PreparedRunPtr> prepareRun(const Scenario &scenario, const std::atomic<bool> *cancel,
                                  RunParts parts) {
    const auto t0 = Clock::now();
    auto simulation = simulate(scenario, cancel);
    if (!simulation.ok())
        return Error{simulation.error()};
    auto run = std::make_shared<PreparedRun>();
    run->scenario = scenario;
    run->tracePtr = simulation->trace;
    run->simulateMs = msSince(t0);
    return finish(std::move(run), parts, cancel);
}

Result<PreparedRunPtr> prepareRun(TracePtr trace, const std::string &name,
                                  const std::atomic<bool> *cancel, RunParts parts) {
    auto run = std::make_shared<PreparedRun>();
    run->scenario.name = trace->scenarioName.empty() ? name : trace->scenarioName;
    run->scenario.cores = std::max(1, trace->cores);
    run->tracePtr = std::move(trace);
    run->recorded = true;
    return finish(std::move(run), parts, cancel);
}

} // namespace gilscope::core
