#pragma once

#include "pixels/pixellane.h"
#include "pixels/pixelmarks.h"
#include "trace/trace.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace gilscope::core {

// Everything the timeline needs to draw a Trace at any zoom in time proportional to pixels,
// built once per trace off the UI thread: a PixelLane and PixelMarks per thread row, plus the
// summary lanes ("who holds each GIL", "how many threads run"). Holds the trace alive; the
// lanes borrow its vectors. Immutable once built; share it through TraceIndexPtr.
class TraceIndex {
public:
    // Holder lanes colour a holder by its position among its GIL's rows, cycling this many.
    static constexpr int kHolderColours = 8;
    static constexpr std::uint8_t kFree = 0; // holder-lane category: nobody holds the GIL

    // Who holds one GIL over time. Category 0 = free, 1 + (position % kHolderColours) otherwise.
    struct HolderLane {
        int gilId = -1;
        std::vector<TimeNs> starts;
        std::vector<std::uint8_t> colours;
        std::vector<std::int32_t> holders; // row index in the trace, -1 when free
        PixelLane lane;
    };

    // Returns nullptr when `cancel` became true during the build.
    static std::shared_ptr<const TraceIndex> build(std::shared_ptr<const Trace> trace,
                                                   const std::atomic<bool> *cancel = nullptr);

    TraceIndex(const TraceIndex &) = delete;
    TraceIndex &operator=(const TraceIndex &) = delete;

    const Trace &trace() const { return *m_trace; }
    const std::shared_ptr<const Trace> &tracePtr() const { return m_trace; }
    std::size_t rowCount() const { return m_rows.size(); }
    const PixelLane &row(std::size_t i) const { return m_rows[i]; }
    const PixelMarks &marks(std::size_t i) const { return m_marks[i]; }

    // One lane per GIL shared by two or more rows, in order of gilId.
    const std::vector<HolderLane> &holderLanes() const { return m_holders; }
    // Holder-lane category of a row (0 if its GIL has no holder lane).
    std::uint8_t holderColourOfRow(std::size_t row) const { return m_rowHolderColour[row]; }

    // Number of rows on a core at each moment: running Python, or in C code with the GIL released.
    const PixelLane &busyLane() const { return m_busy.lane; }
    int maxBusy() const { return m_maxBusy; }

private:
    TraceIndex() = default;
    bool buildSummaries(const std::atomic<bool> *cancel);

    struct LevelLane {
        std::vector<TimeNs> starts;
        std::vector<std::uint16_t> levels;
        PixelLane lane;
    };

    std::shared_ptr<const Trace> m_trace;
    std::vector<PixelLane> m_rows;
    std::vector<PixelMarks> m_marks;
    std::vector<HolderLane> m_holders;
    std::vector<std::uint8_t> m_rowHolderColour;
    LevelLane m_busy;
    int m_maxBusy = 0;
};

using TraceIndexPtr = std::shared_ptr<const TraceIndex>;

} // namespace gilscope::core
