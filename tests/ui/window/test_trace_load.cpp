// Big traces open off the GUI thread: a progress bar and Cancel in the status bar, and the run
// on screen stays there until the new one is ready (or for good, when cancelled).
#include "windowsupport.h"

#include "engine/simulate.h"
#include "pixels/traceindex.h"
#include "trace/tracejson.h"
#include "window/traceloader.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace gilscope;
using gilscope::test::waitUntil;

namespace {

// A trace file of a few megabytes: big enough to take a while, small enough for a test.
QString writeTrace(const QTemporaryDir &dir, const char *name, const char *preset) {
    const QString path = dir.filePath(QString::fromLatin1(name));
    const auto scenario = core::loadPreset(preset);
    REQUIRE(scenario.ok());
    const auto simulated = core::simulate(*scenario);
    REQUIRE(simulated.ok());
    test::writeFile(path, core::traceToChromeJson(*simulated->trace));
    return path;
}

} // namespace

TEST_CASE("a trace loading in the background leaves the run on screen until it is ready") {
    test::WindowUnderTest win;
    win.w->setBackgroundLoadBytes(0); // every trace in the background
    QTemporaryDir dir;
    const QString path = writeTrace(dir, "countdown.json", "r5-gil-countdown-10us");
    const auto before = win.w->timeline()->index();

    QString error;
    REQUIRE(win.w->openFile(path, &error));
    CHECK(win.w->traceLoader()->isLoading());
    CHECK(win.w->loadProgress()->isVisibleTo(win.w.get()));
    CHECK(win.w->cancelLoadButton()->isVisibleTo(win.w.get()));
    CHECK(win.w->timeline()->index() == before); // still the simulation
    CHECK_FALSE(win.w->isShowingTrace());

    REQUIRE(waitUntil([&] { return !win.w->traceLoader()->isLoading(); }));
    CHECK(win.w->isShowingTrace());
    REQUIRE(win.w->timeline()->index() != before);
    const auto expected = core::loadTraceFile(path);
    REQUIRE(expected.ok());
    CHECK(win.w->timeline()->index()->trace().eventCount() == (*expected)->eventCount());
    CHECK_FALSE(win.w->loadProgress()->isVisibleTo(win.w.get()));
    CHECK_FALSE(win.w->cancelLoadButton()->isVisibleTo(win.w.get()));
    CHECK(win.w->recentFiles().value(0) == QFileInfo(path).absoluteFilePath());
}

TEST_CASE("Cancel stops a trace load and the run on screen stays") {
    test::WindowUnderTest win;
    win.w->setBackgroundLoadBytes(0);
    QTemporaryDir dir;
    const QString path = writeTrace(dir, "countdown.json", "r5-gil-countdown-10us");
    const auto before = win.w->timeline()->index();

    QString error;
    REQUIRE(win.w->openFile(path, &error));
    REQUIRE(win.w->cancelLoadButton()->isVisibleTo(win.w.get()));
    win.w->cancelLoadButton()->click();
    CHECK_FALSE(win.w->traceLoader()->isLoading());
    CHECK_FALSE(win.w->cancelLoadButton()->isVisibleTo(win.w.get()));
    CHECK(win.w->statusBar()->findChild<QLabel *>("status")->text() ==
          "Opening countdown.json cancelled");
    // Whatever the worker had done, its result is dropped: the simulation stays.
    QTest::qWait(1500);
    CHECK(win.w->timeline()->index() == before);
    CHECK_FALSE(win.w->isShowingTrace());
    CHECK(win.w->controls()->isEnabled());

    // A second load after the cancelled one opens normally.
    REQUIRE(win.w->openFile(path, &error));
    REQUIRE(waitUntil([&] { return !win.w->traceLoader()->isLoading(); }));
    CHECK(win.w->isShowingTrace());
}

TEST_CASE("the window exports the trace on screen as .pftrace, which opens again identical") {
    test::WindowUnderTest win;
    QTemporaryDir dir;
    const QString path = dir.filePath("run.pftrace");
    QString error;
    REQUIRE(win.w->exportTraceFile(path, &error));
    CHECK(test::readFile(path).startsWith('\x0a'));
    const core::Trace &shown = win.w->timeline()->index()->trace();
    const auto back = core::loadTraceFile(path);
    REQUIRE(back.ok());
    CHECK((*back)->eventCount() == shown.eventCount());
    REQUIRE(win.w->openFile(path, &error));
    CHECK(win.w->isShowingTrace());
    CHECK(win.w->timeline()->index()->trace().segmentCount() == shown.segmentCount());
}
