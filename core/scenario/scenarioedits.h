#pragma once

#include "scenario/scenario.h"

#include <optional>

// How the controls panel's few knobs map onto a Scenario's worker groups. Pure functions, so
// the mapping is tested without widgets.
namespace gilscope::core::scenarioedits {

// Threads of one kind, over every group of that kind.
int workerCount(const core::Scenario &scenario, core::WorkerKind kind);
// Makes the threads of `kind` add up to `count`: grows the first group of that kind, shrinks
// from the last (keeping groups at zero), and adds a copy of `model` when there is none.
void setWorkerCount(core::Scenario &scenario, core::WorkerKind kind, int count,
                    const core::WorkerGroup &model);
// The first group of a kind, if any.
std::optional<core::WorkerGroup> firstGroup(const core::Scenario &scenario, core::WorkerKind kind);
// CPU burst: cpu_ms of every CPU-bound group. I/O wait: io_ms of every I/O-bound group.
void setCpuBurstMs(core::Scenario &scenario, double ms);
void setIoWaitMs(core::Scenario &scenario, double ms);

} // namespace gilscope::core::scenarioedits
