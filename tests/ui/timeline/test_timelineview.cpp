// The timeline widget: what it draws where, how it zooms, what hovering says.
#include <catch2/catch.hpp>

#include "pixels/traceindex.h"
#include "timeline/timeformat.h"
#include "timeline/timelineplottable.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"

#include <QAction>
#include <QBuffer>
#include <QSvgGenerator>
#include <QTest>
#include <QTextDocumentFragment>
#include <QWheelEvent>

using namespace gilscope;
using core::MarkKind;
using core::ThreadState;
using ui::TimelineView;

namespace {

constexpr core::TimeNs us = core::kNsPerUs;

core::ThreadTrack row(std::string name, std::vector<std::pair<core::TimeNs, ThreadState>> segments,
                      std::vector<std::pair<core::TimeNs, MarkKind>> marks = {}) {
    core::ThreadTrack t;
    t.info.name = std::move(name);
    t.info.kind = "cpu";
    t.info.gilId = 0;
    for (auto [s, st] : segments) {
        t.segmentStart.push_back(s);
        t.segmentState.push_back(st);
    }
    for (auto [s, k] : marks) {
        t.markTime.push_back(s);
        t.markKind.push_back(k);
    }
    return t;
}

// main:   running [0,40) µs, waiting [40,60), I/O [60,100)
// worker: waiting [0,40) with a first failed wake-up at 20 µs and another at 30 µs, then running
std::shared_ptr<const core::Trace> tinyTrace() {
    auto trace = std::make_shared<core::Trace>();
    trace->cores = 2;
    trace->endNs = 100 * us;
    trace->threads.push_back(row("main", {{0, ThreadState::Running},
                                          {40 * us, ThreadState::WaitingForGil},
                                          {60 * us, ThreadState::Io}}));
    trace->threads.push_back(
        row("worker", {{0, ThreadState::WaitingForGil}, {40 * us, ThreadState::Running}},
            {{20 * us, MarkKind::FailedAcquire}, {30 * us, MarkKind::RepeatedFailedAcquire}}));
    return trace;
}

struct Fixture {
    TimelineView view;
    Fixture(bool summaries = false) {
        view.setThemeMode(TimelineView::ThemeMode::Light);
        view.setShowHolderLanes(summaries);
        view.setShowBusyLane(summaries);
        view.resize(900, 420);
        view.show();
        view.setIndex(core::TraceIndex::build(tinyTrace()));
        view.replot();
    }
    QImage frame() {
        view.replot();
        return view.grab().toImage();
    }
    QColor at(const QImage &img, double t, int row) {
        const QRectF bar = view.rowBarRect(row);
        return img.pixelColor(static_cast<int>(std::floor(view.xAt(t))),
                              static_cast<int>(bar.center().y()));
    }
};

QString plain(const QString &html) {
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

} // namespace

TEST_CASE("the timeline paints each state of a tiny trace in its colour at its place") {
    Fixture f;
    const auto theme = ui::TimelineTheme::screenLight();
    const QImage img = f.frame();
    REQUIRE(f.view.rowBarRect(0).height() > 10);

    CHECK(f.at(img, 10 * us, 0) == theme.stateColor(ThreadState::Running));
    CHECK(f.at(img, 50 * us, 0) == theme.stateColor(ThreadState::WaitingForGil));
    CHECK(f.at(img, 80 * us, 0) == theme.stateColor(ThreadState::Io));
    CHECK(f.at(img, 10 * us, 1) == theme.stateColor(ThreadState::WaitingForGil));
    CHECK(f.at(img, 70 * us, 1) == theme.stateColor(ThreadState::Running));

    // The 40 µs edge falls between the right columns: the pixel holding 40 µs is mostly waiting
    // on row 0 (it starts there), the one before is running.
    const int edge = static_cast<int>(std::floor(f.view.xAt(40 * us)));
    const int y0 = static_cast<int>(f.view.rowBarRect(0).center().y());
    const double colStart = f.view.timeAt(edge);
    INFO("column at the edge starts at " << colStart);
    CHECK(img.pixelColor(edge - 1, y0) == theme.stateColor(ThreadState::Running));
    CHECK(img.pixelColor(edge + 1, y0) == theme.stateColor(ThreadState::WaitingForGil));

    // Marks: a yellow tick at 20 µs, a red one at 30 µs, in the thin band at the top of the bar,
    // each at least three pixels wide, plain waiting a few pixels beside them; the middle of the
    // bar shows the state.
    const QRectF bar1 = f.view.rowBarRect(1);
    const int markY = static_cast<int>(bar1.top() + 0.08 * bar1.height());
    const int x20 = static_cast<int>(std::floor(f.view.xAt(20 * us)));
    const int x30 = static_cast<int>(std::floor(f.view.xAt(30 * us)));
    auto distance = [](QColor a, QColor b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue());
    };
    const QColor waiting = theme.stateColor(ThreadState::WaitingForGil);
    const QColor first = img.pixelColor(x20, markY), again = img.pixelColor(x30, markY);
    CHECK(first != waiting);
    CHECK(distance(first, theme.failedFirst) < distance(first, theme.failedRepeated));
    CHECK(distance(again, theme.failedRepeated) < distance(again, theme.failedFirst));
    CHECK(img.pixelColor(x20 - 1, markY) == first);
    CHECK(img.pixelColor(x20 + 1, markY) == first);
    CHECK(img.pixelColor(x20 + 3, markY) == waiting);
    CHECK(img.pixelColor(x20, static_cast<int>(bar1.center().y())) == waiting);
    CHECK(f.at(img, 20 * us, 1) == waiting);

    // Between the bars: the background, not a state colour.
    const int gapY = static_cast<int>(f.view.rowBarRect(0).bottom()) + 2;
    CHECK(img.pixelColor(static_cast<int>(f.view.xAt(15.3 * us)), gapY) == theme.background);
}

TEST_CASE("the dark theme paints the same trace in the dark palette's colours") {
    Fixture f;
    f.view.setThemeMode(TimelineView::ThemeMode::Dark);
    const auto theme = ui::TimelineTheme::screenDark();
    const QImage img = f.frame();
    CHECK(f.at(img, 10 * us, 0) == theme.stateColor(ThreadState::Running));
    CHECK(f.at(img, 80 * us, 0) == theme.stateColor(ThreadState::Io));
    CHECK(img.pixelColor(2, 2) == theme.background);
}

TEST_CASE("summary lanes show who holds the GIL and how many cores are busy") {
    Fixture f(true);
    const auto theme = ui::TimelineTheme::screenLight();
    const QImage img = f.frame();
    const auto &layout = f.view.timeline()->layout();
    REQUIRE(layout.lanes().size() == 4);
    const auto holder = f.view.timeline()->barRect(layout.lanes()[0]);
    const int y = static_cast<int>(holder.center().y());
    // main holds the GIL until 40 µs (colour slot 1), worker after (slot 2)
    CHECK(img.pixelColor(int(f.view.xAt(10 * us)), y) == theme.holderColor(1));
    CHECK(img.pixelColor(int(f.view.xAt(70 * us)), y) == theme.holderColor(2));
    // one thread runs all the time: the busy bar fills half the lane (1 of 2 cores)
    const auto busy = f.view.timeline()->barRect(layout.lanes()[1]);
    const int x = int(f.view.xAt(50 * us));
    CHECK(img.pixelColor(x, int(busy.bottom() - 2)) == theme.busy);
    CHECK(img.pixelColor(x, int(busy.top() + 2)) != theme.busy);
}

TEST_CASE("wheel zoom keeps the time under the cursor where it was") {
    Fixture f;
    const double x = f.view.xAt(30 * us) + 0.5;
    const double before = f.view.timeAt(x);
    const double spanBefore = f.view.zoom()->window().span();
    const QPointF pos(x, f.view.rowBarRect(0).center().y());
    QWheelEvent wheel(pos, f.view.mapToGlobal(pos), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&f.view, &wheel);
    const double spanAfter = f.view.zoom()->window().span();
    CHECK(spanAfter == Approx(spanBefore * 0.64)); // two notches of 0.8
    CHECK(f.view.timeAt(x) == Approx(before).epsilon(1e-9));

    // and zooming out again from another place keeps that place
    const double x2 = f.view.xAt(35 * us);
    const double before2 = f.view.timeAt(x2);
    QWheelEvent out(QPointF(x2, pos.y()), f.view.mapToGlobal(QPointF(x2, pos.y())), QPoint(),
                    QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&f.view, &out);
    CHECK(f.view.timeAt(x2) == Approx(before2).epsilon(1e-9));

    // Back returns to the whole trace: one history entry for the wheel gesture.
    REQUIRE(f.view.zoom()->canGoBack());
    f.view.zoom()->back();
    CHECK(f.view.zoom()->window().span() == Approx(spanBefore));
    CHECK(f.view.zoom()->isFitted());
}

TEST_CASE("zoomed in the pixels follow the new range") {
    Fixture f;
    const auto theme = ui::TimelineTheme::screenLight();
    f.view.zoom()->zoomTo(core::TimeWindow{39 * us, 41 * us}); // 2 µs across the chart
    const QImage img = f.frame();
    const int y0 = static_cast<int>(f.view.rowBarRect(0).center().y());
    CHECK(img.pixelColor(int(f.view.xAt(39.5 * us)), y0) == theme.stateColor(ThreadState::Running));
    CHECK(img.pixelColor(int(f.view.xAt(40.5 * us)), y0) ==
          theme.stateColor(ThreadState::WaitingForGil));
    // the edge sits in the middle of the chart now
    const auto ar = f.view.axisRect()->rect();
    CHECK(f.view.xAt(40 * us) == Approx(ar.left() + ar.width() / 2.0).margin(0.5));
}

TEST_CASE("hovering a segment names the thread and the state with its start and duration") {
    Fixture f;
    const QPointF pos(f.view.xAt(50 * us), f.view.rowBarRect(0).center().y());
    const QString tip = plain(f.view.toolTipAt(pos));
    INFO(tip.toStdString());
    CHECK(tip.contains("main"));
    CHECK(tip.contains("waiting for the GIL"));
    CHECK(tip.contains("from 40"));
    CHECK(tip.contains(QString::fromUtf8("for 20.00 µs")));
    CHECK_FALSE(tip.contains("folds"));

    // The I/O segment after it
    const QString io = plain(f.view.toolTipAt(QPointF(f.view.xAt(90 * us), pos.y())));
    CHECK(io.contains("blocking I/O"));
    CHECK(io.contains(QString::fromUtf8("for 40.00 µs")));
}

TEST_CASE("hovering a mark says what happened") {
    Fixture f;
    const QPointF pos(f.view.xAt(20 * us) + 1, f.view.rowBarRect(1).center().y());
    const QString tip = plain(f.view.toolTipAt(pos));
    INFO(tip.toStdString());
    CHECK(tip.contains("worker"));
    CHECK(tip.contains("failed wake-up"));
    CHECK(tip.contains("went back to sleep"));
    CHECK(tip.contains(QString::fromUtf8("20.0")));
}

TEST_CASE("a pixel folding many segments says what it is made of") {
    auto trace = std::make_shared<core::Trace>();
    trace->endNs = 1'000'000;
    core::ThreadTrack t;
    t.info.name = "busy";
    for (core::TimeNs s = 0; s < trace->endNs; s += 100) { // 3:1 running:waiting every 100 ns
        t.segmentStart.push_back(s);
        t.segmentState.push_back(ThreadState::Running);
        t.segmentStart.push_back(s + 75);
        t.segmentState.push_back(ThreadState::WaitingForGil);
    }
    trace->threads.push_back(t);
    TimelineView view;
    view.setShowBusyLane(false);
    view.resize(600, 200);
    view.show();
    view.setIndex(core::TraceIndex::build(trace));
    view.replot();
    // 1 µs per pixel: every pixel holds ten whole 100 ns cycles
    view.zoom()->zoomTo(core::TimeWindow{0, view.axisRect()->width() * 1000.0});
    view.replot();
    const double x = view.axisRect()->left() + 100.5;
    REQUIRE(view.timeAt(x) == Approx(100'500));
    const QString tip = plain(view.toolTipAt(QPointF(x, view.rowBarRect(0).center().y())));
    INFO(tip.toStdString());
    CHECK(tip.contains("folds"));
    CHECK(tip.contains("running 75 %"));
    CHECK(tip.contains("waiting for the GIL 25 %"));
}

TEST_CASE("time axis labels use units that fit the range") {
    CHECK(ui::formatDuration(450) == "450 ns");
    CHECK(ui::formatDuration(12'345'678) == "12.3 ms");
    CHECK(ui::formatDuration(1.25e9) == "1.25 s");
    CHECK(ui::formatDuration(20'000, 4) == QString::fromUtf8("20.00 µs"));
    CHECK(ui::formatTimestamp(1'200'001'000, 1000) == "1.200001 s");
    CHECK(ui::formatTimestamp(40'000, 100) == QString::fromUtf8("40.0 µs"));
    Fixture f;
    f.view.zoom()->zoomTo(core::TimeWindow{10 * us, 10 * us + 500}); // 500 ns wide
    f.view.replot();
    const auto labels = f.view.xAxis->tickVectorLabels();
    REQUIRE(labels.size() >= 3);
    for (const QString &l : labels)
        CHECK(l.endsWith(QString::fromUtf8(" µs")));
    // neighbouring labels differ: enough decimals
    CHECK(labels[0] != labels[1]);
}

TEST_CASE("dragging pans by the dragged distance and Back undoes it") {
    Fixture f;
    f.view.zoom()->zoomTo(core::TimeWindow{20 * us, 60 * us});
    f.view.replot();
    const auto before = f.view.zoom()->window();
    const double y = f.view.rowBarRect(0).center().y();
    const QPoint from(int(f.view.xAt(40 * us)), int(y));
    const QPoint to = from + QPoint(-100, 0);
    const double nsPerPx = before.span() / f.view.axisRect()->width();
    QTest::mousePress(&f.view, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(&f.view, from + QPoint(-50, 0));
    QTest::mouseMove(&f.view, to);
    QTest::mouseRelease(&f.view, Qt::LeftButton, Qt::NoModifier, to);
    const auto after = f.view.zoom()->window();
    CHECK(after.span() == Approx(before.span()));
    CHECK(after.begin - before.begin == Approx(100 * nsPerPx)); // dragged left: later times come in
    f.view.zoom()->back();
    CHECK(f.view.zoom()->window() == before);
}

TEST_CASE("a right-drag band zooms to the times under it") {
    Fixture f;
    const double y = f.view.rowBarRect(0).center().y();
    const int x0 = int(f.view.xAt(20 * us)), x1 = int(f.view.xAt(50 * us));
    const double t0 = f.view.timeAt(x0), t1 = f.view.timeAt(x1);
    QTest::mousePress(&f.view, Qt::RightButton, Qt::NoModifier, QPoint(x0, int(y)));
    QTest::mouseMove(&f.view, QPoint((x0 + x1) / 2, int(y)));
    QTest::mouseMove(&f.view, QPoint(x1, int(y)));
    QTest::mouseRelease(&f.view, Qt::RightButton, Qt::NoModifier, QPoint(x1, int(y)));
    const auto w = f.view.zoom()->window();
    CHECK(w.begin == Approx(t0));
    CHECK(w.end == Approx(t1));
    CHECK(f.view.zoom()->canGoBack());
}

TEST_CASE("zoom stops at ten nanoseconds across and never leaves the run") {
    Fixture f;
    for (int i = 0; i < 40; ++i)
        f.view.zoom()->zoomInAction()->trigger();
    CHECK(f.view.zoom()->window().span() == Approx(ui::ZoomHistory::kMinSpanNs));
    f.view.zoom()->moveTo(f.view.zoom()->window().shifted(-1e9));
    CHECK(f.view.zoom()->window().begin == Approx(0));
    f.view.zoom()->zoomTo(core::TimeWindow{-5e9, 5e9});
    CHECK(f.view.zoom()->isFitted());
}

TEST_CASE("a new trace refits a fitted view and keeps a zoomed one") {
    Fixture f;
    REQUIRE(f.view.zoom()->isFitted());
    auto longer = std::make_shared<core::Trace>(*tinyTrace());
    longer->endNs = 200 * us;
    f.view.setIndex(core::TraceIndex::build(longer));
    CHECK(f.view.zoom()->window().end == Approx(200 * us)); // followed the new length
    f.view.zoom()->zoomTo(core::TimeWindow{10 * us, 30 * us});
    f.view.setIndex(core::TraceIndex::build(tinyTrace()));
    CHECK(f.view.zoom()->window() == core::TimeWindow{10 * us, 30 * us}); // the user's zoom stays
}

TEST_CASE("the chart follows the desktop palette between light and dark") {
    Fixture f;
    f.view.setThemeMode(TimelineView::ThemeMode::FollowPalette);
    QPalette dark = f.view.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    f.view.setPalette(dark);
    CHECK(f.view.theme().dark);
    CHECK(f.frame().pixelColor(2, 2) == ui::TimelineTheme::screenDark().background);
    QPalette light = f.view.palette();
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    f.view.setPalette(light);
    CHECK_FALSE(f.view.theme().dark);
}

TEST_CASE("vector output folds to the pixel grid too: an SVG of 200k segments stays small") {
    auto trace = std::make_shared<core::Trace>();
    trace->endNs = 2'000'000;
    core::ThreadTrack t;
    t.info.name = "battle";
    for (core::TimeNs s = 0; s < trace->endNs; s += 20) { // 200k segments of 10 ns
        t.segmentStart.push_back(s);
        t.segmentState.push_back(ThreadState::Running);
        t.segmentStart.push_back(s + 10);
        t.segmentState.push_back(ThreadState::WaitingForGil);
    }
    trace->threads.push_back(t);
    TimelineView view;
    view.setThemeMode(TimelineView::ThemeMode::Light);
    view.setShowBusyLane(false);
    view.setShowHolderLanes(false);
    view.resize(800, 300);
    view.setIndex(core::TraceIndex::build(trace));
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(QSize(800, 300));
    generator.setViewBox(QRect(0, 0, 800, 300));
    QCPPainter painter(&generator);
    view.toPainter(&painter, 800, 300);
    painter.end();
    const QByteArray text = svg.data();
    INFO("SVG bytes: " << text.size());
    // About 140 cycles per pixel column: each column running or waiting by a few ns, so at most
    // one rectangle per column and row, not one per segment.
    CHECK(text.contains(
        ui::TimelineTheme::screenLight().stateColor(ThreadState::Running).name().toLatin1()));
    CHECK(text.count("<rect") < 1000);
    CHECK(text.size() < 400'000);
}

TEST_CASE("arrow keys pan and plus and minus zoom the focused chart") {
    Fixture f;
    f.view.zoom()->zoomTo(core::TimeWindow{40 * us, 60 * us});
    QTest::keyClick(&f.view, Qt::Key_Right);
    CHECK(f.view.zoom()->window().begin == Approx(42 * us));
    QTest::keyClick(&f.view, Qt::Key_Left, Qt::ShiftModifier);
    CHECK(f.view.zoom()->window().begin == Approx(32 * us));
    QTest::keyClick(&f.view, Qt::Key_Minus);
    CHECK(f.view.zoom()->window().span() == Approx(40 * us));
    QTest::keyClick(&f.view, Qt::Key_Plus);
    CHECK(f.view.zoom()->window().span() == Approx(20 * us));
}
