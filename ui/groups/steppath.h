#pragma once

#include "scenario/scenario.h"

#include <vector>

namespace gilscope::ui {

// Where a step sits in a group's steps: its index at each level, outermost first ({2, 0}: the
// first step held inside the third). The editor keeps paths, not pointers, across edits.
using StepPath = std::vector<int>;

// The steps `path` is one of (the group's own, or a step's body); null when the path is stale.
std::vector<core::Step> *siblingsOf(std::vector<core::Step> &steps, const StepPath &path);
core::Step *stepAt(std::vector<core::Step> &steps, const StepPath &path);
const core::Step *stepAt(const std::vector<core::Step> &steps, const StepPath &path);

bool hasBody(core::StepKind kind);
bool hasDuration(core::StepKind kind);
bool hasName(core::StepKind kind);
// What a new step of `kind` starts as; put/get name `queue`.
core::Step defaultStep(core::StepKind kind, const std::string &queue);
// `step` turned into `kind`, keeping what still applies (the milliseconds, the name, the body).
core::Step changeKind(const core::Step &step, core::StepKind kind, const std::string &queue);
// The python and io steps a group's cpu_ms and io_ms stand for.
std::vector<core::Step> shorthandSteps(const core::WorkerGroup &group);

} // namespace gilscope::ui
