#pragma once

#include "scenario/annotation.h"

#include <qcustomplot.h>

#include <QFontMetricsF>
#include <QStringList>

#include <vector>

namespace gilscope::ui {

class TimelinePlottable;

// Splits `text` into lines no wider than `width` at word boundaries (a word wider than the line
// is broken); at most `maxLines`, the last elided when the text goes on.
QStringList wrapToWidth(const QString &text, const QFontMetricsF &metrics, double width,
                        int maxLines);

// Where one callout goes: its text box and the arrow from the box to its moment on a row.
struct CalloutGeometry {
    QRectF box;        // empty: not drawn (row hidden or absent, time out of range)
    QPointF tail, tip; // the arrow, from the box's edge to the row's bar
    QStringList lines;
};

// Where callouts may go: inside `bounds` (the page or widget minus a margin), best inside
// `preferred` (the part over the chart), never over `avoid` (title, legend, caption) unless there
// is no other room, and preferably not over `rows` (the thread bars: the data).
struct CalloutSpace {
    QRectF bounds;
    QRectF preferred;
    std::vector<QRectF> avoid;
    std::vector<QRectF> rows;
};

// A callout's text and the moment it points at: x is the time, y the top of the row's bar.
// A target with NaN x is skipped (its row hidden, its time outside the range).
struct CalloutTarget {
    QPointF barTop;
    double barHeight = 0;
    QString text;
};

// Places each callout above its row when there is room, else below, a step further out when it
// would cover an earlier callout or the `space`'s avoided parts, and pulled inside the bounds
// whatever happens, so no callout is ever cut by the page edge. Pure, for tests.
std::vector<CalloutGeometry> placeCallouts(const std::vector<CalloutTarget> &targets,
                                           const QFontMetricsF &metrics, const CalloutSpace &space);

// The annotations of a timeline drawn over it: a boxed text with an arrow to a time on a thread
// row, in the chart's theme and row-label type, so the window and every export (which draws the
// same view at slide size) show them alike. Annotations on a row the layout does not show
// (hidden in an export, absent from the trace) or at a time outside the range are left out.
class TimelineAnnotations : public QCPLayerable {
    Q_OBJECT
public:
    TimelineAnnotations(QCustomPlot *plot, TimelinePlottable *timeline, const QString &layer);

    void setAnnotations(std::vector<core::Annotation> annotations);
    const std::vector<core::Annotation> &annotations() const { return m_annotations; }
    // The annotation whose box or arrow is under `pos` (widget pixels) as last drawn; -1: none.
    int annotationAt(const QPointF &pos) const;
    // Each annotation's callout as last drawn, in the plot's pixels (tests, hit testing).
    const std::vector<CalloutGeometry> &callouts() const { return m_callouts; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override;
    void draw(QCPPainter *painter) override;

private:
    std::vector<CalloutGeometry> layout(const QFontMetricsF &metrics) const;

    TimelinePlottable *m_timeline;
    std::vector<core::Annotation> m_annotations;
    std::vector<CalloutGeometry> m_callouts;
};

} // namespace gilscope::ui
