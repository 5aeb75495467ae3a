#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace gilscope::core {

// What a thread was doing at the instant it was sampled, as the kernel tells it through
// /proc/PID/task/TID/{stat,syscall}. Pure functions over those files' text, so that the
// classification is tested with hand-written /proc lines, apart from any live process.
enum class Activity : std::uint8_t {
    OnCpu,    // runnable: on a core or in its run queue (schedstat tells which)
    GilWait,  // asleep in a futex inside the interpreter's GIL
    LockWait, // asleep in a futex elsewhere: threading.Lock, join, Condition, Queue...
    Io,       // asleep in any other call (read, recv, poll, select, sleep, wait...) or stopped
    Gone,     // exited (zombie) or no longer listed
    Starting, // not a reading: a new thread before its first sample (TimelineAssembler)
};

std::string_view toString(Activity activity);
ThreadState stateFor(Activity activity);

// The addresses of the GIL's futex words in one process: a futex wait on any of them is a wait
// for the GIL. Empty when unknown (then every futex wait counts as a lock wait).
struct GilAddresses {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges; // [begin, end)
    bool contains(std::uint64_t address) const;
    bool empty() const { return ranges.empty(); }
};

// The state letter of a /proc/.../stat line ("R", "S", "D", "Z", ...), after the comm in
// parentheses (which may itself hold spaces and parentheses); nullopt when malformed.
std::optional<char> parseStatState(std::string_view statLine);
// The comm of a stat line: between the first '(' and the last ')'.
std::string_view parseStatComm(std::string_view statLine);

// schedstat: nanoseconds on a core, nanoseconds waiting in a run queue and the times the thread
// was put on a core (all cumulative).
struct SchedStat {
    std::int64_t onCpuNs = 0;
    std::int64_t runQueueNs = 0;
    std::int64_t timeslices = 0;
};
std::optional<SchedStat> parseSchedStat(std::string_view text);

// /proc/.../syscall: "running", "-1 SP PC" (blocked outside a system call) or
// "NR ARG0..ARG5 SP PC" (blocked in system call NR).
struct SyscallLine {
    bool running = false;
    long number = -1; // -1: not in a system call
    std::uint64_t args[6] = {};
};
std::optional<SyscallLine> parseSyscall(std::string_view text);

// The futex word a blocked call sleeps on: FUTEX_WAIT, FUTEX_WAIT_BITSET, FUTEX_LOCK_PI(2) and
// FUTEX_WAIT_REQUEUE_PI on this architecture's futex call; nullopt for any other call.
std::optional<std::uint64_t> futexWaitAddress(const SyscallLine &call);
// Whether the call waits on futexes at all (futex waits and futex_waitv).
bool isFutexWait(const SyscallLine &call);

// The activity of a thread from its stat state letter and, when it sleeps, its syscall line.
Activity classify(char state, const std::optional<SyscallLine> &call, const GilAddresses &gil);

} // namespace gilscope::core
