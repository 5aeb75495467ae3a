#pragma once

#include "pixels/traceindex.h"
#include "stage/stageindex.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace gilscope::ui {

// The playhead: a time in the shown trace that advances at `speed` simulated nanoseconds per
// wall-clock second while playing, and steps from event to event. Knows nothing of widgets: the
// play bar, the playhead line and the stage panel all follow its signals.
class PlayController : public QObject {
    Q_OBJECT
public:
    // Speeds from 1 µs to 1 s of simulated time per second, on a log scale.
    static constexpr double kMinSpeed = 1e3;
    static constexpr double kMaxSpeed = 1e9;
    static constexpr double kDefaultSpeed = 1e5; // 100 µs/s: a legacy battle's checks are visible
    static constexpr int kTickMs = 16;

    explicit PlayController(QObject *parent = nullptr);

    // A new trace: playing stops; the playhead keeps its time (within the new trace).
    void setIndex(core::TraceIndexPtr index);
    const core::TraceIndexPtr &index() const { return m_index; }
    // Built on the first call after a new trace (the stage is only needed while playing).
    const core::StageIndex *stageIndex();

    core::TimeNs time() const { return m_time; }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    // How far back the stage's flashes reach: half a second of playing.
    core::TimeNs flashWindow() const;

    // Slider positions 0..kSliderSteps map onto the speeds log-evenly.
    static constexpr int kSliderSteps = 600;
    static int sliderForSpeed(double nsPerSecond);
    static double speedForSlider(int position);

public slots:
    void setTime(core::TimeNs t);
    void setSpeed(double nsPerSecond);
    void play();
    void pause();
    void togglePlay();
    // To the next (previous) state change or mark of any thread; pauses.
    void stepForward();
    void stepBack();
    // Advances as if `wallMs` of wall time had passed (the timer calls it; tests call it).
    void advance(double wallMs);

signals:
    void timeChanged(gilscope::core::TimeNs t);
    void playingChanged(bool playing);
    void speedChanged(double nsPerSecond);
    void indexChanged();

private:
    core::TraceIndexPtr m_index;
    std::unique_ptr<core::StageIndex> m_stage;
    core::TimeNs m_time = 0;
    double m_speed = kDefaultSpeed;
    double m_carry = 0; // fractions of a nanosecond between ticks at slow speeds
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace gilscope::ui
