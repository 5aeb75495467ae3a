#include "play/playheadoverlay.h"

#include "timeline/timelineview.h"

#include <QEvent>
#include <QPainter>

#include <cmath>
#include <limits>

namespace gilscope::ui {

PlayheadOverlay::PlayheadOverlay(TimelineView *view)
    : QWidget(view)
    , m_view(view) {
    setObjectName(QStringLiteral("playhead"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(view->rect());
    view->installEventFilter(this);
    // The chart moved or zoomed: the line follows its time.
    connect(view, &TimelineView::frameRendered, this, qOverload<>(&QWidget::update));
}

void PlayheadOverlay::setTime(core::TimeNs t) {
    if (t == m_time)
        return;
    m_time = t;
    update();
}

double PlayheadOverlay::lineX() const {
    if (!m_view)
        return std::numeric_limits<double>::quiet_NaN();
    const QRect chart = m_view->axisRect()->rect();
    const double x = m_view->xAt(static_cast<double>(m_time));
    if (!std::isfinite(x) || x < chart.left() - 0.5 || x > chart.right() + 0.5)
        return std::numeric_limits<double>::quiet_NaN();
    return x;
}

bool PlayheadOverlay::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view && event->type() == QEvent::Resize)
        setGeometry(m_view->rect());
    return QWidget::eventFilter(watched, event);
}

void PlayheadOverlay::paintEvent(QPaintEvent *) {
    const double x = lineX();
    if (!m_view || std::isnan(x))
        return;
    const QRect chart = m_view->axisRect()->rect();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor ink = m_view->theme().text;
    p.setPen(QPen(ink, 2));
    p.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom()));
    // A small handle on top, so the line reads as a playhead, not a grid line.
    p.setPen(Qt::NoPen);
    p.setBrush(ink);
    const QPointF tri[3] = {
        {x - 6, chart.top() - 8.0}, {x + 6, chart.top() - 8.0}, {x, chart.top() + 2.0}};
    p.drawPolygon(tri, 3);
}

} // namespace gilscope::ui
