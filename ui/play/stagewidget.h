#pragma once

#include "slide/timelinetheme.h"
#include "stage/stage.h"

#include <QWidget>

namespace gilscope::ui {

class PlayController;

// The stage panel: the scheduler at the playhead, drawn by StagePainter with the timeline's
// colours, in type large enough to read on a projected screen.
class StageWidget : public QWidget {
    Q_OBJECT
public:
    explicit StageWidget(PlayController *controller, QWidget *parent = nullptr);

    void setTheme(const TimelineTheme &theme);
    // The stage now shown (tests read it).
    const core::Stage &stage() const { return m_stage; }
    QSize sizeHint() const override { return {520, 300}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    PlayController *m_controller;
    TimelineTheme m_theme = TimelineTheme::screenLight();
    core::Stage m_stage;
    bool m_stale = true; // hidden panels do not index a new trace until they are shown
};

} // namespace gilscope::ui
