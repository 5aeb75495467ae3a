#include "engine/engine.h"

#include <cassert>
#include <cmath>

namespace gilscope::core::internal {

namespace {
TimeNs ms(double v) {
    return std::llround(v * kNsPerMs);
}
TimeNs us(double v) {
    return std::llround(v * kNsPerUs);
}
} // namespace

ModelTimes::ModelTimes(const Scenario &s) {
    const auto &p = s.params;
    switchInterval = ms(p.switch_interval_ms);
    evalBreaker = std::llround(p.eval_breaker_ns);
    checkNs = std::max<TimeNs>(1, std::llround(p.check_interval * p.tick_ns));
    contention = std::llround(p.contention_ns);
    signalCost = us(p.signal_cost_us);
    failedWake = us(p.failed_wake_us);
    wakeMin = us(p.wake_latency_min_us);
    wakeMax = us(p.wake_latency_max_us);
    timerSlack = us(p.timer_slack_us);
    slice = ms(p.time_slice_ms);
    granularity = ms(p.wakeup_granularity_ms);
    sleeperCredit = ms(p.sleeper_credit_ms);
    threadStart = us(p.thread_start_us);
    processStart = p.processStartNs();
    ipc = ms(p.ipc_ms);
    interpreterStart = ms(p.interpreter_start_ms);
    interpreterIpc = ms(p.interpreter_ipc_ms);
    limit = std::llround(p.time_limit_s * kNsPerS);
    slowdown = s.interpreter == Interpreter::FreeThreaded ? p.ft_slowdown : 1.0;
    pickleNsPerKb = p.pickle_us_per_kb * kNsPerUs;
    wakePolicy = p.wake_policy;
}

std::pair<TimeNs, TimeNs> Job::nextRound() {
    ++m_round;
    const TimeNs cpu = jittered(m_group->cpu_ms);
    const TimeNs io = jittered(m_group->io_ms);
    return {cpu, io};
}

bool Job::emptyRounds(const WorkerGroup &g) {
    // jittered() scales by less than 1 + jitter; below half a nanosecond it rounds to 0.
    const double most = 1.0 + std::max(0.0, g.jitter);
    return std::llround(g.cpu_ms * most * kNsPerMs) == 0 &&
           std::llround(g.io_ms * most * kNsPerMs) == 0;
}

TimeNs Job::jittered(double ms) {
    if (m_group->jitter <= 0 || ms <= 0)
        return std::llround(ms * kNsPerMs);
    const double factor = 1.0 + m_group->jitter * (2.0 * m_random.unit() - 1.0);
    return std::llround(ms * factor * kNsPerMs);
}

Engine::Engine(const Scenario &scenario, const std::atomic<bool> *cancel)
    : m_scenario(scenario)
    , m_times(scenario)
    , m_cancel(cancel)
    , m_random(scenario.seed)
    , m_trace(static_cast<std::size_t>(scenario.params.max_events))
    , m_cores(static_cast<std::size_t>(scenario.cores)) {}

Result<Simulation> Engine::run() {
    // The main process, and one copy of every group's data in it (threads share it).
    m_memory.add(0, MemoryLedger::Part::Interpreters, m_scenario.params.main_process_mb);
    for (const auto &g : m_scenario.workers)
        if (g.count > 0 && g.memory_mb > 0)
            m_memory.add(0, MemoryLedger::Part::Data, g.memory_mb);
    buildThreads();
    for (std::size_t c = 0; c < m_cores.size() && !m_runQueue.empty(); ++c)
        dispatchNext(static_cast<int>(c));

    std::uint64_t steps = 0;
    // Pools start workers on demand: the count grows during the run.
    while (m_finished < static_cast<int>(m_threads.size())) {
        if (((++steps & 0xffff) == 0 && cancelRequested()) || m_cancelled)
            return Error{"cancelled"};
        if (m_trace.overCap())
            return overCapError();
        if (!m_immediate.empty()) {
            auto [thread, token] = m_immediate.front();
            m_immediate.pop_front();
            if (thread->token == token && thread->os == OsState::OnCore)
                resume(*thread);
            continue;
        }
        if (m_events.empty())
            return deadlockError();
        const Event e = m_events.pop();
        if (e.time > m_times.limit)
            return Error{"the run exceeds params.time_limit_s = " +
                         formatNumber(m_scenario.params.time_limit_s) +
                         " s of simulated time; shorten the workload or raise the limit"};
        m_now = e.time;
        if (e.kind == EventKind::SliceCheck) {
            onSliceCheck(static_cast<int>(e.target));
            continue;
        }
        if (e.kind == EventKind::Callback) {
            asyncioIoDone(e.target);
            continue;
        }
        SimThread &t = *m_threads[e.target];
        if (t.token != e.token)
            continue; // superseded: the thread was preempted, woken or interrupted since
        switch (e.kind) {
        case EventKind::CpuDone:
            t.inCpu = false;
            t.cpuRemaining = t.cpuEnd - m_now;
            resume(t);
            break;
        case EventKind::Timer:
            if (t.timerMark)
                mark(t, *t.timerMark);
            if (t.waitQueue) {
                t.waitQueue->remove(t); // a timed-out waiter no longer takes signals
                t.asleepOnGil = false;
            }
            wake(t, WakeReason::Timer);
            break;
        case EventKind::Runnable: {
            const int core = t.core;
            t.core = -1;
            m_cores[static_cast<std::size_t>(core)].reserved = nullptr;
            dispatch(core, t);
            break;
        }
        default:
            break;
        }
    }
    if (m_trace.overCap())
        return overCapError(); // the last thread's final steps can cross the cap too
    auto trace = m_trace.finish(m_now);
    trace->scenarioName = m_scenario.name;
    trace->interpreter = std::string(toString(m_scenario.interpreter));
    trace->executor = std::string(toString(m_scenario.executor));
    trace->cores = m_scenario.cores;
    trace->sequentialNs = m_scenario.sequentialNs();
    trace->memory = m_memory.peak();
    return Simulation{std::move(trace), steps};
}

Error Engine::overCapError() const {
    return Error{
        "the run would store more than params.max_events = " + std::to_string(m_trace.cap()) +
        " events; shorten the workload or raise params.max_events (at most " +
        formatNumber(ScenarioLimits::kMaxEventCap) + ")"};
}

void Engine::dropSupersededEvents() {
    m_events.removeIf([this](const Event &e) {
        const bool threadEvent = e.kind == EventKind::CpuDone || e.kind == EventKind::Timer ||
                                 e.kind == EventKind::Runnable;
        return threadEvent && m_threads[e.target]->token != e.token;
    });
    m_compactAt = std::max<std::size_t>(256, 2 * m_events.size());
}

void Engine::resume(SimThread &t) {
    m_current = &t;
    t.resumePoint.resume();
    m_current = nullptr;
}

bool Engine::dropPendingFor(const SimThread &t) const {
    return t.gil && t.gil->dropRequest && t.gil->holder == &t;
}

bool Engine::beginCpu(SimThread &t, TimeNs ns, ThreadState state, bool interruptible) {
    t.cpuRemaining = 0;
    if (ns <= 0)
        return true;
    setState(t, state);
    t.cpuState = state;
    t.interruptible = interruptible;
    if (t.preemptPending) {
        t.inCpu = true;
        t.cpuRemaining = ns;
        preemptSelf(t);
        return false;
    }
    const TimeNs end = m_now + ns;
    const bool interrupt = interruptible && dropPendingFor(t);
    // Fast path: nothing else can happen before this burst ends, so no event is needed.
    if (!interrupt && m_immediate.empty() && end < m_events.nextTime() && end <= m_times.limit &&
        mayRunAhead()) {
        m_now = end;
        return true;
    }
    t.inCpu = true;
    t.cpuEnd = end;
    scheduleCpuDone(t);
    return false;
}

// A thread alone takes the fast path burst after burst without ever returning to run()'s loop
// (a legacy check every nanosecond stores two marks a burst), so the loop's checks are made here
// too: the event cap every time, a cancel every 65536 bursts. Declining changes nothing in the
// trace: the CpuDone event scheduled instead is the next one run() pops, and run() then stops.
bool Engine::mayRunAhead() {
    if (m_trace.overCap())
        return false;
    if ((++m_fastBursts & 0xffff) == 0 && cancelRequested()) {
        m_cancelled = true;
        return false;
    }
    return true;
}

void Engine::scheduleCpuDone(SimThread &t) {
    TimeNs at = t.cpuEnd;
    if (t.interruptible && dropPendingFor(t))
        at = std::min(at, m_now + m_times.evalBreaker);
    push(at, EventKind::CpuDone, static_cast<std::uint32_t>(t.id), t.token);
}

void Engine::beginBlock(SimThread &t, ThreadState state, TimeNs wakeAt) {
    setState(t, state);
    t.preemptPending = false;
    t.wakeReason = WakeReason::None;
    ++t.token;
    if (wakeAt >= 0)
        push(wakeAt, EventKind::Timer, static_cast<std::uint32_t>(t.id), t.token);
    const int core = t.core;
    leaveCore(t);
    t.os = OsState::Blocked;
    dispatchNext(core);
}

void Engine::wake(SimThread &t, WakeReason reason) {
    if (t.os != OsState::Blocked)
        return;
    ++t.token;
    t.wakeReason = reason;
    t.timerMark.reset();
    for (std::size_t c = 0; c < m_cores.size(); ++c) {
        Core &core = m_cores[c];
        if (!core.thread && !core.reserved) {
            // An idle core: the thread gets there after the wake-up latency (IPI, idle exit).
            core.reserved = &t;
            t.core = static_cast<int>(c);
            t.os = OsState::Waking;
            push(m_now + wakeLatency(), EventKind::Runnable, static_cast<std::uint32_t>(t.id),
                 t.token);
            return;
        }
    }
    makeRunnable(t);
}

void Engine::makeRunnable(SimThread &t) {
    // CFS-like placement: a sleeper is owed at most sleeperCredit against the busiest thread.
    TimeNs minVr = std::numeric_limits<TimeNs>::max();
    SimThread *victim = nullptr;
    for (const Core &core : m_cores) {
        if (!core.thread)
            continue;
        const TimeNs vr = vruntime(*core.thread);
        minVr = std::min(minVr, vr);
        if (!victim || vr > vruntime(*victim))
            victim = core.thread;
    }
    if (!m_runQueue.empty())
        minVr = std::min(minVr, m_runQueue.front().vruntime);
    if (minVr != std::numeric_limits<TimeNs>::max())
        t.vrBase = std::max(t.vrBase, minVr - m_times.sleeperCredit);
    enqueue(t);
    // Wake-up preemption: the woken thread takes the core of one that is owed less.
    if (victim && vruntime(*victim) - t.vrBase > m_times.granularity)
        preempt(*victim);
    ensureSliceChecks();
}

void Engine::enqueue(SimThread &t) {
    t.os = OsState::Queued;
    t.queueSeq = m_nextSeq++;
    setState(t, ThreadState::Ready);
    m_runQueue.push_back({t.vrBase, t.queueSeq, &t});
    std::push_heap(m_runQueue.begin(), m_runQueue.end(), std::greater<>());
}

void Engine::preempt(SimThread &t) {
    if (&t == m_current) {
        t.preemptPending = true; // takes effect at its next preemption point
        return;
    }
    ++t.token;
    if (t.inCpu)
        t.cpuRemaining = t.cpuEnd - m_now;
    const int core = t.core;
    leaveCore(t);
    enqueue(t);
    dispatchNext(core);
}

void Engine::preemptSelf(SimThread &t) {
    t.preemptPending = false;
    ++t.token;
    const int core = t.core;
    leaveCore(t);
    enqueue(t);
    dispatchNext(core);
}

void Engine::leaveCore(SimThread &t) {
    t.vrBase = vruntime(t);
    m_cores[static_cast<std::size_t>(t.core)].thread = nullptr;
    t.core = -1;
    t.os = OsState::Blocked;
}

void Engine::dispatchNext(int core) {
    if (m_runQueue.empty())
        return;
    std::pop_heap(m_runQueue.begin(), m_runQueue.end(), std::greater<>());
    SimThread *t = m_runQueue.back().thread;
    m_runQueue.pop_back();
    dispatch(core, *t);
}

void Engine::dispatch(int core, SimThread &t) {
    Core &c = m_cores[static_cast<std::size_t>(core)];
    c.thread = &t;
    t.core = core;
    t.os = OsState::OnCore;
    t.onCoreSince = m_now;
    t.sliceStart = m_now;
    ++t.token;
    if (t.inCpu) {
        setState(t, t.cpuState);
        t.cpuEnd = m_now + t.cpuRemaining;
        scheduleCpuDone(t);
    } else {
        m_immediate.emplace_back(&t, t.token);
    }
    if (!m_runQueue.empty())
        ensureSliceChecks();
}

void Engine::ensureSliceChecks() {
    if (m_runQueue.empty() || m_pendingSliceChecks == m_cores.size())
        return;
    for (std::size_t c = 0; c < m_cores.size(); ++c) {
        Core &core = m_cores[c];
        if (!core.thread || core.sliceCheckPending)
            continue;
        core.sliceCheckPending = true;
        ++m_pendingSliceChecks;
        push(std::max(m_now, core.thread->sliceStart + m_times.slice), EventKind::SliceCheck,
             static_cast<std::uint32_t>(c), 0);
    }
}

void Engine::onSliceCheck(int coreIndex) {
    Core &core = m_cores[static_cast<std::size_t>(coreIndex)];
    core.sliceCheckPending = false;
    --m_pendingSliceChecks;
    if (m_runQueue.empty() || !core.thread)
        return;
    SimThread &current = *core.thread;
    if (m_now - current.sliceStart >= m_times.slice) {
        if (m_runQueue.front().vruntime < vruntime(current))
            preempt(current); // at an arbitrary point: it may hold its GIL
        else
            current.sliceStart = m_now;
    }
    ensureSliceChecks();
}

void Engine::finish(SimThread &t) {
    setState(t, ThreadState::Done);
    unitFinished(t);
    const int core = t.core;
    leaveCore(t);
    t.os = OsState::Finished;
    ++m_finished;
    dispatchNext(core);
}

} // namespace gilscope::core::internal
