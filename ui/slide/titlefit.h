#pragma once

#include <QFont>
#include <QString>

namespace gilscope::ui {

// A title laid out for a width: at most two lines, at the largest pixel size from the font's own
// down to `minPx` that fits; at `minPx` the second line is elided. Never wider than the width, so
// no glyph reaches the page edge.
struct FittedTitle {
    QString text; // lines separated by '\n'
    QFont font;
};

FittedTitle fitTitle(const QString &title, const QFont &font, double width, int minPx);

} // namespace gilscope::ui
