#include "pixels/pixelmarks.h"

#include <algorithm>
#include <cassert>

namespace gilscope::core {

PixelMarks::PixelMarks(std::span<const TimeNs> times, std::span<const MarkKind> kinds)
    : m_times(times)
    , m_kinds(kinds) {
    assert(times.size() == kinds.size());
    m_blockKinds.assign((times.size() + kBlockSize - 1) / kBlockSize, 0);
    for (std::size_t i = 0; i < kinds.size(); ++i)
        m_blockKinds[i / kBlockSize] |= markBit(kinds[i]);
}

std::size_t PixelMarks::lowerBound(double t, std::size_t from) const {
    const std::size_t n = m_times.size();
    if (from >= n)
        return n;
    if (from > 0 && static_cast<double>(m_times[from - 1]) >= t)
        from = 0;
    std::size_t lo = from, step = 1;
    // Gallop: marks[lo] < t is established before each jump.
    if (static_cast<double>(m_times[lo]) >= t)
        return lo;
    while (lo + step < n && static_cast<double>(m_times[lo + step]) < t) {
        lo += step;
        step *= 2;
    }
    const std::size_t hi = std::min(lo + step, n);
    auto it = std::lower_bound(m_times.begin() + lo + 1, m_times.begin() + hi, t,
                               [](TimeNs s, double v) { return static_cast<double>(s) < v; });
    return static_cast<std::size_t>(it - m_times.begin());
}

MarkKindSet PixelMarks::kindsIn(std::size_t first, std::size_t last) const {
    MarkKindSet set = 0;
    last = std::min(last, m_times.size());
    while (first < last && first % kBlockSize != 0)
        set |= markBit(m_kinds[first++]);
    while (first + kBlockSize <= last) {
        set |= m_blockKinds[first / kBlockSize];
        first += kBlockSize;
    }
    while (first < last)
        set |= markBit(m_kinds[first++]);
    return set;
}

} // namespace gilscope::core
