// Steps: what a worker does when its group lists "steps" — Python and C code, blocking calls,
// threading.Lock, queue.Queue, threading.Event — and the pools asyncio awaits work on. Each is
// written with the engine's primitives the way CPython's Modules/_threadmodule.c, Lib/queue.py
// and Lib/threading.py do it: a thread that must wait lets the GIL go first and takes it back
// (waiting like any other acquire) once woken.
#include "engine/engine.h"

#include <algorithm>

namespace gilscope::core::internal {

namespace {
constexpr const char *kTakeLock = "to take lock";
constexpr const char *kGet = "to get from queue";
constexpr const char *kPut = "to put to full queue";
constexpr const char *kWaitEvent = "for event";
const std::string kNoName;

template <typename T>
int indexByName(std::vector<std::unique_ptr<T>> &list, const std::string &name) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i]->name == name)
            return static_cast<int>(i);
    list.push_back(std::make_unique<T>());
    list.back()->name = name;
    return static_cast<int>(list.size()) - 1;
}
} // namespace

void Engine::compilePrograms() {
    for (const auto &[name, spec] : m_scenario.queues) {
        auto q = std::make_unique<SimQueue>();
        q->name = name;
        q->maxsize = spec.maxsize;
        q->traceId = m_trace.addQueue(name);
        m_queues.push_back(std::move(q));
    }
    for (const auto &g : m_scenario.workers)
        m_groupProgram.push_back(g.hasSteps() ? compile(g.steps) : -1);
}

int Engine::compile(const std::vector<Step> &steps) {
    Program program;
    compileInto(steps, program);
    m_programs.push_back(std::move(program));
    return static_cast<int>(m_programs.size()) - 1;
}

void Engine::compileInto(const std::vector<Step> &steps, Program &p) {
    for (const Step &s : steps) {
        switch (s.kind) {
        case StepKind::Python:
            p.ops.push_back({OpKind::Python, s.ms, -1, s.checks});
            break;
        case StepKind::Native:
            p.ops.push_back({OpKind::Native, s.ms, -1});
            break;
        case StepKind::Io:
            p.ops.push_back({OpKind::Io, s.ms, -1});
            break;
        case StepKind::Sleep:
            p.ops.push_back({OpKind::Sleep, s.ms, -1});
            break;
        case StepKind::Lock: {
            const int lock = indexByName(m_locks, s.name);
            p.ops.push_back({OpKind::LockAcquire, 0, lock});
            compileInto(s.body, p);
            p.ops.push_back({OpKind::LockRelease, 0, lock});
            break;
        }
        case StepKind::Put:
        case StepKind::Get: {
            // validate() made sure the queue is declared.
            const auto it = m_scenario.queues.find(s.name);
            const int q = static_cast<int>(std::distance(m_scenario.queues.begin(), it));
            p.ops.push_back({s.kind == StepKind::Put ? OpKind::Put : OpKind::Get, 0, q});
            if (s.kind == StepKind::Get)
                p.getsFrom.push_back(q);
            break;
        }
        case StepKind::Wait:
        case StepKind::Set:
            p.ops.push_back({s.kind == StepKind::Wait ? OpKind::Wait : OpKind::Set, 0,
                             indexByName(m_syncEvents, s.name)});
            break;
        case StepKind::ToThread:
        case StepKind::InProcess: {
            const int sub = compile(s.body);
            p.ops.push_back(
                {s.kind == StepKind::ToThread ? OpKind::ToThread : OpKind::InProcess, 0, sub});
            const auto &nested = m_programs[static_cast<std::size_t>(sub)].getsFrom;
            p.getsFrom.insert(p.getsFrom.end(), nested.begin(), nested.end());
            break;
        }
        }
    }
}

bool Engine::mustStop() {
    m_trace.charge();
    if (m_trace.overCap())
        return true;
    if ((++m_fastBursts & 0xffff) == 0 && cancelRequested())
        m_cancelled = true;
    return m_cancelled;
}

Task Engine::runProgram(SimThread &t, Job &job, int program) {
    const Program &p = m_programs[static_cast<std::size_t>(program)];
    for (const Op &op : p.ops) {
        // Stopped ("until" and the others are done): skip the rest, but let go of held locks.
        if (t.stopping && op.kind != OpKind::LockRelease)
            continue;
        co_await runOp(t, job, op);
    }
}

Task Engine::runOp(SimThread &t, Job &job, const Op &op) {
    if (mustStop()) {
        // Leave the core: run() sees the cap or the cancel and ends the run with its message.
        co_await block(t, ThreadState::Ready);
        co_return;
    }
    t.untilWorker = job.untilOthers();
    switch (op.kind) {
    case OpKind::Python:
        if (const TimeNs ns = job.duration(op.ms); ns > 0)
            co_await runPython(t, ns, op.checks);
        break;
    case OpKind::Native:
        if (const TimeNs ns = job.duration(op.ms); ns > 0)
            co_await runNative(t, ns);
        break;
    case OpKind::Io:
    case OpKind::Sleep:
        if (const TimeNs ns = job.duration(op.ms); ns > 0)
            co_await blockingIo(t, ns);
        break;
    case OpKind::LockAcquire:
        co_await lockAcquire(t, *m_locks[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::LockRelease:
        co_await lockRelease(t, *m_locks[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::Put:
        co_await queuePut(t, *m_queues[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::Get:
        co_await queueGet(t, *m_queues[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::Wait:
        co_await eventWait(t, *m_syncEvents[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::Set:
        co_await eventSet(t, *m_syncEvents[static_cast<std::size_t>(op.object)]);
        break;
    case OpKind::ToThread:
    case OpKind::InProcess:
        // Outside an event loop there is nothing to overlap: the worker runs them itself.
        co_await runProgram(t, job, op.object);
        break;
    }
}

Task Engine::sleepOn(SimThread &t, WaitQueue<SimThread> &queue, ThreadState state, const char *what,
                     const std::string &name) {
    t.waitingFor = what;
    t.waitingName = &name;
    queue.push(t);
    co_await block(t, state);
    t.waitingFor = nullptr;
}

void Engine::wakeOne(WaitQueue<SimThread> &queue) {
    SimThread *t = popSleeper(queue);
    t->waitingFor = nullptr;
    wake(*t, WakeReason::Signal);
}

// lock.acquire(): 3.x first tries without blocking, holding the GIL, and lets the GIL go only to
// sleep; Python 2 lets the GIL go around every acquire (threadmodule.c: Py_BEGIN_ALLOW_THREADS
// around PyThread_acquire_lock), contended or not.
Task Engine::lockAcquire(SimThread &t, SimLock &lock) {
    const bool legacy = m_scenario.interpreter == Interpreter::LegacyGil && t.gil;
    if (!lock.locked && !legacy) {
        lock.locked = true;
        co_return;
    }
    co_await releaseGil(t, false);
    while (lock.locked) {
        co_await sleepOn(t, lock.sleepers, ThreadState::LockWait, kTakeLock, lock.name);
        if (lock.locked) // somebody got there first: back to sleep
            co_await cpu(t, m_times.failedWake, ThreadState::LockWait);
    }
    lock.locked = true;
    co_await acquireGil(t);
}

// lock.release(): sem_post wakes one sleeper and hands nothing over.
Task Engine::lockRelease(SimThread &t, SimLock &lock) {
    lock.locked = false;
    if (lock.sleepers.empty())
        co_return;
    wakeOne(lock.sleepers);
    co_await preemptionPoint(t);
    co_await cpu(t, m_times.signalCost, ThreadState::Running);
}

Task Engine::queuePut(SimThread &t, SimQueue &q) {
    // Each wait re-checks after letting the GIL go: the release may have let another thread
    // change the queue, and a wake-up sent before this thread sleeps would be lost (CPython
    // checks and enqueues its waiter under the queue's mutex).
    while (q.maxsize > 0 && q.items >= q.maxsize) {
        co_await releaseGil(t, false);
        if (q.items >= q.maxsize)
            co_await sleepOn(t, q.putters, ThreadState::QueueWait, kPut, q.name);
        co_await acquireGil(t);
    }
    ++q.items;
    m_trace.queuePut(q.traceId, m_now);
    if (q.getters.empty())
        co_return;
    wakeOne(q.getters); // not_empty.notify()
    co_await preemptionPoint(t);
    co_await cpu(t, m_times.signalCost, ThreadState::Running);
}

Task Engine::queueGet(SimThread &t, SimQueue &q) {
    while (q.items == 0) {
        if (t.untilWorker && m_othersLeft == 0) {
            t.stopping = true; // as after a sentinel: nobody will put again
            co_return;
        }
        co_await releaseGil(t, false);
        if (q.items == 0 && !(t.untilWorker && m_othersLeft == 0))
            co_await sleepOn(t, q.getters, ThreadState::QueueWait, kGet, q.name);
        co_await acquireGil(t);
    }
    --q.items;
    m_trace.queueGet(q.traceId, m_now);
    if (q.putters.empty())
        co_return;
    wakeOne(q.putters); // not_full.notify()
    co_await preemptionPoint(t);
    co_await cpu(t, m_times.signalCost, ThreadState::Running);
}

Task Engine::eventWait(SimThread &t, SimEvent &e) {
    if (e.set)
        co_return;
    if (t.untilWorker && m_othersLeft == 0) {
        t.stopping = true;
        co_return;
    }
    co_await releaseGil(t, false);
    if (!e.set && !(t.untilWorker && m_othersLeft == 0))
        co_await sleepOn(t, e.waiters, ThreadState::QueueWait, kWaitEvent, e.name);
    co_await acquireGil(t);
    if (!e.set)
        t.stopping = true; // woken by the others' end, not by a set
}

Task Engine::eventSet(SimThread &t, SimEvent &e) {
    if (e.set)
        co_return;
    e.set = true;
    TimeNs cost = 0;
    while (!e.waiters.empty()) { // notify_all()
        wakeOne(e.waiters);
        cost += m_times.signalCost;
    }
    if (cost == 0)
        co_return;
    co_await preemptionPoint(t);
    co_await cpu(t, cost, ThreadState::Running);
}

bool Engine::keepGoing(const Job &job) const {
    if (!job.untilOthers())
        return !job.done();
    if (m_othersLeft > 0)
        return true;
    // The others are done: drain what is left in the queues it takes from.
    if (job.program >= 0)
        for (int q : m_programs[static_cast<std::size_t>(job.program)].getsFrom)
            if (m_queues[static_cast<std::size_t>(q)]->items > 0)
                return true;
    return false;
}

void Engine::jobFinished(const Job &job) {
    if (!job.untilOthers() && --m_othersLeft == 0)
        stopUntilWorkers();
}

void Engine::stopUntilWorkers() {
    // "until" workers asleep on a get or a wait would wait for ever: wake them to stop.
    for (auto &t : m_threads)
        if (t->untilWorker && t->waitQueue &&
            (t->waitingFor == kGet || t->waitingFor == kWaitEvent)) {
            t->waitQueue->remove(*t);
            t->waitingFor = nullptr;
            wake(*t, WakeReason::Signal);
        }
}

void Engine::submit(WorkPool &pool, Job &job, int program, std::uint32_t task) {
    pool.queue.push_back({&job, program, task});
    if (!pool.idle.empty()) {
        wakeOne(pool.idle);
        return;
    }
    if (pool.started >= pool.maxWorkers)
        return; // queued until a worker is free
    // Started on demand, as ThreadPoolExecutor._adjust_thread_count does.
    const int n = pool.started++;
    GilLock *gil = pool.processes ? newGil() : m_loopThread->gil;
    ThreadInfo info;
    if (pool.processes) {
        const int id = m_nextGroupId++;
        info = ThreadInfo{"pool-process-" + std::to_string(n + 1), "pool", -1, id,
                          "process " + std::to_string(id)};
    } else {
        info = ThreadInfo{"asyncio_" + std::to_string(n), "pool", -1, 0,
                          m_trace.trace()
                              .threads[static_cast<std::size_t>(m_asyncTasks.front().row)]
                              .info.groupName};
    }
    SimThread &t =
        newThread(gil, std::move(info), pool.processes ? Unit::Process : Unit::Thread, false);
    t.program = poolWorker(t, pool);
    t.resumePoint = t.program.handle();
    wake(t, WakeReason::Signal);
}

Task Engine::poolWorker(SimThread &t, WorkPool &pool) {
    co_await cpu(t, pool.processes ? m_times.processStart : m_times.threadStart,
                 ThreadState::Starting);
    co_await acquireGil(t);
    for (;;) {
        if (!pool.queue.empty()) {
            const WorkPool::Work work = pool.queue.front();
            pool.queue.pop_front();
            if (pool.processes && m_times.ipc > 0)
                co_await runPython(t, m_times.ipc); // pickling the call and its result
            co_await dataIn(t, *work.job);
            co_await runProgram(t, *work.job, work.program);
            co_await dataOut(t, *work.job);
            t.stopping = false;
            asyncTaskReady(work.task, false);
            continue;
        }
        if (pool.shutdown)
            break;
        // Idle: blocked on the pool's work queue, GIL released.
        co_await releaseGil(t, false);
        if (pool.queue.empty() && !pool.shutdown)
            co_await sleepOn(t, pool.idle, ThreadState::QueueWait, nullptr, kNoName);
        co_await acquireGil(t);
    }
    co_await releaseGil(t, true);
    finish(t);
}

void Engine::asyncTaskReady(std::uint32_t index, bool ioEnd) {
    const int row = m_asyncTasks[index].row;
    if (ioEnd)
        markRow(row, MarkKind::IoEnd);
    setRowState(row, ThreadState::Ready);
    m_asyncReady.push_back(index);
    if (m_loopIdle)
        wake(*m_loopThread, WakeReason::Signal);
}

Error Engine::deadlockError() const {
    std::string who;
    int n = 0;
    for (const auto &t : m_threads) {
        if (!t->waitingFor || t->os != OsState::Blocked)
            continue;
        if (n++ >= 4)
            continue;
        const std::string name =
            t->row >= 0 ? m_trace.trace().threads[static_cast<std::size_t>(t->row)].info.name
                        : std::string("the event loop");
        who += (who.empty() ? "" : "; ") + name + " waits " + t->waitingFor + " \"" +
               *t->waitingName + "\"";
    }
    if (n == 0)
        return Error{"internal error: simulation stalled with threads still waiting"};
    if (n > 4)
        who += "; and " + std::to_string(n - 4) + " more";
    return Error{"the workload deadlocks at " +
                 formatNumber(static_cast<double>(m_now) / kNsPerMs) + " ms: " + who +
                 ". Nothing left can wake them: check that puts match gets, that every wait has "
                 "a set, and that no lock is held across an await"};
}

} // namespace gilscope::core::internal
