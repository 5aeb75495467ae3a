// The window refuses what the program cannot hold and keeps what it shows: a run over the event
// cap, a scenario naming a device as its machine profile.
#include <catch2/catch.hpp>

#include "support.h"

#include "timeline/timelineview.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gilscope;
using gilscope::test::waitUntil;

TEST_CASE("a run over the event cap is refused in the window, which keeps the previous run") {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    auto *controller = window.controller();
    REQUIRE(waitUntil([&] { return controller->result() && !controller->isBusy(); }));
    const auto shown = controller->result();

    // A legacy-GIL thread alone takes the engine's fast path, which once skipped the cap.
    core::Scenario s = test::preset("r2-legacy-2cpu-1core");
    s.workers.resize(1);
    s.workers[0].count = 1;
    s.params.max_events = 1000;
    QString failure;
    QObject::connect(controller, &ui::SimulationController::failed,
                     [&](const QString &message) { failure = message; });
    window.setScenario(s);
    REQUIRE(waitUntil([&] { return !failure.isEmpty() && !controller->isBusy(); }));
    CHECK(failure.contains("params.max_events = 1000"));
    CHECK(controller->result() == shown);
    CHECK(window.timeline()->index() == shown->index);
}

TEST_CASE("a scenario naming a device as its machine is refused and the window keeps its own") {
    QStandardPaths::setTestModeEnabled(true);
    ui::MainWindow window;
    window.show();
    REQUIRE(waitUntil([&] { return window.controller()->result() != nullptr; }));
    const std::string before = window.controller()->scenario().name;
    QTemporaryDir dir;
    const QString path = dir.filePath("zero.json");
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "zero", "machine": "/dev/zero"})");
    f.close();
    QString error;
    CHECK_FALSE(window.openScenarioFile(path, &error));
    CHECK(error.contains("/dev/zero"));
    CHECK(window.controller()->scenario().name == before);
}
