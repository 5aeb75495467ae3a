// Prints how fast the engine runs (events stored in the trace per second, and engine steps --
// timed events and coroutine resumptions -- per second) and how compactly the trace stores them.
// Targets (issue: simulation core): >= 20M events/s on one core, <= 16 bytes per stored event.
#include "engine/simulate.h"

#include <chrono>
#include <cstdio>

using namespace gilscope::core;

namespace {
WorkerGroup group(WorkerKind kind, int count, int ops, double cpuMs, double ioMs) {
    WorkerGroup g;
    g.kind = kind;
    g.count = count;
    g.ops = ops;
    g.cpu_ms = cpuMs;
    g.io_ms = ioMs;
    return g;
}

void measure(const char *label, const Scenario &scenario, int repeats) {
    double best = 1e9;
    Simulation simulation;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto outcome = simulate(scenario);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!outcome.ok()) {
            std::printf("%s: %s\n", label, outcome.error().c_str());
            return;
        }
        best = std::min(best, seconds);
        simulation = std::move(*outcome);
    }
    const auto &trace = *simulation.trace;
    const double events = static_cast<double>(trace.eventCount());
    std::printf("%-44s %10.0f stored events  %7.3f s  %6.1f M stored/s  %6.1f M engine steps/s  "
                "%5.2f bytes/event  (%.0f ms simulated)\n",
                label, events, best, events / best / 1e6,
                static_cast<double>(simulation.engineSteps) / best / 1e6,
                static_cast<double>(trace.storedBytes()) / events,
                static_cast<double>(trace.endNs) / 1e6);
}
} // namespace

int main() {
    Scenario legacy;
    legacy.name = "legacy";
    legacy.interpreter = Interpreter::LegacyGil;
    legacy.cores = 2;
    legacy.workers = {group(WorkerKind::Cpu, 4, 1, 400, 0)};
    measure("legacy GIL, 2 cores, 4 CPU threads", legacy, 3);

    // 64 CPU-bound threads at a short interval: every timeout wakes, checks and re-sleeps a
    // waiter, so the engine does several internal steps per stored event (the hardest case).
    Scenario contended;
    contended.name = "gil-64-cpu";
    contended.interpreter = Interpreter::Gil;
    contended.cores = 8;
    contended.params.switch_interval_ms = 0.05;
    contended.workers = {group(WorkerKind::Cpu, 64, 1, 200, 0)};
    measure("3.2+ GIL, 8 cores, 64 CPU threads, 0.05 ms", contended, 2);

    // A server-like mix: 8 CPU-bound and 56 I/O-bound threads.
    Scenario server;
    server.name = "gil-64-mix";
    server.interpreter = Interpreter::Gil;
    server.cores = 4;
    server.workers = {group(WorkerKind::Cpu, 8, 1, 200, 0),
                      group(WorkerKind::Io, 56, 2000, 0.05, 1)};
    measure("3.2+ GIL, 4 cores, 8 CPU + 56 I/O threads", server, 3);
    return 0;
}
