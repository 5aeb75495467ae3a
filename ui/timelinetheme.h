#pragma once

#include "trace.h"
#include "traceindex.h"

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

    QColor stateColor(core::ThreadState s) const { return state[static_cast<std::size_t>(s)]; }
    // Holder-lane category (TraceIndex::HolderLane::colours) to colour; invalid for "free".
    QColor holderColor(unsigned category) const {
        return category == core::TraceIndex::kFree ? QColor()
                                                   : holder[(category - 1) % holder.size()];
    }

    static TimelineTheme screenLight();
    static TimelineTheme screenDark();
    // The screen theme that suits a palette: dark when its window colour is dark.
    static TimelineTheme forPalette(const QPalette &palette);
};

// Human names for states and marks, as the legend and tooltips say them.
QString stateLabel(core::ThreadState state);
QString markLabel(core::MarkKind kind);
// What a mark means, in a sentence.
QString markExplanation(core::MarkKind kind);

} // namespace gilscope::ui
