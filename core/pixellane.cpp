#include "pixellane.h"

#include <algorithm>
#include <cassert>

namespace gilscope::core {

PixelLane PixelLane::categories(std::span<const TimeNs> starts, std::span<const std::uint8_t> values,
                                TimeNs end, int categoryCount, std::uint8_t uncovered) {
    assert(starts.size() == values.size());
    assert(categoryCount > 0 && categoryCount <= kMaxCategories && uncovered < categoryCount);
    PixelLane lane;
    lane.m_mode = Mode::Categories;
    lane.m_starts = starts;
    lane.m_categories = values;
    lane.m_end = end;
    lane.m_categoryCount = categoryCount;
    lane.m_uncovered = uncovered;
    lane.buildBlocks();
    return lane;
}

PixelLane PixelLane::levels(std::span<const TimeNs> starts, std::span<const std::uint16_t> levels,
                            TimeNs end) {
    assert(starts.size() == levels.size());
    PixelLane lane;
    lane.m_mode = Mode::Levels;
    lane.m_starts = starts;
    lane.m_levels = levels;
    lane.m_end = end;
    lane.m_categoryCount = 1;
    lane.m_uncovered = 0;
    lane.buildBlocks();
    return lane;
}

TimeNs PixelLane::segmentEnd(std::size_t i) const {
    const TimeNs next = i + 1 < m_starts.size() ? m_starts[i + 1] : m_end;
    return std::max(next, m_starts[i]);
}

void PixelLane::buildBlocks() {
    const std::size_t n = m_starts.size();
    const std::size_t blocks = (n + kBlockSize - 1) / kBlockSize;
    const int w = width();
    m_blockTotals.assign((blocks + 1) * static_cast<std::size_t>(w), 0);
    std::array<std::int64_t, kMaxCategories> acc{};
    for (std::size_t i = 0; i < n; ++i) {
        if (i % kBlockSize == 0)
            std::copy_n(acc.begin(), w, m_blockTotals.begin() + (i / kBlockSize) * w);
        acc[bucket(i)] += weight(i) * (segmentEnd(i) - m_starts[i]);
    }
    std::copy_n(acc.begin(), w, m_blockTotals.begin() + blocks * w);
}

std::size_t PixelLane::seek(double t, std::size_t from) const {
    const std::size_t n = m_starts.size();
    if (n == 0 || t < static_cast<double>(m_starts[0]))
        return 0;
    if (from >= n || static_cast<double>(m_starts[from]) > t)
        from = 0;
    // Gallop forward: successive pixel edges are usually a few segments apart.
    std::size_t lo = from, step = 1;
    while (lo + step < n && static_cast<double>(m_starts[lo + step]) <= t) {
        lo += step;
        step *= 2;
    }
    const std::size_t hi = std::min(lo + step, n);
    auto it = std::upper_bound(m_starts.begin() + lo + 1, m_starts.begin() + hi, t,
                               [](double v, TimeNs s) { return v < static_cast<double>(s); });
    return static_cast<std::size_t>(it - m_starts.begin()) - 1;
}

void PixelLane::totalsBefore(double t, std::size_t j, Totals &out) const {
    const int w = width();
    std::fill_n(out.begin(), w, 0.0);
    const std::size_t n = m_starts.size();
    if (n == 0 || t <= static_cast<double>(m_starts[0]))
        return;
    // Whole segments from the nearer block boundary, then the part of segment j before t.
    std::array<std::int64_t, kMaxCategories> acc{};
    const std::size_t k = j / kBlockSize;
    const std::size_t low = k * kBlockSize;
    const std::size_t high = std::min(low + kBlockSize, n);
    const std::int64_t *base;
    if (j - low <= high - j) {
        for (std::size_t i = low; i < j; ++i)
            acc[bucket(i)] += weight(i) * (segmentEnd(i) - m_starts[i]);
        base = m_blockTotals.data() + k * w;
        for (int c = 0; c < w; ++c)
            out[c] = static_cast<double>(base[c] + acc[c]);
    } else {
        for (std::size_t i = j; i < high; ++i)
            acc[bucket(i)] += weight(i) * (segmentEnd(i) - m_starts[i]);
        base = m_blockTotals.data() + (k + 1) * w;
        for (int c = 0; c < w; ++c)
            out[c] = static_cast<double>(base[c] - acc[c]);
    }
    const double partial =
        std::min(t, static_cast<double>(segmentEnd(j))) - static_cast<double>(m_starts[j]);
    if (partial > 0)
        out[bucket(j)] += static_cast<double>(weight(j)) * partial;
}

void PixelLane::addDirect(double a, double b, std::size_t j, Totals &out) const {
    const std::size_t n = m_starts.size();
    for (std::size_t i = j; i < n && static_cast<double>(m_starts[i]) < b; ++i) {
        const double lo = std::max(a, static_cast<double>(m_starts[i]));
        const double hi = std::min(b, static_cast<double>(segmentEnd(i)));
        if (hi > lo)
            out[bucket(i)] += static_cast<double>(weight(i)) * (hi - lo);
    }
}

} // namespace gilscope::core
