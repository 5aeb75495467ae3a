// Prints how fast the timeline draws and how fast the window answers a slider.
// Targets (issue 3, the timeline window): <= 16 ms per full-width frame at 10M segments,
// <= 50 ms from a slider change to the new frame. Offscreen, 1600 px wide.
//
//   render [--quick]     (--quick: 1M segments only, fewer repeats)
#include "pixels/traceindex.h"
#include "synthetictrace.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "widgets/labeledslider.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

using namespace gilscope;

namespace {

constexpr int kRows = 32;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

std::shared_ptr<core::Trace> syntheticTrace(std::size_t segments) {
    return bench::syntheticBattle(segments, kRows);
}

void frames(std::size_t segments, int repeats) {
    const auto trace = syntheticTrace(segments);
    auto t0 = std::chrono::steady_clock::now();
    const auto index = core::TraceIndex::build(trace);
    const double buildMs = msSince(t0);

    ui::TimelineView view;
    view.setThemeMode(ui::TimelineView::ThemeMode::Light);
    view.resize(1600, 900);
    view.show();
    view.setIndex(index);
    view.replot(QCustomPlot::rpImmediateRefresh);
    view.replot(QCustomPlot::rpImmediateRefresh);

    auto measure = [&](core::TimeWindow window) {
        view.zoom()->zoomTo(window);
        view.replot(QCustomPlot::rpImmediateRefresh);
        std::vector<double> times;
        for (int i = 0; i < repeats; ++i) {
            const auto s = std::chrono::steady_clock::now();
            view.replot(QCustomPlot::rpImmediateRefresh);
            times.push_back(msSince(s));
        }
        return median(times);
    };
    const double end = static_cast<double>(trace->endNs);
    const double fit = measure({0, end});
    const double tenth = measure({end * 0.45, end * 0.55});
    const double deep = measure({end * 0.5, end * 0.5 + end * 1e-4});
    std::printf("%5.1fM segments %5.1fM marks, %d rows, axis %d px: index built in %6.0f ms; "
                "replot median: whole run %5.1f ms, 10%% %5.1f ms, 0.01%% %5.1f ms\n",
                static_cast<double>(trace->segmentCount()) / 1e6,
                static_cast<double>(trace->markCount()) / 1e6, kRows, view.axisRect()->width(),
                buildMs, fit, tenth, deep);
}

void sliderLatency(int repeats) {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    auto *controller = window.controller();
    auto *view = window.timeline();
    QEventLoop loop;
    auto waitIdle = [&] {
        QElapsedTimer t;
        t.start();
        while ((!controller->result() || controller->isBusy()) && t.elapsed() < 30000)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
    };
    waitIdle();
    ui::LabeledSlider *cores = window.controls()->slider("cores");
    std::vector<double> latency, compute;
    for (int i = 0; i < repeats; ++i) {
        QTimer::singleShot(120, &loop, &QEventLoop::quit); // let the throttle go quiet
        loop.exec();
        const auto before = controller->result();
        bool got = false;
        std::chrono::steady_clock::time_point start;
        auto connection = QObject::connect(view, &ui::TimelineView::frameRendered, &loop, [&] {
            if (controller->result() != before && view->index() == controller->result()->index) {
                got = true;
                loop.quit();
            }
        });
        QTimer::singleShot(0, &loop, [&] {
            start = std::chrono::steady_clock::now();
            cores->slider()->setValue(2 +
                                      i % 3); // the default scenario has 2 cores: 2, 3, 4, 2, ...
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(connection);
        if (!got || controller->result() == before) {
            if (i % 3 == 0)
                continue; // 2 -> 2 changes nothing on the first round
            std::printf("slider latency: no new frame within 10 s\n");
            return;
        }
        latency.push_back(msSince(start));
        const auto &r = *controller->result();
        compute.push_back(r.simulateMs + r.indexMs + r.metricsMs);
    }
    const auto &r = *controller->result();
    std::printf("slider -> new frame, default scenario \"%s\" (%zu events): median %.1f ms over "
                "%zu changes "
                "(simulate + index + metrics on the worker: median %.1f ms)\n",
                r.scenario.name.c_str(), r.trace().eventCount(), median(latency), latency.size(),
                median(compute));
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = argc > 1 && QByteArray(argv[1]) == "--quick";
    frames(1'000'000, quick ? 5 : 21);
    if (!quick)
        frames(10'000'000, 21);
    sliderLatency(quick ? 6 : 21);
    return 0;
}
