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

// Where one pass of a group's work goes: Python (needs the GIL), C code that released it, or
// waiting; and whether threads share a lock.
struct Mix {
    double python = 0, native = 0, blocking = 0;
    bool locks = false;
    bool shared = false; // a lock, queue or event that workers share
    void add(const std::vector<Step> &steps, double times) {
        for (const Step &step : steps) {
            switch (step.kind) {
            case StepKind::Python:
                python += times * step.ms;
                break;
            case StepKind::Native:
                native += times * step.ms;
                break;
            case StepKind::Io:
            case StepKind::Sleep:
                blocking += times * step.ms;
                break;
            case StepKind::Lock:
                locks = true;
                shared = true;
                break;
            case StepKind::Put:
            case StepKind::Get:
            case StepKind::Wait:
            case StepKind::Set:
                shared = true;
                break;
            default:
                break;
            }
            add(step.body, times);
        }
    }
};

Mix mixOf(const Scenario &s) {
    Mix mix;
    for (const auto &w : s.workers) {
        const double times = static_cast<double>(w.count) * w.ops;
        if (w.hasSteps()) {
            mix.add(w.steps, times);
        } else {
            mix.python += times * w.cpu_ms;
            mix.blocking += times * w.io_ms;
        }
    }
    return mix;
}

bool cpuBound(const Scenario &s) {
    const Mix mix = mixOf(s);
    return mix.python + mix.native >= mix.blocking;
}

// Said after the choice when threads spent a good part of the run waiting for a lock: the lock,
// not the GIL, is what serialises them, and no executor takes it away.
std::string lockNote(const Scenario &s, const AdvisorRun &threads) {
    const Metrics &m = threads.metrics;
    const double threadTime = m.makespan_ms * std::max(1, s.threadCount());
    if (!mixOf(s).locks || m.locks.waits == 0 || m.locks.wait_ms_total < 0.1 * threadTime)
        return {};
    return "; a threading.Lock serialises the threads (with threading they wait for it " +
           fixed(100 * m.locks.wait_ms_total / threadTime, 0) +
           " % of the time), which no executor removes: hold it for less";
}

// Said after a choice of processes or interpreters when the workers that follow the scenario's
// executor share a lock, queue or event: those objects do not cross processes, and their
// multiprocessing counterparts pickle every item, which the simulation does not charge.
std::string sharingNote(const Scenario &s, Executor chosen) {
    if (chosen != Executor::Multiprocessing && chosen != Executor::Subinterpreters)
        return {};
    Mix mix;
    for (const auto &w : s.workers)
        if (!w.executor)
            mix.add(w.steps, 1);
    if (!mix.shared)
        return {};
    return "; but its workers share locks, queues or events: across " +
           std::string(chosen == Executor::Multiprocessing ? "processes" : "interpreters") +
           " they must become multiprocessing's, which pickle every item (not simulated here)";
}

double memoryOf(const AdvisorRun &r) {
    return r.metrics.memory.known() ? r.metrics.memory.peakMb : 0;
}

std::string megabytes(double mb) {
    return fixed(mb, mb < 10 ? 1 : 0) + " MB";
}

// "+45 MB": what a run costs in memory beyond another's, when it is worth saying.
std::string extraMemory(const AdvisorRun &b, const AdvisorRun &than) {
    const double extra = memoryOf(b) - memoryOf(than);
    std::string text;
    if (extra >= 0.5) {
        text = "+"; // appended, not "+" + ...: GCC 12 warns (-Wrestrict) on that falsely
        text += megabytes(extra);
    }
    return text;
}
std::string forMemory(const AdvisorRun &b, const AdvisorRun &than) {
    const std::string extra = extraMemory(b, than);
    return extra.empty() ? extra : " for " + extra;
}

// The steps with every to_thread's steps run in place: the coroutine does the work on the loop.
std::vector<Step> inlined(const std::vector<Step> &steps) {
    std::vector<Step> out;
    for (const Step &step : steps) {
        if (step.kind == StepKind::ToThread) {
            for (const Step &inner : inlined(step.body))
                out.push_back(inner);
            continue;
        }
        Step copy = step;
        copy.body = inlined(step.body);
        out.push_back(std::move(copy));
    }
    return out;
}

bool usesToThread(const std::vector<Step> &steps) {
    for (const Step &step : steps)
        if (step.kind == StepKind::ToThread || usesToThread(step.body))
            return true;
    return false;
}

// For asyncio with to_thread: the largest lateness of the loop's coroutines with the awaited
// work in the pool and run inline instead; nothing when no coroutine waits on I/O.
std::string toThreadNote(const Scenario &s, const AdvisorRun &b, const std::atomic<bool> *cancel) {
    bool any = false;
    Scenario inline_ = s;
    inline_.executor = b.executor;
    inline_.interpreter = b.interpreter;
    for (auto &w : inline_.workers) {
        if (w.executor.value_or(inline_.executor) != Executor::Asyncio || !usesToThread(w.steps))
            continue;
        w.steps = inlined(w.steps);
        any = true;
    }
    if (!any || b.metrics.io.ops == 0)
        return {};
    const auto run = prepareRun(inline_, cancel, RunParts::TraceAndMetrics);
    if (!run.ok())
        return {};
    const double pooled = b.metrics.io.max_stall_ms, inlineStall = (*run)->metrics.io.max_stall_ms;
    if (inlineStall < 1.5 * pooled || inlineStall - pooled < 0.5)
        return {};
    return "to_thread keeps the event loop responsive: its coroutines wait at most " +
           fixed(pooled, 1) + " ms (largest lateness) against " + fixed(inlineStall, 1) +
           " ms with the work inline";
}

std::string baseReason(const Scenario &s, const std::vector<AdvisorRun> &runs, int best,
                       const AdvisorRun *heavier) {
    const AdvisorRun &b = runs[static_cast<std::size_t>(best)];
    const AdvisorRun &threads = runs[0]; // threading, standard build
    const double gain = threads.metrics.makespan_ms / b.metrics.makespan_ms;
    const Mix mix = mixOf(s);
    const std::string note = lockNote(s, threads);
    if (heavier)
        return name(b) + ": " + name(*heavier) + " is only " +
               fixed(b.metrics.makespan_ms / heavier->metrics.makespan_ms, 2) + "x faster" +
               forMemory(*heavier, b) + " (peak " + megabytes(memoryOf(*heavier)) + " against " +
               megabytes(memoryOf(b)) + "); " +
               (b.executor == Executor::Threading || b.executor == Executor::Asyncio
                    ? "threads share memory"
                    : "it needs less memory") +
               note;
    if (best == 0 && mix.native > mix.python && mix.native >= mix.blocking) {
        const AdvisorRun &processes = runs[2]; // multiprocessing, standard build
        const std::string extra = extraMemory(processes, threads);
        return "threading: the work is mostly C code that releases the GIL (" +
               fixed(100 * mix.native / (mix.python + mix.native + mix.blocking), 0) +
               " % of it), so threads run it on all " + std::to_string(s.cores) +
               " cores while sharing memory; processes would only add start-up and copying" +
               (extra.empty() ? "" : " (" + extra + ")") + note;
    }
    if (best == 0) {
        if (cpuBound(s) && !note.empty())
            return "threading: nothing beats it by more than 5 % here" + note;
        if (cpuBound(s))
            return "threading: nothing beats it by more than 5 % here (" + std::to_string(s.cores) +
                   " core(s)), and it is the simplest choice";
        return "threading: the work mostly waits on I/O, so the GIL is no bottleneck; "
               "threads are the simplest choice within 5 % of the fastest";
    }
    if (b.executor == Executor::Asyncio && b.interpreter == Interpreter::Gil) {
        if (!note.empty() && cpuBound(s))
            return "asyncio: its coroutines take turns on one thread, so they never wait for "
                   "the lock" +
                   note;
        return "asyncio: within 5 % of the fastest, one thread overlaps all the waits" + note;
    }
    const double bestStall = std::max(b.metrics.io.latency_ms_p99, b.metrics.io.max_stall_ms);
    const double threadStall =
        std::max(threads.metrics.io.latency_ms_p99, threads.metrics.io.max_stall_ms);
    if (gain < 1.05 && threadStall > 2 * bestStall)
        return name(b) + ": as fast as threading, but its I/O thread waits at most " +
               fixed(bestStall, 2) + " ms instead of " + fixed(threadStall, 2) +
               " ms: the CPU-bound work no longer holds the I/O thread's GIL";
    std::string why =
        name(b) + ": " + fixed(gain, 1) + "x faster than threading" + forMemory(b, threads) + ", ";
    if (b.interpreter == Interpreter::FreeThreaded)
        return why + "threads run Python in parallel without a GIL" + note;
    if (b.executor == Executor::Multiprocessing)
        return why + "each process has its own GIL, so CPU-bound work uses " +
               std::to_string(s.cores) + " cores" + note + sharingNote(s, b.executor);
    if (b.executor == Executor::Subinterpreters)
        return why + "each interpreter has its own GIL, with cheaper start-up than processes" +
               note + sharingNote(s, b.executor);
    return why + "it spreads the work best" + note;
}

// asyncio with to_thread: the loop's lateness without it leads the reason on a standard build and
// follows it on a free-threaded one.
std::string reasonFor(const Scenario &s, const std::vector<AdvisorRun> &runs, int best,
                      const AdvisorRun *heavier, const std::atomic<bool> *cancel) {
    const AdvisorRun &b = runs[static_cast<std::size_t>(best)];
    const std::string pool =
        b.executor == Executor::Asyncio && !heavier ? toThreadNote(s, b, cancel) : std::string();
    if (!pool.empty() && b.interpreter == Interpreter::Gil)
        return "asyncio: " + pool + lockNote(s, runs[0]);
    const std::string reason = baseReason(s, runs, best, heavier);
    return pool.empty() ? reason : reason + "; " + pool;
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
    // Memory counts too: a run that is less than 10 % faster than a plainer one but needs twice
    // its memory or more (processes beside threads) is not worth it.
    const AdvisorRun *heavier = nullptr;
    if (advice.best >= 0) {
        const AdvisorRun &b = advice.runs[static_cast<std::size_t>(advice.best)];
        for (std::size_t i = 0; i < advice.runs.size(); ++i) {
            const auto &r = advice.runs[i];
            if (!r.trace || r.plainness < 0 || r.plainness >= b.plainness || !responsive(r) ||
                r.metrics.makespan_ms > b.metrics.makespan_ms * 1.10 ||
                memoryOf(b) < 2 * memoryOf(r) || memoryOf(b) - memoryOf(r) < 1)
                continue;
            heavier = &b;
            advice.best = static_cast<int>(i);
            break; // the plainest such run
        }
    }
    if (advice.best >= 0)
        advice.reason = reasonFor(scenario, advice.runs, advice.best, heavier, cancel);
    else
        advice.reason =
            "no run finished: " + (advice.runs.empty() ? std::string() : advice.runs[0].error);
    return advice;
}

} // namespace gilscope::core
