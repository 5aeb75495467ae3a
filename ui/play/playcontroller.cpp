#include "play/playcontroller.h"

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

PlayController::PlayController(QObject *parent)
    : QObject(parent) {
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Wall time actually passed: a slow frame does not slow the story down.
        const double ms = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
        m_clock.restart();
        advance(ms);
    });
}

void PlayController::setIndex(core::TraceIndexPtr index) {
    pause();
    m_index = std::move(index);
    m_stage.reset();
    // A re-run after a slider moved: the playhead stays where it was, inside the new run.
    m_time = std::clamp<core::TimeNs>(m_time, 0, m_index ? m_index->trace().endNs : 0);
    m_carry = 0;
    emit indexChanged();
    emit timeChanged(m_time);
}

const core::StageIndex *PlayController::stageIndex() {
    if (!m_stage && m_index)
        m_stage = std::make_unique<core::StageIndex>(m_index->tracePtr());
    return m_stage.get();
}

core::TimeNs PlayController::flashWindow() const {
    return std::max<core::TimeNs>(1, static_cast<core::TimeNs>(std::llround(m_speed * 0.5)));
}

int PlayController::sliderForSpeed(double nsPerSecond) {
    const double v = std::clamp(nsPerSecond, kMinSpeed, kMaxSpeed);
    return static_cast<int>(
        std::lround(std::log10(v / kMinSpeed) / std::log10(kMaxSpeed / kMinSpeed) * kSliderSteps));
}

double PlayController::speedForSlider(int position) {
    const double f = std::clamp(position, 0, kSliderSteps) / static_cast<double>(kSliderSteps);
    return kMinSpeed * std::pow(kMaxSpeed / kMinSpeed, f);
}

void PlayController::setTime(core::TimeNs t) {
    const core::TimeNs end = m_index ? m_index->trace().endNs : 0;
    t = std::clamp<core::TimeNs>(t, 0, std::max<core::TimeNs>(0, end));
    if (t == m_time)
        return;
    m_time = t;
    m_carry = 0;
    emit timeChanged(m_time);
}

void PlayController::setSpeed(double nsPerSecond) {
    const double v = std::clamp(nsPerSecond, kMinSpeed, kMaxSpeed);
    if (v == m_speed)
        return;
    m_speed = v;
    emit speedChanged(m_speed);
}

void PlayController::play() {
    if (!m_index || isPlaying())
        return;
    // Played to the end: Play starts again from the beginning.
    if (m_time >= m_index->trace().endNs)
        setTime(0);
    m_clock.start();
    m_timer.start();
    emit playingChanged(true);
}

void PlayController::pause() {
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void PlayController::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void PlayController::stepForward() {
    pause();
    if (const core::StageIndex *stage = stageIndex())
        if (const auto next = stage->nextEvent(m_time))
            setTime(*next);
}

void PlayController::stepBack() {
    pause();
    if (const core::StageIndex *stage = stageIndex())
        if (const auto previous = stage->previousEvent(m_time))
            setTime(*previous);
}

void PlayController::advance(double wallMs) {
    if (!m_index)
        return;
    const double ns = m_speed * wallMs / 1e3 + m_carry;
    const double whole = std::floor(ns);
    m_carry = ns - whole;
    const core::TimeNs end = m_index->trace().endNs;
    const core::TimeNs next =
        std::min<core::TimeNs>(end, m_time + static_cast<core::TimeNs>(whole));
    const double carry = m_carry;
    setTime(next);
    m_carry = carry; // setTime forgets it: a jump, but advancing keeps the fraction
    if (next >= end)
        pause();
}

} // namespace gilscope::ui
