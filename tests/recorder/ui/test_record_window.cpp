// File > Record Python Script with a real Python, end to end in the window: a workload recorded
// and shown, and Cancel during scripts that would run for ever. Skipped, with a warning, where no
// Python 3.6+ is found. A widget test, but run with the recorder tests: real Pythons are
// timing-sensitive neighbours.
#include "../../ui/support.h"
#include "../recordersupport.h"

#include "record/pythonpicker.h"
#include "record/recorddialog.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>

#include <memory>

using namespace gilscope;
using gilscope::test::newestPython3;
using gilscope::test::waitUntil;
using gilscope::test::writeScript;

namespace {

constexpr int kRecordingTimeoutMs = 120'000;

struct Window {
    std::unique_ptr<ui::MainWindow> w;
    ui::RecordDialog *dialog = nullptr;
    explicit Window(const gilscope::test::Python &py) {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        w = std::make_unique<ui::MainWindow>();
        w->resize(1200, 800);
        w->show();
        dialog = w->recordDialog();
        REQUIRE(waitUntil([&] { return !dialog->pythonPicker()->isBusy(); }, 60'000));
        dialog->pythonPicker()->addInterpreter(py.path);
        REQUIRE(waitUntil([&] { return !dialog->pythonPicker()->isBusy(); }, 60'000));
        REQUIRE(dialog->pythonPicker()->current());
        REQUIRE(dialog->pythonPicker()->current()->version() == py.version());
        dialog->show();
    }
    ~Window() {
        w.reset();
        QSettings().clear();
    }
    bool finished() const {
        return waitUntil([&] { return !dialog->isRecording(); }, kRecordingTimeoutMs);
    }
    const core::Trace &shown() const { return w->timeline()->index()->trace(); }
};

} // namespace

TEST_CASE("recording a workload from the window ends with its trace shown") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    Window win(*py);
    QTemporaryDir dir;
    REQUIRE(win.dialog->pickWorkload("countdown.py"));
    win.dialog->argumentsEdit()->setText("--threads 2 --total 300000");
    // The instrumenting recorder; sampling, the default, is the next test's.
    win.dialog->methodBox()->setCurrentIndex(win.dialog->methodBox()->findData("instrument"));
    const QString trace = dir.filePath("countdown.trace.json");
    win.dialog->setTracePath(trace);
    REQUIRE(win.dialog->record());
    REQUIRE(win.finished());
    INFO(win.dialog->log()->toPlainText().toStdString());
    INFO(win.dialog->message()->text().toStdString());

    REQUIRE(win.w->isShowingTrace());
    CHECK(QString::fromStdString(win.shown().python) == py->version());
    CHECK(gilscope::test::row(win.shown(), "cpu-1") != nullptr);
    CHECK(gilscope::test::row(win.shown(), "cpu-2") != nullptr);
    CHECK(win.w->recentFiles().value(0) == trace);
    CHECK_FALSE(win.dialog->isVisible());
    // The script's own output came through.
    CHECK(win.dialog->log()->toPlainText().contains("\"workload\": \"countdown\""));
}

TEST_CASE("recording by sampling (the default) shows the timeline growing, then the whole "
          "trace") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    Window win(*py);
    QTemporaryDir dir;
    REQUIRE(win.dialog->pickWorkload("countdown.py"));
    // Unrecorded speed: a second or so of counting.
    win.dialog->argumentsEdit()->setText("--threads 2 --total 30000000");
    CHECK(win.dialog->methodBox()->currentData() == "sample"); // the default
    const QString trace = dir.filePath("countdown.trace.json");
    win.dialog->setTracePath(trace);
    QSignalSpy live(win.dialog, &ui::RecordDialog::liveTrace);
    REQUIRE(win.dialog->record());
    REQUIRE(win.finished());
    INFO(win.dialog->log()->toPlainText().toStdString());
    INFO(win.dialog->message()->text().toStdString());
    CHECK(live.count() >= 1);
    REQUIRE(win.w->isShowingTrace());
    CHECK(win.w->recentFiles().value(0) == trace);
    CHECK(gilscope::test::row(win.shown(), "cpu-1") != nullptr);
    CHECK(gilscope::test::row(win.shown(), "cpu-2") != nullptr);
    CHECK(win.dialog->log()->toPlainText().contains("\"workload\": \"countdown\""));
}

TEST_CASE("Cancel during a long-running script opens the trace of the run so far") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    Window win(*py);
    QTemporaryDir dir;
    const QString script = writeScript(dir, "forever.py",
                                       "import sys\n"
                                       "print('started')\n"
                                       "sys.stdout.flush()\n"
                                       "while True:\n"
                                       "    sum(range(1000))\n");
    win.dialog->setScript(script);
    REQUIRE(win.dialog->record());
    // Interrupted before the recorder runs the script, Python would just stop: wait for it.
    REQUIRE(waitUntil([&] { return win.dialog->log()->toPlainText().contains("started"); },
                      kRecordingTimeoutMs));
    win.dialog->cancelRecording();
    REQUIRE(win.finished());
    INFO(win.dialog->log()->toPlainText().toStdString());
    INFO(win.dialog->message()->text().toStdString());

    REQUIRE(win.w->isShowingTrace());
    CHECK(win.w->recentFiles().value(0) == dir.filePath("forever.trace.json"));
    CHECK(win.shown().endNs > 0);
    CHECK(gilscope::test::row(win.shown(), "MainThread") != nullptr);
    CHECK(win.w->statusBar()->findChild<QLabel *>("status")->text().contains("stopped after"));
}

TEST_CASE("Cancel ends a recording whose threads ignore the interrupt and says what became of "
          "the trace") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3.6+ found: skipped");
        return;
    }
    Window win(*py);
    QTemporaryDir dir;
    // Non-daemon threads that never finish: Python would wait for them at exit.
    const QString script = writeScript(dir, "stubborn.py",
                                       "import sys, threading\n"
                                       "def spin():\n"
                                       "    while True:\n"
                                       "        sum(range(1000))\n"
                                       "threads = [threading.Thread(target=spin) for _ in "
                                       "range(2)]\n"
                                       "for t in threads:\n"
                                       "    t.start()\n"
                                       "print('started')\n"
                                       "sys.stdout.flush()\n"
                                       "for t in threads:\n"
                                       "    t.join()\n");
    win.dialog->setScript(script);
    REQUIRE(win.dialog->record());
    REQUIRE(waitUntil([&] { return win.dialog->log()->toPlainText().contains("started"); },
                      kRecordingTimeoutMs));
    win.dialog->cancelRecording();
    REQUIRE(win.finished());
    INFO(win.dialog->log()->toPlainText().toStdString());
    if (win.w->isShowingTrace()) {
        CHECK(win.shown().threads.size() >= 3); // the main thread and both spinners
        CHECK(win.w->recentFiles().value(0) == dir.filePath("stubborn.trace.json"));
    } else {
        // Killed before the recorder finished writing: the dialog stays and says so.
        WARN("the recorder was killed before it wrote the trace");
        CHECK(win.dialog->isVisible());
        CHECK(win.dialog->message()->text().contains("Cancelled"));
        CHECK_FALSE(QFileInfo::exists(dir.filePath("stubborn.trace.json")));
    }
}
