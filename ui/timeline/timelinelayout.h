#pragma once

#include "pixels/traceindex.h"

#include <QString>

#include <optional>
#include <vector>

namespace gilscope::ui {

// Where each lane of the timeline sits vertically, in row units from the top (row 0 = main
// thread, as Beazley drew it): optional summary lanes first, then the thread rows, grouped under
// a header per process / interpreter when the trace has several.
struct TimelineLane {
    enum class Kind { Holder, Busy, Thread, GroupHeader };
    Kind kind = Kind::Thread;
    int index = 0;  // thread row, or holder lane number
    double top = 0; // in row units
    double bottom = 0;
    QString label;
    bool striped = false; // every other thread row gets a faint background band

    double centre() const { return (top + bottom) / 2; }
};

class TimelineLayout {
public:
    static constexpr double kRowHeight = 1.0;
    static constexpr double kHeaderHeight = 0.55;
    static constexpr double kSummaryGap = 0.35;
    // Room left above a row that carries an annotation, so its callout covers no other row.
    static constexpr double kCalloutRoom = 1.0;

    TimelineLayout() = default;
    // `rows`: the thread rows to show, top to bottom (an export that hides or reorders some);
    // nothing: every row in the trace's order. Rows of one group stay together under its header,
    // groups in the order their first row comes. `calloutRows`: thread rows that get
    // kCalloutRoom above them.
    static TimelineLayout build(const core::TraceIndex &index, bool holderLanes, bool busyLane,
                                const std::optional<std::vector<int>> &rows = std::nullopt,
                                const std::vector<int> &calloutRows = {});

    const std::vector<TimelineLane> &lanes() const { return m_lanes; }
    double height() const { return m_height; }
    // The lane under a vertical position (row units), if any.
    const TimelineLane *laneAt(double y) const;
    // The lane showing thread row `row`.
    const TimelineLane *laneOfRow(int row) const;

private:
    std::vector<TimelineLane> m_lanes;
    double m_height = 0;
};

} // namespace gilscope::ui
