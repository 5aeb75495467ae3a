// Pictures of the export dialog and of a trace opened in the window, for reviews. Hidden: run
// by hand with
//   gilscope_ui_tests "[export-screenshots]"
// (writes PNGs to $GILSCOPE_SHOTS, default a kept temporary folder).
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "engine/simulate.h"
#include "export/exportdialog.h"
#include "export/timelineexporter.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "trace/tracejson.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gilscope;

namespace {} // namespace

TEST_CASE("screenshots of the export dialog and of a trace in the window",
          "[.][export-screenshots]") {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    ui::MainWindow window;
    window.resize(1500, 900);
    window.show();
    REQUIRE(test::waitThenSettle(
        [&] { return window.controller()->result() && !window.controller()->isBusy(); }, 300));

    const auto battle = core::loadPreset("r1-legacy-2cpu-4cores");
    REQUIRE(battle);
    window.setScenario(*battle);
    REQUIRE(test::waitThenSettle(
        [&] {
            return !window.controller()->isBusy() &&
                   window.controller()->result()->scenario.name == battle->name;
        },
        300));
    window.timeline()->zoom()->zoomTo(core::TimeWindow{20e6, 21e6});
    QTest::qWait(200);
    ui::ExportDialog dialog(window.exportSource(), &window);
    dialog.show();
    REQUIRE(test::waitThenSettle([&] { return !dialog.previewImage().isNull(); }, 300));
    REQUIRE(dialog.grab().save(test::screenshotPath("export-dialog.png")));
    dialog.themeBox()->setCurrentIndex(2); // as on screen
    REQUIRE(ui::renderTimelineImage(window.exportSource().index, dialog.options())
                .save(test::screenshotPath("export-as-on-screen.png")));

    QTemporaryDir dir;
    const auto convoy = core::loadPreset("r6-convoy-2cpu");
    REQUIRE(convoy);
    const auto run = core::simulate(*convoy);
    REQUIRE(run.ok());
    const QString path = dir.filePath("convoy-recorded.json");
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(core::traceToChromeJson(*run->trace));
    f.close();
    QString why;
    REQUIRE(window.openFile(path, &why));
    QTest::qWait(300);
    REQUIRE(window.grab().save(test::screenshotPath("trace-in-window.png")));
    QSettings().clear();
}
