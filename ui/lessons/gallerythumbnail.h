#pragma once

#include "slide/timelinetheme.h"
#include "trace/trace.h"

#include <QImage>
#include <QSize>

namespace gilscope::ui {

// A small picture of a whole run for a gallery card: one bar per thread row, no axes or labels.
// Pixel columns keep each state's share of the time (core::statesPerColumn, the same
// reduction the timeline uses); failed wake-ups tick the top of their row in Beazley's yellow
// and red. With more rows than pixels, neighbouring rows fold into one band showing the state
// most of them are in. Pure: safe on a worker thread.
QImage renderThumbnail(const core::Trace &trace, QSize size, const TimelineTheme &theme,
                       qreal devicePixelRatio = 1.0);

} // namespace gilscope::ui
