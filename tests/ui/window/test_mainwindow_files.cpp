// The window's files: scenarios and traces open (by content), scenarios save and come back,
// traces and images export, recent files and the last scenario persist; bad files change nothing.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "engine/simulate.h"
#include "pixels/traceindex.h"
#include "scenario/scenariojson.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"
#include "trace/tracejson.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gilscope;
using gilscope::test::waitUntil;
using ui::MainWindow;

namespace {

// A window on fresh settings, its first simulation shown; the settings are cleared again after.
struct Window {
    std::unique_ptr<MainWindow> w;
    Window() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        start();
    }
    ~Window() {
        w.reset();
        QSettings().clear();
    }
    void start() {
        w = std::make_unique<MainWindow>();
        w->resize(1400, 900);
        w->show();
        REQUIRE(idle());
    }
    bool idle() {
        return waitUntil([this] {
            return w->controller()->result() && !w->controller()->isBusy() &&
                   w->timeline()->index() != nullptr;
        });
    }
    const core::Trace &shown() const { return w->timeline()->index()->trace(); }
};

core::Scenario preset(const char *name) {
    auto s = core::loadPreset(name);
    REQUIRE(s);
    return *s;
}

void write(const QString &path, const QByteArray &data) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void requireSameSegments(const core::Trace &a, const core::Trace &b) {
    REQUIRE(a.threads.size() == b.threads.size());
    CHECK(a.endNs == b.endNs);
    for (std::size_t i = 0; i < a.threads.size(); ++i) {
        INFO("row " << a.threads[i].info.name);
        CHECK(a.threads[i].info.name == b.threads[i].info.name);
        CHECK(a.threads[i].segmentStart == b.threads[i].segmentStart);
        CHECK(a.threads[i].segmentState == b.threads[i].segmentState);
        CHECK(a.threads[i].markTime == b.threads[i].markTime);
        CHECK(a.threads[i].markKind == b.threads[i].markKind);
    }
}

} // namespace

TEST_CASE("a trace JSON opens in the window with identical segments, and the controls say they do "
          "not apply") {
    Window win;
    QTemporaryDir dir;
    const auto simulated = core::simulate(preset("r6-convoy-1cpu"));
    REQUIRE(simulated.ok());
    const QString path = dir.filePath("convoy-trace.json");
    write(path, core::traceToChromeJson(*simulated->trace));

    win.w->timeline()->zoom()->zoomTo(core::TimeWindow{1e6, 2e6});
    QString error;
    REQUIRE(win.w->openFile(path, &error));
    CHECK(win.w->isShowingTrace());
    requireSameSegments(win.shown(), *simulated->trace);
    CHECK(win.w->timeline()->zoom()->isFitted()); // a new file shows whole
    CHECK(win.w->timeline()->zoom()->window().end == double(simulated->trace->endNs));
    CHECK(win.w->windowTitle().contains("convoy-trace.json"));
    CHECK(win.w->timeline()->title().contains("convoy-trace.json"));
    // The controls are off and say why.
    CHECK_FALSE(win.w->controls()->isEnabled());
    CHECK(win.w->traceBanner()->isVisibleTo(win.w.get()));
    CHECK(win.w->traceBanner()->text().contains("convoy-trace.json"));
    CHECK(win.w->traceBanner()->text().contains("controls"));
    // No scenario to save while a trace is shown; the trace itself exports.
    bool saveEnabled = true;
    for (QAction *a : win.w->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence::Save)
            saveEnabled = a->isEnabled();
    CHECK_FALSE(saveEnabled);
    CHECK(win.w->exportTraceAction()->isEnabled());
    CHECK(win.w->exportImageAction()->isEnabled());

    // A preset (what the Lessons menu and the gallery do) simulates again: the controls apply.
    win.w->setScenario(preset("threading-4cpu"));
    REQUIRE(waitUntil([&] { return !win.w->isShowingTrace() && !win.w->controller()->isBusy(); }));
    CHECK(win.w->controls()->isEnabled());
    CHECK_FALSE(win.w->traceBanner()->isVisibleTo(win.w.get()));
    CHECK(win.w->timeline()->index() == win.w->controller()->result()->index);
}

TEST_CASE("a run under way when a trace opens does not replace the trace") {
    Window win;
    QTemporaryDir dir;
    const auto simulated = core::simulate(preset("r3-gil-2cpu-4cores"));
    REQUIRE(simulated.ok());
    const QString path = dir.filePath("t.json");
    write(path, core::traceToChromeJson(*simulated->trace));
    win.w->controller()->setScenario(preset("threading-4cpu")); // a run starts ...
    QString error;
    REQUIRE(win.w->openFile(path, &error)); // ... and the trace opens meanwhile
    REQUIRE(waitUntil([&] { return !win.w->controller()->isBusy(); }));
    QTest::qWait(50);
    CHECK(win.w->isShowingTrace());
    requireSameSegments(win.shown(), *simulated->trace);
}

TEST_CASE("a scenario saved and opened again is the same scenario") {
    Window win;
    QTemporaryDir dir;
    core::Scenario s = preset("r1-legacy-2cpu-4cores");
    s.name = "Round trip";
    s.cores = 3;
    s.params.check_interval = 250;
    win.w->setScenario(s);
    REQUIRE(win.idle());
    const QString path = dir.filePath("round.json");
    QString error;
    REQUIRE(win.w->saveScenarioFile(path, &error));
    CHECK(win.w->currentFile() == path);
    CHECK(core::parseScenarioJson(readAll(path), "round.json").ok());

    win.w->setScenario(preset("threading-4cpu"));
    REQUIRE(win.w->openFile(path, &error));
    REQUIRE(win.idle());
    CHECK_FALSE(win.w->isShowingTrace());
    CHECK(core::scenarioToJson(win.w->controller()->scenario()) == core::scenarioToJson(s));
    CHECK(win.w->controller()->result()->scenario.name == "Round trip");
    CHECK(win.w->windowTitle().contains("round.json"));
    CHECK_FALSE(win.w->isWindowModified());
}

TEST_CASE("bad files say why, keep the open scenario and overwrite nothing") {
    Window win;
    QTemporaryDir dir;
    const core::Scenario kept = preset("r3-gil-2cpu-4cores");
    win.w->setScenario(kept);
    REQUIRE(win.idle());
    const auto keptIndex = win.w->timeline()->index();

    const QString truncated = dir.filePath("cut.json");
    write(truncated, "{\"traceEvents\": [\n{\"ph\": \"X\", \"name\": \"running\",");
    const QString malformedTrace = dir.filePath("notrace.json");
    write(malformedTrace,
          "{\"traceEvents\": [{\"ph\": \"X\", \"name\": \"running\", \"ts\": \"soon\"}]}");
    const QString malformedScenario = dir.filePath("bad.json");
    write(malformedScenario, "{\"cores\": 2,\n  \"workers\": [");
    const QString invalidScenario = dir.filePath("zero.json");
    write(invalidScenario, "{\"cores\": 0}");

    const std::pair<QString, QString> cases[] = {
        {truncated, "truncated"},
        {malformedTrace, "ts and dur"},
        {malformedScenario, "bad.json: line"},
        {invalidScenario, "field cores"},
        {dir.filePath("missing.json"), "missing.json: cannot read"},
    };
    for (const auto &[path, message] : cases) {
        QString error;
        INFO(path.toStdString());
        CHECK_FALSE(win.w->openFile(path, &error));
        INFO(error.toStdString());
        CHECK(error.contains(message));
        CHECK_FALSE(error.contains('\n'));
        CHECK_FALSE(win.w->isShowingTrace());
        CHECK(win.w->controller()->scenario().name == kept.name);
        CHECK(win.w->timeline()->index() == keptIndex);
    }

    // Saving where nothing can be written keeps the file name and the earlier file.
    const QString earlier = dir.filePath("earlier.json");
    QString error;
    REQUIRE(win.w->saveScenarioFile(earlier, &error));
    const QByteArray before = readAll(earlier);
    CHECK_FALSE(win.w->saveScenarioFile("/nonexistent-dir/s.json", &error));
    CHECK(error.contains("/nonexistent-dir/s.json: cannot write"));
    CHECK(win.w->currentFile() == earlier);
    CHECK(readAll(earlier) == before);
}

TEST_CASE("the trace on screen exports as Chrome JSON and CSV") {
    Window win;
    QTemporaryDir dir;
    QString error;
    const QString json = dir.filePath("run.json"), csv = dir.filePath("run.csv");
    REQUIRE(win.w->exportTraceFile(json, &error));
    REQUIRE(win.w->exportTraceFile(csv, &error));
    const auto back = core::loadTraceFile(json);
    REQUIRE(back.ok());
    requireSameSegments(**back, win.shown());
    CHECK(readAll(csv).startsWith("thread,state,start_ns,end_ns\n"));

    write(dir.filePath("keep.json"), "keep");
    CHECK_FALSE(win.w->exportTraceFile(dir.filePath("run.txt"), &error));
    CHECK(error.contains("unknown trace format"));
    CHECK_FALSE(win.w->exportTraceFile("/nonexistent-dir/run.json", &error));
    CHECK(error.contains("cannot write"));
    CHECK(readAll(dir.filePath("keep.json")) == "keep");
}

TEST_CASE("opened and saved files are listed under Open Recent, newest first") {
    Window win;
    QTemporaryDir dir;
    QString error;
    QStringList saved;
    for (int i = 0; i < MainWindow::kMaxRecentFiles + 2; ++i) {
        saved << dir.filePath(QStringLiteral("s%1.json").arg(i));
        REQUIRE(win.w->saveScenarioFile(saved.back(), &error));
    }
    REQUIRE(win.w->openFile(saved[3], &error));
    const QStringList recent = win.w->recentFiles();
    CHECK(recent.size() == MainWindow::kMaxRecentFiles);
    CHECK(recent.front() == saved[3]);
    CHECK(recent[1] == saved.back());
    CHECK_FALSE(recent.contains(saved[0]));
    CHECK(recent.count(saved[3]) == 1);
}

TEST_CASE("the last scenario comes back at the next start, with its file") {
    Window win;
    QTemporaryDir dir;
    core::Scenario s = preset("asyncio-200io-1cpu");
    s.name = "Left open";
    win.w->setScenario(s);
    REQUIRE(win.idle());
    QString error;
    REQUIRE(win.w->saveScenarioFile(dir.filePath("left.json"), &error));
    win.w->close(); // writes the session
    win.start();
    CHECK(win.w->controller()->scenario().name == "Left open");
    CHECK(core::scenarioToJson(win.w->controller()->scenario()) == core::scenarioToJson(s));
    CHECK(win.w->controller()->result()->scenario.name == "Left open");
    CHECK(win.w->currentFile() == dir.filePath("left.json"));
    CHECK(win.w->windowTitle().contains("left.json"));
}

TEST_CASE("Export Image is Ctrl+E and starts from the chart as shown") {
    Window win;
    CHECK(win.w->exportImageAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E));
    win.w->timeline()->zoom()->zoomTo(core::TimeWindow{1e6, 3e6});
    const auto source = win.w->exportSource();
    CHECK(source.index == win.w->timeline()->index());
    CHECK(source.visible == core::TimeWindow{1e6, 3e6});
    CHECK(source.title == win.w->timeline()->title());
    CHECK(source.caption.contains("makespan"));
    CHECK(source.screenTheme.name == win.w->timeline()->theme().name);
    CHECK_FALSE(source.baseName.isEmpty());
}
