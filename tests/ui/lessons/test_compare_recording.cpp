// Simulation > Compare with Simulation: a trace shown from a file (A, as it is) above a
// simulation of its equivalent scenario (B). The recordings here are built with core, so no
// Python is needed.
#include <catch2/catch.hpp>

#include "support.h"

#include "compare/compareview.h"
#include "engine/simulate.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <qcustomplot.h>

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

using namespace gilscope;
using gilscope::test::waitUntil;

namespace {

// A "recording" of two CPU-bound threads on 2 cores: a simulation relabelled the way the
// recorder labels its traces.
core::TracePtr recording(const std::string &python, double switchIntervalMs, int checkInterval) {
    core::Scenario s;
    s.name = "countdown.py";
    s.cores = 2;
    core::WorkerGroup cpu;
    cpu.kind = core::WorkerKind::Cpu;
    cpu.count = 2;
    cpu.cpu_ms = 40;
    s.workers = {cpu};
    const auto run = core::simulate(s);
    REQUIRE(run.ok());
    auto trace = std::make_shared<core::Trace>(*run->trace);
    trace->interpreter = "recorded";
    trace->python = python;
    trace->switchIntervalMs = switchIntervalMs;
    trace->checkInterval = checkInterval;
    trace->sequentialNs = 0;
    return trace;
}

struct Window {
    std::unique_ptr<ui::MainWindow> w;
    Window() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        w = std::make_unique<ui::MainWindow>();
        w->resize(1200, 800);
        w->show();
        REQUIRE(waitUntil([this] { return w->timeline()->index() != nullptr; }));
    }
    ~Window() {
        w.reset();
        QSettings().clear();
    }
};

bool bothShown(const ui::CompareView *view) {
    return waitUntil([&] { return view->resultA() && view->resultB() && !view->rows().empty(); });
}

int recordedThreads(const core::Trace &trace) {
    int n = 0;
    for (const auto &t : trace.threads)
        n += t.info.groupId == 0;
    return n;
}

} // namespace

TEST_CASE("Compare with Simulation is offered only while a trace is shown") {
    Window win;
    CHECK_FALSE(win.w->compareWithSimulationAction()->isEnabled());
    CHECK(win.w->compareWithSimulation() == nullptr);
    win.w->showTrace(recording("3.12.1", 5, 0), "/tmp/countdown.trace.json");
    CHECK(win.w->compareWithSimulationAction()->isEnabled());
    auto *button = win.w->findChild<QPushButton *>("compareWithSimulation");
    REQUIRE(button);
    CHECK(button->isVisibleTo(win.w.get()));
}

TEST_CASE("Compare with Simulation puts the recording as shown above a simulation of the same "
          "threads and interpreter and cores") {
    Window win;
    const core::TracePtr trace = recording("3.12.1", 2.0, 0);
    win.w->showTrace(trace, "/tmp/countdown.trace.json");
    win.w->compareWithSimulationAction()->trigger();
    ui::CompareView *view = win.w->compareWithSimulation();
    REQUIRE(view);
    REQUIRE(bothShown(view));
    CHECK(view->isVisible());

    // A: the trace in the window, not a re-run.
    CHECK(view->resultA()->index == win.w->timeline()->index());
    CHECK(view->pickerA()->currentText() == "Recorded — Python 3.12 (countdown.trace.json)");
    CHECK(view->viewA()->title().contains("Recorded — Python 3.12"));
    // Real time above, simulated time below.
    CHECK(view->viewA()->xAxis->label() == "time");
    CHECK(view->viewB()->xAxis->label() == "simulated time");
    CHECK(win.w->timeline()->xAxis->label() == "time");
    // B: simulated, with the recording's thread count, GIL generation, cores and interval.
    const core::Scenario &b = view->resultB()->scenario;
    CHECK(view->pickerB()->currentText() == "Simulated equivalent");
    CHECK(view->resultB()->index != view->resultA()->index);
    CHECK(b.interpreter == core::Interpreter::Gil);
    CHECK(b.cores == 2);
    CHECK(b.params.switch_interval_ms == 2.0);
    CHECK(b.threadCount() == recordedThreads(*trace));
    CHECK(static_cast<int>(view->resultB()->trace().threads.size()) == b.threadCount());
    // The figures side by side: both columns filled.
    const auto &makespan = view->rows().front();
    CHECK(makespan.a == Approx(static_cast<double>(trace->endNs) / 1e6));
    CHECK(makespan.b > 0);

    // It exports like any other comparison.
    QTemporaryDir dir;
    QString error;
    REQUIRE(view->exportImage(dir.filePath("compare.png"), QSize(1280, 720), &error));
    const QImage image(dir.filePath("compare.png"));
    CHECK(image.size() == QSize(1280, 720));
}

TEST_CASE("a Python 2 recording is compared with the legacy GIL at its check interval") {
    Window win;
    win.w->showTrace(recording("2.7.18", 0, 100), "/tmp/countdown-27.trace.json");
    ui::CompareView *view = win.w->compareWithSimulation();
    REQUIRE(view);
    REQUIRE(bothShown(view));
    CHECK(view->pickerA()->currentText() == "Recorded — Python 2.7 (countdown-27.trace.json)");
    CHECK(view->resultB()->scenario.interpreter == core::Interpreter::LegacyGil);
    CHECK(view->resultB()->scenario.params.check_interval == 100);
}

TEST_CASE("the recorded side swaps like any other and stays while the other side changes") {
    Window win;
    win.w->showTrace(recording("3.12.1", 5, 0), "/tmp/countdown.trace.json");
    ui::CompareView *view = win.w->compareWithSimulation();
    REQUIRE(view);
    REQUIRE(bothShown(view));
    const core::PreparedRunPtr recorded = view->resultA();
    const core::PreparedRunPtr simulated = view->resultB();

    // Both pickers offer the recording, so either side can hold it.
    CHECK(view->pickerB()->findText("Recorded — Python 3.12 (countdown.trace.json)") >= 0);

    for (QPushButton *b : view->findChildren<QPushButton *>())
        if (b->text() == "Swap")
            b->click();
    CHECK(view->resultA() == simulated);
    CHECK(view->resultB() == recorded);
    CHECK(view->pickerA()->currentText() == "Simulated equivalent");
    CHECK(view->pickerB()->currentText() == "Recorded — Python 3.12 (countdown.trace.json)");

    // A preset on A: simulated; B keeps the recording as it is.
    const int preset = view->pickerA()->findData("r6-convoy-1cpu");
    REQUIRE(preset >= 0);
    view->pickerA()->setCurrentIndex(preset);
    emit view->pickerA()->activated(preset);
    REQUIRE(waitUntil([&] { return view->resultA() && view->resultA() != simulated; }));
    CHECK(view->resultA()->scenario.name == gilscope::test::preset("r6-convoy-1cpu").name);
    CHECK(view->resultB() == recorded);

    // And the recording goes back to A from its picker, at once: nothing to simulate.
    const int back = view->pickerA()->findText("Recorded — Python 3.12 (countdown.trace.json)");
    view->pickerA()->setCurrentIndex(back);
    emit view->pickerA()->activated(back);
    CHECK(view->resultA() == recorded);
}
