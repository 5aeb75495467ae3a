#pragma once

#include "pixels/timewindow.h"
#include "pixels/traceindex.h"

#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMainWindow;

namespace gilscope::ui {

class PlayBar;
class PlayController;
class PlayheadOverlay;
class StageWidget;
class TimelineView;

// Play mode in a window: the play bar, the playhead over the timeline and the stage panel in a
// dock, wired to one PlayController. The window adds it with one line and hands it each new
// run; View → Play Mode shows or hides it all. The arrow keys step through events only while
// play mode is on (otherwise they pan the chart, as before).
class PlayMode : public QObject {
    Q_OBJECT
public:
    PlayMode(QMainWindow *window, TimelineView *view);

    void setIndex(core::TraceIndexPtr index);
    PlayController *controller() const { return m_controller; }
    PlayBar *bar() const { return m_bar; }
    QDockWidget *stageDock() const { return m_dock; }
    StageWidget *stage() const { return m_stage; }
    PlayheadOverlay *playhead() const { return m_overlay; }
    // Checkable: shows the bar, the playhead and the stage.
    QAction *toggleAction() const { return m_toggle; }
    bool isOn() const;
    void setOn(bool on);

    // Starts the story at `range`: zooms the chart to it, puts the playhead at its start and
    // plays it through in about `seconds` of wall time (the gallery's Play buttons).
    void playRange(core::TimeWindow range, double seconds = 10);

private:
    void follow(core::TimeNs t);

    QPointer<TimelineView> m_view;
    PlayController *m_controller;
    PlayBar *m_bar;
    QDockWidget *m_dock;
    StageWidget *m_stage;
    PlayheadOverlay *m_overlay;
    QAction *m_toggle;
    core::TimeNs m_stopAt = -1; // playRange: pause here
};

} // namespace gilscope::ui
