// Play mode inside the real window and from the gallery: View > Play Mode, each new run reaching
// the playhead and the stage, and a lesson's Play button starting its story.
#include <catch2/catch.hpp>

#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/lessons.h"
#include "lessons/lessonsmenu.h"
#include "play/playbar.h"
#include "play/playcontroller.h"
#include "play/playmode.h"
#include "play/playstories.h"
#include "play/stagewidget.h"
#include "timeline/zoomhistory.h"

#include "windowsupport.h"

#include "run/preparedrun.h"
#include "trace/tracejson.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>

using namespace gilscope;
using gilscope::test::waitUntil;

TEST_CASE("the window offers Play Mode in its View menu and hands each run to the playhead") {
    test::WindowUnderTest t;
    ui::PlayMode *play = t.w->playMode();
    REQUIRE(play);
    CHECK_FALSE(play->isOn());
    QStringList view;
    for (QAction *menu : t.w->menuBar()->actions())
        if (menu->text().remove('&') == "View")
            for (QAction *a : menu->menu()->actions())
                view << a->text().remove('&');
    CHECK(view.contains("Play Mode"));
    CHECK(play->controller()->index() == t.w->timeline()->index());
    play->toggleAction()->trigger();
    CHECK(play->stageDock()->isVisible());
    play->controller()->setTime(3'000'000);
    CHECK(play->stage()->stage().time == 3'000'000);
    CHECK_FALSE(play->stage()->stage().gils.empty());
    // A new run: the playhead keeps its place in it.
    t.andWait([&] { t.controller()->rerun(); });
    CHECK(play->controller()->index() == t.w->timeline()->index());
    CHECK(play->controller()->time() == 3'000'000);
}

TEST_CASE("the battle and convoy lessons have a Play button that plays their story") {
    test::WindowUnderTest t;
    ui::Lessons *lessons = ui::installLessons(*t.w);
    lessons->showGallery();
    ui::GalleryPage *gallery = lessons->gallery();
    for (const char *id : {"r1-legacy-2cpu-4cores", "r6-convoy-1cpu"}) {
        INFO(id);
        ui::GalleryCard *card = gallery->card(QString::fromLatin1(id));
        REQUIRE(card);
        CHECK(card->playButton()->isVisibleTo(card));
    }
    ui::GalleryCard *other = gallery->card(QStringLiteral("r3-gil-2cpu-4cores"));
    CHECK_FALSE(other->playButton()->isVisibleTo(other));

    QTest::mouseClick(gallery->card(QStringLiteral("r6-convoy-1cpu"))->playButton(),
                      Qt::LeftButton);
    ui::PlayMode *play = t.w->playMode();
    REQUIRE(waitUntil([&] { return play->controller()->isPlaying(); }));
    CHECK_FALSE(lessons->isGalleryShown());
    CHECK(play->isOn());
    // One request of the I/O thread: from its data arriving to its next blocking call, about one
    // switch interval (5 ms) spent waiting for the GIL.
    const auto range =
        ui::playStoryRange(*ui::playStoryFor("r6-convoy-1cpu"), t.controller()->result()->trace());
    REQUIRE(range);
    CHECK(range->span() > 5e6);
    CHECK(range->span() < 7e6);
    CHECK(t.w->timeline()->zoom()->window() == *range);
    CHECK(play->controller()->time() >= static_cast<core::TimeNs>(range->begin));
    play->controller()->pause();
}

TEST_CASE("play mode plays a trace opened from a file as it plays a simulation") {
    test::WindowUnderTest t;
    auto run = core::prepareRun(test::preset("r6-convoy-1cpu"));
    REQUIRE(run.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath("convoy-trace.json");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(core::traceToChromeJson((*run)->trace()));
    }
    QString error;
    REQUIRE(t.w->openTraceFile(path, &error));
    REQUIRE(waitUntil([&] { return t.w->isShowingTrace() && t.w->timeline()->index(); }));
    ui::PlayMode *play = t.w->playMode();
    CHECK(play->controller()->index() == t.w->timeline()->index());
    play->setOn(true);
    play->controller()->setTime(2'000'000);
    const core::Stage &stage = play->stage()->stage();
    CHECK(stage.time == 2'000'000);
    REQUIRE(stage.gils.size() == 1);
    CHECK(stage.gils[0].holder >= 0); // read back from the file's acquire and release marks
    play->controller()->stepForward();
    CHECK(play->controller()->time() > 2'000'000);
}
