#include "lessons/gallerythumbnail.h"

#include "pixels/pixelreduction.h"

#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace gilscope::ui {

using core::MarkKind;
using core::ThreadState;

QImage renderThumbnail(const core::Trace &trace, QSize size, const TimelineTheme &theme,
                       qreal devicePixelRatio) {
    const int width = std::max(1, static_cast<int>(std::lround(size.width() * devicePixelRatio)));
    const int height = std::max(1, static_cast<int>(std::lround(size.height() * devicePixelRatio)));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(theme.background);
    image.setDevicePixelRatio(devicePixelRatio);
    const int rows = static_cast<int>(trace.threads.size());
    if (rows == 0 || trace.endNs <= 0)
        return image;

    const core::PixelGrid grid{0.0, static_cast<double>(trace.endNs), width};
    const int bands = std::min(rows, height);
    const double bandHeight = static_cast<double>(height) / bands;
    // Rows look like bars with a gap between them once there is room for one.
    const double gap = bandHeight >= 5 ? std::max(1.0, std::floor(bandHeight * 0.18)) : 0.0;

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.scale(1.0 / devicePixelRatio, 1.0 / devicePixelRatio); // draw in device pixels

    std::vector<std::array<int, core::kThreadStateCount>> counts(static_cast<std::size_t>(width));
    std::vector<std::uint8_t> failed(
        static_cast<std::size_t>(width)); // 0 none, 1 first, 2 repeated
    int row = 0;
    for (int band = 0; band < bands; ++band) {
        const int lastRow = static_cast<int>(static_cast<long long>(band + 1) * rows / bands);
        for (auto &c : counts)
            c.fill(0);
        std::fill(failed.begin(), failed.end(), 0);
        for (; row < lastRow; ++row) {
            const auto &track = trace.threads[static_cast<std::size_t>(row)];
            if (track.segmentCount() == 0)
                continue;
            const auto states = core::statesPerColumn(track, trace.endNs, grid);
            for (int x = 0; x < width; ++x)
                ++counts[static_cast<std::size_t>(x)]
                        [static_cast<std::size_t>(states[static_cast<std::size_t>(x)])];
            for (std::size_t m = 0; m < track.markCount(); ++m) {
                const MarkKind k = track.markKind[m];
                if (k != MarkKind::FailedAcquire && k != MarkKind::RepeatedFailedAcquire)
                    continue;
                const int x = grid.columnAt(static_cast<double>(track.markTime[m]));
                if (x >= 0 && x < width)
                    failed[static_cast<std::size_t>(x)] =
                        std::max<std::uint8_t>(failed[static_cast<std::size_t>(x)],
                                               k == MarkKind::RepeatedFailedAcquire ? 2 : 1);
            }
        }
        const double top = band * bandHeight + gap / 2;
        const double h = bandHeight - gap;
        // Runs of equal columns become one rectangle each.
        auto stateAt = [&](int x) {
            const auto &c = counts[static_cast<std::size_t>(x)];
            // Absent and Done count only where nothing else is; ties go to the lower state.
            std::size_t best = static_cast<std::size_t>(ThreadState::Done);
            int most = 0;
            for (std::size_t s = 0; s < c.size(); ++s)
                if (s != static_cast<std::size_t>(ThreadState::Done) &&
                    s != static_cast<std::size_t>(ThreadState::Absent) && c[s] > most) {
                    most = c[s];
                    best = s;
                }
            return static_cast<ThreadState>(best);
        };
        for (int x = 0; x < width;) {
            const ThreadState s = stateAt(x);
            int end = x + 1;
            while (end < width && stateAt(end) == s)
                ++end;
            const QColor colour = theme.stateColor(s);
            if (colour.isValid())
                painter.fillRect(QRectF(x, top, end - x, h), colour);
            x = end;
        }
        if (h >= 3) {
            const double tick = std::max(1.0, std::round(h * 0.45));
            for (int x = 0; x < width; ++x)
                if (failed[static_cast<std::size_t>(x)])
                    painter.fillRect(QRectF(x, top, 1, tick),
                                     failed[static_cast<std::size_t>(x)] == 2 ? theme.failedRepeated
                                                                              : theme.failedFirst);
        }
    }
    return image;
}

} // namespace gilscope::ui
