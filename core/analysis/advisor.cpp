#include "analysis/advisor.h"

#include "analysis/parallel.h"
#include "run/preparedrun.h"

#include <cmath>
#include <sstream>

namespace gilscope::core {

namespace {

constexpr Executor kExecutors[] = {Executor::Threading, Executor::Asyncio,
                                   Executor::Multiprocessing, Executor::Subinterpreters};
constexpr Interpreter kInterpreters[] = {Interpreter::Gil, Interpreter::FreeThreaded,
                                         Interpreter::LegacyGil};

std::string name(const AdvisorRun &r) {
    std::string s(toString(r.executor));
    if (r.interpreter == Interpreter::FreeThreaded)
        s += " (free-threaded)";
    else if (r.interpreter == Interpreter::LegacyGil)
        s += " (legacy GIL)";
    return s;
}

std::string fixed(double v, int digits) {
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(digits);
    os << v;
    return os.str();
}

bool cpuBound(const Scenario &s) {
    double cpu = 0, io = 0;
    for (const auto &w : s.workers) {
        cpu += w.count * w.ops * w.cpu_ms;
        io += w.count * w.ops * w.io_ms;
    }
    return cpu >= io;
}

std::string reasonFor(const Scenario &s, const std::vector<AdvisorRun> &runs, int best) {
    const AdvisorRun &b = runs[static_cast<std::size_t>(best)];
    const AdvisorRun &threads = runs[0]; // threading, standard build
    const double gain = threads.metrics.makespan_ms / b.metrics.makespan_ms;
    if (best == 0) {
        if (cpuBound(s))
            return "threading: nothing beats it by more than 5 % here (" + std::to_string(s.cores) +
                   " core(s)), and it is the simplest choice";
        return "threading: the work mostly waits on I/O, so the GIL is no bottleneck; "
               "threads are the simplest choice within 5 % of the fastest";
    }
    if (b.executor == Executor::Asyncio && b.interpreter == Interpreter::Gil)
        return "asyncio: within 5 % of the fastest, one thread overlaps all the waits";
    const double bestStall = std::max(b.metrics.io.latency_ms_p99, b.metrics.io.max_stall_ms);
    const double threadStall =
        std::max(threads.metrics.io.latency_ms_p99, threads.metrics.io.max_stall_ms);
    if (gain < 1.05 && threadStall > 2 * bestStall)
        return name(b) + ": as fast as threading, but its I/O thread waits at most " +
               fixed(bestStall, 2) + " ms instead of " + fixed(threadStall, 2) +
               " ms: the CPU-bound work no longer holds the I/O thread's GIL";
    std::string why = name(b) + ": " + fixed(gain, 1) + "x faster than threading, ";
    if (b.interpreter == Interpreter::FreeThreaded)
        return why + "threads run Python in parallel without a GIL";
    if (b.executor == Executor::Multiprocessing)
        return why + "each process has its own GIL, so CPU-bound work uses " +
               std::to_string(s.cores) + " cores";
    if (b.executor == Executor::Subinterpreters)
        return why + "each interpreter has its own GIL, with cheaper start-up than processes";
    return why + "it spreads the work best";
}

} // namespace

std::vector<std::pair<Interpreter, Executor>> advisorGrid() {
    std::vector<std::pair<Interpreter, Executor>> grid;
    for (auto interpreter : kInterpreters)
        for (auto executor : kExecutors)
            if (interpreter != Interpreter::LegacyGil || executor == Executor::Threading ||
                executor == Executor::Multiprocessing)
                grid.emplace_back(interpreter, executor);
    return grid;
}

Advice advise(const Scenario &scenario, int threads, const std::atomic<bool> *cancel) {
    std::vector<AdvisorRun> runs;
    for (const auto &[interpreter, executor] : advisorGrid()) {
        AdvisorRun run{executor, interpreter, nullptr, {}, {}, -1};
        if (interpreter != Interpreter::LegacyGil)
            run.plainness = static_cast<int>(runs.size());
        runs.push_back(run);
    }

    // Fan the grid out over `threads` workers; each run is independent and deterministic.
    forEachInParallel(runs.size(), threads, [&](std::size_t i) {
        Scenario s = scenario;
        s.executor = runs[i].executor;
        s.interpreter = runs[i].interpreter;
        const auto run = prepareRun(s, cancel, RunParts::TraceAndMetrics);
        if (run.ok()) {
            runs[i].metrics = (*run)->metrics;
            runs[i].trace = (*run)->tracePtr;
        } else {
            runs[i].error = run.error();
        }
    });

    Advice advice;
    advice.runs = std::move(runs);
    double fastest = 0;
    for (const auto &r : advice.runs)
        if (r.trace && r.plainness >= 0 && (fastest == 0 || r.metrics.makespan_ms < fastest))
            fastest = r.metrics.makespan_ms;
    // Responsiveness counts too: among the fast runs, one that leaves an I/O-serving thread
    // unanswered far longer than the best (the convoy, asyncio behind a CPU burst) is no fit.
    auto stall = [](const AdvisorRun &r) {
        return std::max(r.metrics.io.latency_ms_p99, r.metrics.io.max_stall_ms);
    };
    double quickestIo = -1;
    for (const auto &r : advice.runs)
        if (r.trace && r.plainness >= 0 && r.metrics.makespan_ms <= fastest * 1.05 &&
            r.metrics.io.ops > 0 && (quickestIo < 0 || stall(r) < quickestIo))
            quickestIo = stall(r);
    auto responsive = [&](const AdvisorRun &r) {
        return quickestIo < 0 || stall(r) <= std::max(2 * quickestIo, quickestIo + 0.1);
    };
    for (std::size_t i = 0; i < advice.runs.size(); ++i) {
        const auto &r = advice.runs[i];
        if (!r.trace || r.plainness < 0 || r.metrics.makespan_ms > fastest * 1.05 || !responsive(r))
            continue;
        if (advice.best < 0 ||
            r.plainness < advice.runs[static_cast<std::size_t>(advice.best)].plainness)
            advice.best = static_cast<int>(i);
    }
    if (advice.best >= 0)
        advice.reason = reasonFor(scenario, advice.runs, advice.best);
    else
        advice.reason =
            "no run finished: " + (advice.runs.empty() ? std::string() : advice.runs[0].error);
    return advice;
}

} // namespace gilscope::core
