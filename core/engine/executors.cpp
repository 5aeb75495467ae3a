// How worker groups become simulated threads: one thread per worker (threading), a process or
// interpreter with its own GIL per worker or per pool slot (multiprocessing, subinterpreters),
// or coroutines on one event-loop thread (asyncio).
#include "engine/engine.h"

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

SimThread &Engine::newThread(GilLock *gil, ThreadInfo info) {
    auto t = std::make_unique<SimThread>();
    t->id = static_cast<int>(m_threads.size());
    t->gil = gil;
    t->untilCheck = m_times.checkNs;
    if (!info.name.empty()) {
        info.gilId = gil ? gil->id : -1;
        t->row = m_trace.addRow(std::move(info), 0, ThreadState::Ready);
    }
    m_threads.push_back(std::move(t));
    SimThread &thread = *m_threads.back();
    enqueue(thread);
    return thread;
}

void Engine::buildThreads() {
    struct Worker {
        const WorkerGroup *group;
        int indexInGroup;
        std::uint64_t seed;
    };
    std::vector<Worker> workers;
    Random seeds(m_scenario.seed ^ 0x5eed5eed5eedULL);
    for (const auto &g : m_scenario.workers)
        for (int k = 0; k < g.count; ++k)
            workers.push_back({&g, k + 1, seeds.next()});

    auto threadInfo = [](const Worker &w, int groupId, std::string groupName) {
        // A group the user named that has one thread keeps the name as given (a recording's
        // "MainThread" stays "MainThread" in its simulated equivalent).
        const bool asNamed = !w.group->name.empty() && w.group->count == 1;
        return ThreadInfo{asNamed ? w.group->name
                                  : workerName(*w.group) + "-" + std::to_string(w.indexInGroup),
                          std::string(toString(w.group->kind)), -1, groupId, std::move(groupName)};
    };

    switch (m_scenario.executor) {
    case Executor::Threading: {
        GilLock *gil = newGil();
        for (const auto &w : workers) {
            auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
            source->jobs.emplace_back(*w.group, w.seed);
            SimThread &t = newThread(gil, threadInfo(w, 0, "main process"));
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
        const int pool = m_scenario.params.pool_size;
        if (pool > 0) {
            auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
            for (const auto &w : workers)
                source->jobs.emplace_back(*w.group, w.seed);
            const int slots = std::min<int>(pool, static_cast<int>(workers.size()));
            for (int i = 0; i < slots; ++i) {
                ThreadInfo info{(processes ? "proc-" : "interp-") + std::to_string(i + 1), "pool",
                                -1, i + 1, unit + std::to_string(i + 1)};
                SimThread &t = newThread(newGil(), std::move(info));
                t.program = threadProgram(t, *source, start, ipc);
            }
        } else {
            for (std::size_t i = 0; i < workers.size(); ++i) {
                auto &source = m_jobSources.emplace_back(std::make_unique<JobSource>());
                source->jobs.emplace_back(*workers[i].group, workers[i].seed);
                const int id = static_cast<int>(i) + 1;
                SimThread &t =
                    newThread(newGil(), threadInfo(workers[i], id, unit + std::to_string(id)));
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
            m_asyncTasks.push_back(AsyncTask{row, Job(*w.group, w.seed)});
        }
        SimThread &loop = newThread(gil, ThreadInfo{});
        m_loopThread = &loop;
        loop.program = asyncioLoop(loop);
        break;
    }
    }
    for (auto &t : m_threads)
        t->resumePoint = t->program.handle();
}

Task Engine::threadProgram(SimThread &t, JobSource &source, TimeNs startNs, TimeNs ipcNs) {
    co_await cpu(t, startNs, ThreadState::Starting);
    co_await acquireGil(t);
    while (source.next < source.jobs.size()) {
        Job &job = source.jobs[source.next++];
        if (ipcNs > 0)
            co_await runPython(t, ipcNs);
        while (!job.done()) {
            const auto [cpuNs, ioNs] = job.nextRound();
            if (cpuNs > 0)
                co_await runPython(t, cpuNs);
            if (ioNs > 0)
                co_await blockingIo(t, ioNs);
        }
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
        while (!task.job.done()) {
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
        if (finished) {
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
            const ThreadState awaiting = ThreadState::Io;
            co_await releaseGil(t, false);
            setState(t, awaiting);
            holding = false;
        } else if (t.gil) {
            mark(t, MarkKind::Release);
        }
    }
    t.row = -1;
    finish(t);
}

void Engine::asyncioIoDone(std::uint32_t index) {
    const int row = m_asyncTasks[index].row;
    markRow(row, MarkKind::IoEnd);
    setRowState(row, ThreadState::Ready);
    m_asyncReady.push_back(index);
    if (m_loopIdle)
        wake(*m_loopThread, WakeReason::Signal);
}

} // namespace gilscope::core::internal
