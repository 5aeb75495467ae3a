// The main window end to end: every control edits the scenario and a new trace follows.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "scenario/scenarioedits.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "widgets/labeledslider.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/metricspanel.h"
#include "window/simulationcontroller.h"

#include <QAction>
#include <QLabel>

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gilscope;
using gilscope::test::waitUntil;
using ui::LabeledSlider;
using ui::MainWindow;
using ui::SimulationController;

namespace {

int rowsOfKind(const core::Trace &trace, const std::string &kind) {
    int n = 0;
    for (const auto &t : trace.threads)
        n += t.info.kind == kind;
    return n;
}

struct Window {
    MainWindow w;
    SimulationController *c;
    Window() {
        QStandardPaths::setTestModeEnabled(true);
        w.resize(1400, 900);
        w.show();
        c = w.controller();
        REQUIRE(waitUntil([this] { return c->result() && !c->isBusy(); }));
    }
    // Does `action`, waits for the simulation it causes, checks a new trace came out of it.
    const core::PreparedRun &after(const std::function<void()> &action) {
        const quint64 before = c->shownGeneration();
        const auto oldTrace = c->result()->index->tracePtr();
        action();
        REQUIRE(waitUntil([&] { return c->shownGeneration() > before && !c->isBusy(); }));
        CHECK(c->result()->index->tracePtr() != oldTrace);
        // the chart shows the new trace
        CHECK(w.timeline()->index() == c->result()->index);
        return *c->result();
    }
    LabeledSlider *slider(const char *name) {
        LabeledSlider *s = w.controls()->slider(QString::fromLatin1(name));
        REQUIRE(s);
        return s;
    }
    void move(const char *name, double value) {
        LabeledSlider *s = slider(name);
        s->slider()->setValue(s->positionOf(value)); // as a drag or a key press does
    }
    void choose(QComboBox *box, const QString &text) {
        const int i = box->findText(text, Qt::MatchStartsWith);
        REQUIRE(i >= 0);
        box->setCurrentIndex(i);
        emit box->activated(i); // what a user's pick emits
    }
};

} // namespace

TEST_CASE("the window opens on the default scenario and shows its trace and metrics") {
    Window win;
    const auto &r = *win.c->result();
    CHECK(r.scenario.name == win.c->scenario().name);
    CHECK(r.trace().threads.size() >= 2);
    CHECK_FALSE(win.w.metrics()->valueText("makespan").isEmpty());
    CHECK(win.w.metrics()->valueText("makespan") != QStringLiteral("–"));
    CHECK(win.w.timeline()->title().contains(QString::fromStdString(r.scenario.name)));
}

TEST_CASE("every slider changes the scenario and yields a new trace") {
    Window win;

    SECTION("CPU-bound threads") {
        const auto &r = win.after([&] { win.move("cpuThreads", 3); });
        CHECK(rowsOfKind(r.trace(), "cpu") == 3);
        CHECK(win.slider("cpuThreads")->valueText() == "3");
    }
    SECTION("I/O-bound threads") {
        const auto &r = win.after([&] { win.move("ioThreads", 2); });
        CHECK(rowsOfKind(r.trace(), "io") == 2);
        const auto &none = win.after([&] { win.move("ioThreads", 0); });
        CHECK(rowsOfKind(none.trace(), "io") == 0);
        CHECK(rowsOfKind(none.trace(), "cpu") == 2);
    }
    SECTION("cores") {
        const auto &r = win.after([&] { win.move("cores", 4); });
        CHECK(r.scenario.cores == 4);
        CHECK(r.trace().cores == 4);
    }
    SECTION("switch interval: a shorter interval means more GIL switches") {
        const double before = win.c->result()->metrics.gil.switches_per_s;
        const auto &r = win.after([&] { win.move("switchInterval", 0.5); });
        CHECK(r.scenario.params.switch_interval_ms == Approx(0.5));
        CHECK(r.metrics.gil.switches_per_s > 3 * before);
        CHECK(win.slider("switchInterval")->valueText() == QString::fromUtf8("500 µs"));
    }
    SECTION("CPU burst: each CPU-bound thread runs for that long") {
        const auto &r = win.after([&] { win.move("cpuBurst", 20); });
        for (const auto &t : r.metrics.threads)
            if (t.kind == "cpu")
                CHECK(t.running_ms == Approx(20).epsilon(0.05));
    }
    SECTION("I/O wait: each blocking call lasts that long") {
        const auto &r = win.after([&] { win.move("ioWait", 2); });
        for (const auto &w : r.scenario.workers)
            if (w.kind == core::WorkerKind::Io) {
                CHECK(w.io_ms == Approx(2));
                for (const auto &t : r.metrics.threads)
                    if (t.kind == "io")
                        CHECK(t.io_ms == Approx(2.0 * w.ops).epsilon(0.01));
            }
    }
    SECTION("check interval, under the legacy GIL") {
        win.after([&] { win.choose(win.w.controls()->interpreterBox(), "legacy"); });
        REQUIRE(win.slider("checkInterval")->isEnabled());
        CHECK_FALSE(win.slider("switchInterval")->isEnabled());
        const auto &r = win.after([&] { win.move("checkInterval", 1000); });
        CHECK(r.scenario.params.check_interval == 1000);
        CHECK(r.trace().interpreter == "legacy-gil");
    }
}

TEST_CASE("every combo box and the seed change the scenario and yield a new trace") {
    Window win;
    SECTION("interpreter") {
        const auto &r =
            win.after([&] { win.choose(win.w.controls()->interpreterBox(), "free-threaded"); });
        CHECK(r.scenario.interpreter == core::Interpreter::FreeThreaded);
        CHECK(r.trace().interpreter == "free-threaded");
    }
    SECTION("executor") {
        const auto &r =
            win.after([&] { win.choose(win.w.controls()->executorBox(), "multiprocessing"); });
        CHECK(r.trace().executor == "multiprocessing");
    }
    SECTION("preset") {
        const auto preset = core::loadPreset("threading-4cpu");
        REQUIRE(preset);
        const auto &r = win.after([&] {
            win.choose(win.w.controls()->presetBox(), QString::fromStdString(preset->name));
        });
        CHECK(r.scenario.name == preset->name);
        CHECK(rowsOfKind(r.trace(), "cpu") == 4);
        CHECK(win.slider("cpuThreads")->value() == 4); // the controls show the preset
    }
    SECTION("seed") {
        const auto &r = win.after([&] { win.w.controls()->seedBox()->setValue(1234); });
        CHECK(r.scenario.seed == 1234u);
    }
}

TEST_CASE("the chart follows a dragged slider frame after frame and in order") {
    Window win;
    QSignalSpy results(win.c, &SimulationController::resultReady);
    LabeledSlider *cores = win.slider("cores");
    for (int v = 1; v <= 8; ++v) {
        cores->slider()->setValue(v);
        QTest::qWait(60);
    }
    REQUIRE(waitUntil([&] { return !win.c->isBusy(); }));
    // Several intermediate frames, not just the last one ...
    CHECK(results.count() >= 4);
    // ... never out of order, and the last shows the slider's final value.
    quint64 last = 0;
    for (const auto &args : results) {
        const auto generation = args.at(1).value<quint64>();
        CHECK(generation > last);
        last = generation;
    }
    CHECK(win.c->result()->scenario.cores == 8);
    CHECK(win.w.timeline()->index()->trace().cores == 8);
}

TEST_CASE("an invalid scenario is reported in the controls and keeps the last trace") {
    Window win;
    const auto shown = win.w.timeline()->index();
    QSignalSpy failed(win.c, &SimulationController::failed);
    win.move("ioThreads", 0);
    win.move("cpuThreads", 0); // no thread at all
    REQUIRE(waitUntil([&] { return failed.count() > 0 && !win.c->isBusy(); }));
    CHECK(failed.last().at(0).toString().contains("thread"));
    auto *error = win.w.controls()->findChild<QLabel *>("error");
    REQUIRE(error);
    CHECK(error->isVisibleTo(win.w.controls()));
    CHECK(win.w.timeline()->index() != nullptr);
}

TEST_CASE("a slow run is cancelled when the scenario changes and is never shown") {
    SimulationController c;
    QSignalSpy results(&c, &SimulationController::resultReady);
    core::Scenario slow;
    slow.name = "slow";
    slow.interpreter = core::Interpreter::LegacyGil;
    slow.cores = 4;
    core::WorkerGroup cpu;
    cpu.count = 8;
    cpu.cpu_ms = 60'000; // minutes of legacy-GIL battle: far more than this test waits
    slow.workers.push_back(cpu);
    c.setScenario(slow);
    QTest::qWait(SimulationController::kCancelAfterMs + 100);
    REQUIRE(c.isBusy());

    core::Scenario quick = slow;
    quick.name = "quick";
    quick.interpreter = core::Interpreter::Gil;
    quick.workers[0].count = 2;
    quick.workers[0].cpu_ms = 10;
    QElapsedTimer clock;
    clock.start();
    c.setScenario(quick);
    REQUIRE(waitUntil([&] { return !c.isBusy(); }, 30000));
    CHECK(clock.elapsed() < 5000);
    REQUIRE(results.count() == 1);
    CHECK(results.first().at(0).value<core::PreparedRunPtr>()->scenario.name == "quick");
}

TEST_CASE("a change right after a slow run started still gets its result quickly") {
    SimulationController c;
    QSignalSpy results(&c, &SimulationController::resultReady);
    core::Scenario slow;
    slow.name = "slow";
    slow.interpreter = core::Interpreter::LegacyGil;
    slow.cores = 4;
    core::WorkerGroup cpu;
    cpu.count = 8;
    cpu.cpu_ms = 60'000;
    slow.workers.push_back(cpu);
    c.setScenario(slow);
    QTest::qWait(40); // running, but young: the next change waits for it a little ...
    core::Scenario quick = slow;
    quick.name = "quick";
    quick.workers[0].count = 2;
    quick.workers[0].cpu_ms = 1;
    quick.interpreter = core::Interpreter::Gil;
    QElapsedTimer clock;
    clock.start();
    c.setScenario(quick);
    REQUIRE(waitUntil([&] { return !c.isBusy(); }, 30000));
    // ... then cancels it once it is old enough to be slow
    CHECK(clock.elapsed() < 3000);
    REQUIRE(results.count() == 1);
    CHECK(results.first().at(0).value<core::PreparedRunPtr>()->scenario.name == "quick");
}

TEST_CASE("zoom shortcuts and Back are shared actions on the window") {
    Window win;
    auto *zoom = win.w.timeline()->zoom();
    REQUIRE(zoom->isFitted());
    zoom->zoomInAction()->trigger();
    CHECK_FALSE(zoom->isFitted());
    CHECK(zoom->fitAction()->shortcut() == QKeySequence(Qt::Key_Home));
    // the window's View menu carries the same action objects
    bool found = false;
    for (QAction *a : win.w.findChildren<QAction *>())
        found = found || a == zoom->fitAction();
    CHECK(found);
    zoom->fitAction()->trigger();
    CHECK(zoom->isFitted());
    zoom->backAction()->trigger();
    CHECK_FALSE(zoom->isFitted());
}

TEST_CASE("a scenario file opens into the controls and the chart and a bad one says why") {
    Window win;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString good = dir.filePath("three.json");
    QFile f(good);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"name": "Three threads", "interpreter": "gil", "executor": "threading", "cores": 3,
                "workers": [{"kind": "cpu", "count": 3, "cpu_ms": 5}]})");
    f.close();
    const quint64 before = win.c->requestedGeneration();
    QString error;
    REQUIRE(win.w.openScenarioFile(good, &error));
    REQUIRE(waitUntil([&] { return win.c->shownGeneration() > before && !win.c->isBusy(); }));
    CHECK(win.c->result()->scenario.name == "Three threads");
    CHECK(rowsOfKind(win.c->result()->trace(), "cpu") == 3);
    CHECK(win.slider("cores")->value() == 3);
    CHECK(win.w.windowTitle().contains("three.json"));

    const QString bad = dir.filePath("bad.json");
    QFile b(bad);
    REQUIRE(b.open(QIODevice::WriteOnly));
    b.write(R"({"cores": 0, "workers": [{"kind": "cpu"}]})");
    b.close();
    CHECK_FALSE(win.w.openScenarioFile(bad, &error));
    CHECK(error.contains("cores"));
    CHECK(win.c->scenario().name == "Three threads"); // unchanged
}

TEST_CASE("the window remembers its colours and lanes across sessions") {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    {
        MainWindow w;
        w.timeline()->setThemeMode(ui::TimelineView::ThemeMode::Dark);
        w.timeline()->setShowBusyLane(false);
        w.show();
        w.close(); // writes the settings
    }
    MainWindow again;
    CHECK(again.timeline()->themeMode() == ui::TimelineView::ThemeMode::Dark);
    CHECK_FALSE(again.timeline()->showBusyLane());
    CHECK(again.timeline()->showHolderLanes());
    QSettings().clear();
}
