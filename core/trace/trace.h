#pragma once

#include "trace/timetypes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gilscope::core {

// One row colour each. Order is stable: files and tests refer to these values.
enum class ThreadState : std::uint8_t {
    Running,       // holds its GIL (or needs none) and executes Python code
    WaitingForGil, // asleep on the GIL, or on a core doing lock work without holding it
    Ready,         // runnable, but no core is free (OS run queue)
    Io,            // in a blocking call, GIL released
    Starting,      // thread / process / interpreter start-up
    Done,          // finished
    Absent,        // no data (recorded traces: before the thread existed)
    LockWait,      // asleep on a lock that is not the GIL (threading.Lock, join, Condition),
                   // GIL released; the sampling recorder tells it from a GIL wait by the
                   // futex's address
    Native,        // in C code that released the GIL, on a core
    QueueWait,     // asleep on a queue, an event or a pool's result, GIL released
};
constexpr std::size_t kThreadStateCount = 10;

// Instant lock events, stamped on the thread that did them.
enum class MarkKind : std::uint8_t {
    AcquireRequest,        // asks for the GIL
    Acquire,               // got it
    Release,               // gave it up
    FailedAcquire,         // first wake-up that found the GIL taken (Beazley's yellow)
    RepeatedFailedAcquire, // each further failed wake-up in the same wait (Beazley's red)
    DropRequest,           // 3.2+: a waiter timed out and asked the holder to drop the GIL
    ForcedHandoff,         // 3.2+: the holder dropped on request and waits until another takes it
    Timeout,               // 3.2+: a timed wait for the GIL expired
    Signal,                // a release woke a waiting thread
    IoBegin,               // blocking call starts
    IoEnd,                 // blocking call completes
};
constexpr std::size_t kMarkKindCount = 11;

std::string_view toString(ThreadState state);
std::string_view toString(MarkKind kind);
bool parseThreadState(std::string_view text, ThreadState &out);
bool parseMarkKind(std::string_view text, MarkKind &out);

// Who a row is: shown as its label, and grouped by process / interpreter.
struct ThreadInfo {
    std::string name;      // "cpu-1", "io-2", "proc-3"
    std::string kind;      // worker kind: "cpu", "io", "mixed", "pool", "recorded"
    int gilId = -1;        // rows with the same id compete for one GIL; -1: no GIL
    int groupId = 0;       // process / interpreter number, for grouping rows
    std::string groupName; // "main process", "process 2", "interpreter 3"
};

// A row of another tool's async spans (requests, navigations), not a thread: it neither keeps a
// core busy nor adds to the sequential work.
constexpr std::string_view kAsyncRowKind = "async";
inline bool isThreadRow(const ThreadInfo &info) {
    return info.kind != kAsyncRowKind;
}

// One row: contiguous state segments and instant marks, columnar for compactness
// (9 bytes a segment, 9 bytes a mark). Segment i spans [segmentStart[i], segmentStart[i+1]),
// the last one up to Trace::endNs.
struct ThreadTrack {
    ThreadInfo info;
    std::vector<TimeNs> segmentStart;
    std::vector<ThreadState> segmentState;
    std::vector<TimeNs> markTime;
    std::vector<MarkKind> markKind;

    std::size_t segmentCount() const { return segmentStart.size(); }
    std::size_t markCount() const { return markTime.size(); }
    TimeNs segmentEnd(std::size_t i, TimeNs traceEnd) const {
        return i + 1 < segmentStart.size() ? segmentStart[i + 1] : traceEnd;
    }
    // Index of the segment covering time t (the last one starting at or before t); 0 if t is
    // before the first segment. Requires at least one segment.
    std::size_t segmentAt(TimeNs t) const;
};

// Items through one queue.Queue: when each was put and when each was taken (first in, first out,
// so the i-th get took the i-th put's item).
struct QueueTrack {
    std::string name;
    std::vector<TimeNs> putTime;
    std::vector<TimeNs> getTime;
};

// The run's resident memory as the model counts it (README "Memory and data"): its peak, when it
// was reached, and what made it up then. Recordings have none.
struct MemoryPeak {
    double peakMb = -1; // < 0: not known (a recording, another tool's trace)
    TimeNs atNs = 0;
    double interpretersMb = 0; // the main process, worker processes and their helper, interpreters
    double threadsMb = 0;      // started threads
    double dataMb = 0;         // copies of groups' memory_mb and of tasks' data_kb
    int processes = 0;         // worker processes and interpreters alive at the peak
    int threads = 0;           // started threads alive at the peak
    // Whether the fields after peakMb are known: a trace file keeps the peak alone.
    bool breakdown = false;
    bool known() const { return peakMb >= 0; }
};

// The finished output of a simulation or of an imported recording. Immutable once built;
// shared between the engine thread, the UI and exporters through TracePtr.
struct Trace {
    std::string scenarioName;
    std::string interpreter; // "legacy-gil", "gil", "free-threaded", or "recorded"
    std::string executor;    // "threading", "multiprocessing", "asyncio", "subinterpreters"
    int cores = 1;
    TimeNs endNs = 0;        // makespan: every row is Done (or Absent) from here on
    TimeNs sequentialNs = 0; // the same work done by one thread, one worker after another
    // Recordings of real Python: its version ("3.12.1") and GIL setting; empty / 0 otherwise.
    std::string python;
    double switchIntervalMs = 0;
    int checkInterval = 0;
    std::vector<ThreadTrack> threads;
    std::vector<QueueTrack> queues;
    MemoryPeak memory;
    // For a file read in: what it held that cannot be shown, in one line ("skipped 12 counter
    // samples, 3 flow events"); empty when nothing was skipped.
    std::string importNote;

    std::size_t segmentCount() const;
    std::size_t markCount() const;
    std::size_t eventCount() const { return segmentCount() + markCount(); }
    // Bytes held by the columnar segment and mark storage (what "bytes per event" measures).
    std::size_t storedBytes() const;
};

using TracePtr = std::shared_ptr<const Trace>;

} // namespace gilscope::core
