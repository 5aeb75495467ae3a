#include "play/stagewidget.h"

#include "play/playcontroller.h"
#include "play/stagepainter.h"

#include <QPainter>

namespace gilscope::ui {

namespace {
// Stage type in pixels: as on a 720-line slide, so the panel reads from across a room.
constexpr double kStageFontPx = 20;
} // namespace

StageWidget::StageWidget(PlayController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("stage"));
    setMinimumSize(320, 180);
    connect(controller, &PlayController::timeChanged, this, &StageWidget::refresh);
    connect(controller, &PlayController::indexChanged, this, &StageWidget::refresh);
    connect(controller, &PlayController::speedChanged, this, &StageWidget::refresh);
    refresh();
}

void StageWidget::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    update();
}

void StageWidget::refresh() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const core::StageIndex *index = m_controller->stageIndex();
    m_stage = index ? index->at(m_controller->time(), m_controller->flashWindow()) : core::Stage{};
    update();
}

void StageWidget::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void StageWidget::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), m_theme.background);
    const auto &index = m_controller->index();
    if (!index) {
        p.setPen(m_theme.axis);
        p.drawText(rect(), Qt::AlignCenter, tr("No run yet"));
        return;
    }
    if (m_stage.states.size() != index->trace().threads.size())
        return; // not refreshed since the trace changed
    const StagePainter painter(m_theme, kStageFontPx, m_controller->flashWindow());
    painter.paint(&p, QRectF(rect()).adjusted(4, 2, -4, -2), m_stage, index->trace());
}

} // namespace gilscope::ui
