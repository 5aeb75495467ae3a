#include "groups/steppath.h"

namespace gilscope::ui {

using core::Step;
using core::StepKind;

std::vector<Step> *siblingsOf(std::vector<Step> &steps, const StepPath &path) {
    std::vector<Step> *level = &steps;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        if (path[i] < 0 || path[i] >= static_cast<int>(level->size()))
            return nullptr;
        level = &(*level)[path[i]].body;
    }
    if (path.empty() || path.back() < 0 || path.back() >= static_cast<int>(level->size()))
        return nullptr;
    return level;
}

Step *stepAt(std::vector<Step> &steps, const StepPath &path) {
    auto *level = siblingsOf(steps, path);
    return level ? &(*level)[path.back()] : nullptr;
}

const Step *stepAt(const std::vector<Step> &steps, const StepPath &path) {
    return stepAt(const_cast<std::vector<Step> &>(steps), path);
}

bool hasBody(StepKind k) {
    return k == StepKind::Lock || k == StepKind::ToThread || k == StepKind::InProcess;
}

bool hasDuration(StepKind k) {
    return k == StepKind::Python || k == StepKind::Native || k == StepKind::Io ||
           k == StepKind::Sleep;
}

bool hasName(StepKind k) {
    return !hasDuration(k) && k != StepKind::ToThread && k != StepKind::InProcess;
}

Step defaultStep(StepKind kind, const std::string &queue) {
    Step s;
    s.kind = kind;
    switch (kind) {
    case StepKind::Python:
        s.ms = 1;
        break;
    case StepKind::Native:
    case StepKind::Io:
    case StepKind::Sleep:
        s.ms = 10;
        break;
    case StepKind::Lock:
        s.name = "lock";
        s.body = {defaultStep(StepKind::Python, queue)};
        s.body[0].ms = 0.1;
        break;
    case StepKind::Put:
    case StepKind::Get:
        s.name = queue;
        break;
    case StepKind::Wait:
    case StepKind::Set:
        s.name = "event";
        break;
    case StepKind::ToThread:
    case StepKind::InProcess:
        s.body = {defaultStep(StepKind::Python, queue)};
        s.body[0].ms = 10;
        break;
    }
    return s;
}

Step changeKind(const Step &step, StepKind kind, const std::string &queue) {
    Step s = defaultStep(kind, queue);
    if (hasDuration(kind) && hasDuration(step.kind))
        s.ms = step.ms;
    if (hasBody(kind) && hasBody(step.kind))
        s.body = step.body;
    const bool queueKind = kind == StepKind::Put || kind == StepKind::Get;
    const bool wasQueue = step.kind == StepKind::Put || step.kind == StepKind::Get;
    if (hasName(kind) && hasName(step.kind) && (queueKind == wasQueue))
        s.name = step.name;
    return s;
}

std::vector<Step> shorthandSteps(const core::WorkerGroup &group) {
    std::vector<Step> steps;
    Step python;
    python.kind = StepKind::Python;
    python.ms = group.cpu_ms;
    steps.push_back(python);
    if (group.io_ms > 0) {
        Step io;
        io.kind = StepKind::Io;
        io.ms = group.io_ms;
        steps.push_back(io);
    }
    return steps;
}

} // namespace gilscope::ui
