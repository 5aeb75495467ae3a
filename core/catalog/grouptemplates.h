#pragma once

#include "result.h"
#include "scenario/scenario.h"

#include <map>
#include <string>
#include <vector>

namespace gilscope::core {

// A worker group (or a few, with their queues) for a common kind of Python work, to add to a
// scenario: "hashlib on large buffers", "sqlite3 query", "producer → queue → consumers". The
// definitions are scenario JSON, so they read and validate like any scenario file.
struct GroupTemplate {
    std::string id;     // "hashlib", "producer-consumers"
    std::string title;  // as a menu shows it
    std::string why;    // one line: why its steps are what they are
    std::string source; // the measurement behind the durations, or "typical values"
    std::string json;   // {"queues": …, "workers": [...]}: the groups to add
};

// Every template, in menu order.
const std::vector<GroupTemplate> &groupTemplates();

// The groups and queues a template adds, read from its JSON.
struct TemplateGroups {
    std::vector<WorkerGroup> workers;
    std::map<std::string, QueueSpec> queues;
};
Result<TemplateGroups> templateGroups(const std::string &id);

// `scenario` with the template's groups added at the end. Group names that are taken get a
// suffix ("hash-2"); so do queue and lock names the scenario already uses, so the new groups do
// not share them with the old ones by accident. The result is validated: an error names the
// problem (e.g. the thread limit) and the scenario is left as it was.
Result<Scenario> addGroupTemplate(const Scenario &scenario, const std::string &id);

} // namespace gilscope::core
