// The Lessons menu on the main window: gallery start page, docks following the window.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "compare/advisorpanel.h"
#include "compare/sweeppanel.h"
#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/lessons.h"
#include "lessons/lessonsmenu.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;

TEST_CASE("lessons: the menu opens the gallery as a start page and Open loads the preset") {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().setValue(QLatin1String(ui::Lessons::kStartPageSetting), true);
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    ui::Lessons *lessons = ui::installLessons(window);
    CHECK(ui::installLessons(window) == lessons); // once
    QStringList entries;
    for (QAction *a : lessons->menu()->actions())
        if (!a->isSeparator())
            entries << a->text().remove(QLatin1Char('&'));
    CHECK(entries.mid(0, 5) ==
          QStringList({"Preset Gallery", "Open Preset", "Compare Scenarios…", "Advisor", "Sweep"}));
    // every preset is in the menu too, and opens from there
    QStringList menuIds;
    for (QAction *a : lessons->presetsMenu()->actions())
        if (!a->isSeparator())
            menuIds << a->data().toString();
    CHECK(menuIds.size() == static_cast<int>(core::presetNames().size()));
    for (QAction *a : lessons->presetsMenu()->actions())
        if (a->data().toString() == QLatin1String("r5-gil-countdown-10us"))
            a->trigger();
    CHECK(window.controller()->scenario().params.switch_interval_ms == 0.01);
    CHECK(window.menuBar()->actions().contains(lessons->menu()->menuAction()));

    REQUIRE(ui::showStartPage(window));
    auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
    REQUIRE(stack);
    CHECK(stack->currentWidget() == lessons->gallery());
    CHECK(lessons->isGalleryShown());
    // the page has the window to itself; the docks come back with the timeline
    auto *controlsDock = window.findChild<QDockWidget *>(QStringLiteral("controlsDock"));
    REQUIRE(controlsDock);
    CHECK(!controlsDock->isVisible());

    ui::GalleryCard *card = lessons->gallery()->card(QStringLiteral("r1-legacy-2cpu-4cores"));
    REQUIRE(card);
    QTest::mouseClick(card->openButton(), Qt::LeftButton);
    CHECK(stack->currentWidget() == window.timeline());
    CHECK(controlsDock->isVisible());
    REQUIRE(waitUntil([&] {
        auto r = window.controller()->result();
        return r && !window.controller()->isBusy() &&
               r->scenario.name == preset("r1-legacy-2cpu-4cores").name;
    }));
    CHECK(window.timeline()->index() == window.controller()->result()->index);

    // the menu toggles back to the gallery; turned off, no start page
    lessons->galleryAction()->trigger();
    CHECK(lessons->isGalleryShown());
    ui::Lessons::setStartPageEnabled(false);
    ui::MainWindow second;
    CHECK(!ui::showStartPage(second));
    CHECK(qobject_cast<ui::TimelineView *>(second.centralWidget()));
    ui::Lessons::setStartPageEnabled(true);
}

TEST_CASE("lessons: the advisor dock follows the window and opens the run clicked") {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.resize(1400, 1000);
    window.show();
    ui::Lessons *lessons = ui::installLessons(window);
    REQUIRE(
        waitUntil([&] { return window.controller()->result() && !window.controller()->isBusy(); }));
    lessons->advisorAction()->trigger();
    CHECK(lessons->advisorDock()->isVisible());
    ui::AdvisorPanel *advisor = lessons->advisor();
    REQUIRE(waitUntil([&] { return advisor->hasAdvice() && !advisor->isBusy(); }));
    CHECK(core::sameWorkload(advisor->scenario(), window.controller()->scenario()));

    window.setScenario(preset("threading-4cpu"));
    REQUIRE(waitUntil([&] {
        return advisor->hasAdvice() && !advisor->isBusy() &&
               core::sameWorkload(advisor->scenarioOfRun(0), preset("threading-4cpu"));
    }));
    // clicking the best fit's bar loads it into the window
    const int best = advisor->advice().best;
    QTest::mouseClick(advisor->makespanChart(), Qt::LeftButton, Qt::NoModifier,
                      advisor->barCentre(advisor->makespanChart(), best).toPoint());
    CHECK(window.controller()->scenario().executor == core::Executor::Multiprocessing);
    REQUIRE(waitUntil([&] {
        auto r = window.controller()->result();
        return r && !window.controller()->isBusy() &&
               r->scenario.executor == core::Executor::Multiprocessing;
    }));
    // same workload: the advice stands
    CHECK(!advisor->isBusy());

    lessons->sweepAction()->trigger();
    CHECK(lessons->sweepDock()->isVisible());
    REQUIRE(
        waitUntil([&] { return lessons->sweep()->hasResult() && !lessons->sweep()->isBusy(); }));
    CHECK(lessons->sweep()->result().ok());
}
