#pragma once

#include "pixels/traceindex.h"
#include "trace/trace.h"

#include <QColor>
#include <QString>

#include <array>

class QPalette;

namespace gilscope::ui {

// Every colour the timeline and its panels use, as data: the screen themes here, slide themes
// for exports alongside, no code forks. Beazley's vocabulary: green running, yellow the first
// failed wake-up, red each further one, grey I/O.
struct TimelineTheme {
    QString name;
    bool dark = false;
    QColor background, text, axis, grid, stripe, groupBand, groupText;
    // An invalid colour means "draw nothing" (Done, Absent).
    std::array<QColor, core::kThreadStateCount> state;
    QColor failedFirst, failedRepeated, dropRequest, forcedHandoff;
    std::array<QColor, core::TraceIndex::kHolderColours> holder;
    QColor busy;

    // Exports: type and lines are sized on a page `layoutHeight` pixels high that the export
    // scales to its own height (1080p: 1.5x for the slide themes, so a slide reads from the back
    // of a room). 0 lays out at the export's own size with the widget's fonts (screen themes).
    double layoutHeight = 0;
    double fontPx = 0;    // tick labels, row labels, legend, caption; 0: the widget's font
    double titlePx = 0;   // 0: the widget's title font
    double lineWidth = 1; // axis and grid lines
    double marginPx = 6;  // around the whole chart
    double maxRowPx = 0;  // tallest row; 0: as on screen (TimelineView::kMaxRowPx)

    QColor stateColor(core::ThreadState s) const { return state[static_cast<std::size_t>(s)]; }
    // Holder-lane category (TraceIndex::HolderLane::colours) to colour; invalid for "free".
    QColor holderColor(unsigned category) const {
        return category == core::TraceIndex::kFree ? QColor()
                                                   : holder[(category - 1) % holder.size()];
    }

    static TimelineTheme screenLight();
    static TimelineTheme screenDark();
    // For talks: stronger colours that survive a washed-out projector, large type, wide margins.
    static TimelineTheme slideLight();
    static TimelineTheme slideDark();
    // The screen theme that suits a palette: dark when its window colour is dark.
    static TimelineTheme forPalette(const QPalette &palette);
};

// Human names for states and marks, as the legend and tooltips say them.
QString stateLabel(core::ThreadState state);
QString markLabel(core::MarkKind kind);
// What a mark means, in a sentence.
QString markExplanation(core::MarkKind kind);

} // namespace gilscope::ui
