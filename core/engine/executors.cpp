// How worker groups become simulated threads: one thread per worker (threading), a process or
// interpreter with its own GIL per worker or per pool slot (multiprocessing, subinterpreters),
// or coroutines on one event-loop thread (asyncio).
#include "engine/engine.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace gilscope::core::internal {

namespace {
std::string workerName(const WorkerGroup &g) {
    return g.name.empty() ? std::string(toString(g.kind)) : g.name;
}
} // namespace

GilLock *Engine::newGil() {
    if (m_scenario.interpreter == Interpreter::FreeThreaded)
        return nullptr;
    m_gils.push_back(std::make_unique<GilLock>());
    m_gils.back()->id = static_cast<int>(m_gils.size()) - 1;
    return m_gils.back().get();
}

SimThread &Engine::newThread(GilLock *gil, ThreadInfo info, Unit unit, bool queued) {
    auto t = std::make_unique<SimThread>();
    t->id = static_cast<int>(m_threads.size());
    t->gil = gil;
    t->unit = unit;
    t->untilCheck = m_times.checkNs;
    if (!info.name.empty()) {
        info.gilId = gil ? gil->id : -1;
        // A thread started during the run (a pool's worker) did not exist before.
        t->row =
            m_trace.addRow(std::move(info), 0, queued ? ThreadState::Ready : ThreadState::Absent);
    }
    m_threads.push_back(std::move(t));
    SimThread &thread = *m_threads.back();
    if (!m_building)
        unitStarted(thread); // a pool's worker started during the run; see buildThreads()
    if (queued)
        enqueue(thread);
    else
        thread.os = OsState::Blocked; // the caller wakes it
    return thread;
}

// Memory: a unit costs from its creation to its end; spawn and forkserver start their helper
// process (the resource tracker, the fork server) with the first worker, and it stays.
void Engine::unitStarted(SimThread &t) {
    const auto &p = m_scenario.params;
    using Part = MemoryLedger::Part;
    switch (t.unit) {
    case Unit::MainThread:
        return;
    case Unit::Thread:
        t.heldMb = p.thread_kb / 1024.0;
        m_memory.add(m_now, Part::Threads, t.heldMb, 0, 1);
        return;
    case Unit::Process:
        if (!m_helperStarted) {
            m_helperStarted = true;
            m_memory.add(m_now, Part::Interpreters, p.processHelperMb());
        }
        t.heldMb = p.processMb();
        m_memory.add(m_now, Part::Interpreters, t.heldMb, 1);
        return;
    case Unit::Interpreter:
        t.heldMb = p.subinterpreter_mb;
        m_memory.add(m_now, Part::Interpreters, t.heldMb, 1);
        return;
    }
}

void Engine::unitFinished(SimThread &t) {
    using Part = MemoryLedger::Part;
    double data = 0;
    for (const WorkerGroup *g : t.loadedGroups)
        data += g->memory_mb;
    if (data > 0)
        m_memory.add(m_now, Part::Data, -data);
    t.loadedGroups.clear();
    if (t.unit == Unit::Thread)
        m_memory.add(m_now, Part::Threads, -t.heldMb, 0, -1);
    else if (t.unit != Unit::MainThread)
        m_memory.add(m_now, Part::Interpreters, -t.heldMb, -1);
    t.heldMb = 0;
}

// A worker process or interpreter holds its own copy of the data of every group it has run a
// task of (spawn loads it again; fork copies the pages as reference counts write to them).
void Engine::loadGroupData(SimThread &t, const WorkerGroup &group) {
    if (!copiesData(t) || group.memory_mb <= 0 ||
        std::find(t.loadedGroups.begin(), t.loadedGroups.end(), &group) != t.loadedGroups.end())
        return;
    t.loadedGroups.push_back(&group);
    m_memory.add(m_now, MemoryLedger::Part::Data, group.memory_mb);
}

// A task's data in flight: pickled and unpickled copies on both sides (params.data_copies).
double Engine::dataMb(double kb) const {
    return kb / 1024.0 * m_scenario.params.data_copies;
}

Task Engine::dataIn(SimThread &t, const Job &job) {
    loadGroupData(t, job.group());
    const double kb = job.group().data_kb;
    if (!copiesData(t) || kb <= 0)
        co_return;
    m_memory.add(m_now, MemoryLedger::Part::Data, dataMb(kb));
    co_await runPython(t, std::llround(kb * m_times.pickleNsPerKb));
}

Task Engine::dataOut(SimThread &t, const Job &job) {
    const double kb = job.group().data_kb;
    if (!copiesData(t) || kb <= 0)
        co_return;
    co_await runPython(t, std::llround(kb * m_times.pickleNsPerKb));
    m_memory.add(m_now, MemoryLedger::Part::Data, -dataMb(kb));
}

namespace {
ThreadInfo threadInfo(const WorkerSpec &w, int groupId, std::string groupName) {
    // A group the user named that has one thread keeps the name as given (a recording's
    // "MainThread" stays "MainThread" in its simulated equivalent).
    const bool asNamed = !w.group->name.empty() && w.group->count == 1;
    return ThreadInfo{asNamed ? w.group->name
                              : workerName(*w.group) + "-" + std::to_string(w.indexInGroup),
                      std::string(toString(w.group->kind)), -1, groupId, std::move(groupName)};
}

Executor executorOf(const Scenario &s, const WorkerGroup &g) {
    return g.executor.value_or(s.executor);
}
} // namespace

void Engine::buildThreads() {
    m_building = true;
    buildUnits();
    m_building = false;
    // Every unit costs memory from the start, except threads and processes that start late
    // (start_ms): theirs counts from when threadProgram() starts them.
    for (auto &t : m_threads)
        if (!t->startsLate)
            unitStarted(*t);
}

void Engine::buildUnits() {
    compilePrograms();
    std::vector<WorkerSpec> workers;
    Random seeds(m_scenario.seed ^ 0x5eed5eed5eedULL);
    for (std::size_t gi = 0; gi < m_scenario.workers.size(); ++gi) {
        const auto &g = m_scenario.workers[gi];
        for (int k = 0; k < g.count; ++k) {
            workers.push_back({&g, k + 1, seeds.next(), m_groupProgram[gi]});
            if (!g.until_others)
                ++m_othersLeft;
        }
    }
    // asyncio's default executor: ThreadPoolExecutor(min(32, os.cpu_count() + 4)); in_process
    // steps: ProcessPoolExecutor(os.cpu_count()).
    m_threadPool.maxWorkers = std::min(32, m_scenario.cores + 4);
    for (const auto &g : m_scenario.workers)
        if (executorOf(m_scenario, g) == Executor::Asyncio && g.pool_size > 0)
            m_threadPool.maxWorkers = g.pool_size;
    m_processPool.processes = true;
    m_processPool.maxWorkers = m_scenario.cores;
    bool ownExecutors = false;
    for (const auto &g : m_scenario.workers)
        ownExecutors = ownExecutors || g.executor || g.pool_size > 0;
    if (ownExecutors) {
        buildMixedThreads(workers);
        for (auto &t : m_threads)
            t->resumePoint = t->program.handle();
        return;
    }

    switch (m_scenario.executor) {
    case Executor::Threading: {
        GilLock *gil = newGil();
        for (const auto &w : workers) {
            auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
            source->jobs.emplace_back(*w.group, w.seed, w.program);
            SimThread &t = newThread(gil, threadInfo(w, 0, "main process"), Unit::Thread);
            t.startsLate = w.group->start_ms > 0;
            t.program = threadProgram(t, *source, m_times.threadStart, 0);
        }
        break;
    }
    case Executor::Multiprocessing:
    case Executor::Subinterpreters: {
        const bool processes = m_scenario.executor == Executor::Multiprocessing;
        const TimeNs start = processes ? m_times.processStart : m_times.interpreterStart;
        const TimeNs ipc = processes ? m_times.ipc : m_times.interpreterIpc;
        const std::string unit = processes ? "process " : "interpreter ";
        const Unit unitKind = processes ? Unit::Process : Unit::Interpreter;
        const int pool = m_scenario.params.pool_size;
        if (pool > 0) {
            auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
            for (const auto &w : workers)
                source->jobs.emplace_back(*w.group, w.seed, w.program);
            const int slots = std::min<int>(pool, static_cast<int>(workers.size()));
            for (int i = 0; i < slots; ++i) {
                ThreadInfo info{(processes ? "proc-" : "interp-") + std::to_string(i + 1), "pool",
                                -1, i + 1, unit + std::to_string(i + 1)};
                SimThread &t = newThread(newGil(), std::move(info), unitKind);
                t.program = threadProgram(t, *source, start, ipc);
            }
        } else {
            for (std::size_t i = 0; i < workers.size(); ++i) {
                auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                source->jobs.emplace_back(*workers[i].group, workers[i].seed, workers[i].program);
                const int id = static_cast<int>(i) + 1;
                SimThread &t = newThread(
                    newGil(), threadInfo(workers[i], id, unit + std::to_string(id)), unitKind);
                t.startsLate = workers[i].group->start_ms > 0;
                t.program = threadProgram(t, *source, start, ipc);
            }
        }
        break;
    }
    case Executor::Asyncio: {
        GilLock *gil = newGil();
        for (const auto &w : workers) {
            ThreadInfo info = threadInfo(w, 0, "event loop");
            info.gilId = gil ? gil->id : -1;
            const int row = m_trace.addRow(std::move(info), 0, ThreadState::Ready);
            m_asyncTasks.push_back(AsyncTask{row, Job(*w.group, w.seed, w.program)});
        }
        SimThread &loop = newThread(gil, ThreadInfo{}, Unit::MainThread);
        m_loopThread = &loop;
        loop.program = asyncioLoop(loop);
        break;
    }
    }
    for (auto &t : m_threads)
        t->resumePoint = t->program.handle();
}

Task Engine::threadProgram(SimThread &t, JobSource &source, TimeNs startNs, TimeNs ipcNs) {
    if (source.jobs.size() == 1 && source.jobs.front().startDelayNs() > 0)
        co_await block(t, ThreadState::Absent, m_now + source.jobs.front().startDelayNs());
    if (t.startsLate)
        unitStarted(t);
    co_await cpu(t, startNs, ThreadState::Starting);
    co_await acquireGil(t);
    while (source.next < source.jobs.size()) {
        Job &job = source.jobs[source.next++];
        t.untilWorker = job.untilOthers();
        t.stopping = false;
        if (ipcNs > 0)
            co_await runPython(t, ipcNs);
        co_await dataIn(t, job);
        if (job.program >= 0) {
            while (!t.stopping && keepGoing(job)) {
                job.beginRound();
                co_await runProgram(t, job, job.program);
            }
        } else {
            while (keepGoing(job)) {
                const auto [cpuNs, ioNs] = job.nextRound();
                if (cpuNs > 0)
                    co_await runPython(t, cpuNs);
                if (ioNs > 0)
                    co_await blockingIo(t, ioNs);
            }
        }
        co_await dataOut(t, job);
        jobFinished(job);
    }
    co_await releaseGil(t, true);
    finish(t);
}

// One thread runs every coroutine: a CPU burst runs to its end and stalls all others; awaited
// I/O overlaps freely. The loop's GIL hold is shown on the coroutine it is running.
Task Engine::asyncioLoop(SimThread &t) {
    for (std::uint32_t i = 0; i < m_asyncTasks.size(); ++i)
        m_asyncReady.push_back(i);
    std::size_t remaining = m_asyncTasks.size();
    bool holding = false;
    while (remaining > 0) {
        if (m_asyncReady.empty()) {
            t.row = -1;
            m_loopIdle = true;
            co_await block(t, ThreadState::Io); // epoll_wait: woken by an I/O completion
            m_loopIdle = false;
            continue;
        }
        const std::uint32_t index = m_asyncReady.front();
        m_asyncReady.pop_front();
        AsyncTask &task = m_asyncTasks[index];
        t.row = task.row;
        if (!holding) {
            co_await acquireGil(t);
            holding = true;
        } else if (t.gil) {
            mark(t, MarkKind::Acquire);
        }
        bool finished = true;
        ThreadState awaiting = ThreadState::Io;
        if (task.job.program < 0) {
            while (keepGoing(task.job)) {
                const auto [cpuNs, ioNs] = task.job.nextRound();
                if (cpuNs > 0)
                    co_await runPython(t, cpuNs);
                if (ioNs > 0) {
                    mark(t, MarkKind::IoBegin);
                    setState(t, ThreadState::Io);
                    scheduleCallback(m_now + ioNs, index);
                    finished = false;
                    break;
                }
            }
        } else {
            // Steps: run up to the next await; task.job.pc remembers where to go on.
            Job &job = task.job;
            const Program &program = m_programs[static_cast<std::size_t>(job.program)];
            t.stopping = false;
            for (;;) {
                if (job.pc == 0) {
                    if (t.stopping || !keepGoing(job))
                        break;
                    job.beginRound();
                }
                const Op &op = program.ops[job.pc];
                job.pc = (job.pc + 1) % program.ops.size();
                if (t.stopping && op.kind != OpKind::LockRelease)
                    continue;
                if (op.kind == OpKind::Io || op.kind == OpKind::Sleep) {
                    if (mustStop()) {
                        co_await block(t, ThreadState::Ready);
                        continue;
                    }
                    const TimeNs ns = job.duration(op.ms);
                    if (ns <= 0)
                        continue;
                    mark(t, MarkKind::IoBegin);
                    setState(t, ThreadState::Io);
                    scheduleCallback(m_now + ns, index);
                    finished = false;
                    break;
                }
                if (op.kind == OpKind::ToThread || op.kind == OpKind::InProcess) {
                    // await loop.run_in_executor(...): the coroutine waits on the pool's result.
                    submit(op.kind == OpKind::ToThread ? m_threadPool : m_processPool, job,
                           op.object, index);
                    setState(t, ThreadState::QueueWait);
                    awaiting = ThreadState::QueueWait;
                    finished = false;
                    break;
                }
                // Everything else runs on the loop's thread, blocking every coroutine.
                co_await runOp(t, job, op);
            }
            t.stopping = false;
        }
        if (finished) {
            jobFinished(task.job);
            --remaining;
            if (remaining == 0 || m_asyncReady.empty()) {
                co_await releaseGil(t, true);
                holding = false;
            } else if (t.gil) {
                mark(t, MarkKind::Release);
            }
            setState(t, ThreadState::Done);
            continue;
        }
        // Switching away on an await: the GIL goes with the loop, or is released to epoll_wait.
        if (m_asyncReady.empty()) {
            co_await releaseGil(t, false);
            setState(t, awaiting);
            holding = false;
        } else if (t.gil) {
            mark(t, MarkKind::Release);
        }
    }
    t.row = -1;
    // The loop closes: its pools' idle workers end.
    for (WorkPool *pool : {&m_threadPool, &m_processPool}) {
        pool->shutdown = true;
        while (!pool->idle.empty())
            wakeOne(pool->idle);
    }
    finish(t);
}

void Engine::asyncioIoDone(std::uint32_t index) {
    asyncTaskReady(index, true);
}

// Groups with executors of their own: threading groups and the event loop share the main
// process's GIL; each process or interpreter group gets its own.
void Engine::buildMixedThreads(const std::vector<WorkerSpec> &workers) {
    auto mainGil = [this]() {
        if (!m_mainGilMade) {
            m_mainGil = newGil();
            m_mainGilMade = true;
        }
        return m_mainGil;
    };
    std::size_t first = 0;
    while (first < workers.size()) {
        const WorkerGroup &g = *workers[first].group;
        std::size_t end = first;
        while (end < workers.size() && workers[end].group == &g)
            ++end;
        const std::span<const WorkerSpec> mine(workers.data() + first, end - first);
        first = end;
        const Executor executor = g.executor.value_or(m_scenario.executor);
        const int pool =
            g.pool_size > 0 ? g.pool_size : (g.executor ? 0 : m_scenario.params.pool_size);
        switch (executor) {
        case Executor::Threading: {
            if (pool > 0) {
                // ThreadPoolExecutor(pool): the group's workers are jobs for its threads.
                auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                for (const auto &w : mine)
                    source->jobs.emplace_back(*w.group, w.seed, w.program);
                const int slots = std::min<int>(pool, static_cast<int>(mine.size()));
                for (int i = 0; i < slots; ++i) {
                    SimThread &t =
                        newThread(mainGil(),
                                  ThreadInfo{workerName(g) + "-pool-" + std::to_string(i + 1),
                                             std::string(toString(g.kind)), -1, 0, "main process"},
                                  Unit::Thread);
                    t.program = threadProgram(t, *source, m_times.threadStart, 0);
                }
            } else {
                for (const auto &w : mine) {
                    auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                    source->jobs.emplace_back(*w.group, w.seed, w.program);
                    SimThread &t =
                        newThread(mainGil(), threadInfo(w, 0, "main process"), Unit::Thread);
                    t.startsLate = w.group->start_ms > 0;
                    t.program = threadProgram(t, *source, m_times.threadStart, 0);
                }
            }
            break;
        }
        case Executor::Multiprocessing:
        case Executor::Subinterpreters: {
            const bool processes = executor == Executor::Multiprocessing;
            const TimeNs start = processes ? m_times.processStart : m_times.interpreterStart;
            const TimeNs ipc = processes ? m_times.ipc : m_times.interpreterIpc;
            const std::string unit = processes ? "process " : "interpreter ";
            const Unit unitKind = processes ? Unit::Process : Unit::Interpreter;
            if (pool > 0) {
                auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                for (const auto &w : mine)
                    source->jobs.emplace_back(*w.group, w.seed, w.program);
                const int slots = std::min<int>(pool, static_cast<int>(mine.size()));
                for (int i = 0; i < slots; ++i) {
                    const int id = m_nextGroupId++;
                    ThreadInfo info{workerName(g) + (processes ? "-proc-" : "-interp-") +
                                        std::to_string(i + 1),
                                    "pool", -1, id, unit + std::to_string(id)};
                    SimThread &t = newThread(newGil(), std::move(info), unitKind);
                    t.program = threadProgram(t, *source, start, ipc);
                }
            } else {
                for (const auto &w : mine) {
                    auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                    source->jobs.emplace_back(*w.group, w.seed, w.program);
                    const int id = m_nextGroupId++;
                    SimThread &t =
                        newThread(newGil(), threadInfo(w, id, unit + std::to_string(id)), unitKind);
                    t.startsLate = w.group->start_ms > 0;
                    t.program = threadProgram(t, *source, start, ipc);
                }
            }
            break;
        }
        case Executor::Asyncio:
            for (const auto &w : mine) {
                ThreadInfo info = threadInfo(w, 0, "main process");
                GilLock *gil = mainGil();
                info.gilId = gil ? gil->id : -1;
                const int row = m_trace.addRow(std::move(info), 0, ThreadState::Ready);
                m_asyncTasks.push_back(AsyncTask{row, Job(*w.group, w.seed, w.program)});
            }
            break;
        }
    }
    if (!m_asyncTasks.empty()) {
        SimThread &loop = newThread(mainGil(), ThreadInfo{}, Unit::MainThread);
        m_loopThread = &loop;
        loop.program = asyncioLoop(loop);
    }
}

} // namespace gilscope::core::internal
