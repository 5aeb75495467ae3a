#include "play/playmode.h"

#include "play/playbar.h"
#include "play/playcontroller.h"
#include "play/playheadoverlay.h"
#include "play/stagewidget.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

PlayMode::PlayMode(QMainWindow *window, TimelineView *view)
    : QObject(window)
    , m_view(view)
    , m_controller(new PlayController(this))
    , m_bar(new PlayBar(m_controller, window))
    , m_dock(new QDockWidget(tr("Stage"), window))
    , m_stage(new StageWidget(m_controller, m_dock))
    , m_overlay(new PlayheadOverlay(view))
    , m_toggle(new QAction(tr("Play Mode"), this)) {
    m_dock->setObjectName(QStringLiteral("stageDock"));
    m_dock->setWidget(m_stage);
    window->addToolBar(Qt::TopToolBarArea, m_bar);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_toggle->setObjectName(QStringLiteral("playMode"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_toggle->setToolTip(tr("A playhead over the timeline, play controls and the scheduler stage"));
    // The window carries the shortcuts too: a hidden bar's actions would not hear them.
    window->addActions(
        {m_toggle, m_bar->stepBackAction(), m_bar->playAction(), m_bar->stepForwardAction()});
    connect(m_toggle, &QAction::toggled, this, &PlayMode::setOn);
    // Space plays at once, turning play mode on.
    connect(m_bar->playAction(), &QAction::triggered, this, [this] { setOn(true); });

    m_stage->setTheme(view->theme());
    connect(view, &TimelineView::themeChanged, m_stage, &StageWidget::setTheme);
    connect(m_controller, &PlayController::timeChanged, m_overlay, &PlayheadOverlay::setTime);
    connect(m_controller, &PlayController::timeChanged, this, [this](core::TimeNs t) {
        if (m_stopAt >= 0 && t >= m_stopAt) {
            m_stopAt = -1;
            m_controller->pause();
        }
        follow(t);
    });
    connect(m_controller, &PlayController::playingChanged, this, [this](bool playing) {
        if (!playing)
            m_stopAt = -1;
    });
    setOn(false);
}

bool PlayMode::isOn() const {
    return m_toggle->isChecked();
}

void PlayMode::setOn(bool on) {
    if (m_toggle->isChecked() != on) {
        m_toggle->setChecked(on); // comes back here through toggled
        return;
    }
    m_bar->setVisible(on);
    m_dock->setVisible(on);
    m_overlay->setVisible(on);
    // Without play mode the arrows pan the chart as they always did.
    m_bar->stepBackAction()->setEnabled(on);
    m_bar->stepForwardAction()->setEnabled(on);
    if (!on)
        m_controller->pause();
}

void PlayMode::setIndex(core::TraceIndexPtr index) {
    m_controller->setIndex(std::move(index));
}

void PlayMode::playRange(core::TimeWindow range, double seconds) {
    setOn(true);
    if (m_view && range.isValid()) {
        m_view->zoom()->zoomTo(range);
        m_controller->setSpeed(range.span() / std::max(0.1, seconds));
    }
    m_controller->pause();
    m_controller->setTime(static_cast<core::TimeNs>(std::ceil(range.begin)));
    m_controller->play();
    m_stopAt = static_cast<core::TimeNs>(range.end);
}

void PlayMode::follow(core::TimeNs t) {
    if (!m_view || !m_bar->follows() || !isOn())
        return;
    const core::TimeWindow w = m_view->zoom()->window();
    const double x = static_cast<double>(t);
    // Playing pages on before the playhead reaches the edge; a step only brings it back into
    // view when it left.
    const double right = m_controller->isPlaying() ? w.begin + 0.9 * w.span() : w.end;
    // (Times are whole nanoseconds, the window's edges need not be.)
    if (x >= std::floor(w.begin) && x <= std::ceil(right))
        return;
    // Page on: the playhead comes back in a tenth from the left edge.
    m_view->zoom()->moveTo(w.shifted(x - 0.1 * w.span() - w.begin));
}

} // namespace gilscope::ui
