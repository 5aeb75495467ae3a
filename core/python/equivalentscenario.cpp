#include "python/equivalentscenario.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

TimeNs stateTotal(const std::array<TimeNs, kThreadStateCount> &perState, ThreadState state) {
    return perState[static_cast<std::size_t>(state)];
}

// What one recorded thread did.
struct RowSummary {
    const ThreadTrack *track = nullptr;
    std::array<TimeNs, kThreadStateCount> perState{};
    std::array<long, kThreadStateCount> stretches{}; // maximal runs of each state
    long ioOps = 0;                                  // completed blocking calls (io-end marks)
    TimeNs start = 0;                       // when it began: its first segment that is not absent
    std::map<std::string, long> gets, puts; // items per queue
};

RowSummary summarise(const Trace &recording, const ThreadTrack &track) {
    RowSummary r;
    r.track = &track;
    for (std::size_t i = 0; i < track.segmentCount(); ++i) {
        const auto state = static_cast<std::size_t>(track.segmentState[i]);
        r.perState[state] = saturatingAdd(r.perState[state], track.segmentEnd(i, recording.endNs) -
                                                                 track.segmentStart[i]);
        r.stretches[state] += i == 0 || track.segmentState[i - 1] != track.segmentState[i];
    }
    r.ioOps = std::count(track.markKind.begin(), track.markKind.end(), MarkKind::IoEnd);
    for (std::size_t i = 0; i < track.segmentCount(); ++i)
        if (track.segmentState[i] != ThreadState::Absent) {
            r.start = std::max<TimeNs>(0, track.segmentStart[i]);
            break;
        }
    return r;
}

// The row running Python at t, among the main process's rows or another process's: the one
// that put or got an item then (one thread of a process runs Python at a time). -1: none.
int rowRunningAt(const Trace &recording, TimeNs t, bool mainProcess) {
    for (std::size_t i = 0; i < recording.threads.size(); ++i) {
        const ThreadTrack &track = recording.threads[i];
        if (track.segmentCount() == 0 || (track.info.groupId == 0) != mainProcess)
            continue;
        const std::size_t at = track.segmentAt(t);
        if (track.segmentStart[at] <= t && track.segmentState[at] == ThreadState::Running)
            return static_cast<int>(i);
    }
    return -1;
}

// Puts and gets of every counted queue, credited to the threads that did them.
void creditQueues(const Trace &recording, std::vector<RowSummary> &rows) {
    for (const QueueTrack &q : recording.queues) {
        if (q.name.empty() ||
            q.name.size() > static_cast<std::size_t>(ScenarioLimits::kMaxNameChars))
            continue; // not a name a scenario can use (another tool's counter)
        const bool mainProcess = q.name.find('@') == std::string::npos;
        for (const auto &[times, perRow] :
             {std::pair{&q.putTime, &RowSummary::puts}, std::pair{&q.getTime, &RowSummary::gets}})
            for (const TimeNs t : *times) {
                const int row = rowRunningAt(recording, t, mainProcess);
                if (row >= 0)
                    ++(rows[static_cast<std::size_t>(row)].*perRow)[q.name];
            }
    }
}

// "Thread-3 (worker)" -> "Thread (worker)", "cpu-2" -> "cpu": what threads of one kind share.
std::string nameStem(const std::string &name) {
    std::string stem;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(name[i])))
            continue;
        if ((name[i] == '-' || name[i] == '_') && i + 1 < name.size() &&
            std::isdigit(static_cast<unsigned char>(name[i + 1])))
            continue;
        stem += name[i];
    }
    return stem.empty() ? name : stem;
}

std::string signature(const std::vector<Step> &steps) {
    std::string out;
    for (const Step &step : steps)
        out +=
            std::string(toString(step.kind)) + ":" + step.name + "(" + signature(step.body) + ")";
    return out;
}

// Adds `from`'s step durations, weighted by its ops, to `into`'s (same structure).
void addWeighted(std::vector<Step> &into, const std::vector<Step> &from, double weight) {
    for (std::size_t i = 0; i < into.size() && i < from.size(); ++i) {
        into[i].ms += from[i].ms * weight;
        addWeighted(into[i].body, from[i].body, weight);
    }
}
void scale(std::vector<Step> &steps, double factor) {
    for (Step &step : steps) {
        step.ms = std::min(step.ms * factor, ScenarioLimits::kMaxBurstMs);
        scale(step.body, factor);
    }
}

// One recorded thread as a worker group of one, or nothing for a coordinator.
std::optional<WorkerGroup> groupOf(const Trace &recording, const RowSummary &r) {
    const TimeNs running = stateTotal(r.perState, ThreadState::Running);
    const TimeNs io = stateTotal(r.perState, ThreadState::Io);
    const TimeNs native = stateTotal(r.perState, ThreadState::Native);
    const long nativeCalls = r.stretches[static_cast<std::size_t>(ThreadState::Native)];
    // Lock waits that cost the thread next to nothing (a preempted try) make no lock step.
    const TimeNs lockWait = stateTotal(r.perState, ThreadState::LockWait);
    const long lockWaits = static_cast<double>(lockWait) * 100 >= static_cast<double>(running)
                               ? r.stretches[static_cast<std::size_t>(ThreadState::LockWait)]
                               : 0;
    long items = 0;
    for (const auto *counts : {&r.gets, &r.puts})
        for (const auto &[_, n] : *counts)
            items = std::max(items, n);
    WorkerGroup g;
    g.name = r.track->info.name;
    g.start_ms = std::min(static_cast<double>(r.start) / kNsPerMs, ScenarioLimits::kMaxBurstMs);
    if (native > 0 || lockWaits > 0 || items > 0) {
        // Steps: C code without the GIL, a lock, queue hand-offs, one round per call, wait or
        // item, so that none of it is simulated as Python holding the GIL.
        const long rounds = std::max<long>({1, r.ioOps, nativeCalls, lockWaits, items});
        g.ops = static_cast<int>(std::min<long>(rounds, ScenarioLimits::kMaxOps));
        g.kind = r.ioOps > 0 ? WorkerKind::Io : WorkerKind::Cpu;
        // A queue this thread used about once a round (a sentinel or two less is fine).
        const auto everyRound = [&](long n) { return n * 2 >= rounds; };
        // (at most kQueueSteps queues each way: a group has at most kMaxSteps steps)
        constexpr std::size_t kQueueSteps = 16;
        for (const auto &[queue, n] : r.gets)
            if (everyRound(n) && g.steps.size() < kQueueSteps)
                g.steps.push_back(Step{StepKind::Get, 0, queue, {}, true});
        g.until_others = !g.steps.empty();
        if (running > 0) {
            Step python{StepKind::Python, burstMs(running, g.ops), {}, {}, true};
            if (lockWaits > 0)
                g.steps.push_back(Step{StepKind::Lock, 0, "lock", {python}, true});
            else
                g.steps.push_back(python);
        }
        if (native > 0)
            g.steps.push_back(Step{StepKind::Native, burstMs(native, g.ops), {}, {}, true});
        if (io > 0 && r.ioOps > 0)
            g.steps.push_back(Step{StepKind::Io, burstMs(io, g.ops), {}, {}, true});
        std::size_t puts = 0;
        for (const auto &[queue, n] : r.puts)
            if (everyRound(n) && puts++ < kQueueSteps)
                g.steps.push_back(Step{StepKind::Put, 0, queue, {}, true});
        if (g.steps.empty())
            g.steps.push_back(Step{StepKind::Python, 0, {}, {}, true});
        return g;
    }
    if (r.ioOps > 0) {
        g.kind = WorkerKind::Io;
        g.ops = static_cast<int>(std::min<long>(r.ioOps, ScenarioLimits::kMaxOps));
        g.cpu_ms = burstMs(running, r.ioOps);
        g.io_ms = burstMs(io, r.ioOps);
        return g;
    }
    // (in doubles: a recording may run for 2^62 ns, and 100 times that overflows)
    if (static_cast<double>(running) * 100 >= static_cast<double>(recording.endNs)) {
        g.kind = WorkerKind::Cpu;
        g.cpu_ms = burstMs(running, 1);
        g.io_ms = 0;
        return g;
    }
    return std::nullopt; // hardly ran, never finished a blocking call: a coordinator (join)
}

// Groups of one with the same steps and name stem merged into one group of several threads.
struct Merged {
    WorkerGroup group;
    std::string key;
    std::vector<std::string> names;
    double opsTotal = 0;
};

std::string mergeKey(const WorkerGroup &g) {
    return std::string(g.executor ? toString(*g.executor) : "") + "|" +
           std::string(toString(g.kind)) + "|" + (g.until_others ? "until" : "") + "|" +
           signature(g.steps) + "|" + nameStem(g.name) + "|" + (g.start_ms > 0 ? "late" : "");
}

void merge(std::vector<Merged> &groups, WorkerGroup g) {
    const std::string key = mergeKey(g);
    const double ops = g.ops;
    for (Merged &m : groups) {
        if (m.key != key)
            continue;
        addWeighted(m.group.steps, g.steps, ops);
        m.group.start_ms = std::min(m.group.start_ms, g.start_ms);
        m.group.cpu_ms += g.cpu_ms * ops;
        m.group.io_ms += g.io_ms * ops;
        m.opsTotal += ops;
        m.names.push_back(g.name);
        return;
    }
    Merged m{g, key, {g.name}, ops};
    scale(m.group.steps, ops);
    m.group.cpu_ms *= ops;
    m.group.io_ms *= ops;
    groups.push_back(std::move(m));
}

WorkerGroup finished(Merged &m) {
    WorkerGroup g = std::move(m.group);
    const auto members = static_cast<double>(m.names.size());
    scale(g.steps, 1.0 / m.opsTotal);
    g.cpu_ms = std::min(g.cpu_ms / m.opsTotal, ScenarioLimits::kMaxBurstMs);
    g.io_ms = std::min(g.io_ms / m.opsTotal, ScenarioLimits::kMaxBurstMs);
    g.count = static_cast<int>(m.names.size());
    g.ops = static_cast<int>(std::clamp(std::llround(m.opsTotal / members), 1LL,
                                        static_cast<long long>(ScenarioLimits::kMaxOps)));
    if (g.count > 1)
        g.name = nameStem(m.names.front()); // rows "cpu-1", "cpu-2" come back as they were
    return g;
}

// Queue steps need both ends in the scenario: a get nobody puts to would block for ever. The
// queues that are left are declared.
void keepQueuesWithBothEnds(Scenario &s) {
    std::map<std::string, std::array<bool, 2>> ends; // put, get
    for (const auto &g : s.workers)
        for (const Step &step : g.steps)
            if (step.kind == StepKind::Put || step.kind == StepKind::Get)
                ends[step.name][step.kind == StepKind::Get] = true;
    for (const auto &[name, both] : ends)
        if (both[0] && both[1] &&
            s.queues.size() < static_cast<std::size_t>(ScenarioLimits::kMaxQueues))
            s.queues[name] = QueueSpec{};
    for (auto &g : s.workers) {
        if (!g.hasSteps())
            continue;
        std::erase_if(g.steps, [&](const Step &step) {
            return (step.kind == StepKind::Put || step.kind == StepKind::Get) &&
                   s.queues.count(step.name) == 0;
        });
        g.until_others = g.until_others &&
                         std::any_of(g.steps.begin(), g.steps.end(),
                                     [](const Step &step) { return step.kind == StepKind::Get; });
        if (g.steps.empty())
            g.steps.push_back(Step{StepKind::Python, 0, {}, {}, true});
    }
    // Someone must do a fixed number of rounds for "until": "others" to end.
    if (std::all_of(s.workers.begin(), s.workers.end(),
                    [](const WorkerGroup &g) { return g.until_others; }))
        for (auto &g : s.workers)
            g.until_others = false;
}

} // namespace

Scenario equivalentScenario(const Trace &recording) {
    Scenario s;
    s.name = "Simulated: " + recording.scenarioName;
    s.description =
        "The simulation of a recorded run" +
        (recording.python.empty() ? std::string() : " (Python " + recording.python + ")") +
        ": a worker per recorded thread, with its CPU and I/O time, and steps for C code without "
        "the GIL, lock waits and queue hand-offs where the trace shows them.";
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

    std::vector<RowSummary> rows;
    for (const auto &track : recording.threads)
        rows.push_back(summarise(recording, track));
    creditQueues(recording, rows);

    Executor loopExecutor{};
    const bool asyncioLoop = parseEnum(recording.executor, loopExecutor) &&
                             loopExecutor == Executor::Asyncio && recording.python.size() > 0;
    bool mainThreadSeen = false, otherProcesses = false;
    std::vector<Merged> merged;
    for (const RowSummary &r : rows) {
        if (!isThreadRow(r.track->info))
            continue;
        const bool mainProcess = r.track->info.groupId == 0;
        const bool mainThread = mainProcess && !mainThreadSeen;
        mainThreadSeen = mainThreadSeen || mainProcess;
        auto g = groupOf(recording, r);
        if (!g)
            continue;
        if (!mainProcess) {
            // A child process (fork or spawn): its own interpreter and GIL.
            g->executor = Executor::Multiprocessing;
            otherProcesses = true;
        } else if (mainThread && asyncioLoop) {
            g->executor = Executor::Asyncio; // the event loop ran on the main thread
            g->start_ms = 0;                 // (coroutines start with the loop)
        }
        merge(merged, std::move(*g));
    }
    for (Merged &m : merged) {
        s.workers.push_back(finished(m));
        if (static_cast<int>(s.workers.size()) >= ScenarioLimits::kMaxThreads)
            break;
    }
    // Executors per group only where they differ: a recording of threads alone stays as simple
    // as it was.
    const bool mixed =
        otherProcesses || std::any_of(s.workers.begin(), s.workers.end(),
                                      [](const WorkerGroup &g) { return g.executor.has_value(); });
    if (mixed)
        for (auto &g : s.workers)
            if (!g.executor)
                g.executor = Executor::Threading;
    if (!mixed || std::all_of(s.workers.begin(), s.workers.end(), [&](const WorkerGroup &g) {
            return g.executor == s.workers.front().executor;
        })) {
        if (!s.workers.empty() && s.workers.front().executor)
            s.executor = *s.workers.front().executor;
        for (auto &g : s.workers)
            g.executor.reset();
    }
    keepQueuesWithBothEnds(s);
    if (s.workers.empty())
        s.workers.push_back(WorkerGroup{});
    return s;
}

} // namespace gilscope::core
