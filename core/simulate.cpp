#include "simulate.h"

#include "engine.h"

namespace gilscope::core {

SimulationOutcome simulate(const Scenario &scenario, const std::atomic<bool> *cancel) {
    if (auto error = validate(scenario))
        return {nullptr, error->field + ": " + error->message};
    internal::Engine engine(scenario, cancel);
    return engine.run();
}

} // namespace gilscope::core
