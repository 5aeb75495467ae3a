#include "python/equivalentscenario.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace gilscope::core {

namespace {

bool oldGil(const std::string &python) {
    return python.starts_with("2.") || python.starts_with("3.0") || python.starts_with("3.1.") ||
           python == "3.1";
}

// A worker's mean burst in ms, held to what a scenario allows (a recording can be much longer).
double burstMs(TimeNs total, long ops) {
    return std::min(static_cast<double>(total) / kNsPerMs / static_cast<double>(ops),
                    ScenarioLimits::kMaxBurstMs);
}

} // namespace

Scenario equivalentScenario(const Trace &recording) {
    Scenario s;
    s.name = "Simulated: " + recording.scenarioName;
    s.description =
        "The simulation of a recorded run" +
        (recording.python.empty() ? std::string() : " (Python " + recording.python + ")") +
        ": one worker per recorded thread, with its CPU and I/O time (and C code without the "
        "GIL where the trace shows it).";
    s.interpreter = oldGil(recording.python) ? Interpreter::LegacyGil : Interpreter::Gil;
    // A trace GIL Scope exported from a simulation says which interpreter it simulated.
    Interpreter simulated{};
    if (recording.python.empty() && parseEnum(recording.interpreter, simulated))
        s.interpreter = simulated;
    s.executor = Executor::Threading;
    s.cores = std::clamp(recording.cores, 1, ScenarioLimits::kMaxCores);
    if (recording.switchIntervalMs > 0)
        s.params.switch_interval_ms = recording.switchIntervalMs;
    if (recording.checkInterval > 0)
        s.params.check_interval = recording.checkInterval;

    for (const auto &track : recording.threads) {
        if (track.info.groupId != 0)
            continue; // forked children have their own GIL: not part of this process's story
        std::array<TimeNs, kThreadStateCount> perState{};
        for (std::size_t i = 0; i < track.segmentCount(); ++i) {
            TimeNs &total = perState[static_cast<std::size_t>(track.segmentState[i])];
            total =
                saturatingAdd(total, track.segmentEnd(i, recording.endNs) - track.segmentStart[i]);
        }
        const TimeNs running = perState[static_cast<std::size_t>(ThreadState::Running)];
        const TimeNs io = perState[static_cast<std::size_t>(ThreadState::Io)];
        const auto ops = std::count(track.markKind.begin(), track.markKind.end(), MarkKind::IoEnd);
        const TimeNs native = perState[static_cast<std::size_t>(ThreadState::Native)];
        WorkerGroup g;
        g.name = track.info.name;
        if (native > 0) {
            // C code that released the GIL (a trace that shows it: an exported simulation):
            // steps keep it apart from Python, or it would be simulated holding the GIL.
            long calls = 0;
            for (std::size_t i = 0; i < track.segmentCount(); ++i)
                calls += track.segmentState[i] == ThreadState::Native &&
                         (i == 0 || track.segmentState[i - 1] != ThreadState::Native);
            const long rounds = std::max<long>({1, static_cast<long>(ops), calls});
            g.kind = ops > 0 ? WorkerKind::Io : WorkerKind::Cpu;
            g.ops = static_cast<int>(std::min<long>(rounds, ScenarioLimits::kMaxOps));
            g.steps.push_back(Step{StepKind::Python, burstMs(running, g.ops), {}, {}, true});
            g.steps.push_back(Step{StepKind::Native, burstMs(native, g.ops), {}, {}, true});
            if (io > 0)
                g.steps.push_back(Step{StepKind::Io, burstMs(io, g.ops), {}, {}, true});
        } else if (ops > 0) {
            g.kind = WorkerKind::Io;
            g.ops = static_cast<int>(std::min<long>(ops, ScenarioLimits::kMaxOps));
            g.cpu_ms = burstMs(running, ops);
            g.io_ms = burstMs(io, ops);
        } else if (static_cast<double>(running) * 100 >= static_cast<double>(recording.endNs)) {
            // (in doubles: a recording may run for 2^62 ns, and 100 times that overflows)
            g.kind = WorkerKind::Cpu;
            g.cpu_ms = burstMs(running, 1);
            g.io_ms = 0;
        } else {
            continue; // hardly ran, never finished a blocking call: a coordinator (join)
        }
        s.workers.push_back(g);
        if (static_cast<int>(s.workers.size()) >= ScenarioLimits::kMaxThreads)
            break;
    }
    if (s.workers.empty())
        s.workers.push_back(WorkerGroup{});
    return s;
}

} // namespace gilscope::core
