#pragma once

#include "slide/timelinetheme.h"
#include "stage/stage.h"
#include "trace/trace.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace gilscope::ui {

// Draws the scheduler stage (core::Stage) at slide size: each thread a labelled box in its
// state's colour, the GIL as a token on its holder (one per GIL), numbered badges for the order
// in which waiters will be woken, the cores as slots with the thread on each, and flashes for
// the marks that just happened. The play dock, the animated exports and their preview all
// draw through it, with the theme's colours.
class StagePainter {
public:
    // `lookBack` is the stage's flash window: a flash fades out over it.
    StagePainter(const TimelineTheme &theme, double fontPx, core::TimeNs lookBack)
        : m_theme(theme)
        , m_fontPx(fontPx)
        , m_lookBack(lookBack) {}

    void paint(QPainter *painter, const QRectF &rect, const core::Stage &stage,
               const core::Trace &trace) const;

    // What a flash of this kind says and its colour.
    static QString flashLabel(core::MarkKind kind, int count);
    QColor flashColour(core::MarkKind kind, int count) const;
    // The GIL token's fill.
    static QColor tokenColour() { return QColor(0xff, 0xc4, 0x1f); }
    // The height the stage needs at font size `fontPx` for `gils` GIL sections (plus one
    // without a GIL when `gilless`), so callers can size a panel or pick a font.
    static double heightFor(double fontPx, int sections);

private:
    TimelineTheme m_theme;
    double m_fontPx;
    core::TimeNs m_lookBack;
};

} // namespace gilscope::ui
