// Pictures of the export dialog and of a trace opened in the window, for reviews. Hidden: run
// by hand with
//   gilscope_ui_tests "[export-screenshots]"
// (writes PNGs to $GILSCOPE_SHOTS, default /tmp/gilscope-export).
#include <catch2/catch.hpp>

#include "engine/simulate.h"
#include "export/exportdialog.h"
#include "export/timelineexporter.h"
#include "scenario/presets.h"
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

namespace {

QString shot(const QString &name) {
    const QString dir = qEnvironmentVariableIsSet("GILSCOPE_SHOTS")
                            ? qEnvironmentVariable("GILSCOPE_SHOTS")
                            : QStringLiteral("/tmp/gilscope-export");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

bool settle(const std::function<bool()> &done) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > 60000)
            return false;
        QTest::qWait(10);
    }
    QTest::qWait(300); // queued replots, the dialog's preview
    return true;
}

} // namespace

TEST_CASE("screenshots of the export dialog and of a trace in the window",
          "[.][export-screenshots]") {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    ui::MainWindow window;
    window.resize(1500, 900);
    window.show();
    REQUIRE(
        settle([&] { return window.controller()->result() && !window.controller()->isBusy(); }));

    const auto battle = core::loadPreset("r1-legacy-2cpu-4cores");
    REQUIRE(battle);
    window.setScenario(*battle);
    REQUIRE(settle([&] {
        return !window.controller()->isBusy() &&
               window.controller()->result()->scenario.name == battle->name;
    }));
    window.timeline()->zoom()->zoomTo(core::TimeWindow{20e6, 21e6});
    QTest::qWait(200);
    ui::ExportDialog dialog(window.exportSource(), &window);
    dialog.show();
    REQUIRE(settle([&] { return !dialog.previewImage().isNull(); }));
    REQUIRE(dialog.grab().save(shot("export-dialog.png")));
    dialog.themeBox()->setCurrentIndex(2); // as on screen
    REQUIRE(ui::renderTimelineImage(window.exportSource().index, dialog.options())
                .save(shot("export-as-on-screen.png")));

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
    REQUIRE(window.grab().save(shot("trace-in-window.png")));
    QSettings().clear();
}
