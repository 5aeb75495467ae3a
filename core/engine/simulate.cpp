#include "engine/simulate.h"

#include "engine/engine.h"

namespace gilscope::core {

Result<Simulation> simulate(const Scenario &scenario, const std::atomic<bool> *cancel) {
    if (auto error = validate(scenario))
        return Error{error->field + ": " + error->message};
    internal::Engine engine(scenario, cancel);
    return engine.run();
}

} // namespace gilscope::core
