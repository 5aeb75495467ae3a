#include "scenario/scenarioedits.h"

#include <algorithm>

namespace gilscope::core::scenarioedits {

using core::WorkerKind;

int workerCount(const core::Scenario &scenario, WorkerKind kind) {
    int n = 0;
    for (const auto &w : scenario.workers)
        if (w.kind == kind)
            n += std::max(0, w.count);
    return n;
}

void setWorkerCount(core::Scenario &scenario, WorkerKind kind, int count,
                    const core::WorkerGroup &model) {
    count = std::max(0, count);
    const int total = workerCount(scenario, kind);
    auto &workers = scenario.workers;
    if (count > total) {
        auto first = std::find_if(workers.begin(), workers.end(),
                                  [kind](const auto &w) { return w.kind == kind; });
        if (first == workers.end()) {
            core::WorkerGroup group = model;
            group.kind = kind;
            group.count = count;
            workers.push_back(group);
        } else {
            first->count += count - total;
        }
        return;
    }
    int remove = total - count;
    for (auto it = workers.rbegin(); it != workers.rend() && remove > 0; ++it) {
        if (it->kind != kind)
            continue;
        const int take = std::min(remove, std::max(0, it->count));
        it->count -= take;
        remove -= take;
    }
    // Groups left at zero stay: their burst lengths come back with the threads, and a scenario
    // with no thread at all gets validation's own message.
}

std::optional<core::WorkerGroup> firstGroup(const core::Scenario &scenario, WorkerKind kind) {
    for (const auto &w : scenario.workers)
        if (w.kind == kind)
            return w;
    return std::nullopt;
}

void setCpuBurstMs(core::Scenario &scenario, double ms) {
    for (auto &w : scenario.workers)
        if (w.kind == WorkerKind::Cpu)
            w.cpu_ms = ms;
}

void setIoWaitMs(core::Scenario &scenario, double ms) {
    for (auto &w : scenario.workers)
        if (w.kind == WorkerKind::Io)
            w.io_ms = ms;
}

} // namespace gilscope::core::scenarioedits
