#pragma once

#include "pixels/timewindow.h"

#include <QObject>
#include <QVector>

class QAction;

namespace gilscope::ui {

// The one place the visible time range lives. Views follow windowChanged(); menus, toolbars
// and shortcuts share its QActions (zoom in/out, zoom to fit, back), so every part of the
// window shows one state. Deliberate zooms (rubber band, fit, keyboard) and the start of each
// wheel or drag gesture are recorded, so Back retraces them.
class ZoomHistory : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinSpanNs = 10;
    static constexpr int kMaxHistory = 100;

    explicit ZoomHistory(QObject *parent = nullptr);

    core::TimeWindow window() const { return m_window; }
    core::TimeWindow extent() const { return m_extent; }
    // The window shows the whole extent, and keeps doing so when a new trace arrives.
    bool isFitted() const { return m_window == m_extent; }
    bool canGoBack() const { return !m_back.isEmpty(); }

    // A new trace: refits if the whole trace was shown, otherwise keeps the window inside it.
    void setExtent(core::TimeWindow extent);
    // Deliberate zoom: remembers the current window for Back.
    void zoomTo(core::TimeWindow window);
    // A step of a continuous gesture (pan, wheel): no history entry.
    void moveTo(core::TimeWindow window);
    // Remembers the current window (the start of a gesture).
    void record();
    // Zooms around the centre by `factor` (< 1 zooms in), recorded.
    void zoomBy(double factor);
    void zoomToFit();
    void back();

    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *fitAction() const { return m_fit; }
    QAction *backAction() const { return m_backAction; }

signals:
    void windowChanged(gilscope::core::TimeWindow window);

private:
    void apply(core::TimeWindow window);
    void updateActions();
    core::TimeWindow limited(core::TimeWindow window) const;

    core::TimeWindow m_extent{0, 1e6};
    core::TimeWindow m_window{0, 1e6};
    QVector<core::TimeWindow> m_back;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QAction *m_backAction;
};

} // namespace gilscope::ui
