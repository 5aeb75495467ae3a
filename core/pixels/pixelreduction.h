#pragma once

// The one reduction from segments to pixel columns. The timeline, every export, the gallery
// thumbnails and the tests all call these functions, so what a column shows is defined once:
// proportionalPerColumn gives every state its share of the columns. Cost per lane is O(columns x
// (log n + PixelLane::kBlockSize)), independent of how many segments fold into a column.

#include "pixels/pixelgrid.h"
#include "pixels/pixellane.h"
#include "pixels/pixelmarks.h"
#include "trace/trace.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gilscope::core {

// How a column's categories are weighed.
enum class Dominance {
    // The category covering most of the column's time (thread rows).
    Plurality,
    // lane.uncovered() only when it covers at least half the column, otherwise the other
    // category with the most time: a GIL held 60 % of a column by two threads taking turns
    // shows as held, not as free (holder lanes).
    ForegroundFirst,
};

// For each column, the category covering most of its time; time without data counts as
// lane.uncovered(). Ties go to the lower category (for thread rows: Running, then
// WaitingForGil, Ready, Io, Starting, Done, Absent). `out` holds grid.columns values.
void dominantPerColumn(const PixelLane &lane, const PixelGrid &grid, std::span<std::uint8_t> out,
                       Dominance rule = Dominance::Plurality);
std::vector<std::uint8_t> dominantPerColumn(const PixelLane &lane, const PixelGrid &grid,
                                            Dominance rule = Dominance::Plurality);

// For each column, a category chosen so that every category keeps its share of the pixels: a
// column inside one segment shows that segment (so zooming in converges to the exact drawing);
// a column mixing categories shows the one furthest behind its share so far, carrying each
// category's remainder to the next columns (error diffusion from left to right). Over any run of
// columns each category gets its share of their time to within one column, so a thread that runs
// 30 % of a busy stretch is green in 30 % of its pixels there, however finely the states alternate
// — a minority state never vanishes. Time without data counts as lane.uncovered(). A column that
// covers only uncovered time shows uncovered and forgets the remainders, as does every column
// inside one segment: the carry never leaks across a quiet stretch.
void proportionalPerColumn(const PixelLane &lane, const PixelGrid &grid,
                           std::span<std::uint8_t> out);
std::vector<std::uint8_t> proportionalPerColumn(const PixelLane &lane, const PixelGrid &grid);

// For each column, the mean level over its time (Levels lanes), time without data as 0.
void meanPerColumn(const PixelLane &lane, const PixelGrid &grid, std::span<float> out);
std::vector<float> meanPerColumn(const PixelLane &lane, const PixelGrid &grid);

// For each column, which of the `wanted` mark kinds occur in it (a mark at t belongs to the
// column with edge(i) <= t < edge(i + 1)).
void marksPerColumn(const PixelMarks &marks, const PixelGrid &grid, MarkKindSet wanted,
                    std::span<MarkKindSet> out);
std::vector<MarkKindSet> marksPerColumn(const PixelMarks &marks, const PixelGrid &grid,
                                        MarkKindSet wanted);

// For each column, how many marks of any kind fall in it (the density the marks are drawn with).
void markCountsPerColumn(const PixelMarks &marks, const PixelGrid &grid,
                         std::span<std::uint32_t> out);

// Time per category within [a, b), time without data in lane.uncovered() (Categories lanes);
// for Levels lanes slot 0 holds the level integral.
PixelLane::Totals totalsWithin(const PixelLane &lane, double a, double b);

// One thread row straight from a Trace (builds the row's lane first: O(n)), as the timeline
// draws it (proportionalPerColumn).
std::vector<ThreadState> statesPerColumn(const ThreadTrack &track, TimeNs traceEnd,
                                         const PixelGrid &grid);

} // namespace gilscope::core
