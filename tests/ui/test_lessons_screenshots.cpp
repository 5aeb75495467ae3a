// Pictures of the lessons views for slides and reviews. Hidden: run by hand with
//   gilscope_ui_tests "[screenshots]"
// (writes PNGs to $GILSCOPE_SHOTS, default /tmp/gilscope-lessons).
#include <catch2/catch.hpp>

#include "compare/advisorpanel.h"
#include "compare/compareview.h"
#include "compare/sweeppanel.h"
#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/lessons.h"
#include "lessons/lessonsmenu.h"
#include "run/preparedrun.h"
#include "scenario/presets.h"
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

bool settle(const std::function<bool()> &done, int timeoutMs = 60000) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    QTest::qWait(100); // queued replots
    return true;
}

core::Scenario load(const std::string &name) {
    auto s = core::loadPreset(name);
    REQUIRE(s);
    return *s;
}

QString shot(const QString &name) {
    const QString dir = qEnvironmentVariableIsSet("GILSCOPE_SHOTS")
                            ? qEnvironmentVariable("GILSCOPE_SHOTS")
                            : QStringLiteral("/tmp/gilscope-lessons");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

void save(QWidget &w, const QString &name) {
    const QPixmap pixmap = w.grab();
    REQUIRE(pixmap.save(shot(name)));
}

} // namespace

TEST_CASE("screenshots: gallery", "[.][screenshots]") {
    ui::GalleryPage page;
    page.resize(1640, 1000);
    page.show();
    REQUIRE(settle([&] { return page.thumbnailsFinished(); }));
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
    REQUIRE(settle([&] { return view.resultA() && view.resultB(); }));
    save(view, QStringLiteral("compare-window.png"));
    REQUIRE(view.render(QSize(1920, 1080)).save(shot(QStringLiteral("compare-convoy-export.png"))));
    QString error;
    const QImage beazley = ui::renderCompare(load("r1-legacy-2cpu-4cores"),
                                             load("r3-gil-2cpu-4cores"), QSize(1920, 1080), &error);
    REQUIRE(beazley.save(shot(QStringLiteral("compare-export.png"))));
}

TEST_CASE("screenshots: advisor", "[.][screenshots]") {
    for (const char *name : {"threading-4cpu", "r6-convoy-1cpu"}) {
        ui::AdvisorPanel panel;
        panel.resize(1500, 600);
        panel.show();
        panel.setScenario(load(name));
        REQUIRE(settle([&] { return panel.hasAdvice() && !panel.isBusy(); }));
        save(panel, QStringLiteral("advisor-%1.png").arg(QString::fromLatin1(name)));
    }
}

TEST_CASE("screenshots: sweep", "[.][screenshots]") {
    ui::SweepPanel panel;
    panel.resize(1600, 480);
    panel.show();
    panel.setScenario(load("r3-gil-2cpu-4cores"));
    REQUIRE(panel.setSweep(QStringLiteral("workers.0.count"), 1, 8));
    REQUIRE(settle([&] { return panel.hasResult() && !panel.isBusy(); }));
    save(panel, QStringLiteral("sweep-threads.png"));
    panel.setScenario(load("r6-convoy-1cpu"));
    REQUIRE(panel.setSweep(QStringLiteral("params.switch_interval_ms"), 0.1, 100, 9));
    REQUIRE(settle([&] { return panel.hasResult() && !panel.isBusy(); }));
    save(panel, QStringLiteral("sweep-interval.png"));
}

TEST_CASE("screenshots: window", "[.][screenshots]") {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.resize(1700, 1050);
    window.show();
    ui::Lessons *lessons = ui::installLessons(window);
    REQUIRE(
        settle([&] { return window.controller()->result() && !window.controller()->isBusy(); }));
    lessons->showGallery();
    REQUIRE(settle([&] { return lessons->gallery()->thumbnailsFinished(); }));
    save(window, QStringLiteral("window-gallery.png"));
    lessons->showTimeline();
    window.setScenario(load("r6-convoy-1cpu"));
    lessons->showAdvisor();
    REQUIRE(
        settle([&] { return lessons->advisor()->hasAdvice() && !lessons->advisor()->isBusy(); }));
    save(window, QStringLiteral("window-advisor.png"));
}
