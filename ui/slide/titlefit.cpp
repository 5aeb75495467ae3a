#include "slide/titlefit.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>

namespace gilscope::ui {

namespace {

// Greedy word wrap into lines no wider than `width`; a word wider than a line is split.
QStringList wrap(const QString &text, const QFontMetricsF &fm, double width) {
    QStringList lines;
    QString line;
    auto fits = [&](const QString &s) { return fm.horizontalAdvance(s) <= width; };
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString joined = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (fits(joined)) {
            line = joined;
            continue;
        }
        if (!line.isEmpty())
            lines << line;
        line = word;
        while (!fits(line) && line.size() > 1) {
            int cut = line.size() - 1;
            while (cut > 1 && !fits(line.left(cut)))
                --cut;
            lines << line.left(cut);
            line = line.mid(cut);
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

} // namespace

FittedTitle fitTitle(const QString &title, const QFont &font, double width, int minPx) {
    QFont f = font;
    const int startPx = f.pixelSize() > 0 ? f.pixelSize() : QFontInfo(f).pixelSize();
    const QString text = title.simplified();
    if (text.isEmpty() || width <= 0)
        return {text, f};
    // A little slack: antialiased glyphs may reach a pixel past their advance.
    const double room = std::max(1.0, width - 2);
    for (int px = startPx; px >= minPx; --px) {
        f.setPixelSize(px);
        const QFontMetricsF fm(f);
        const QStringList lines = wrap(text, fm, room);
        if (lines.size() <= 2)
            return {lines.join(QLatin1Char('\n')), f};
    }
    f.setPixelSize(std::max(1, minPx));
    const QFontMetricsF fm(f);
    QStringList lines = wrap(text, fm, room);
    const QString rest = lines.mid(1).join(QLatin1Char(' '));
    return {lines.value(0) + QLatin1Char('\n') + fm.elidedText(rest, Qt::ElideRight, room), f};
}

} // namespace gilscope::ui
