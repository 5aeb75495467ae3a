// File > Record Python Script, without a real Python: the interpreters it lists, what it refuses
// and why, and how a recording ends -- written, failed, cancelled -- with stand-in interpreters
// (fakepython.h). Recordings of real Python are in tests/recorder/ui/.
#include <catch2/catch.hpp>

#include "fakepython.h"
#include "support.h"

#include "record/pythonpicker.h"
#include "record/recorddialog.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

#include <memory>

using namespace gilscope;
using gilscope::test::fakePython;
using gilscope::test::waitUntil;
using gilscope::test::writesTrace;

namespace {

// Fresh settings for each test, cleared again after.
struct FreshSettings {
    FreshSettings() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    ~FreshSettings() { QSettings().clear(); }
};

struct Dialog {
    std::unique_ptr<ui::RecordDialog> d;
    explicit Dialog(const QStringList &candidates) {
        d = std::make_unique<ui::RecordDialog>(nullptr, candidates);
        REQUIRE(waitUntil([&] { return !d->pythonPicker()->isBusy(); }, 30000));
    }
    ui::RecordDialog *operator->() const { return d.get(); }
    QStringList listed() const {
        QStringList items;
        for (int i = 0; i < d->pythonPicker()->list()->count(); ++i)
            items << d->pythonPicker()->list()->itemText(i);
        return items;
    }
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The stand-in interpreters play the instrumenting recorder (they write the trace themselves).
void instrument(ui::RecordDialog *d) {
    d->methodBox()->setCurrentIndex(d->methodBox()->findData("instrument"));
    REQUIRE(d->methodBox()->currentData() == "instrument");
}

bool finished(const ui::RecordDialog *d) {
    return waitUntil([&] { return !d->isRecording(); }, 30000);
}

} // namespace

TEST_CASE("record dialog lists every supported interpreter found and selects the newest Python 3") {
    FreshSettings settings;
    QTemporaryDir dir;
    const QString py27 = fakePython(dir, "py27", "CPython 2 7 18");
    const QString py312 = fakePython(dir, "py312", "CPython 3 12 1");
    const QString py39 = fakePython(dir, "py39", "CPython 3 9 18");
    const QString pypy = fakePython(dir, "pypy", "PyPy 3 10 14");
    const QString py35 = fakePython(dir, "py35", "CPython 3 5 10");
    const QString notPython = fakePython(dir, "tool", "something else entirely");

    Dialog d({py312, pypy, dir.filePath("absent"), py27, py35, notPython, py39});
    CHECK(d.listed() == QStringList{"Python 2.7.18 — " + py27, "Python 3.9.18 — " + py39,
                                    "Python 3.12.1 — " + py312});
    REQUIRE(d->pythonPicker()->current());
    CHECK(d->pythonPicker()->current()->path == py312);
    CHECK_FALSE(d->pythonPicker()->message()->isVisibleTo(d.d.get()));

    // Python 2 has no switch interval: the field is off and says why.
    CHECK(d->switchIntervalBox()->isEnabled());
    d->pythonPicker()->list()->setCurrentIndex(0);
    CHECK_FALSE(d->switchIntervalBox()->isEnabled());
    CHECK(d->switchIntervalBox()->toolTip().contains("no switch interval"));
    d->pythonPicker()->list()->setCurrentIndex(2);
    CHECK(d->switchIntervalBox()->isEnabled());
}

TEST_CASE("record dialog selects the interpreter of the last recording when it is found") {
    FreshSettings settings;
    QTemporaryDir dir;
    const QString py27 = fakePython(dir, "py27", "CPython 2 7 18");
    const QString py312 = fakePython(dir, "py312", "CPython 3 12 1");
    QSettings().setValue("record/python", py27);
    Dialog d({py27, py312});
    REQUIRE(d->pythonPicker()->current());
    CHECK(d->pythonPicker()->current()->path == py27);
}

TEST_CASE("record dialog says so when no interpreter is found and will not record") {
    FreshSettings settings;
    QTemporaryDir dir;
    Dialog d({dir.filePath("absent")});
    CHECK(d.listed().isEmpty());
    CHECK(d->pythonPicker()->message()->text().contains("No Python"));
    d->setScript(writeFile(dir, "s.py", "pass\n"));
    CHECK_FALSE(d->recordButton()->isEnabled());
    CHECK(d->problemBeforeStart().contains("No Python interpreter chosen"));
}

TEST_CASE("an interpreter given by path is checked and refused with the reason") {
    FreshSettings settings;
    QTemporaryDir dir;
    const QString py312 = fakePython(dir, "py312", "CPython 3 12 1");
    Dialog d({py312});
    ui::PythonPicker *picker = d->pythonPicker();
    QSignalSpy probed(picker, &ui::PythonPicker::probeFinished);

    struct Bad {
        QString path;
        const char *reason;
    };
    const Bad bad[] = {
        {dir.filePath("no-such-python"), "cannot run it"},
        {fakePython(dir, "tool", "hello"), "is not a Python interpreter"},
        {fakePython(dir, "pypy3", "PyPy 3 10 14"), "has no GIL to record; use CPython"},
        {fakePython(dir, "python3.5", "CPython 3 5 10"), "too old"},
    };
    for (const Bad &b : bad) {
        INFO(b.path.toStdString());
        probed.clear();
        picker->addInterpreter(b.path);
        REQUIRE(waitUntil([&] { return probed.count() == 1; }));
        CHECK(probed.first().first().toBool() == false);
        CHECK(picker->message()->isVisibleTo(d.d.get()));
        CHECK(picker->message()->text().contains(b.path));
        CHECK(picker->message()->text().contains(b.reason));
        CHECK(d.listed() == QStringList{"Python 3.12.1 — " + py312}); // unchanged
        CHECK(picker->current()->path == py312);
    }

    // A good one is added in version order and selected; the message goes.
    const QString py27 = fakePython(dir, "py27", "CPython 2 7 18");
    probed.clear();
    picker->addInterpreter(py27);
    REQUIRE(waitUntil([&] { return probed.count() == 1; }));
    CHECK(d.listed() == QStringList{"Python 2.7.18 — " + py27, "Python 3.12.1 — " + py312});
    CHECK(picker->current()->path == py27);
    CHECK_FALSE(picker->message()->isVisibleTo(d.d.get()));
}

TEST_CASE("the trace file follows the script until one is chosen; workloads record to the user's "
          "folder") {
    FreshSettings settings;
    QTemporaryDir dir;
    Dialog d({fakePython(dir, "py312", "CPython 3 12 1")});
    const QString script = writeFile(dir, "busy.py", "pass\n");
    d->setScript(script);
    CHECK(d->tracePath() == dir.filePath("busy.trace.json"));

    // A shipped workload: never into the installation (or the source tree).
    REQUIRE(d->pickWorkload("countdown.py"));
    CHECK(d->scriptEdit()->text().endsWith("workloads/countdown.py"));
    CHECK(d->argumentsEdit()->text().contains("--threads 2"));
    CHECK(d->tracePath().endsWith("/countdown.trace.json"));
    CHECK_FALSE(d->tracePath().contains("workloads"));

    const QString chosen = dir.filePath("mine.json");
    d->setTracePath(chosen);
    d->setScript(script);
    CHECK(d->tracePath() == chosen);
}

TEST_CASE("record dialog names what keeps it from starting and leaves files alone") {
    FreshSettings settings;
    QTemporaryDir dir;
    Dialog d({fakePython(dir, "py312", "CPython 3 12 1", writesTrace(0))});
    CHECK_FALSE(d->recordButton()->isEnabled()); // no script yet
    CHECK(d->problemBeforeStart().contains("Choose a script"));

    SECTION("a script that does not exist") {
        d->setScript(dir.filePath("gone.py"));
        CHECK_FALSE(d->record());
        CHECK(d->message()->text().contains("gone.py: no such script"));
    }
    SECTION("a trace in a folder that does not exist") {
        d->setScript(writeFile(dir, "s.py", "pass\n"));
        d->setTracePath(dir.filePath("missing/s.json"));
        CHECK(d->traceHint()->text().contains("no such folder"));
        CHECK_FALSE(d->record());
        CHECK(d->message()->text().contains("does not exist"));
        CHECK_FALSE(QFileInfo::exists(dir.filePath("missing/s.json")));
    }
    SECTION("a trace in a folder nobody can write to") {
        d->setScript(writeFile(dir, "s.py", "pass\n"));
        d->setTracePath("/proc/gilscope-test.trace.json");
        CHECK_FALSE(d->record());
        CHECK(d->message()->text().contains("Cannot write the trace in /proc"));
    }
    CHECK_FALSE(d->isRecording());
    CHECK(d->message()->isVisibleTo(d.d.get()));
}

TEST_CASE("a recording that writes a trace opens it in the window and in the recent files") {
    FreshSettings settings;
    QTemporaryDir dir;
    ui::MainWindow window;
    window.resize(1200, 800);
    const QString python = fakePython(dir, "py312", "CPython 3 12 1", writesTrace(0));
    // The window's own dialog looks for real interpreters; this one is given the stand-in.
    ui::RecordDialog *dialog = window.recordDialog();
    REQUIRE(waitUntil([&] { return !dialog->pythonPicker()->isBusy(); }, 60000));
    dialog->pythonPicker()->addInterpreter(python);
    REQUIRE(waitUntil([&] { return !dialog->pythonPicker()->isBusy(); }));
    REQUIRE(dialog->pythonPicker()->current()->path == python);
    const QString script = writeFile(dir, "fake.py", "pass\n");
    dialog->setScript(script, "--threads 2");
    instrument(dialog);
    dialog->show();

    REQUIRE(dialog->record());
    CHECK(dialog->isRecording());
    CHECK(dialog->cancelButton()->text() == "Cancel");
    REQUIRE(finished(dialog));

    const QString trace = dir.filePath("fake.trace.json");
    CHECK(window.isShowingTrace());
    REQUIRE(window.timeline()->index());
    CHECK(window.timeline()->index()->trace().threads.size() == 2);
    CHECK(window.timeline()->index()->trace().python == "3.12.1");
    CHECK(window.recentFiles().value(0) == trace);
    CHECK_FALSE(dialog->isVisible());
    CHECK(window.compareWithSimulationAction()->isEnabled());
    // What the recorder said is in the log; the choices come back next time.
    CHECK(dialog->log()->toPlainText().contains("gilscope-record: wrote " + trace));
    CHECK(QSettings().value("record/python").toString() == python);
    CHECK(QSettings().value("record/script").toString() == script);
    CHECK(QSettings().value("record/arguments").toString() == "--threads 2");
}

TEST_CASE("a script that fails after the trace is written keeps the dialog open with Open the "
          "Trace Anyway") {
    FreshSettings settings;
    QTemporaryDir dir;
    Dialog d({fakePython(dir, "py312", "CPython 3 12 1",
                         "echo 'ZeroDivisionError: division by zero' >&2\n" + writesTrace(1))});
    QSignalSpy recorded(d.d.get(), &ui::RecordDialog::traceRecorded);
    d->setScript(writeFile(dir, "crash.py", "1/0\n"));
    instrument(d.d.get());
    REQUIRE(d->record());
    REQUIRE(finished(d.d.get()));
    CHECK(recorded.isEmpty());
    CHECK(d->message()->text().contains("crash.py exited with status 1"));
    // The reason, not the recorder's summary that came after it.
    CHECK(d->message()->text().contains("ZeroDivisionError: division by zero"));
    CHECK(d->openAnywayButton()->isVisibleTo(d.d.get()));
    CHECK(d->log()->toPlainText().contains("ZeroDivisionError"));

    d->openAnywayButton()->click();
    REQUIRE(recorded.count() == 1);
    CHECK(recorded.first().first().toString() == dir.filePath("crash.trace.json"));
}

TEST_CASE("a recording that writes no trace says why and leaves an existing trace as it was") {
    FreshSettings settings;
    QTemporaryDir dir;
    const QString script = writeFile(dir, "s.py", "pass\n");
    const QString trace = writeFile(dir, "s.trace.json", "an earlier trace");

    SECTION("the recorder refuses") {
        Dialog d({fakePython(dir, "py313t", "CPython 3 13 0",
                             "echo 'gilscope-record: free-threaded builds run threads in "
                             "parallel; this recorder needs a GIL' >&2\nexit 2")});
        d->setScript(script);
        instrument(d.d.get());
        CHECK(d->traceHint()->text().contains("exists"));
        REQUIRE(d->record());
        REQUIRE(finished(d.d.get()));
        CHECK(d->message()->text().contains("No trace was written"));
        CHECK(d->message()->text().contains("status 2"));
        CHECK(d->message()->text().contains("this recorder needs a GIL"));
    }
    SECTION("the interpreter is gone by the time Record is pressed") {
        const QString python = fakePython(dir, "py312", "CPython 3 12 1", writesTrace(0));
        Dialog d({python});
        d->setScript(script);
        instrument(d.d.get());
        REQUIRE(QFile::remove(python));
        REQUIRE(d->record());
        REQUIRE(finished(d.d.get()));
        CHECK(d->message()->text().contains("Cannot record: cannot run " + python));
    }
    CHECK(readAll(trace) == "an earlier trace");
}

TEST_CASE("Cancel stops a script that never ends; without a trace the dialog says so") {
    FreshSettings settings;
    QTemporaryDir dir;
    // Stands for a recorder that dies of the interrupt before writing anything.
    Dialog d({fakePython(dir, "py312", "CPython 3 12 1", "echo started\nexec sleep 600")});
    QSignalSpy recorded(d.d.get(), &ui::RecordDialog::traceRecorded);
    d->setScript(writeFile(dir, "forever.py", "while True: pass\n"));
    instrument(d.d.get());
    d->show();
    REQUIRE(d->record());
    REQUIRE(waitUntil([&] { return d->log()->toPlainText().contains("started"); }));
    CHECK(d->isRecording());
    d->reject(); // closing the dialog while recording cancels the recording instead
    CHECK(d->isVisible());
    CHECK(d->progressLabel()->text().contains("Stopping forever.py"));
    CHECK_FALSE(d->cancelButton()->isEnabled());
    REQUIRE(finished(d.d.get()));
    CHECK(d->isVisible());
    CHECK(recorded.isEmpty());
    CHECK(d->message()->text().contains("Cancelled before the recorder wrote a trace"));
    CHECK(d->recordButton()->isEnabled()); // ready to try again
    CHECK(d->cancelButton()->text() == "Close");
}

TEST_CASE("record dialog samples by default and remembers a choice of instrumenting") {
    FreshSettings settings;
    QTemporaryDir dir;
    const QString python = fakePython(dir, "py312", "CPython 3 12 1", writesTrace(0));
    {
        Dialog d({python});
        CHECK(d->methodBox()->currentData() == "sample");
        CHECK(d->methodBox()->currentText().startsWith("sample (no slowdown)"));
        d->setScript(writeFile(dir, "s.py", "pass\n"));
        instrument(d.d.get());
        REQUIRE(d->record());
        REQUIRE(finished(d.d.get()));
    }
    CHECK(QSettings().value("record/method").toString() == "instrument");
    Dialog again({python});
    CHECK(again->methodBox()->currentData() == "instrument");
}
