#pragma once

#include "trace/trace.h"

#include <string>
#include <vector>

namespace gilscope::core {

// One GIL at one instant: who holds the token and who waits for it. Each process and each
// subinterpreter has its own GIL, so a stage may show several.
struct StageGil {
    int gilId = -1;
    std::string groupName; // of its first row: "main process", "process 2", "interpreter 3"
    int holder = -1;       // trace row holding the GIL; -1 when it is free
    // Rows asleep on the GIL, in the order the model's condition variable wakes them: oldest
    // (re-)entry first. A waiter whose timed wait expired, or who woke and lost, re-enters at the
    // back, as in CPython. (With params.wake_policy = random the OS picks any of them instead.)
    std::vector<int> waiters;
    bool operator==(const StageGil &) const = default;
};

// Something that just happened, for the stage to flash: the latest mark of one kind on one
// row within the look-back window, and how many of them the window holds.
struct StageFlash {
    int row = -1;
    MarkKind kind = MarkKind::FailedAcquire; // FailedAcquire (first or repeated, merged),
                                             // DropRequest, ForcedHandoff or IoEnd
    TimeNs at = 0;
    int count = 0;
    bool operator==(const StageFlash &) const = default;
};

// The scheduler at time t, computed from a trace alone: what a "stage" panel draws.
struct Stage {
    TimeNs time = 0;
    std::vector<ThreadState> states; // per trace row
    std::vector<StageGil> gils;      // one per GIL id in the trace, in id order
    // One slot per core (Trace::cores): the row running on it, -1 when idle. A thread keeps its
    // slot for a whole running stretch; a new stretch takes the lowest free slot. The trace does
    // not say which core ran what, so slots are the stage's own, stable numbering.
    std::vector<int> cores;
    std::vector<StageFlash> flashes; // oldest first

    // The GIL this row competes for (nullptr: free-threaded, or no GIL).
    const StageGil *gilOfRow(const Trace &trace, int row) const;
};

} // namespace gilscope::core
