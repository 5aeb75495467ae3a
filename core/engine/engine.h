#pragma once

// The discrete-event engine behind simulate(). Internal: users call simulate().
//
// Every simulated thread runs a coroutine program (executors.cpp) that awaits three engine
// primitives: cpu() (run on a core for a while), block() (sleep until woken or a timer fires)
// and preemptionPoint(). The GIL rules (interpreters.cpp) are written with those primitives
// the way CPython writes take_gil()/drop_gil(); the OS layer here decides who gets a core.

#include "engine/eventqueue.h"
#include "engine/memoryledger.h"
#include "engine/random.h"
#include "engine/simulate.h"
#include "engine/task.h"
#include "engine/waitqueue.h"
#include "scenario/scenario.h"
#include "trace/tracebuilder.h"

#include <atomic>
#include <cmath>
#include <coroutine>
#include <deque>
#include <optional>
#include <vector>

namespace gilscope::core::internal {

enum class WakeReason : std::uint8_t { None, Signal, Timer };
enum class OsState : std::uint8_t { Blocked, Waking, Queued, OnCore, Finished };

// Every timing parameter converted once to integer nanoseconds.
struct ModelTimes {
    explicit ModelTimes(const Scenario &s);
    TimeNs switchInterval, evalBreaker, checkNs, contention, signalCost, failedWake;
    TimeNs wakeMin, wakeMax, timerSlack, slice, granularity, sleeperCredit;
    TimeNs threadStart, processStart, ipc, interpreterStart, interpreterIpc, limit;
    double slowdown;
    double pickleNsPerKb; // a task's data, each way
    WakePolicy wakePolicy;
};

// What a simulated thread is, for what it costs in memory: the main thread (in the main
// process's figure), a started thread, or the main thread of a worker process or interpreter.
enum class Unit : std::uint8_t { MainThread, Thread, Process, Interpreter };

struct GilLock;

// A group's steps compiled to a flat list: a lock step becomes an acquire, its hold, a release;
// the steps a to_thread or in_process step awaits are a program of their own.
enum class OpKind : std::uint8_t {
    Python,
    Native,
    Io,
    Sleep,
    LockAcquire,
    LockRelease,
    Put,
    Get,
    Wait,
    Set,
    ToThread,
    InProcess
};
struct Op {
    OpKind kind;
    double ms;          // python, native, io, sleep
    int object;         // lock, queue or event index; the awaited program of to_thread / in_process
    bool checks = true; // python: a drop request can be honoured midway
};
struct Program {
    std::vector<Op> ops;
    std::vector<int> getsFrom; // queues its get steps (nested ones included) take from
};

// A worker's program of phases, drawn lazily (an I/O worker may have millions of rounds).
class Job {
public:
    Job(const WorkerGroup &group, std::uint64_t seed, int program = -1)
        : program(program)
        , m_group(&group)
        , m_random(seed) {
        // Rounds that round to no CPU and no I/O do nothing: skip them at once. Else 4096 workers
        // of 10M such ops would spin for minutes between two looks at the cancel flag.
        if (program < 0 && emptyRounds(group))
            m_round = group.ops;
    }
    bool done() const { return m_round >= m_group->ops; }
    // The next CPU burst and blocking wait, jitter applied.
    std::pair<TimeNs, TimeNs> nextRound();
    // Steps: a round begins; a step's duration with jitter applied.
    void beginRound() { ++m_round; }
    TimeNs duration(double ms) { return jittered(ms); }
    bool untilOthers() const { return m_group->until_others; }
    const WorkerGroup &group() const { return *m_group; }
    // The group's start_ms: a thread or process of its own begins that late.
    TimeNs startDelayNs() const { return std::llround(m_group->start_ms * kNsPerMs); }

    int program;        // index into Engine's programs; -1: cpu_ms then io_ms
    std::size_t pc = 0; // asyncio: the next op of the current round

private:
    static bool emptyRounds(const WorkerGroup &g);
    TimeNs jittered(double ms);
    const WorkerGroup *m_group;
    Random m_random;
    int m_round = 0;
};

// One worker of a group, before it becomes a thread, a pool's job or a coroutine.
struct WorkerSpec {
    const WorkerGroup *group;
    int indexInGroup;
    std::uint64_t seed;
    int program;
};

struct SimThread {
    int id = 0;
    int row = -1; // trace row the thread's states go to (-1: not shown)
    Unit unit = Unit::MainThread;
    GilLock *gil = nullptr;
    Task program;
    std::coroutine_handle<> resumePoint;

    // OS layer
    OsState os = OsState::Queued;
    int core = -1;
    TimeNs vrBase = 0; // CPU time consumed before the current stint on a core (CFS vruntime)
    TimeNs onCoreSince = 0;
    TimeNs sliceStart = 0;
    std::uint64_t queueSeq = 0;
    bool preemptPending = false;
    std::uint32_t token = 0; // bumps invalidate the thread's pending events
    WakeReason wakeReason = WakeReason::None;
    std::optional<MarkKind> timerMark;
    WaitQueue<SimThread> *waitQueue = nullptr; // the wait queue it sleeps on, if any
    std::uint64_t waitTicket = 0;

    // the CPU activity in progress; survives preemption
    bool inCpu = false;
    TimeNs cpuEnd = 0;
    TimeNs cpuRemaining = 0;
    ThreadState cpuState = ThreadState::Running;
    bool interruptible = false;

    // GIL bookkeeping
    TimeNs untilCheck = 0; // legacy: CPU time to the next periodic check
    bool inAcquire = false;
    bool asleepOnGil = false;

    // steps: what it sleeps on (for a deadlock's message), and whether it is an "until"
    // worker the end of the others has stopped
    const char *waitingFor = nullptr;
    const std::string *waitingName = nullptr;
    bool untilWorker = false;
    bool stopping = false;

    // memory: the groups whose memory_mb this process or interpreter has loaded, and the MB it
    // holds (its own cost and those copies), given back when it finishes
    std::vector<const WorkerGroup *> loadedGroups;
    double heldMb = 0;
    bool startsLate = false; // its group's start_ms: it costs memory from then
};

// threading.Lock as CPython builds it on a semaphore: a release wakes one sleeper but hands
// nothing over; whoever gets there first (usually the releaser, still running) takes it.
struct SimLock {
    std::string name;
    bool locked = false;
    WaitQueue<SimThread> sleepers;
};

// queue.Queue: a get waits while it is empty, a put while it is full (maxsize > 0). A notified
// waiter re-checks once it holds the GIL again, so a thread that came first may take its item.
struct SimQueue {
    std::string name;
    int maxsize = 0;
    long long items = 0;
    int traceId = -1;
    WaitQueue<SimThread> getters;
    WaitQueue<SimThread> putters;
};

// threading.Event: wait blocks until set; set wakes every waiter and stays set.
struct SimEvent {
    std::string name;
    bool set = false;
    WaitQueue<SimThread> waiters;
};

// A pool that runs awaited programs for the event loop: asyncio's default ThreadPoolExecutor
// (threads share the loop's GIL) or a ProcessPoolExecutor (a GIL each). Workers start on demand.
struct WorkPool {
    struct Work {
        Job *job;
        int program;
        std::uint32_t task; // the awaiting coroutine
    };
    bool processes = false;
    int maxWorkers = 1;
    int started = 0;
    bool shutdown = false;
    std::deque<Work> queue;
    WaitQueue<SimThread> idle;
};

struct GilLock {
    int id = 0;
    bool locked = false;
    SimThread *holder = nullptr;
    SimThread *lastHolder = nullptr;
    WaitQueue<SimThread> sleepers;       // asleep waiting for the GIL, oldest first
    std::vector<SimThread *> contenders; // legacy: every thread inside an acquire
    std::uint64_t switchNumber = 0;      // 3.2+
    bool dropRequest = false;            // 3.2+
    WaitQueue<SimThread> switchWaiters;  // 3.2+ FORCE_SWITCHING: droppers awaiting a taker
};

class Engine {
public:
    Engine(const Scenario &scenario, const std::atomic<bool> *cancel);
    Result<Simulation> run();

    // --- primitives for thread programs -------------------------------------------------
    struct CpuAwaiter {
        Engine &engine;
        SimThread &thread;
        TimeNs ns;
        ThreadState state;
        bool interruptible;
        bool await_ready() { return engine.beginCpu(thread, ns, state, interruptible); }
        void await_suspend(std::coroutine_handle<> h) { thread.resumePoint = h; }
        TimeNs await_resume() const { return thread.cpuRemaining; } // > 0: interrupted
    };
    struct BlockAwaiter {
        Engine &engine;
        SimThread &thread;
        ThreadState state;
        TimeNs wakeAt;
        bool await_ready() const { return false; }
        void await_suspend(std::coroutine_handle<> h) {
            thread.resumePoint = h;
            engine.beginBlock(thread, state, wakeAt);
        }
        WakeReason await_resume() const { return thread.wakeReason; }
    };
    struct PreemptionAwaiter {
        Engine &engine;
        SimThread &thread;
        bool await_ready() const { return !thread.preemptPending; }
        void await_suspend(std::coroutine_handle<> h) {
            thread.resumePoint = h;
            engine.preemptSelf(thread);
        }
        void await_resume() const {}
    };

    // Runs on a core for ns, shown as state. Interruptible runs end early when the thread's
    // GIL gets a drop request (returning the CPU time still to do).
    CpuAwaiter cpu(SimThread &t, TimeNs ns, ThreadState state, bool interruptible = false) {
        return {*this, t, ns, state, interruptible};
    }
    // Leaves the core until wake() or, when wakeAt >= 0, a timer at wakeAt.
    BlockAwaiter block(SimThread &t, ThreadState state, TimeNs wakeAt = -1) {
        return {*this, t, state, wakeAt};
    }
    // Where the kernel would preempt after a system call (a GIL release that woke someone).
    PreemptionAwaiter preemptionPoint(SimThread &t) { return {*this, t}; }

    void wake(SimThread &t, WakeReason reason);
    void setState(const SimThread &t, ThreadState s) {
        if (t.row >= 0)
            m_trace.setState(t.row, m_now, s);
    }
    void mark(const SimThread &t, MarkKind k) {
        if (t.row >= 0)
            m_trace.mark(t.row, m_now, k);
    }
    void markRow(int row, MarkKind k) { m_trace.mark(row, m_now, k); }
    void setRowState(int row, ThreadState s) { m_trace.setState(row, m_now, s); }
    void finish(SimThread &t);
    void scheduleCallback(TimeNs at, std::uint32_t id) { push(at, EventKind::Callback, id, 0); }
    TimeNs now() const { return m_now; }
    TimeNs wakeLatency() { return m_random.between(m_times.wakeMin, m_times.wakeMax); }
    TimeNs timerSlack() { return m_random.between(0, m_times.timerSlack); }
    const ModelTimes &times() const { return m_times; }
    const Scenario &scenario() const { return m_scenario; }
    Random &random() { return m_random; }

    // --- GIL rules (interpreters.cpp) ---------------------------------------------------
    Task acquireGil(SimThread &t);
    Task releaseGil(SimThread &t, bool finalRelease);
    Task runPython(SimThread &t, TimeNs ns, bool checks = true);
    Task blockingIo(SimThread &t, TimeNs ns);
    Task runNative(SimThread &t, TimeNs ns);

    // --- steps (steps.cpp) --------------------------------------------------------------
    Task runProgram(SimThread &t, Job &job, int program);
    Task runOp(SimThread &t, Job &job, const Op &op);
    Task lockAcquire(SimThread &t, SimLock &lock);
    Task lockRelease(SimThread &t, SimLock &lock);
    Task queuePut(SimThread &t, SimQueue &q);
    Task queueGet(SimThread &t, SimQueue &q);
    Task eventWait(SimThread &t, SimEvent &e);
    Task eventSet(SimThread &t, SimEvent &e);

private:
    friend struct CpuAwaiter;
    // executors.cpp
    void buildThreads();
    void buildUnits();
    struct JobSource {
        std::vector<Job> jobs;
        std::size_t next = 0; // a pool hands jobs out in order
    };
    Task threadProgram(SimThread &t, JobSource &source, TimeNs startNs, TimeNs ipcNs);
    void buildMixedThreads(const std::vector<WorkerSpec> &workers);
    Task asyncioLoop(SimThread &t);
    void asyncioIoDone(std::uint32_t task);
    SimThread &newThread(GilLock *gil, ThreadInfo info, Unit unit, bool queued = true);
    // memory (executors.cpp): a unit's own cost, a group's memory_mb in a worker, a task's data
    void unitStarted(SimThread &t);
    void unitFinished(SimThread &t);
    void loadGroupData(SimThread &t, const WorkerGroup &group);
    bool copiesData(const SimThread &t) const {
        return t.unit == Unit::Process || t.unit == Unit::Interpreter;
    }
    // Pickling a task's data into a worker (before) or its result out (after), shown as Python
    // running in the worker; the worker holds its copy of the data in between.
    Task dataIn(SimThread &t, const Job &job);
    double dataMb(double kb) const;
    Task dataOut(SimThread &t, const Job &job);
    GilLock *newGil();

    // interpreters.cpp
    Task legacyAcquireSlow(SimThread &t);
    Task modernAcquire(SimThread &t);
    Task modernDrop(SimThread &t, bool finalRelease);
    void takeGil(SimThread &t);
    // Unlocks t's GIL and wakes one sleeping waiter; returns the waker's cost (0: nobody woken).
    TimeNs releaseAndSignal(SimThread &t);
    void requestDrop(GilLock &gil);
    SimThread *popSleeper(WaitQueue<SimThread> &queue);
    bool rivalSpinning(const GilLock &gil, const SimThread &self) const;
    bool awakeContender(const GilLock &gil, const SimThread &self) const;
    void leaveAcquire(SimThread &t);

    // steps.cpp
    void compilePrograms();
    int compile(const std::vector<Step> &steps);
    void compileInto(const std::vector<Step> &steps, Program &program);
    // Sleeps on `queue` (GIL released by the caller) until signalled; for a deadlock's message.
    Task sleepOn(SimThread &t, WaitQueue<SimThread> &queue, ThreadState state, const char *what,
                 const std::string &name);
    void wakeOne(WaitQueue<SimThread> &queue);
    bool mustStop();
    // "until": "others"
    bool keepGoing(const Job &job) const;
    void jobFinished(const Job &job);
    void stopUntilWorkers();
    void submit(WorkPool &pool, Job &job, int program, std::uint32_t task);
    Task poolWorker(SimThread &t, WorkPool &pool);
    void asyncTaskReady(std::uint32_t task, bool ioEnd);
    Error deadlockError() const;

    // OS layer (engine.cpp)
    bool beginCpu(SimThread &t, TimeNs ns, ThreadState state, bool interruptible);
    void beginBlock(SimThread &t, ThreadState state, TimeNs wakeAt);
    void preemptSelf(SimThread &t);
    void preempt(SimThread &t);
    void leaveCore(SimThread &t);
    void dispatch(int core, SimThread &t);
    void dispatchNext(int core);
    void enqueue(SimThread &t);
    void makeRunnable(SimThread &t);
    void ensureSliceChecks();
    void onSliceCheck(int core);
    void scheduleCpuDone(SimThread &t);
    bool dropPendingFor(const SimThread &t) const;
    TimeNs vruntime(const SimThread &t) const {
        return t.vrBase + (t.os == OsState::OnCore ? m_now - t.onCoreSince : 0);
    }
    void push(TimeNs at, EventKind kind, std::uint32_t target, std::uint32_t token) {
        m_events.push(Event{at, m_nextSeq++, target, token, kind});
        if (m_events.size() > m_compactAt)
            dropSupersededEvents();
    }
    void dropSupersededEvents();
    void resume(SimThread &t);
    Error overCapError() const;
    bool mayRunAhead();
    bool cancelRequested() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    struct Core {
        SimThread *thread = nullptr;   // running (or preempted-at-next-point) thread
        SimThread *reserved = nullptr; // woken thread on its way to this idle core
        bool sliceCheckPending = false;
    };
    struct QueueEntry {
        TimeNs vruntime;
        std::uint64_t seq;
        SimThread *thread;
        bool operator>(const QueueEntry &o) const {
            return vruntime != o.vruntime ? vruntime > o.vruntime : seq > o.seq;
        }
    };

    Scenario m_scenario;
    ModelTimes m_times;
    const std::atomic<bool> *m_cancel;
    Random m_random;
    TraceBuilder m_trace;
    EventQueue m_events;
    std::uint64_t m_nextSeq = 0;
    std::size_t m_compactAt = 256;  // interrupted bursts leave far-future events behind
    std::uint64_t m_fastBursts = 0; // CPU bursts that ran ahead without an event
    bool m_cancelled = false;       // a cancel seen outside run()'s loop
    TimeNs m_now = 0;
    std::deque<std::pair<SimThread *, std::uint32_t>> m_immediate; // resumes due now, in order
    std::vector<std::unique_ptr<SimThread>> m_threads;
    std::vector<std::unique_ptr<GilLock>> m_gils;
    std::vector<std::unique_ptr<JobSource>> m_jobSources;
    std::vector<Core> m_cores;
    std::vector<QueueEntry> m_runQueue; // min-heap on (vruntime, seq)
    SimThread *m_current = nullptr;     // the thread whose code is executing right now
    int m_finished = 0;
    std::size_t m_pendingSliceChecks = 0;

    // asyncio executor state
    struct AsyncTask {
        int row;
        Job job;
    };
    std::vector<AsyncTask> m_asyncTasks;
    std::deque<std::uint32_t> m_asyncReady;
    SimThread *m_loopThread = nullptr;
    bool m_loopIdle = false;

    // steps
    std::vector<Program> m_programs;
    std::vector<int> m_groupProgram; // per worker group: its program, -1 for cpu_ms/io_ms
    std::vector<std::unique_ptr<SimLock>> m_locks;
    std::vector<std::unique_ptr<SimQueue>> m_queues;
    std::vector<std::unique_ptr<SimEvent>> m_syncEvents;
    long long m_othersLeft = 0; // jobs of groups without "until": "others" still to finish
    WorkPool m_threadPool;      // asyncio.to_thread
    WorkPool m_processPool;     // in_process
    GilLock *m_mainGil = nullptr;
    bool m_mainGilMade = false;
    int m_nextGroupId = 1;

    MemoryLedger m_memory;
    bool m_helperStarted = false; // spawn's resource tracker, the fork server
    bool m_building = false;      // buildThreads() is creating the units
};

} // namespace gilscope::core::internal
