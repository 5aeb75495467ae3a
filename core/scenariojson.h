#pragma once

#include "machineprofile.h"
#include "scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

struct ScenarioParse {
    std::optional<Scenario> scenario;
    std::string error; // "FILE: line 3, column 7: ..." or "FILE: field workers.0.count: ..."
    bool ok() const { return scenario.has_value(); }
};

// Reads the scenario JSON documented in the README. Missing keys take defaults (per worker
// kind for worker groups); unknown keys, wrong types and out-of-range values are errors that name
// the source, the field and what is allowed. `overrides` are "dotted.path=value" patches applied
// before validation (the command line's --set). A "machine" names a profile looked up in
// `machines`; its values go under the file's own params.
ScenarioParse parseScenarioJson(const QByteArray &json, const std::string &source,
                                const std::vector<std::string> &overrides = {},
                                const MachineProfileStore &machines = MachineProfileStore::standard());
// The same from a file; a machine profile is looked for beside it first.
ScenarioParse loadScenarioFile(const QString &path, const std::vector<std::string> &overrides = {},
                               const MachineProfileStore &machines = MachineProfileStore::standard());

// Writes every field, so a saved file documents the model's parameters.
QByteArray scenarioToJson(const Scenario &scenario);
// The same for a scenario on `machine`'s costs, minus the params equal to the profile's: the
// saved file then follows the profile when the machine is calibrated again.
QByteArray scenarioToJson(const Scenario &scenario, const MachineProfile &machine);

} // namespace gilscope::core
