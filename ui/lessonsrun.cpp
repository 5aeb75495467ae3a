#include "lessonsrun.h"

#include "metrics.h"
#include "scenariojson.h"
#include "simulate.h"
#include "traceindex.h"

#include <chrono>

namespace gilscope::ui {

namespace {
double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

SimulationResultPtr simulateForView(const core::Scenario &scenario, QString *error,
                                    const std::atomic<bool> *cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    const core::SimulationOutcome sim = core::simulate(scenario, cancel);
    if (!sim.ok()) {
        if (error)
            *error = QString::fromStdString(sim.error);
        return nullptr;
    }
    auto result = std::make_shared<SimulationResult>();
    result->simulateMs = msSince(t0);
    const auto t1 = std::chrono::steady_clock::now();
    result->index = core::TraceIndex::build(sim.trace, cancel);
    if (!result->index) {
        if (error)
            *error = QStringLiteral("cancelled");
        return nullptr;
    }
    result->indexMs = msSince(t1);
    const auto t2 = std::chrono::steady_clock::now();
    result->metrics = core::computeMetrics(*sim.trace);
    result->metricsMs = msSince(t2);
    result->scenario = scenario;
    result->requestedAt = t0;
    return result;
}

bool sameWorkload(const core::Scenario &a, const core::Scenario &b) {
    auto plain = [](core::Scenario s) {
        s.executor = core::Executor::Threading;
        s.interpreter = core::Interpreter::Gil;
        s.name.clear();
        s.description.clear();
        return core::scenarioToJson(s);
    };
    return plain(a) == plain(b);
}

bool sameScenario(const core::Scenario &a, const core::Scenario &b) {
    return core::scenarioToJson(a) == core::scenarioToJson(b);
}

} // namespace gilscope::ui
