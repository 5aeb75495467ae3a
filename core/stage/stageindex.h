#pragma once

#include "stage/stage.h"
#include "trace/trace.h"

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace gilscope::core {

// Answers "what does the scheduler look like at time t?" for one trace, fast enough to scrub:
// built once in O(n log n), then each query costs O((rows + cores) log n). Holds the trace alive.
//
// Everything comes from the trace alone: states from its segments; the GIL holder from the
// acquire and release marks (from the running rows when a GIL's rows carry no acquire marks,
// as in some recordings); waiters from acquire requests not yet followed by an acquire (from
// the waiting rows when there are no requests); cores from the stretches on a core (Python, or C
// code with the GIL released).
class StageIndex {
public:
    explicit StageIndex(TracePtr trace);

    const Trace &trace() const { return *m_trace; }
    // The stage after everything that happened at or before t. Flashes cover (t - lookBack, t]
    // (lookBack 0: only marks at exactly t).
    Stage at(TimeNs t, TimeNs lookBack = 0) const;
    // The first time after t (before t) at which any row changes state or has a mark: where
    // stepping through the story stops next. Nothing past the last (before the first) event.
    std::optional<TimeNs> nextEvent(TimeNs t) const;
    std::optional<TimeNs> previousEvent(TimeNs t) const;

    // The kinds a stage flashes, in StageFlash order.
    static constexpr std::array<MarkKind, 4> kFlashKinds = {
        MarkKind::FailedAcquire, MarkKind::DropRequest, MarkKind::ForcedHandoff, MarkKind::IoEnd};

private:
    // Times of one row's marks of some kinds, sorted, each with its position among the row's
    // marks (which orders marks at the same instant).
    struct MarkTimes {
        std::vector<TimeNs> times;
        std::vector<std::uint32_t> order;
        // The last one at or before t: its index, or -1.
        std::ptrdiff_t lastAtOrBefore(TimeNs t) const;
    };
    struct RowIndex {
        MarkTimes requests, acquires, releases;
        MarkTimes reentries; // failed wake-ups, timeouts, drop requests: back in the queue
        std::array<MarkTimes, kFlashKinds.size()> flashes;
        std::vector<TimeNs> sortedMarks; // every mark, sorted (stepping)
    };
    // A value that changes at given times: values[i] holds from starts[i].
    struct Steps {
        std::vector<TimeNs> starts;
        std::vector<int> values;
        int at(TimeNs t, int before) const;
        void append(TimeNs t, int v);
    };
    struct GilIndex {
        StageGil info;
        std::vector<int> rows;
        Steps holder;
        bool fromMarks = true; // false: holder follows the running row (no acquire marks)
    };

    void buildRows();
    void buildGils();
    void buildCores();
    std::vector<int> waitersOf(const GilIndex &gil, TimeNs t, int holder) const;

    TracePtr m_trace;
    std::vector<RowIndex> m_rows;
    std::vector<GilIndex> m_gils;
    std::vector<Steps> m_cores;
};

// The stage of `trace` at t, building a StageIndex for this one query. Scrubbing code keeps a
// StageIndex instead.
Stage stageAt(const Trace &trace, TimeNs t, TimeNs lookBack = 0);

} // namespace gilscope::core
