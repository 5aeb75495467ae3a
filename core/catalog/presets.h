#pragma once

#include "result.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

// Scenarios compiled into the program (resources/presets/*.json), by id (the file name).
std::vector<std::string> presetNames();
// `overrides` are --set patches, as for parseScenarioJson.
Result<Scenario> loadPreset(const std::string &name,
                            const std::vector<std::string> &overrides = {});

} // namespace gilscope::core
