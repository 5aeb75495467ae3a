#pragma once

#include "trace/timetypes.h"
#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gilscope::core {

// A set of mark kinds as bits.
using MarkKindSet = std::uint16_t;
constexpr MarkKindSet markBit(MarkKind kind) {
    return MarkKindSet(1u << static_cast<unsigned>(kind));
}
static_assert(kMarkKindCount <= 16, "MarkKindSet holds one bit per MarkKind");

// One row's instant marks, prepared for per-pixel reduction: borrows the sorted times and kinds
// (from a ThreadTrack) and keeps, per kBlockSize marks, which kinds occur there, so the kinds
// within any time range cost O(log n + kBlockSize) even when millions of marks fold into it.
class PixelMarks {
public:
    static constexpr std::size_t kBlockSize = 64;

    PixelMarks() = default;
    PixelMarks(std::span<const TimeNs> times, std::span<const MarkKind> kinds);

    std::size_t size() const { return m_times.size(); }
    TimeNs time(std::size_t i) const { return m_times[i]; }
    MarkKind kind(std::size_t i) const { return m_kinds[i]; }

    // First mark at or after t, searching forward from `from` (every mark before `from` must
    // be earlier than t, or from = 0).
    std::size_t lowerBound(double t, std::size_t from = 0) const;
    // Kinds present among marks [first, last).
    MarkKindSet kindsIn(std::size_t first, std::size_t last) const;

private:
    std::span<const TimeNs> m_times;
    std::span<const MarkKind> m_kinds;
    std::vector<MarkKindSet> m_blockKinds;
};

} // namespace gilscope::core
