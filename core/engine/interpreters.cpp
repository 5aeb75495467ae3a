// The GIL rules, written the way CPython writes them:
//  - legacy (2.x, 3.0-3.1): Python/ceval.c periodic check + Python/thread_pthread.h semaphore;
//  - 3.2+: Python/ceval_gil.h take_gil()/drop_gil() with timed waits, drop requests and
//    FORCE_SWITCHING;
//  - free-threaded (PEP 703): no GIL, every bytecode slower by ft_slowdown.
#include "engine/engine.h"

#include <cmath>

namespace gilscope::core::internal {

namespace {
bool isLegacy(const Scenario &s) {
    return s.interpreter == Interpreter::LegacyGil;
}
} // namespace

SimThread *Engine::popSleeper(WaitQueue<SimThread> &queue) {
    std::size_t index = 0;
    if (m_times.wakePolicy == WakePolicy::Random && queue.size() > 1)
        index =
            static_cast<std::size_t>(m_random.between(0, static_cast<TimeNs>(queue.size()) - 1));
    SimThread *t = queue.take(index);
    t->asleepOnGil = false;
    return t;
}

bool Engine::rivalSpinning(const GilLock &gil, const SimThread &self) const {
    for (const SimThread *c : gil.contenders)
        if (c != &self && !c->asleepOnGil && (c->os == OsState::Waking || c->os == OsState::OnCore))
            return true;
    return false;
}

bool Engine::awakeContender(const GilLock &gil, const SimThread &self) const {
    for (const SimThread *c : gil.contenders)
        if (c != &self && !c->asleepOnGil)
            return true;
    return false;
}

void Engine::leaveAcquire(SimThread &t) {
    if (isLegacy(m_scenario))
        std::erase(t.gil->contenders, &t);
    t.inAcquire = false;
}

void Engine::takeGil(SimThread &t) {
    GilLock &gil = *t.gil;
    gil.locked = true;
    gil.holder = &t;
    gil.lastHolder = &t;
    ++gil.switchNumber;
    mark(t, MarkKind::Acquire);
    if (isLegacy(m_scenario))
        return;
    gil.dropRequest = false;
    // FORCE_SWITCHING: let the thread that dropped on request go on.
    if (!gil.switchWaiters.empty())
        wake(*popSleeper(gil.switchWaiters), WakeReason::Signal);
}

void Engine::requestDrop(GilLock &gil) {
    gil.dropRequest = true;
    SimThread *holder = gil.holder;
    // A holder running Python on a core notices at its next eval-breaker check.
    if (holder && holder->os == OsState::OnCore && holder->inCpu && holder->interruptible &&
        holder != m_current) {
        ++holder->token;
        scheduleCpuDone(*holder);
    }
}

TimeNs Engine::releaseAndSignal(SimThread &t) {
    GilLock &gil = *t.gil;
    gil.locked = false;
    gil.holder = nullptr;
    mark(t, MarkKind::Release);
    if (gil.sleepers.empty())
        return 0;
    // Legacy: one wake-up in flight at a time. While a woken waiter is still on its way to retry,
    // further releases wake nobody else. Measured with CPython 2.7 on 2 cores: its waiters go to
    // sleep ~60k times a second with 2 or with 4 threads; waking one per check would make 4
    // threads 2.8x slower than sequential where real runs take 1.8-2.4x.
    if (isLegacy(m_scenario) && awakeContender(gil, t))
        return 0;
    mark(t, MarkKind::Signal);
    wake(*popSleeper(gil.sleepers), WakeReason::Signal);
    return m_times.signalCost;
}

Task Engine::acquireGil(SimThread &t) {
    if (!t.gil)
        co_return;
    mark(t, MarkKind::AcquireRequest);
    if (!t.gil->locked) {
        takeGil(t);
        co_return;
    }
    if (isLegacy(m_scenario))
        co_await legacyAcquireSlow(t);
    else
        co_await modernAcquire(t);
}

// Python 2: sem_wait() on the GIL. A woken thread retries; if the holder already took the
// lock back it goes to sleep again: a failed acquire.
Task Engine::legacyAcquireSlow(SimThread &t) {
    GilLock &gil = *t.gil;
    gil.contenders.push_back(&t);
    t.inAcquire = true;
    int failures = 0;
    for (;;) {
        t.asleepOnGil = true;
        gil.sleepers.push(t);
        co_await block(t, ThreadState::WaitingForGil);
        if (!gil.locked)
            break;
        mark(t, failures++ == 0 ? MarkKind::FailedAcquire : MarkKind::RepeatedFailedAcquire);
        co_await cpu(t, m_times.failedWake, ThreadState::WaitingForGil);
        if (!gil.locked)
            break;
    }
    leaveAcquire(t);
    takeGil(t);
}

// take_gil(): timed waits of one switch interval; a waiter that times out with no switch in
// between sets the drop request.
Task Engine::modernAcquire(SimThread &t) {
    GilLock &gil = *t.gil;
    t.inAcquire = true;
    int failures = 0;
    while (gil.locked) {
        const auto switchesBefore = gil.switchNumber;
        t.asleepOnGil = true;
        gil.sleepers.push(t);
        t.timerMark = MarkKind::Timeout;
        const WakeReason why = co_await block(t, ThreadState::WaitingForGil,
                                              m_now + m_times.switchInterval + timerSlack());
        if (why == WakeReason::Timer) {
            if (gil.locked && gil.switchNumber == switchesBefore) {
                mark(t, MarkKind::DropRequest);
                requestDrop(gil);
            }
        } else if (gil.locked) {
            mark(t, failures++ == 0 ? MarkKind::FailedAcquire : MarkKind::RepeatedFailedAcquire);
        }
    }
    leaveAcquire(t);
    takeGil(t);
}

// drop_gil(): release, signal one waiter; on a drop request wait until somebody took the GIL
// (FORCE_SWITCHING, CPython 3.2-3.11 semantics: also on a voluntary drop while a request is set).
Task Engine::modernDrop(SimThread &t, bool finalRelease) {
    GilLock &gil = *t.gil;
    const TimeNs cost = releaseAndSignal(t);
    co_await preemptionPoint(t);
    co_await cpu(t, cost, ThreadState::WaitingForGil);
    if (!finalRelease && gil.dropRequest && gil.lastHolder == &t) {
        gil.dropRequest = false;
        mark(t, MarkKind::ForcedHandoff);
        gil.switchWaiters.push(t);
        co_await block(t, ThreadState::WaitingForGil);
    }
}

Task Engine::releaseGil(SimThread &t, bool finalRelease) {
    if (!t.gil)
        co_return;
    if (!isLegacy(m_scenario)) {
        co_await modernDrop(t, finalRelease);
        co_return;
    }
    if (const TimeNs cost = releaseAndSignal(t); cost > 0) {
        co_await preemptionPoint(t);
        co_await cpu(t, cost, ThreadState::WaitingForGil);
    }
}

Task Engine::runPython(SimThread &t, TimeNs ns, bool checks) {
    if (!t.gil) {
        // Free-threaded (or no GIL at all): only the per-bytecode slowdown.
        co_await cpu(t, std::llround(static_cast<double>(ns) * m_times.slowdown),
                     ThreadState::Running);
        co_return;
    }
    GilLock &gil = *t.gil;
    if (!checks) {
        // No check until the code ends (one C call keeping the GIL is one bytecode, one tick):
        // a drop request, or the legacy periodic release, waits for the next step.
        co_await cpu(t, ns, ThreadState::Running);
        co_return;
    }
    if (!isLegacy(m_scenario)) {
        while (ns > 0) {
            if (dropPendingFor(t)) {
                co_await modernDrop(t, false);
                co_await acquireGil(t);
            }
            ns = co_await cpu(t, ns, ThreadState::Running, true);
        }
        co_return;
    }
    // Legacy: every check_interval ticks release the GIL and take it straight back.
    while (ns > 0) {
        const TimeNs chunk = std::min(ns, t.untilCheck);
        co_await cpu(t, chunk, ThreadState::Running);
        ns -= chunk;
        t.untilCheck -= chunk;
        if (t.untilCheck > 0)
            continue;
        t.untilCheck = m_times.checkNs;
        TimeNs cost = releaseAndSignal(t);
        // A rival retrying on another core bounces the lock's cache line (and keeps the futex
        // contended): the multicore penalty Beazley measured.
        if (rivalSpinning(gil, t))
            cost += m_times.contention;
        co_await preemptionPoint(t);
        co_await cpu(t, cost, ThreadState::WaitingForGil); // the lock is free meanwhile
        if (!gil.locked) {
            takeGil(t);
        } else {
            mark(t, MarkKind::AcquireRequest);
            co_await legacyAcquireSlow(t);
        }
    }
}

// C code that released the GIL (Py_BEGIN_ALLOW_THREADS): a core, no GIL, no free-threaded
// slowdown; the way back is an ordinary acquire.
Task Engine::runNative(SimThread &t, TimeNs ns) {
    co_await releaseGil(t, false);
    co_await cpu(t, ns, ThreadState::Native);
    co_await acquireGil(t);
}

Task Engine::blockingIo(SimThread &t, TimeNs ns) {
    co_await releaseGil(t, false);
    mark(t, MarkKind::IoBegin);
    t.timerMark = MarkKind::IoEnd;
    co_await block(t, ThreadState::Io, m_now + ns);
    co_await acquireGil(t);
}

} // namespace gilscope::core::internal
