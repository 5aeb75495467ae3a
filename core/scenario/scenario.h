#pragma once

#include "scenario/annotation.h"
#include "trace/timetypes.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gilscope::core {

enum class Interpreter { LegacyGil, Gil, FreeThreaded };
enum class Executor { Threading, Multiprocessing, Asyncio, Subinterpreters };
enum class WorkerKind { Cpu, Io, Mixed };
enum class WakePolicy { Fifo, Random };
enum class StartMethod { Fork, Forkserver, Spawn };

std::string_view toString(Interpreter v);
std::string_view toString(Executor v);
std::string_view toString(WorkerKind v);
std::string_view toString(WakePolicy v);
std::string_view toString(StartMethod v);
bool parseEnum(std::string_view text, Interpreter &out);
bool parseEnum(std::string_view text, Executor &out);
bool parseEnum(std::string_view text, WorkerKind &out);
bool parseEnum(std::string_view text, WakePolicy &out);
bool parseEnum(std::string_view text, StartMethod &out);

// Every timing constant of the model. Defaults and their sources are documented in the README
// ("Model parameters"); units are in the names. Values are doubles as users type them.
struct TimingParams {
    // 3.2+ GIL
    double switch_interval_ms = 5.0; // sys.setswitchinterval default
    double eval_breaker_ns = 50; // until the holder's next back-edge/call check notices a request
    WakePolicy wake_policy = WakePolicy::Fifo; // which GIL waiter a signal wakes
    // legacy GIL
    int check_interval = 100;   // sys.setcheckinterval default (ticks)
    double tick_ns = 5;         // one "slow" bytecode of a 2.7 countdown loop, current x86
    double contention_ns = 300; // per check while a rival retries on another core
    // lock and OS costs, every interpreter
    double signal_cost_us = 1.0; // waking a sleeping waiter (futex wake + IPI), paid by the waker
    double failed_wake_us = 1.0; // a woken thread finding the lock taken and going back to sleep
    double wake_latency_min_us = 5; // signal to running on an idle core, drawn uniformly
    double wake_latency_max_us = 25;
    double timer_slack_us = 50;       // Linux timerslack: a timed wait fires up to this late
    double time_slice_ms = 4;         // OS slice before a runnable thread may preempt
    double wakeup_granularity_ms = 1; // a woken thread preempts if it is owed more than this
    double sleeper_credit_ms = 3;     // CPU credit a long sleeper gets on wake-up (CFS: latency/2)
    // free-threaded
    double ft_slowdown = 1.4; // single-thread slowdown: 3.13t ~1.4, 3.14t ~1.08
    // executors
    double thread_start_us = 80; // threading.Thread start
    StartMethod start_method = StartMethod::Fork;
    double process_start_ms = -1;     // -1: from start_method (fork 1.5, forkserver 10, spawn 35)
    double ipc_ms = 0.1;              // multiprocessing: pickling a small task and its result
    int pool_size = 0;                // multiprocessing/subinterpreters: 0 = one per worker
    double interpreter_start_ms = 2;  // subinterpreters: creating an isolated interpreter
    double interpreter_ipc_ms = 0.02; // subinterpreters: sharing a task's arguments
    // memory and data (README "Memory and data"): CPython 3.12.1 on Linux x86-64, measured by
    // resources/recorder/workloads/memory_cost.py as PSS (each shared page split among the
    // processes that map it, so the figures of several processes add up), medians of 3 runs
    double main_process_mb = 16;    // the main interpreter with threading, multiprocessing,
                                    // concurrent.futures and asyncio imported (RSS 22)
    double process_mb = -1;         // a pool's worker; -1: from start_method (fork 1.5,
                                    // forkserver 6.1, spawn 8.8)
    double process_helper_mb = -1;  // once, with the first worker; -1: from start_method (fork
                                    // 0.5, the pool's side in the parent; forkserver 6.7, the fork
                                    // server; spawn 5.9, the resource tracker)
    double thread_kb = 13;          // a started threading.Thread: its touched stack and state
    double subinterpreter_mb = 1.8; // an isolated interpreter (3.12's _xxsubinterpreters)
    double pickle_us_per_kb = 11;   // a task's data, each way: pickle, pipe, unpickle, for Python
                                    // objects (a list of floats); bytes and arrays: about 1
    double data_copies = 5.5;       // copies of data_kb a task in a process holds while in flight:
                                    // pickled and unpickled, in the worker and the parent, both
                                    // ways (Pool(2), 1 MB each way: 5.7 fork, 5.8 spawn;
                                    // 4.5-5.5 under load)
    // limits
    double time_limit_s = 600;      // simulated time after which a run is refused
    double max_events = 50'000'000; // segments + marks a run may store

    TimeNs processStartNs() const;
    double processMb() const;
    double processHelperMb() const;
};

// One thing a worker does, in order (a group's "steps"). Durations are ms, scaled by the group's
// jitter; names refer to a lock, a queue (declared in Scenario::queues) or an event.
enum class StepKind {
    Python,    // Python code on a core, holding the GIL
    Native,    // C code that released the GIL: a core, no GIL; the GIL is re-taken after it
    Io,        // a blocking call: neither core nor GIL
    Sleep,     // time.sleep: the same as io, labelled as such
    Lock,      // threading.Lock `name` held around `body`
    Put,       // queue.Queue.put on `name`: blocks while the queue is full
    Get,       // queue.Queue.get on `name`: blocks while it is empty
    Wait,      // threading.Event.wait on `name`: blocks until it is set
    Set,       // threading.Event.set on `name`: wakes every waiter; stays set
    ToThread,  // asyncio: awaits `body` run on the loop's default thread pool
    InProcess, // asyncio: awaits `body` run on a process pool
};
std::string_view toString(StepKind v);
bool parseEnum(std::string_view text, StepKind &out);

struct Step {
    StepKind kind = StepKind::Python;
    double ms = 0;          // python, native, io, sleep
    std::string name;       // lock, put/get (queue), wait/set (event)
    std::vector<Step> body; // lock's hold, to_thread, in_process
    // python: false when nothing checks for a GIL hand-over midway: code with no call and no
    // loop (3.10+ checks for a drop request only there: `with lock: n += 1`), or one C call that
    // keeps the GIL (one bytecode: no legacy tick either, e.g. hashlib on Python 2.7).
    bool checks = true;
};

// A queue.Queue the steps put to and get from. maxsize 0: unbounded.
struct QueueSpec {
    int maxsize = 0;
};

struct WorkerGroup {
    WorkerKind kind = WorkerKind::Cpu;
    std::string name; // row label prefix; defaults to the kind
    int count = 1;
    int ops = 1; // io/mixed: how many CPU-then-I/O rounds
    double cpu_ms = 100;
    double io_ms = 0;
    double jitter = 0; // mixed/io: each burst scaled by uniform(1 - jitter, 1 + jitter)
    // What one op does, in order. Empty: a python step of cpu_ms, then an io step of io_ms.
    std::vector<Step> steps;
    // The group's own executor and pool size; none / 0: the scenario's (params.pool_size).
    // pool_size: a ThreadPoolExecutor of that many threads (threading), a pool of processes or
    // interpreters, or the loop's default thread pool for to_thread (asyncio, 0: min(32, cores+4)).
    std::optional<Executor> executor;
    int pool_size = 0;
    // "until": "others": run rounds of steps until every other group is done (ops is ignored).
    bool until_others = false;
    // The data of one task, pickled in and again out (kB each way) when a process or an
    // interpreter of its own runs it; threads and coroutines pass a reference: free.
    double data_kb = 0;
    // The data each worker holds while it works (a table it reads, a model it loaded): one copy
    // in the main process, shared by threads; each worker process or interpreter holds its own.
    double memory_mb = 0;
    // Its threads (or processes) start this many ms into the run (a recording's threads start
    // when the main thread has set up). Not for asyncio groups or pools, whose jobs start as a
    // loop or a pool hands them out.
    double start_ms = 0;

    bool hasSteps() const { return !steps.empty(); }
};

struct Scenario {
    std::string name = "Untitled";
    std::string description;
    Interpreter interpreter = Interpreter::Gil;
    Executor executor = Executor::Threading;
    int cores = 2;
    std::uint64_t seed = 1;
    // A machine profile (gilscope calibrate) whose measured costs replace the default params;
    // params the scenario file sets itself still win. Empty: the defaults.
    std::string machine;
    TimingParams params;
    std::vector<WorkerGroup> workers;
    // The queues steps put to and get from, by name.
    std::map<std::string, QueueSpec> queues;
    // Callouts drawn on the timeline and in exports; not part of the workload.
    std::vector<Annotation> annotations;

    int threadCount() const;
    // The same work as one thread doing every worker's phases one after another, on a standard
    // (GIL) build with no contention: what "speed-up" is measured against.
    TimeNs sequentialNs() const;
};

// A number as a message shows it: whole numbers below 1e15 in full ("4096"), others with six
// significant digits ("0.001", "1e+308").
std::string formatNumber(double v);

// A problem with a scenario, naming the field by its dotted path ("workers.1.cpu_ms").
struct ScenarioError {
    std::string field;
    std::string message; // what is wrong and what is allowed
};

// Checks every field's range; the first problem found, or nothing.
std::optional<ScenarioError> validate(const Scenario &scenario);

// Limits a scenario must stay within (documented in the README).
struct ScenarioLimits {
    static constexpr int kMaxCores = 256;
    static constexpr int kMaxThreads = 4096;
    static constexpr int kMaxOps = 10'000'000;
    static constexpr double kMaxEventCap = 500'000'000;
    static constexpr double kMaxBurstMs = 3'600'000; // a worker's cpu_ms and io_ms, a step's ms
    static constexpr int kMaxStepDepth = 4;          // lock / to_thread / in_process nesting
    static constexpr int kMaxSteps = 256;            // steps of one group, nested ones included
    static constexpr int kMaxQueues = 64;
    static constexpr int kMaxQueueSize = 1'000'000;
    static constexpr int kMaxNameChars = 64;          // lock, queue and event names
    static constexpr double kMaxDataKb = 16'777'216;  // a task's data: 16 GB
    static constexpr double kMaxMemoryMb = 1'048'576; // a group's resident data: 1 TB
};

// Whether any group uses steps, its own executor or pool, or "until": the model's newer parts.
bool usesWorkerExtensions(const Scenario &scenario);

} // namespace gilscope::core
