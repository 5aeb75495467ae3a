// Pictures of play mode for slides and reviews: the window with the playhead and the stage at a
// failed wake-up of the legacy battle and during a convoy wait. Hidden: run by hand with
//   gilscope_ui_tests "[play-screenshots]"
// (writes PNGs to $GILSCOPE_SHOTS, default a kept temporary folder).
#include <catch2/catch.hpp>

#include "play/playcontroller.h"
#include "play/playmode.h"
#include "play/playstories.h"
#include "play/stagewidget.h"
#include "timeline/zoomhistory.h"
#include "video/videoexportdialog.h"

#include "windowsupport.h"

#include <QDockWidget>

using namespace gilscope;

namespace {

// The first mark of `kind` on row `name` at or after `from`.
core::TimeNs firstMark(const core::Trace &trace, const std::string &name, core::MarkKind kind,
                       core::TimeNs from) {
    for (const auto &track : trace.threads)
        if (track.info.name == name)
            for (std::size_t i = 0; i < track.markCount(); ++i)
                if (track.markKind[i] == kind && track.markTime[i] >= from)
                    return track.markTime[i];
    FAIL("no " << core::toString(kind) << " on " << name);
    return 0;
}

void shoot(test::WindowUnderTest &t, core::TimeWindow range, core::TimeNs at, double speed,
           const QString &name) {
    ui::PlayMode *play = t.w->playMode();
    play->setOn(true);
    t.w->resizeDocks({play->stageDock()}, {330}, Qt::Vertical);
    t.w->timeline()->zoom()->zoomTo(range);
    play->controller()->setSpeed(speed);
    play->controller()->setTime(at);
    QTest::qWait(300);
    REQUIRE(t.w->grab().save(test::screenshotPath(name + ".png")));
    REQUIRE(play->stage()->grab().save(test::screenshotPath(name + "-stage.png")));
}

} // namespace

TEST_CASE("screenshots: the stage at a failed wake-up and at a convoy wait",
          "[.][play-screenshots]") {
    test::WindowUnderTest t;
    t.w->resize(1600, 1000);
    t.andWait([&] { t.w->setScenario(test::preset("r1-legacy-2cpu-4cores")); });
    const core::Trace &battle = t.controller()->result()->trace();
    const core::TimeNs failed =
        firstMark(battle, "cpu-2", core::MarkKind::RepeatedFailedAcquire, 20'500'000);
    shoot(t, {20e6, 21e6}, failed, 1e5, QStringLiteral("play-failed-wakeup"));

    t.andWait([&] { t.w->setScenario(test::preset("r6-convoy-1cpu")); });
    const core::Trace &convoy = t.controller()->result()->trace();
    const auto range = ui::playStoryRange(*ui::playStoryFor("r6-convoy-1cpu"), convoy);
    REQUIRE(range);
    // Half a millisecond after the echo thread's data arrived: it waits for the GIL.
    const core::TimeNs back =
        firstMark(convoy, "echo", core::MarkKind::IoEnd, static_cast<core::TimeNs>(range->begin));
    shoot(t, *range, back + 500'000, 2e6, QStringLiteral("play-convoy-wait"));
    const core::TimeNs drop = firstMark(convoy, "echo", core::MarkKind::DropRequest, back);
    shoot(t, *range, drop + 20'000, 2e6, QStringLiteral("play-convoy-drop-request"));
}

TEST_CASE("screenshots: the video export dialog", "[.][play-screenshots]") {
    test::WindowUnderTest t;
    t.andWait([&] { t.w->setScenario(test::preset("r1-legacy-2cpu-4cores")); });
    t.w->timeline()->zoom()->zoomTo({20e6, 21e6});
    ui::VideoExportDialog dialog(t.w->exportSource(), t.w.get());
    dialog.resize(1300, 560);
    dialog.show();
    REQUIRE(test::waitThenSettle([&] { return !dialog.previewImage().isNull(); }, 200));
    REQUIRE(dialog.grab().save(test::screenshotPath("video-export-dialog.png")));
}
