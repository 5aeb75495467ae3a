#include "play/playbar.h"

#include "play/playcontroller.h"
#include "timeline/timeformat.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace gilscope::ui {

PlayBar::PlayBar(PlayController *controller, QWidget *parent)
    : QToolBar(tr("Play"), parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("playBar"));
    m_back = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Previous Event"));
    m_back->setObjectName(QStringLiteral("stepBack"));
    m_back->setShortcut(Qt::Key_Left);
    m_back->setToolTip(tr("Back to the previous state change or lock event (←)"));
    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setShortcut(Qt::Key_Space);
    m_play->setToolTip(tr("Play or pause the story from the playhead (Space)"));
    m_forward = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Next Event"));
    m_forward->setObjectName(QStringLiteral("stepForward"));
    m_forward->setShortcut(Qt::Key_Right);
    m_forward->setToolTip(tr("On to the next state change or lock event (→)"));
    for (QAction *a : {m_back, m_play, m_forward})
        a->setShortcutContext(Qt::WindowShortcut);
    addSeparator();

    addWidget(new QLabel(tr(" Speed "), this));
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setRange(0, PlayController::kSliderSteps);
    m_speed->setPageStep(PlayController::kSliderSteps / 6); // a decade
    m_speed->setFixedWidth(160);
    m_speed->setToolTip(tr("Simulated time per second of playing, 1 µs/s to 1 s/s"));
    m_speed->setAccessibleName(tr("Playing speed"));
    m_speed->setAccessibleDescription(m_speed->toolTip());
    m_speed->setFocusPolicy(Qt::NoFocus); // arrows step the story, not the slider
    m_speed->setAccessibleName(tr("Playing speed"));
    m_speed->setAccessibleDescription(m_speed->toolTip());
    addWidget(m_speed);
    // Qt's own overflow button (shown when the bar is too narrow) is read out like the others.
    if (auto *more = findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More play controls"));
    m_speedLabel = new QLabel(this);
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_speedLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000 µs/s ")));
    addWidget(m_speedLabel);
    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setObjectName(QStringLiteral("follow"));
    m_follow->setChecked(true);
    m_follow->setFocusPolicy(Qt::NoFocus);
    m_follow->setToolTip(tr("Scroll the chart with the playhead"));
    addWidget(m_follow);
    addSeparator();
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("playTime"));
    addWidget(m_timeLabel);

    connect(m_back, &QAction::triggered, controller, &PlayController::stepBack);
    connect(m_forward, &QAction::triggered, controller, &PlayController::stepForward);
    connect(m_play, &QAction::triggered, controller, &PlayController::togglePlay);
    connect(m_speed, &QSlider::valueChanged, controller,
            [controller](int v) { controller->setSpeed(PlayController::speedForSlider(v)); });
    connect(controller, &PlayController::speedChanged, this, [this](double speed) {
        m_speedLabel->setText(speedText(speed));
        // The slider's position is a log scale; a screen reader gets the speed as shown.
        m_speed->setAccessibleDescription(speedText(speed));
        const QSignalBlocker block(m_speed);
        m_speed->setValue(PlayController::sliderForSpeed(speed));
    });
    connect(controller, &PlayController::timeChanged, this, [this](core::TimeNs t) {
        m_timeLabel->setText(tr("t = %1").arg(formatTimestamp(static_cast<double>(t), 1.0)));
    });
    connect(controller, &PlayController::playingChanged, this, &PlayBar::showPlaying);

    m_speed->setValue(PlayController::sliderForSpeed(controller->speed()));
    m_speedLabel->setText(speedText(controller->speed()));
    m_timeLabel->setText(
        tr("t = %1").arg(formatTimestamp(static_cast<double>(controller->time()), 1.0)));
}

bool PlayBar::follows() const {
    return m_follow->isChecked();
}

QString PlayBar::speedText(double nsPerSecond) {
    return tr("%1/s").arg(formatDuration(nsPerSecond, 2));
}

void PlayBar::showPlaying(bool playing) {
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace gilscope::ui
