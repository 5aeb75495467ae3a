#pragma once

#include "scenario/scenario.h"
#include "trace/metrics.h"
#include "trace/trace.h"

#include <atomic>
#include <string>
#include <utility>
#include <vector>

namespace gilscope::core {

// One cell of the executor x interpreter grid.
struct AdvisorRun {
    Executor executor;
    Interpreter interpreter;
    std::shared_ptr<const Trace> trace; // null when the run failed
    Metrics metrics;
    std::string error;
    int plainness; // 0 = plainest (threading on a standard build); legacy-GIL runs: -1, never
                   // advised
};

struct Advice {
    std::vector<AdvisorRun> runs; // every executor x interpreter that exists, in a fixed order
    int best = -1;                // index into runs
    std::string reason;           // one line: why that one
};

// The executors of each interpreter, in the order advise() runs them: the legacy GIL (Python 2.x,
// 3.0-3.1) had threading and multiprocessing only — asyncio came with 3.4 and an interpreter of
// one's own with 3.12.
std::vector<std::pair<Interpreter, Executor>> advisorGrid();

// Simulates the scenario's workload under every executor and interpreter (on `threads` worker
// threads) and names the best fit: the shortest makespan, except that among runs within 5 % of
// it the plainest choice wins (threading on a standard build, then asyncio, then processes, then
// subinterpreters, then the same on a free-threaded build), and a run less than 10 % faster than a
// plainer one that needs twice its peak memory or more loses to it. The reason names what the
// choice costs in memory, C code that releases the GIL, a lock that serialises the threads, and
// for asyncio with to_thread the loop's largest lateness against the work run inline (one more
// simulation).
Advice advise(const Scenario &scenario, int threads = 2, const std::atomic<bool> *cancel = nullptr);

} // namespace gilscope::core
