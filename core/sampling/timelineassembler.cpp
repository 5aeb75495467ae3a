#include "sampling/timelineassembler.h"

#include <algorithm>
#include <set>

namespace gilscope::core {

TimelineAssembler::TimelineAssembler(std::size_t eventCap)
    : m_builder(eventCap) {}

void TimelineAssembler::setProcess(int pid, ProcessRows rows) {
    m_processes[pid] = std::move(rows);
}

void TimelineAssembler::setName(int tid, const std::string &name) {
    m_names[tid] = name;
    if (const auto it = m_threads.find(tid); it != m_threads.end())
        m_builder.trace().threads[static_cast<std::size_t>(it->second.row)].info.name = name;
}

void TimelineAssembler::addRound(TimeNs t, const std::vector<ThreadReading> &round) {
    if (t <= m_lastRound)
        return; // time must move on; a repeated instant adds nothing
    std::set<int> seen;
    for (const ThreadReading &r : round) {
        seen.insert(r.tid);
        auto it = m_threads.find(r.tid);
        if (it == m_threads.end()) {
            ProcessRows p;
            if (const auto found = m_processes.find(r.pid); found != m_processes.end())
                p = found->second;
            else
                p.groupName = "pid " + std::to_string(r.pid);
            ThreadInfo info;
            const auto named = m_names.find(r.tid);
            info.name = named != m_names.end() ? named->second : "thread " + std::to_string(r.tid);
            info.kind = "recorded";
            info.gilId = p.gilId;
            info.groupId = p.groupId;
            info.groupName = p.groupName;
            Thread th;
            if (m_lastRound < 0) {
                // Already there when sampling began: it is in the state it is in.
                th.row = m_builder.addRow(std::move(info), t, stateFor(r.activity));
                th.last = r.activity;
                th.lastT = t;
                th.cpu = r.onCpuNs;
                th.rq = r.runQueueNs;
                th.slices = r.timeslices;
                th.epT = th.epFirstRun = t;
                th.epCpu = r.onCpuNs;
                th.epRq = r.runQueueNs;
                th.epBefore = r.activity;
                th.gone = r.activity == Activity::Gone;
                m_threads.emplace(r.tid, th);
                continue;
            }
            // Started since the previous round, having used no time before it.
            th.row = m_builder.addRow(std::move(info), m_lastRound, ThreadState::Starting);
            th.last = Activity::Starting;
            th.lastT = m_lastRound;
            it = m_threads.emplace(r.tid, th).first;
        }
        Thread &th = it->second;
        if (!th.gone)
            follow(th, t, r);
    }
    for (auto &[tid, th] : m_threads)
        if (!th.gone && !seen.count(tid))
            follow(th, t, {0, tid, Activity::Gone, th.cpu, th.rq, th.slices});
    m_lastRound = t;
    ++m_rounds;
}

void TimelineAssembler::put(Thread &th, TimeNs t, ThreadState state) {
    auto &track = m_builder.trace().threads[static_cast<std::size_t>(th.row)];
    m_builder.setState(th.row, std::max(t, track.segmentStart.back()), state);
}

void TimelineAssembler::leave(Thread &th, TimeNs t, Activity from) {
    if (from == Activity::Io)
        m_builder.mark(th.row, t, MarkKind::IoEnd);
}

void TimelineAssembler::arrive(Thread &th, TimeNs t, Activity to) {
    put(th, t, stateFor(to));
    if (to == Activity::Io)
        m_builder.mark(th.row, t, MarkKind::IoBegin);
}

void TimelineAssembler::follow(Thread &th, TimeNs t, const ThreadReading &r) {
    const Activity now = r.activity;
    const std::int64_t cpu = r.onCpuNs, rq = r.runQueueNs;
    if (th.last == Activity::OnCpu) {
        if (now != Activity::OnCpu)
            endEpisode(th, t, now, cpu, rq);
    } else if (now == Activity::OnCpu) {
        th.epT = th.lastT;
        th.epFirstRun = t;
        th.epCpu = th.cpu;
        th.epRq = th.rq;
        th.epBefore = th.last;
    } else {
        shortRun(th, t, now, cpu - th.cpu, rq - th.rq, r.timeslices - th.slices);
    }
    th.last = now;
    th.lastT = t;
    th.cpu = cpu;
    th.rq = rq;
    th.slices = r.timeslices;
    th.gone = now == Activity::Gone;
}

void TimelineAssembler::shortRun(Thread &th, TimeNs t, Activity now, std::int64_t dCpu,
                                 std::int64_t dRq, std::int64_t dSlices) {
    const TimeNs dt = t - th.lastT;
    // A few microseconds before a GIL wait: a failed wake-up, or a blocking call returning and
    // asking for the GIL. Python ran no code: it was waiting all along.
    // From a GIL wait, a turn takes two slices (woken with the GIL, woken again after blocking);
    // from anything else three (the return, the GIL, the return from blocking again): one
    // fewer may be a waiter timing out and failing once.
    const std::int64_t turnSlices = th.last == Activity::GilWait ? 2 : 3;
    const bool failedWake =
        now == Activity::GilWait && dCpu < kFailedWakeNs && dSlices < turnSlices;
    if (dCpu <= 0 || failedWake) {
        if (now != th.last) {
            const TimeNs mid = th.lastT + dt / 2;
            leave(th, mid, th.last);
            arrive(th, mid, now);
        }
        return;
    }
    const TimeNs queued = std::max<std::int64_t>(0, dRq);
    const TimeNs span = std::min<TimeNs>(dCpu + queued, dt);
    const TimeNs ready = std::min(queued, span);
    const TimeNs w = th.lastT + (dt - span) / 2;
    leave(th, w, th.last);
    if (ready > 0)
        put(th, w, ThreadState::Ready);
    put(th, w + ready, ThreadState::Running);
    arrive(th, w + span, now);
}

void TimelineAssembler::endEpisode(Thread &th, TimeNs t, Activity now, std::int64_t cpu,
                                   std::int64_t rq) {
    const TimeNs ta = th.epT, a1 = th.epFirstRun, b1 = th.lastT, tb = t;
    const TimeNs onCpu = std::max<std::int64_t>(0, cpu - th.epCpu);
    const TimeNs queued = std::max<std::int64_t>(0, rq - th.epRq);
    const TimeNs minSpan = b1 - a1, maxSpan = tb - ta;
    const TimeNs span = std::clamp(onCpu + queued, minSpan, maxSpan);
    const TimeNs g1 = a1 - ta, g2 = tb - b1;
    const double excess = static_cast<double>(span - minSpan);
    const TimeNs w = a1 - (g1 + g2 > 0 ? static_cast<TimeNs>(excess * static_cast<double>(g1) /
                                                             static_cast<double>(g1 + g2))
                                       : 0);
    const TimeNs ready = std::min(queued, span);
    if (th.epBefore != Activity::OnCpu) {
        leave(th, w, th.epBefore);
        if (ready > 0)
            put(th, w, ThreadState::Ready);
        put(th, w + ready, ThreadState::Running);
    }
    arrive(th, w + span, now);
}

std::shared_ptr<Trace> TimelineAssembler::finish(TimeNs end) {
    end = std::max(end, m_lastRound);
    for (auto &[tid, th] : m_threads) {
        if (th.gone || th.last != Activity::OnCpu || th.epBefore == Activity::OnCpu)
            continue;
        // Still running: it began between the asleep sample and the first runnable one.
        const TimeNs w = th.epFirstRun - (th.epFirstRun - th.epT) / 2;
        leave(th, w, th.epBefore);
        put(th, w, ThreadState::Running);
    }
    auto trace = m_builder.finish(end);
    trace->interpreter = "recorded";
    trace->executor = "threading";
    return trace;
}

Trace TimelineAssembler::snapshot() {
    Trace copy = m_builder.trace();
    copy.endNs = std::max<TimeNs>(0, m_lastRound);
    copy.interpreter = "recorded";
    copy.executor = "threading";
    return copy;
}

} // namespace gilscope::core
