#include "timeline/zoomhistory.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>

namespace gilscope::ui {

ZoomHistory::ZoomHistory(QObject *parent)
    : QObject(parent)
    , m_zoomIn(new QAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), this))
    , m_zoomOut(new QAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), this))
    , m_fit(
          new QAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), tr("Zoom to &Fit"), this))
    , m_backAction(
          new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("&Back"), this)) {
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOut->setShortcuts(QKeySequence::ZoomOut);
    m_fit->setShortcuts({QKeySequence(Qt::Key_Home), QKeySequence(Qt::CTRL | Qt::Key_0)});
    m_backAction->setShortcuts({QKeySequence::Back, QKeySequence(Qt::Key_Backspace)});
    m_zoomIn->setToolTip(
        tr("Zoom in around the centre (or use the mouse wheel over the timeline)"));
    m_fit->setToolTip(tr("Show the whole run"));
    m_backAction->setToolTip(tr("Return to the previous zoom"));
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoomBy(0.5); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoomBy(2.0); });
    connect(m_fit, &QAction::triggered, this, &ZoomHistory::zoomToFit);
    connect(m_backAction, &QAction::triggered, this, &ZoomHistory::back);
    updateActions();
}

core::TimeWindow ZoomHistory::limited(core::TimeWindow w) const {
    if (!w.isValid())
        return m_extent;
    if (w.span() < kMinSpanNs) {
        const double mid = (w.begin + w.end) / 2;
        w = {mid - kMinSpanNs / 2, mid + kMinSpanNs / 2};
    }
    return w.clampedTo(m_extent);
}

void ZoomHistory::setExtent(core::TimeWindow extent) {
    if (!extent.isValid())
        extent = {0, 1e6};
    const bool follow = isFitted();
    m_extent = extent;
    apply(follow ? extent : limited(m_window));
}

void ZoomHistory::record() {
    if (!m_back.isEmpty() && m_back.last() == m_window)
        return;
    m_back.append(m_window);
    if (m_back.size() > kMaxHistory)
        m_back.removeFirst();
    updateActions();
}

void ZoomHistory::zoomTo(core::TimeWindow window) {
    const core::TimeWindow next = limited(window);
    if (next == m_window)
        return;
    record();
    apply(next);
}

void ZoomHistory::moveTo(core::TimeWindow window) {
    apply(limited(window));
}

void ZoomHistory::zoomBy(double factor) {
    const double mid = (m_window.begin + m_window.end) / 2;
    zoomTo(m_window.zoomedAround(mid, factor, kMinSpanNs));
}

void ZoomHistory::zoomToFit() {
    zoomTo(m_extent);
}

void ZoomHistory::back() {
    if (m_back.isEmpty())
        return;
    const core::TimeWindow previous = m_back.takeLast();
    apply(limited(previous));
}

void ZoomHistory::apply(core::TimeWindow window) {
    const bool changed = !(window == m_window);
    m_window = window;
    updateActions();
    if (changed)
        emit windowChanged(m_window);
}

void ZoomHistory::updateActions() {
    m_backAction->setEnabled(canGoBack());
    m_fit->setEnabled(!isFitted());
    m_zoomOut->setEnabled(!isFitted());
    m_zoomIn->setEnabled(m_window.span() > kMinSpanNs * 1.0001);
}

} // namespace gilscope::ui
