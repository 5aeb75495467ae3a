// Play mode: the play bar's keys and controls, the playhead over the chart, follow, and the
// stage panel at the playhead.
#include <catch2/catch.hpp>

#include "play/playbar.h"
#include "play/playcontroller.h"
#include "play/playheadoverlay.h"
#include "play/playmode.h"
#include "play/stagewidget.h"
#include "run/preparedrun.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"

#include "support.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QSlider>
#include <QTest>

using namespace gilscope;
using ui::PlayController;

namespace {

struct Fixture {
    QMainWindow window;
    ui::TimelineView *view = new ui::TimelineView;
    ui::PlayMode *mode;
    core::PreparedRunPtr run;

    Fixture() {
        window.setCentralWidget(view);
        mode = new ui::PlayMode(&window, view);
        auto prepared = core::prepareRun(test::preset("r6-convoy-1cpu"));
        REQUIRE(prepared.ok());
        run = *prepared;
        view->setIndex(run->index);
        mode->setIndex(run->index);
        window.resize(1200, 800);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
    PlayController &play() { return *mode->controller(); }
    void key(Qt::Key k) { QTest::keyClick(view, k); }
};

} // namespace

TEST_CASE("Space plays and pauses, and turns play mode on") {
    Fixture f;
    CHECK_FALSE(f.mode->isOn());
    CHECK_FALSE(f.mode->bar()->isVisible());
    f.key(Qt::Key_Space);
    CHECK(f.play().isPlaying());
    CHECK(f.mode->isOn());
    CHECK(f.mode->bar()->isVisible());
    CHECK(f.mode->stageDock()->isVisible());
    CHECK(f.mode->bar()->playAction()->text() == "Pause");
    f.key(Qt::Key_Space);
    CHECK_FALSE(f.play().isPlaying());
    CHECK(f.mode->bar()->playAction()->text() == "Play");
}

TEST_CASE("the playhead advances by the speed times the wall time, and stops at the end") {
    Fixture f;
    f.play().setSpeed(1e6); // 1 ms of simulated time per second
    f.play().setTime(0);
    f.play().advance(250);
    CHECK(f.play().time() == 250'000);
    // Slow speeds keep the fractions: 1 µs/s for 0.4 ms of wall time, three times.
    f.play().setSpeed(1e3);
    f.play().advance(0.4);
    f.play().advance(0.4);
    f.play().advance(0.4);
    CHECK(f.play().time() == 250'001);
    const core::TimeNs end = f.run->trace().endNs;
    f.play().setTime(end - 10);
    f.play().play();
    f.play().setSpeed(1e9);
    f.play().advance(1000);
    CHECK(f.play().time() == end);
    CHECK_FALSE(f.play().isPlaying());
    // Play at the end starts over.
    f.play().play();
    CHECK(f.play().time() == 0);
    f.play().pause();
}

TEST_CASE("the arrows step to the next and previous event in play mode, and pan without it") {
    Fixture f;
    const core::StageIndex *stage = f.play().stageIndex();
    REQUIRE(stage);
    f.mode->setOn(true);
    f.play().setTime(1'000'000);
    const auto next = stage->nextEvent(1'000'000);
    REQUIRE(next);
    f.key(Qt::Key_Right);
    CHECK(f.play().time() == *next);
    f.key(Qt::Key_Right);
    CHECK(f.play().time() == *stage->nextEvent(*next));
    f.key(Qt::Key_Left);
    CHECK(f.play().time() == *next);

    f.mode->setOn(false);
    f.view->zoom()->zoomTo({0, 1e6});
    f.key(Qt::Key_Right);
    CHECK(f.play().time() == *next);           // the playhead stays
    CHECK(f.view->zoom()->window().begin > 0); // the chart panned
}

TEST_CASE("the speed slider runs from 1 µs/s to 1 s/s on a log scale") {
    Fixture f;
    QSlider *slider = f.mode->bar()->speedSlider();
    slider->setValue(slider->minimum());
    CHECK(f.play().speed() == Approx(1e3));
    CHECK(f.mode->bar()->speedLabel()->text() == "1.0 µs/s");
    slider->setValue(slider->maximum());
    CHECK(f.play().speed() == Approx(1e9));
    CHECK(f.mode->bar()->speedLabel()->text() == "1.0 s/s");
    slider->setValue((slider->minimum() + slider->maximum()) / 2);
    CHECK(f.play().speed() == Approx(1e6));
    CHECK(f.mode->bar()->speedLabel()->text() == "1.0 ms/s");
    // And back: a speed set elsewhere moves the slider.
    f.play().setSpeed(1e5);
    CHECK(slider->value() == PlayController::sliderForSpeed(1e5));
    CHECK(PlayController::sliderForSpeed(1e5) == 200);
}

TEST_CASE("follow scrolls the chart with the playing playhead; unchecked it stays") {
    Fixture f;
    f.mode->setOn(true);
    f.view->zoom()->zoomTo({0, 1e6});
    f.play().setTime(0);
    f.play().play();
    f.play().setTime(2'500'000);
    const core::TimeWindow w = f.view->zoom()->window();
    CHECK(w.span() == Approx(1e6));
    CHECK(w.begin <= 2.5e6);
    CHECK(w.end >= 2.5e6);
    // Paused, a step that leaves the visible range brings the chart along too.
    f.play().pause();
    f.play().setTime(4'000'000);
    CHECK(f.view->zoom()->window().begin <= 4e6);
    CHECK(f.view->zoom()->window().end >= 4e6);
    const core::TimeWindow paused = f.view->zoom()->window();
    f.mode->bar()->followBox()->setChecked(false);
    f.play().setTime(8'000'000);
    CHECK(f.view->zoom()->window() == paused);
}

TEST_CASE("the playhead line sits at the playhead's time on the chart") {
    Fixture f;
    f.mode->setOn(true);
    f.view->zoom()->zoomTo({0, 4e6});
    f.view->replot();
    f.play().setTime(1'000'000);
    CHECK(f.mode->playhead()->lineX() == Approx(f.view->xAt(1e6)));
    f.mode->bar()->followBox()->setChecked(false);
    f.play().setTime(6'000'000); // outside the visible range, which stays
    CHECK(std::isnan(f.mode->playhead()->lineX()));
}

TEST_CASE("the stage panel shows the stage at the playhead") {
    Fixture f;
    f.mode->setOn(true);
    f.play().setTime(3'000'000);
    const core::Stage &shown = f.mode->stage()->stage();
    const core::Stage expected = f.play().stageIndex()->at(3'000'000, f.play().flashWindow());
    CHECK(shown.time == 3'000'000);
    CHECK(shown.states == expected.states);
    REQUIRE(shown.gils.size() == 1);
    CHECK(shown.gils[0] == expected.gils[0]);
    CHECK(shown.cores == expected.cores);
    CHECK(f.mode->bar()->timeLabel()->text() == "t = 3.000000 ms");
}

TEST_CASE("playing a range zooms to it and stops at its end") {
    Fixture f;
    f.mode->playRange({2e6, 3e6}, 2);
    CHECK(f.mode->isOn());
    CHECK(f.play().isPlaying());
    CHECK(f.play().time() == 2'000'000);
    CHECK(f.view->zoom()->window() == core::TimeWindow{2e6, 3e6});
    CHECK(f.play().speed() == Approx(5e5));
    f.play().advance(2500);
    CHECK_FALSE(f.play().isPlaying());
    CHECK(f.play().time() >= 3'000'000);
}
