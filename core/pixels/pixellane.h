#pragma once

#include "trace/timetypes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gilscope::core {

// A step function over time, prepared for per-pixel reduction: value i holds on
// [start[i], start[i + 1]), the last one up to `end`; before start[0] and after `end` the lane
// has no data. The lane borrows its starts and values (from a Trace or a TraceIndex), so the
// owner must outlive it.
//
// Besides the borrowed data it keeps, every kBlockSize segments, the running totals the
// reduction needs (time per category, or the integral of the level), so the totals over any
// [a, b) cost O(log n + kBlockSize) however long the lane is. About 2 bytes a segment for a
// thread row.
class PixelLane {
public:
    static constexpr int kMaxCategories = 16;
    static constexpr std::size_t kBlockSize = 32;
    using Totals = std::array<double, kMaxCategories>;

    enum class Mode : std::uint8_t { Categories, Levels };

    PixelLane() = default;
    // Each value is a category (< categoryCount, <= kMaxCategories); time without data counts
    // as category `uncovered`. Thread rows: ThreadState values, uncovered = Absent.
    static PixelLane categories(std::span<const TimeNs> starts,
                                std::span<const std::uint8_t> values, TimeNs end, int categoryCount,
                                std::uint8_t uncovered);
    // Each value is a level (busy cores); the reduction averages it, time without data as 0.
    static PixelLane levels(std::span<const TimeNs> starts, std::span<const std::uint16_t> levels,
                            TimeNs end);

    Mode mode() const { return m_mode; }
    std::size_t size() const { return m_starts.size(); }
    bool empty() const { return m_starts.empty(); }
    int categoryCount() const { return m_categoryCount; }
    std::uint8_t uncovered() const { return m_uncovered; }
    TimeNs end() const { return m_end; }
    TimeNs start(std::size_t i) const { return m_starts[i]; }
    // End of segment i, never before its start.
    TimeNs segmentEnd(std::size_t i) const;
    // Category (Categories) or level (Levels) of segment i.
    unsigned value(std::size_t i) const {
        return m_mode == Mode::Categories ? m_categories[i] : m_levels[i];
    }

    // Index of the last segment starting at or before t, searching outward from `hint` (a
    // guess: any index is correct, a near one is fast); 0 when t is before the first segment.
    std::size_t seek(double t, std::size_t hint = 0) const;
    // Asks the CPU to fetch what reading around segment i will need (a hint, no effect on
    // results): the reduction overlaps the next column's memory latency with this one's work.
    void prefetch(std::size_t i) const;

    // Covered time before t, per category (Categories) or as the level integral in slot 0
    // (Levels). `segment` must be seek(t). Slots past categoryCount() are left untouched.
    void totalsBefore(double t, std::size_t segment, Totals &out) const;

    // Covered time within [a, b) added segment by segment from `segment` = seek(a); the cheap
    // path when [a, b) spans only a few segments.
    void addDirect(double a, double b, std::size_t segment, Totals &out) const;

private:
    int width() const { return m_mode == Mode::Categories ? m_categoryCount : 1; }
    int bucket(std::size_t i) const { return m_mode == Mode::Categories ? m_categories[i] : 0; }
    std::int64_t weight(std::size_t i) const {
        return m_mode == Mode::Categories ? 1 : static_cast<std::int64_t>(m_levels[i]);
    }
    void buildBlocks();
    // Adds whole segments [from, to) into acc (time per category, or the level integral).
    template <typename Acc> void sumSegments(std::size_t from, std::size_t to, Acc &acc) const;

    Mode m_mode = Mode::Categories;
    std::span<const TimeNs> m_starts;
    std::span<const std::uint8_t> m_categories;
    std::span<const std::uint16_t> m_levels;
    TimeNs m_end = 0;
    int m_categoryCount = 1;
    std::uint8_t m_uncovered = 0;
    // (blocks + 1) rows of width() totals: row k sums segments [0, k * kBlockSize); the last
    // row sums every segment.
    std::vector<std::int64_t> m_blockTotals;
    // Start of each block's first segment: a search array small enough to stay in cache.
    std::vector<TimeNs> m_blockFirst;
};

} // namespace gilscope::core
