#include "trace/metrics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace gilscope::core {

namespace {
double toMs(TimeNs ns) {
    return static_cast<double>(ns) / kNsPerMs;
}

struct RunningStretch {
    TimeNs start;
    TimeNs end;
    int row;
};

// Maximal Running stretches of one row (adjacent Running segments merged).
void collectRunning(const ThreadTrack &track, TimeNs traceEnd, int row,
                    std::vector<RunningStretch> &out) {
    const std::size_t n = track.segmentCount();
    for (std::size_t i = 0; i < n; ++i) {
        if (track.segmentState[i] != ThreadState::Running)
            continue;
        const TimeNs start = track.segmentStart[i];
        while (i + 1 < n && track.segmentState[i + 1] == ThreadState::Running)
            ++i;
        const TimeNs end = track.segmentEnd(i, traceEnd);
        if (end > start)
            out.push_back({start, end, row});
    }
}
} // namespace

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
    const auto index =
        static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(values.size()))) - 1;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                     values.end());
    return values[index];
}

Metrics computeMetrics(const Trace &trace) {
    Metrics m;
    m.scenario = trace.scenarioName;
    m.interpreter = trace.interpreter;
    m.executor = trace.executor;
    m.cores = trace.cores;
    // Durations: never negative, whatever a hand-made trace holds.
    const TimeNs makespan = std::max<TimeNs>(0, trace.endNs);
    const TimeNs sequential = std::max<TimeNs>(0, trace.sequentialNs);
    m.makespan_ms = toMs(makespan);
    m.sequential_ms = toMs(sequential);
    m.speedup = makespan > 0 ? static_cast<double>(sequential) / static_cast<double>(makespan) : 0;
    m.events = static_cast<long long>(trace.eventCount());
    m.memory = trace.memory;

    std::map<int, std::vector<RunningStretch>> runningByGil;
    std::vector<double> holds;
    std::vector<double> ioLatencies;
    std::vector<double> lockWaits;
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const ThreadTrack &track = trace.threads[row];
        ThreadMetrics tm;
        tm.name = track.info.name;
        tm.kind = track.info.kind;
        std::array<TimeNs, kThreadStateCount> perState{};
        for (std::size_t i = 0; i < track.segmentCount(); ++i) {
            TimeNs &total = perState[static_cast<std::size_t>(track.segmentState[i])];
            total = saturatingAdd(total, track.segmentEnd(i, trace.endNs) - track.segmentStart[i]);
        }
        tm.running_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Running)]);
        tm.waiting_ms = toMs(perState[static_cast<std::size_t>(ThreadState::WaitingForGil)]);
        tm.ready_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Ready)]);
        tm.io_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Io)]);
        tm.starting_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Starting)]);
        tm.done_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Done)]);
        tm.native_ms = toMs(perState[static_cast<std::size_t>(ThreadState::Native)]);
        tm.lock_wait_ms = toMs(perState[static_cast<std::size_t>(ThreadState::LockWait)]);
        tm.queue_wait_ms = toMs(perState[static_cast<std::size_t>(ThreadState::QueueWait)]);
        for (std::size_t i = 0; i < track.segmentCount(); ++i) {
            // A failed retry keeps the thread in lock_wait: adjacent segments are one wait.
            if (track.segmentState[i] != ThreadState::LockWait ||
                (i > 0 && track.segmentState[i - 1] == ThreadState::LockWait))
                continue;
            std::size_t last = i;
            while (last + 1 < track.segmentCount() &&
                   track.segmentState[last + 1] == ThreadState::LockWait)
                ++last;
            lockWaits.push_back(toMs(track.segmentEnd(last, trace.endNs) - track.segmentStart[i]));
        }
        m.threads.push_back(std::move(tm));

        // How long an I/O-serving thread could go unanswered: its longest runnable-but-not-running
        // stretch (the convoy's interval, asyncio's whole CPU burst).
        if (track.info.kind == "io" || track.info.kind == "mixed") {
            TimeNs stallStart = -1;
            for (std::size_t i = 0; i < track.segmentCount(); ++i) {
                const ThreadState s = track.segmentState[i];
                const bool stalled = s == ThreadState::WaitingForGil || s == ThreadState::Ready;
                if (stalled && stallStart < 0)
                    stallStart = track.segmentStart[i];
                if (!stalled && stallStart >= 0) {
                    if (s != ThreadState::Done)
                        m.io.max_stall_ms =
                            std::max(m.io.max_stall_ms, toMs(track.segmentStart[i] - stallStart));
                    stallStart = -1;
                }
            }
        }

        std::vector<RunningStretch> stretches;
        collectRunning(track, trace.endNs, static_cast<int>(row), stretches);
        // GIL holds are the running stretches of rows under a GIL: a row without one (another
        // tool's trace, a free-threaded interpreter) holds nothing.
        if (track.info.gilId >= 0)
            for (const auto &s : stretches)
                holds.push_back(toMs(s.end - s.start));
        auto &byGil =
            runningByGil[track.info.gilId >= 0 ? track.info.gilId : -1 - static_cast<int>(row)];
        byGil.insert(byGil.end(), stretches.begin(), stretches.end());

        for (std::size_t i = 0; i < track.markCount(); ++i) {
            switch (track.markKind[i]) {
            case MarkKind::Acquire:
                ++m.gil.acquires;
                break;
            case MarkKind::FailedAcquire:
            case MarkKind::RepeatedFailedAcquire:
                ++m.gil.failed_acquires;
                break;
            case MarkKind::DropRequest:
                ++m.gil.drop_requests;
                break;
            case MarkKind::IoEnd: {
                ++m.io.ops;
                // Latency: until the thread next starts running Python code.
                const TimeNs done = track.markTime[i];
                std::size_t s = track.segmentAt(done);
                if (track.segmentState[s] == ThreadState::Running && track.segmentStart[s] < done)
                    ++s; // already running when the I/O completed: find the next stretch
                while (s < track.segmentCount() && track.segmentState[s] != ThreadState::Running)
                    ++s;
                if (s < track.segmentCount())
                    ioLatencies.push_back(toMs(std::max<TimeNs>(0, track.segmentStart[s] - done)));
                break;
            }
            default:
                break;
            }
        }
    }
    // A switch: the next Running stretch under the same GIL belongs to another thread.
    for (auto &[gil, stretches] : runningByGil) {
        if (gil < 0)
            continue;
        std::sort(stretches.begin(), stretches.end(),
                  [](const auto &a, const auto &b) { return a.start < b.start; });
        for (std::size_t i = 1; i < stretches.size(); ++i)
            if (stretches[i].row != stretches[i - 1].row)
                ++m.gil.switches;
    }
    m.gil.hold_ms_p50 = percentile(holds, 50);
    m.gil.hold_ms_p90 = percentile(holds, 90);
    const double seconds = static_cast<double>(makespan) / kNsPerS;
    if (seconds > 0) {
        m.gil.switches_per_s = static_cast<double>(m.gil.switches) / seconds;
        m.gil.failed_acquires_per_s = static_cast<double>(m.gil.failed_acquires) / seconds;
        m.io.ops_per_s = static_cast<double>(m.io.ops) / seconds;
    }
    m.io.latency_ms_p50 = percentile(ioLatencies, 50);
    m.io.latency_ms_p99 = percentile(ioLatencies, 99);
    m.io.serving_ops_per_s = ioServingRate(trace);
    m.locks.waits = static_cast<long long>(lockWaits.size());
    for (double w : lockWaits) {
        m.locks.wait_ms_total += w;
        m.locks.wait_ms_max = std::max(m.locks.wait_ms_max, w);
    }
    m.locks.wait_ms_p50 = percentile(lockWaits, 50);
    for (const QueueTrack &q : trace.queues) {
        QueueMetrics qm;
        qm.name = q.name;
        const std::size_t taken = std::min(q.putTime.size(), q.getTime.size());
        qm.items = static_cast<long long>(taken);
        std::vector<double> waits;
        for (std::size_t i = 0; i < taken; ++i)
            waits.push_back(toMs(std::max<TimeNs>(0, q.getTime[i] - q.putTime[i])));
        qm.wait_ms_p50 = percentile(waits, 50);
        qm.wait_ms_p99 = percentile(waits, 99);
        if (taken > 0 && q.getTime[taken - 1] > q.putTime.front())
            qm.items_per_s =
                static_cast<double>(taken) /
                (static_cast<double>(q.getTime[taken - 1] - q.putTime.front()) / kNsPerS);
        m.queues.push_back(std::move(qm));
    }
    return m;
}

namespace {
// When a thread was at work: after its start-up, before it was done. Empty if never.
std::pair<TimeNs, TimeNs> workSpan(const ThreadTrack &track, TimeNs traceEnd) {
    auto idle = [](ThreadState s) {
        return s == ThreadState::Starting || s == ThreadState::Done || s == ThreadState::Absent;
    };
    const std::size_t n = track.segmentCount();
    std::size_t first = 0, last = n;
    while (first < n && idle(track.segmentState[first]))
        ++first;
    while (last > first && idle(track.segmentState[last - 1]))
        --last;
    if (first == last)
        return {0, 0};
    return {track.segmentStart[first], track.segmentEnd(last - 1, traceEnd)};
}
} // namespace

double ioServingRate(const Trace &trace) {
    // The I/O-bound threads' time at work, and the CPU-bound threads' (the load).
    TimeNs ioBegin = trace.endNs, ioEnd = 0, cpuBegin = trace.endNs, cpuEnd = 0;
    for (const ThreadTrack &track : trace.threads) {
        const bool io = track.info.kind == "io" || track.info.kind == "mixed";
        if (!io && track.info.kind != "cpu")
            continue;
        const auto [begin, end] = workSpan(track, trace.endNs);
        if (end <= begin)
            continue;
        (io ? ioBegin : cpuBegin) = std::min(io ? ioBegin : cpuBegin, begin);
        (io ? ioEnd : cpuEnd) = std::max(io ? ioEnd : cpuEnd, end);
    }
    // Under load when there is one: once the CPU-bound work is done the I/O thread runs free,
    // and that tail says nothing about the convoy.
    TimeNs begin = ioBegin, end = ioEnd;
    if (cpuEnd > cpuBegin && std::max(ioBegin, cpuBegin) < std::min(ioEnd, cpuEnd)) {
        begin = std::max(ioBegin, cpuBegin);
        end = std::min(ioEnd, cpuEnd);
    }
    if (end <= begin)
        return 0;
    long long ops = 0;
    for (const ThreadTrack &track : trace.threads)
        if (track.info.kind == "io" || track.info.kind == "mixed")
            for (std::size_t i = 0; i < track.markCount(); ++i)
                ops += track.markKind[i] == MarkKind::IoEnd && track.markTime[i] >= begin &&
                       track.markTime[i] <= end;
    return static_cast<double>(ops) / (static_cast<double>(end - begin) / kNsPerS);
}

} // namespace gilscope::core
