#pragma once

#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

// Scenarios compiled into the program (resources/presets/*.json), by id (the file name).
std::vector<std::string> presetNames();
std::optional<Scenario> loadPreset(const std::string &name, std::string *error);

} // namespace gilscope::core
