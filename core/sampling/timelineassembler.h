#pragma once

#include "sampling/threadactivity.h"
#include "trace/tracebuilder.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gilscope::core {

// One thread at one sampling instant: what it was doing and its cumulative scheduler times.
struct ThreadReading {
    int pid = 0;
    int tid = 0;
    Activity activity = Activity::OnCpu;
    std::int64_t onCpuNs = 0;    // schedstat: exact while the thread is off its core, behind by
    std::int64_t runQueueNs = 0; // up to a scheduler tick (4 ms at HZ=250) while it is on one
    std::int64_t timeslices = 0; // times put on a core
};

// Who the threads of one process are in the trace.
struct ProcessRows {
    int groupId = 0; // 0: the process sampled, 1.. the processes it started
    std::string groupName;
    int gilId = 0; // -1: no GIL (free-threaded build)
};

// Turns rounds of readings into a Trace: the sampling recorder's timeline logic, kept apart
// from /proc so that hand-made rounds test it.
//
// A thread seen asleep at sample a, then runnable at a+1..b-1, then asleep again at b ran once
// in between (an "episode"). Its on-core and run-queue time over the episode are exact (both
// ends were read while it was off its core), so the episode's length is the sum of the two,
// bounded by what the samples saw; it is placed between the samples where it began and ended,
// the slack split in proportion to the two gaps. Its run-queue time is drawn first (ready, no
// free core), then running. Between two asleep samples a thread that was on a core briefly gets
// a short running stretch in the middle, except a few microseconds in one time slice before a
// GIL wait: a waiter failing to take the GIL, or a blocking call returning and asking for it
// (the instrumenting recorder draws both as waiting). Two or more slices between two GIL waits
// are a turn with the GIL (woken to take it, then blocked again), however short.
class TimelineAssembler {
public:
    static constexpr TimeNs kFailedWakeNs = 100'000;

    explicit TimelineAssembler(std::size_t eventCap = 50'000'000);

    void setProcess(int pid, ProcessRows rows);
    // The readings of every thread alive at time t (ns, increasing). A thread seen before and
    // missing now has exited. The first round's threads were already there: they start in the
    // state they are in; threads that appear later were starting since the previous round.
    void addRound(TimeNs t, const std::vector<ThreadReading> &round);
    // Names a thread's row (its Python name, or comm and TID); may come at any time.
    void setName(int tid, const std::string &name);
    bool hasThread(int tid) const { return m_threads.count(tid) != 0; }
    // The trace up to `end` (at or after the last round): running threads run to the end.
    std::shared_ptr<Trace> finish(TimeNs end);
    // The rounds so far, as a trace up to the last round, for a live view (a copy).
    Trace snapshot();
    std::size_t rounds() const { return m_rounds; }

private:
    struct Thread {
        int row = -1;
        Activity last = Activity::OnCpu;
        TimeNs lastT = 0;
        std::int64_t cpu = 0, rq = 0, slices = 0;
        // The open episode, while last == OnCpu: the asleep sample before it and the first
        // runnable one.
        TimeNs epT = 0, epFirstRun = 0;
        std::int64_t epCpu = 0, epRq = 0;
        Activity epBefore = Activity::Io;
        bool starting = false; // the episode began with the thread's start
        bool gone = false;
    };

    void follow(Thread &th, TimeNs t, const ThreadReading &r);
    void shortRun(Thread &th, TimeNs t, Activity now, std::int64_t dCpu, std::int64_t dRq,
                  std::int64_t dSlices);
    void endEpisode(Thread &th, TimeNs t, Activity now, std::int64_t cpu, std::int64_t rq);
    void put(Thread &th, TimeNs t, ThreadState state);
    void leave(Thread &th, TimeNs t, Activity from); // marks the end of I/O
    void arrive(Thread &th, TimeNs t, Activity to);  // the state, and the start of I/O

    TraceBuilder m_builder;
    std::map<int, ProcessRows> m_processes;
    std::map<int, Thread> m_threads;
    std::map<int, std::string> m_names;
    TimeNs m_lastRound = -1;
    std::size_t m_rounds = 0;
};

} // namespace gilscope::core
