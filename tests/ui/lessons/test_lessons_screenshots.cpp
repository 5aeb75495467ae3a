// Pictures of the lessons views for slides and reviews. Hidden: run by hand with
//   gilscope_ui_tests "[screenshots]"
// (writes PNGs to $GILSCOPE_SHOTS, default a kept temporary folder).
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "compare/advisorpanel.h"
#include "compare/compareview.h"
#include "compare/sweeppanel.h"
#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/lessons.h"
#include "lessons/lessonsmenu.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTest>

using namespace gilscope;

namespace {

void save(QWidget &w, const QString &name) {
    const QPixmap pixmap = w.grab();
    REQUIRE(pixmap.save(test::screenshotPath(name)));
}

} // namespace

TEST_CASE("screenshots: gallery", "[.][screenshots]") {
    ui::GalleryPage page;
    page.resize(1640, 1000);
    page.show();
    REQUIRE(test::waitThenSettle([&] { return page.thumbnailsFinished(); }, 100));
    save(page, QStringLiteral("gallery.png"));
    page.scrollArea()->ensureWidgetVisible(page.card(QStringLiteral("r6-convoy-1cpu")), 0, 0);
    QTest::qWait(50);
    save(page, QStringLiteral("gallery-convoy.png"));
}

TEST_CASE("screenshots: compare", "[.][screenshots]") {
    ui::CompareView view;
    view.resize(1700, 950);
    view.show();
    REQUIRE(view.setPresets(QStringLiteral("r6-convoy-1cpu"), QStringLiteral("r7-convoy-0.5ms")));
    REQUIRE(test::waitThenSettle([&] { return view.resultA() && view.resultB(); }, 100));
    save(view, QStringLiteral("compare-window.png"));
    REQUIRE(view.render(QSize(1920, 1080))
                .save(test::screenshotPath(QStringLiteral("compare-convoy-export.png"))));
    QString error;
    const QImage beazley =
        ui::renderCompare(test::preset("r1-legacy-2cpu-4cores"), test::preset("r3-gil-2cpu-4cores"),
                          QSize(1920, 1080), &error);
    REQUIRE(beazley.save(test::screenshotPath(QStringLiteral("compare-export.png"))));
}

TEST_CASE("screenshots: advisor", "[.][screenshots]") {
    for (const char *name : {"threading-4cpu", "r6-convoy-1cpu"}) {
        ui::AdvisorPanel panel;
        panel.resize(1500, 600);
        panel.show();
        panel.setScenario(test::preset(name));
        REQUIRE(test::waitThenSettle([&] { return panel.hasAdvice() && !panel.isBusy(); }, 100));
        save(panel, QStringLiteral("advisor-%1.png").arg(QString::fromLatin1(name)));
    }
}

TEST_CASE("screenshots: sweep", "[.][screenshots]") {
    ui::SweepPanel panel;
    panel.resize(1600, 480);
    panel.show();
    panel.setScenario(test::preset("r3-gil-2cpu-4cores"));
    REQUIRE(panel.setSweep(QStringLiteral("workers.0.count"), 1, 8));
    REQUIRE(test::waitThenSettle([&] { return panel.hasResult() && !panel.isBusy(); }, 100));
    save(panel, QStringLiteral("sweep-threads.png"));
    panel.setScenario(test::preset("r6-convoy-1cpu"));
    REQUIRE(panel.setSweep(QStringLiteral("params.switch_interval_ms"), 0.1, 100, 9));
    REQUIRE(test::waitThenSettle([&] { return panel.hasResult() && !panel.isBusy(); }, 100));
    save(panel, QStringLiteral("sweep-interval.png"));
}

TEST_CASE("screenshots: window", "[.][screenshots]") {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.resize(1700, 1050);
    window.show();
    ui::Lessons *lessons = ui::installLessons(window);
    REQUIRE(test::waitThenSettle(
        [&] { return window.controller()->result() && !window.controller()->isBusy(); }, 100));
    lessons->showGallery();
    REQUIRE(test::waitThenSettle([&] { return lessons->gallery()->thumbnailsFinished(); }, 100));
    save(window, QStringLiteral("window-gallery.png"));
    lessons->showTimeline();
    window.setScenario(test::preset("r6-convoy-1cpu"));
    lessons->showAdvisor();
    REQUIRE(test::waitThenSettle(
        [&] { return lessons->advisor()->hasAdvice() && !lessons->advisor()->isBusy(); }, 100));
    save(window, QStringLiteral("window-advisor.png"));
}
