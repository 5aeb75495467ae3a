#pragma once

#include "catalog/machineprofile.h"
#include "result.h"
#include "scenario/scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

// A scenario, or an error such as "FILE: line 3, column 7: ..." or "FILE: field workers.0.count:
// ...".
using ScenarioParse = Result<Scenario>;

// Reads the scenario JSON documented in the README. Missing keys take defaults (per worker
// kind for worker groups); unknown keys, wrong types and out-of-range values are errors that name
// the source, the field and what is allowed. `overrides` are "dotted.path=value" patches applied
// before validation (the command line's --set). A "machine" names a profile looked up in
// `machines`; its values go under the file's own params.
ScenarioParse
parseScenarioJson(const QByteArray &json, const std::string &source,
                  const std::vector<std::string> &overrides = {},
                  const MachineProfileStore &machines = MachineProfileStore::standard());
// The same from a file; a machine profile is looked for beside it first.
ScenarioParse
loadScenarioFile(const QString &path, const std::vector<std::string> &overrides = {},
                 const MachineProfileStore &machines = MachineProfileStore::standard());

// Writes every field, so a saved file documents the model's parameters.
QByteArray scenarioToJson(const Scenario &scenario);
// The same for a scenario on `machine`'s costs, minus the params equal to the profile's: the
// saved file then follows the profile when the machine is calibrated again.
QByteArray scenarioToJson(const Scenario &scenario, const MachineProfile &machine);

// Whether two scenarios describe the same workload (workers, cores, parameters, seed) whatever
// their executor, interpreter, name and description: the advisor's question does not change.
bool sameWorkload(const Scenario &a, const Scenario &b);
// Whether two scenarios are the same in every field.
bool sameScenario(const Scenario &a, const Scenario &b);

} // namespace gilscope::core
