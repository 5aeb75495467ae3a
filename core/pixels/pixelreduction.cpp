#include "pixels/pixelreduction.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>

namespace gilscope::core {

namespace {

// Columns spanning at most this many segments are summed directly; wider ones through the
// lane's block totals.
constexpr std::size_t kDirectSegments = 8;
constexpr std::size_t kPrefetchColumns = 2;

// Walks the columns once. For a column inside a single segment calls single(i, segment);
// otherwise totals(i, sums, a, b) with the covered time (or level integral) per slot.
template <typename Single, typename Sums>
void walkColumns(const PixelLane &lane, const PixelGrid &grid, Single single, Sums sums) {
    PixelLane::Totals before{}, after{}, within{};
    bool beforeValid = false;
    const double first = lane.empty() ? 0.0 : static_cast<double>(lane.start(0));
    const double last = lane.empty() ? 0.0 : static_cast<double>(lane.segmentEnd(lane.size() - 1));
    const int width = lane.mode() == PixelLane::Mode::Categories ? lane.categoryCount() : 1;
    std::size_t j = 0;
    std::size_t span = 1; // segments per column lately: where the next edge probably falls
    double a = grid.edge(0);
    for (int i = 0; i < grid.columns; ++i) {
        const double b = grid.edge(i + 1);
        if (lane.empty() || b <= first || a >= last) {
            within.fill(0.0);
            sums(i, within, a, b);
            beforeValid = false;
        } else {
            j = lane.seek(a, j);
            if (a >= first && b <= static_cast<double>(lane.segmentEnd(j))) {
                single(i, j);
                beforeValid = false;
            } else {
                const std::size_t jb = lane.seek(b, j + span);
                span = std::max<std::size_t>(1, jb - j);
                // Memory latency, not arithmetic, bounds long traces: fetch a few columns ahead.
                lane.prefetch(jb + kPrefetchColumns * span);
                if (jb - j <= kDirectSegments) {
                    within.fill(0.0);
                    lane.addDirect(a, b, j, within);
                    beforeValid = false;
                } else {
                    if (!beforeValid)
                        lane.totalsBefore(a, j, before);
                    lane.totalsBefore(b, jb, after);
                    for (int c = 0; c < width; ++c)
                        within[c] = after[c] - before[c];
                    before = after;
                    beforeValid = true;
                }
                sums(i, within, a, b);
                j = jb;
            }
        }
        a = b;
    }
}

std::uint8_t dominant(const PixelLane &lane, PixelLane::Totals &t, double a, double b,
                      Dominance rule) {
    const int n = lane.categoryCount();
    const int background = lane.uncovered();
    double covered = 0;
    for (int c = 0; c < n; ++c)
        covered += t[c];
    t[background] += (b - a) - covered;
    // Rounding in the partial segments must not decide a tie.
    const double eps = (b - a) * 1e-9;
    const bool skipBackground =
        rule == Dominance::ForegroundFirst && t[background] < (b - a) / 2 - eps;
    double best = -1;
    for (int c = 0; c < n; ++c)
        if (!(skipBackground && c == background))
            best = std::max(best, t[c]);
    for (int c = 0; c < n; ++c)
        if (!(skipBackground && c == background) && t[c] >= best - eps)
            return static_cast<std::uint8_t>(c);
    return lane.uncovered();
}

} // namespace

void dominantPerColumn(const PixelLane &lane, const PixelGrid &grid, std::span<std::uint8_t> out,
                       Dominance rule) {
    assert(lane.mode() == PixelLane::Mode::Categories);
    assert(out.size() >= static_cast<std::size_t>(std::max(grid.columns, 0)));
    if (!grid.isValid())
        return;
    walkColumns(
        lane, grid,
        [&](int i, std::size_t segment) {
            out[i] = static_cast<std::uint8_t>(lane.value(segment));
        },
        [&](int i, PixelLane::Totals &t, double a, double b) {
            out[i] = dominant(lane, t, a, b, rule);
        });
}

std::vector<std::uint8_t> dominantPerColumn(const PixelLane &lane, const PixelGrid &grid,
                                            Dominance rule) {
    std::vector<std::uint8_t> out(std::max(grid.columns, 0), lane.uncovered());
    dominantPerColumn(lane, grid, out, rule);
    return out;
}

void proportionalPerColumn(const PixelLane &lane, const PixelGrid &grid,
                           std::span<std::uint8_t> out) {
    assert(lane.mode() == PixelLane::Mode::Categories);
    assert(out.size() >= static_cast<std::size_t>(std::max(grid.columns, 0)));
    if (!grid.isValid())
        return;
    const int n = lane.categoryCount();
    const int background = lane.uncovered();
    // What each category is owed: its shares so far minus the columns it was given.
    std::array<double, PixelLane::kMaxCategories> owed{};
    walkColumns(
        lane, grid,
        [&](int i, std::size_t segment) {
            out[i] = static_cast<std::uint8_t>(lane.value(segment));
            owed.fill(0.0);
        },
        [&](int i, PixelLane::Totals &t, double a, double b) {
            const double span = b - a;
            double covered = 0;
            for (int c = 0; c < n; ++c)
                covered += t[c];
            if (covered <= span * 1e-9) {
                out[i] = static_cast<std::uint8_t>(background);
                owed.fill(0.0);
                return;
            }
            t[background] += span - covered;
            int best = 0;
            for (int c = 0; c < n; ++c) {
                owed[c] += t[c] / span;
                // Ties go to the lower category, as in dominantPerColumn; rounding in the partial
                // segments must not decide them.
                if (owed[c] > owed[best] + 1e-9)
                    best = c;
            }
            owed[best] -= 1.0;
            out[i] = static_cast<std::uint8_t>(best);
        });
}

std::vector<std::uint8_t> proportionalPerColumn(const PixelLane &lane, const PixelGrid &grid) {
    std::vector<std::uint8_t> out(std::max(grid.columns, 0), lane.uncovered());
    proportionalPerColumn(lane, grid, out);
    return out;
}

void meanPerColumn(const PixelLane &lane, const PixelGrid &grid, std::span<float> out) {
    assert(lane.mode() == PixelLane::Mode::Levels);
    assert(out.size() >= static_cast<std::size_t>(std::max(grid.columns, 0)));
    if (!grid.isValid())
        return;
    walkColumns(
        lane, grid,
        [&](int i, std::size_t segment) { out[i] = static_cast<float>(lane.value(segment)); },
        [&](int i, PixelLane::Totals &t, double a, double b) {
            out[i] = static_cast<float>(t[0] / (b - a));
        });
}

std::vector<float> meanPerColumn(const PixelLane &lane, const PixelGrid &grid) {
    std::vector<float> out(std::max(grid.columns, 0), 0.0f);
    meanPerColumn(lane, grid, out);
    return out;
}

void marksPerColumn(const PixelMarks &marks, const PixelGrid &grid, MarkKindSet wanted,
                    std::span<MarkKindSet> out) {
    assert(out.size() >= static_cast<std::size_t>(std::max(grid.columns, 0)));
    if (!grid.isValid())
        return;
    std::fill_n(out.begin(), grid.columns, MarkKindSet(0));
    std::size_t lo = marks.lowerBound(grid.edge(0));
    for (int i = 0; i < grid.columns && lo < marks.size(); ++i) {
        const std::size_t hi = marks.lowerBound(grid.edge(i + 1), lo);
        if (hi > lo)
            out[i] = marks.kindsIn(lo, hi) & wanted;
        lo = hi;
    }
}

std::vector<MarkKindSet> marksPerColumn(const PixelMarks &marks, const PixelGrid &grid,
                                        MarkKindSet wanted) {
    std::vector<MarkKindSet> out(std::max(grid.columns, 0), MarkKindSet(0));
    marksPerColumn(marks, grid, wanted, out);
    return out;
}

void markCountsPerColumn(const PixelMarks &marks, const PixelGrid &grid,
                         std::span<std::uint32_t> out) {
    assert(out.size() >= static_cast<std::size_t>(std::max(grid.columns, 0)));
    if (!grid.isValid())
        return;
    std::fill_n(out.begin(), grid.columns, 0u);
    std::size_t lo = marks.lowerBound(grid.edge(0));
    for (int i = 0; i < grid.columns && lo < marks.size(); ++i) {
        const std::size_t hi = marks.lowerBound(grid.edge(i + 1), lo);
        out[i] = static_cast<std::uint32_t>(std::min<std::size_t>(hi - lo, UINT32_MAX));
        lo = hi;
    }
}

PixelLane::Totals totalsWithin(const PixelLane &lane, double a, double b) {
    PixelLane::Totals t{};
    if (!(b > a))
        return t;
    if (!lane.empty()) {
        PixelLane::Totals before{}, after{};
        const std::size_t ja = lane.seek(a);
        lane.totalsBefore(a, ja, before);
        lane.totalsBefore(b, lane.seek(b, ja), after);
        for (int c = 0; c < PixelLane::kMaxCategories; ++c)
            t[c] = after[c] - before[c];
    }
    if (lane.mode() == PixelLane::Mode::Categories) {
        double covered = 0;
        for (int c = 0; c < lane.categoryCount(); ++c)
            covered += t[c];
        t[lane.uncovered()] += (b - a) - covered;
    }
    return t;
}

std::vector<ThreadState> statesPerColumn(const ThreadTrack &track, TimeNs traceEnd,
                                         const PixelGrid &grid) {
    static_assert(sizeof(ThreadState) == 1);
    const auto lane = PixelLane::categories(
        track.segmentStart,
        std::span(reinterpret_cast<const std::uint8_t *>(track.segmentState.data()),
                  track.segmentState.size()),
        traceEnd, static_cast<int>(kThreadStateCount),
        static_cast<std::uint8_t>(ThreadState::Absent));
    const auto columns = proportionalPerColumn(lane, grid);
    std::vector<ThreadState> out(columns.size());
    std::transform(columns.begin(), columns.end(), out.begin(),
                   [](std::uint8_t c) { return static_cast<ThreadState>(c); });
    return out;
}

} // namespace gilscope::core
