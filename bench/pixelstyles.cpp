// The two candidate drawings of a pixel column that mixes states, side by side, for choosing
// between them: columns keeping each state's share by error diffusion (what GIL Scope draws) and
// each column split vertically by share. Writes PNGs of a preset's thread rows at whole-run width
// and prints how long each reduction takes and each state's share of the pixels.
//
//   pixelstyles [PRESET] [OUTDIR]      (defaults: r1-legacy-2cpu-4cores, the current folder)
#include "catalog/presets.h"
#include "pixels/pixelreduction.h"
#include "run/preparedrun.h"
#include "slide/timelinetheme.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <chrono>
#include <cstdio>

using namespace gilscope;

namespace {

constexpr int kWidth = 1600;
constexpr int kRowHeight = 120;
constexpr int kGap = 24;

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const std::string name = argc > 1 ? argv[1] : "r1-legacy-2cpu-4cores";
    const QDir out(argc > 2 ? argv[2] : ".");
    const auto scenario = core::loadPreset(name);
    if (!scenario) {
        std::printf("%s\n", scenario.error().c_str());
        return 1;
    }
    const auto run = core::prepareRun(*scenario);
    if (!run) {
        std::printf("%s\n", run.error().c_str());
        return 1;
    }
    const core::TraceIndex &index = *(*run)->index;
    const auto theme = ui::TimelineTheme::slideLight();
    const core::PixelGrid grid{0, static_cast<double>(index.trace().endNs), kWidth};
    const int rows = static_cast<int>(index.rowCount());
    const QSize size(kWidth, rows * (kRowHeight + kGap));
    QImage dithered(size, QImage::Format_RGB32), stacked(size, QImage::Format_RGB32);
    dithered.fill(theme.background);
    stacked.fill(theme.background);
    double ditherMs = 0, stackMs = 0;
    for (int r = 0; r < rows; ++r) {
        const core::PixelLane &lane = index.row(static_cast<std::size_t>(r));
        const int top = r * (kRowHeight + kGap);
        auto t0 = std::chrono::steady_clock::now();
        const auto columns = core::proportionalPerColumn(lane, grid);
        ditherMs += msSince(t0);
        t0 = std::chrono::steady_clock::now();
        std::vector<core::PixelLane::Totals> shares(kWidth);
        for (int c = 0; c < kWidth; ++c)
            shares[c] = core::totalsWithin(lane, grid.edge(c), grid.edge(c + 1));
        stackMs += msSince(t0);
        QPainter d(&dithered), s(&stacked);
        for (int c = 0; c < kWidth; ++c) {
            const QColor shown = theme.stateColor(static_cast<core::ThreadState>(columns[c]));
            if (shown.isValid()) // done and absent: background
                d.fillRect(QRect(c, top, 1, kRowHeight), shown);
            // Stacked: the states from the top in their fixed order, each as tall as its share.
            double y = top;
            const double span = grid.edge(c + 1) - grid.edge(c);
            for (int st = 0; st < static_cast<int>(core::kThreadStateCount); ++st) {
                const double h = shares[c][st] / span * kRowHeight;
                const QColor colour = theme.stateColor(static_cast<core::ThreadState>(st));
                if (h > 0 && colour.isValid())
                    s.fillRect(QRectF(c, y, 1, h), colour);
                y += h;
            }
        }
    }
    long running = 0, all = 0;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const QColor c = dithered.pixelColor(x, y);
            running += c == theme.stateColor(core::ThreadState::Running);
            all += c != theme.background;
        }
    const auto &threads = (*run)->metrics.threads;
    double runningMs = 0, totalMs = 0;
    for (const auto &t : threads) {
        runningMs += t.running_ms;
        totalMs += t.running_ms + t.waiting_ms + t.ready_ms + t.io_ms + t.starting_ms;
    }
    std::printf("%s: %d rows x %d columns\n", name.c_str(), rows, kWidth);
    std::printf("  error diffusion   %7.2f ms  running pixels %5.1f %%  (running time %5.1f %%)\n",
                ditherMs, 100.0 * running / std::max(1L, all), 100.0 * runningMs / totalMs);
    std::printf("  stacked shares    %7.2f ms\n", stackMs);
    const QString a = out.filePath(QString::fromStdString(name) + "-diffused.png");
    const QString b = out.filePath(QString::fromStdString(name) + "-stacked.png");
    if (!dithered.save(a) || !stacked.save(b)) {
        std::printf("cannot write %s\n", qPrintable(out.path()));
        return 2;
    }
    std::printf("  wrote %s and %s\n", qPrintable(a), qPrintable(b));
    return 0;
}
