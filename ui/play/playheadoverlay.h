#pragma once

#include "trace/timetypes.h"

#include <QPointer>
#include <QWidget>

namespace gilscope::ui {

class TimelineView;

// The playhead line over the timeline: a transparent child of the view that repaints only
// itself when the playhead moves, so playing never replots the chart.
class PlayheadOverlay : public QWidget {
    Q_OBJECT
public:
    explicit PlayheadOverlay(TimelineView *view);

    void setTime(core::TimeNs t);
    core::TimeNs time() const { return m_time; }
    // The line's x in the view's pixels; NaN when the playhead is outside the visible range.
    double lineX() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<TimelineView> m_view;
    core::TimeNs m_time = 0;
};

} // namespace gilscope::ui
