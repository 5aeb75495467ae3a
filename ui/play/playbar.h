#pragma once

#include <QToolBar>

class QAction;
class QCheckBox;
class QLabel;
class QSlider;

namespace gilscope::ui {

class PlayController;

// The play controls: step back (←), Play/Pause (Space), step forward (→), the speed in simulated
// time per second on a log slider (1 µs/s to 1 s/s), Follow, and the playhead's time.
class PlayBar : public QToolBar {
    Q_OBJECT
public:
    explicit PlayBar(PlayController *controller, QWidget *parent = nullptr);

    QAction *playAction() const { return m_play; }
    QAction *stepForwardAction() const { return m_forward; }
    QAction *stepBackAction() const { return m_back; }
    QSlider *speedSlider() const { return m_speed; }
    QLabel *speedLabel() const { return m_speedLabel; }
    QLabel *timeLabel() const { return m_timeLabel; }
    QCheckBox *followBox() const { return m_follow; }
    bool follows() const;

    // "100 µs/s": simulated time per second of playing.
    static QString speedText(double nsPerSecond);

private:
    void showPlaying(bool playing);

    PlayController *m_controller;
    QAction *m_back;
    QAction *m_play;
    QAction *m_forward;
    QSlider *m_speed;
    QLabel *m_speedLabel;
    QCheckBox *m_follow;
    QLabel *m_timeLabel;
};

} // namespace gilscope::ui
