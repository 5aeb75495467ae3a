#include "pixels/pixellane.h"

#include <algorithm>
#include <cassert>

namespace gilscope::core {

PixelLane PixelLane::categories(std::span<const TimeNs> starts,
                                std::span<const std::uint8_t> values, TimeNs end, int categoryCount,
                                std::uint8_t uncovered) {
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
    m_blockFirst.resize(blocks);
    for (std::size_t k = 0; k < blocks; ++k)
        m_blockFirst[k] = m_starts[k * kBlockSize];
    std::array<std::int64_t, kMaxCategories> acc{};
    for (std::size_t i = 0; i < n; ++i) {
        if (i % kBlockSize == 0)
            std::copy_n(acc.begin(), w, m_blockTotals.begin() + (i / kBlockSize) * w);
        acc[bucket(i)] += weight(i) * (segmentEnd(i) - m_starts[i]);
    }
    std::copy_n(acc.begin(), w, m_blockTotals.begin() + blocks * w);
}

std::size_t PixelLane::seek(double t, std::size_t hint) const {
    const std::size_t n = m_starts.size();
    if (n == 0 || t < static_cast<double>(m_starts[0]))
        return 0;
    // First find the block in the small array of block starts, which stays in cache; a search
    // over the segments themselves would chain one memory miss after another on long traces.
    const std::size_t blocks = m_blockFirst.size();
    auto first = [this](std::size_t k) { return static_cast<double>(m_blockFirst[k]); };
    std::size_t lo, hi; // first(lo) <= t < first(hi), or hi == blocks
    std::size_t k = std::min(hint / kBlockSize, blocks - 1);
    if (first(k) <= t) {
        lo = k;
        std::size_t step = 1;
        while (lo + step < blocks && first(lo + step) <= t) {
            lo += step;
            step *= 2;
        }
        hi = std::min(lo + step, blocks);
    } else {
        hi = k;
        std::size_t step = 1;
        while (hi >= step && first(hi - step) > t) {
            hi -= step;
            step *= 2;
        }
        lo = hi >= step ? hi - step : 0;
    }
    auto bt = std::upper_bound(m_blockFirst.begin() + lo + 1, m_blockFirst.begin() + hi, t,
                               [](double v, TimeNs s) { return v < static_cast<double>(s); });
    const std::size_t block = static_cast<std::size_t>(bt - m_blockFirst.begin()) - 1;
    // Then the segment within the block.
    const std::size_t begin = block * kBlockSize;
    const std::size_t end = std::min(begin + kBlockSize, n);
    auto it = std::upper_bound(m_starts.begin() + begin + 1, m_starts.begin() + end, t,
                               [](double v, TimeNs s) { return v < static_cast<double>(s); });
    return static_cast<std::size_t>(it - m_starts.begin()) - 1;
}

void PixelLane::prefetch(std::size_t i) const {
#if defined(__GNUC__)
    if (i < m_starts.size()) {
        // The whole block around i: the in-block search and the walk to the nearer block
        // boundary read it, and fetching its lines together overlaps their latency.
        const std::size_t begin = i / kBlockSize * kBlockSize;
        const std::size_t end = std::min(begin + kBlockSize, m_starts.size());
        for (std::size_t k = begin; k < end; k += 64 / sizeof(TimeNs))
            __builtin_prefetch(m_starts.data() + k);
        __builtin_prefetch(m_blockTotals.data() + (i / kBlockSize) * width());
        __builtin_prefetch(m_blockTotals.data() + (i / kBlockSize + 1) * width());
        if (m_mode == Mode::Categories)
            __builtin_prefetch(m_categories.data() + begin);
        else
            __builtin_prefetch(m_levels.data() + begin);
    }
#else
    (void)i;
#endif
}

template <typename Acc>
void PixelLane::sumSegments(std::size_t from, std::size_t to, Acc &acc) const {
    // Hot loop of every frame: one branch on the mode outside, plain adds inside.
    const std::size_t n = m_starts.size();
    const std::size_t inner = std::min(to, n - 1); // segments with a successor
    if (m_mode == Mode::Categories) {
        for (std::size_t i = from; i < inner; ++i)
            acc[m_categories[i]] += std::max<TimeNs>(0, m_starts[i + 1] - m_starts[i]);
        if (to == n && from < n)
            acc[m_categories[n - 1]] += std::max<TimeNs>(0, m_end - m_starts[n - 1]);
    } else {
        for (std::size_t i = from; i < inner; ++i)
            acc[0] += static_cast<std::int64_t>(m_levels[i]) *
                      std::max<TimeNs>(0, m_starts[i + 1] - m_starts[i]);
        if (to == n && from < n)
            acc[0] += static_cast<std::int64_t>(m_levels[n - 1]) *
                      std::max<TimeNs>(0, m_end - m_starts[n - 1]);
    }
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
    if (j - low <= high - j) {
        sumSegments(low, j, acc);
        const std::int64_t *base = m_blockTotals.data() + k * w;
        for (int c = 0; c < w; ++c)
            out[c] = static_cast<double>(base[c] + acc[c]);
    } else {
        sumSegments(j, high, acc);
        const std::int64_t *base = m_blockTotals.data() + (k + 1) * w;
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
