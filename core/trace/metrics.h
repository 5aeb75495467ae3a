#pragma once

#include "trace/trace.h"

#include <string>
#include <vector>

namespace gilscope::core {

struct ThreadMetrics {
    std::string name;
    std::string kind;
    double running_ms = 0, waiting_ms = 0, ready_ms = 0, io_ms = 0, starting_ms = 0, done_ms = 0;
    double native_ms = 0, lock_wait_ms = 0, queue_wait_ms = 0;
};

// Waits for threading.Lock objects: each lock_wait stretch of a thread is one wait.
struct LockMetrics {
    long long waits = 0;
    double wait_ms_total = 0;
    double wait_ms_p50 = 0;
    double wait_ms_max = 0;
};

// One queue.Queue: items taken, their rate while the queue was in use (first put to last get)
// and how long an item waited in the queue (its put to its get).
struct QueueMetrics {
    std::string name;
    long long items = 0;
    double items_per_s = 0;
    double wait_ms_p50 = 0;
    double wait_ms_p99 = 0;
};

struct GilMetrics {
    long long acquires = 0;
    long long switches = 0;        // a different thread of the same GIL starts running
    long long failed_acquires = 0; // first and repeated
    long long drop_requests = 0;
    double hold_ms_p50 = 0; // lengths of uninterrupted Running stretches
    double hold_ms_p90 = 0;
    double switches_per_s = 0;
    double failed_acquires_per_s = 0;
};

struct IoMetrics {
    long long ops = 0;
    double ops_per_s = 0;
    double latency_ms_p50 = 0; // I/O completion until the thread runs Python code again
    double latency_ms_p99 = 0;
    double max_stall_ms = 0; // longest stretch an I/O-bound thread was runnable but not running
                             // (waiting for the GIL, a core or the event loop) before it ended
    double serving_ops_per_s = 0; // ioServingRate(): the rate the I/O threads' clients see
};

// Everything here is derived from the Trace alone, so recorded traces get the same figures.
// (memory: a simulation's peak as the model counts it; unknown for recordings.)
struct Metrics {
    std::string scenario, interpreter, executor;
    int cores = 1;
    double makespan_ms = 0, sequential_ms = 0, speedup = 0;
    long long events = 0;
    GilMetrics gil;
    IoMetrics io;
    LockMetrics locks;
    std::vector<QueueMetrics> queues;
    std::vector<ThreadMetrics> threads;
    MemoryPeak memory;
};

Metrics computeMetrics(const Trace &trace);

// The request rate an I/O-bound thread's clients see: blocking calls completed per second while
// the I/O-bound threads were at work and, if CPU-bound threads ran beside them, while those did
// (the load). ops_per_s divides by the whole run, whose length the CPU-bound threads set; this is
// the convoy's echo-server rate, which the switch interval moves. 0 without I/O.
double ioServingRate(const Trace &trace);

// Nearest-rank percentile of unsorted values (p in [0, 100]); 0 for no values.
double percentile(std::vector<double> values, double p);

} // namespace gilscope::core
