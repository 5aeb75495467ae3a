// Names that follow the run (issue 12): a scenario that no longer matches its preset is titled
// from what it is — in the chart, the window title, Compare, the export dialog and saved files —
// never with the preset's stale name. Saving an edited preset asks for a name.
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "catalog/machineprofile.h"
#include "compare/advisorpanel.h"
#include "compare/compareview.h"
#include "export/exportdialog.h"
#include "lessons/lessons.h"
#include "lessons/lessonsmenu.h"
#include "scenario/scenarioedits.h"
#include "scenario/scenariojson.h"
#include "scenario/scenariotitle.h"
#include "timeline/timelineview.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QTemporaryDir>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;
using gilscope::test::WindowUnderTest;

namespace {

// Every place the window names its scenario.
struct Names {
    QString chart, window, exportTitle, exportFile, compareLabel;
};

Names namesIn(ui::MainWindow &w) {
    Names n;
    n.chart = w.timeline()->title();
    n.window = w.windowTitle();
    ui::ExportDialog dialog(w.exportSource(), &w);
    n.exportTitle = dialog.titleEdit()->text();
    n.exportFile = w.exportSource().baseName;
    ui::CompareView compare;
    compare.setWindowScenario(w.controller()->scenario());
    compare.setScenarioA(w.controller()->scenario());
    n.compareLabel = compare.pickerA()->currentText();
    return n;
}

void requireNone(const Names &n, const QString &stale) {
    for (const QString &name : {n.chart, n.window, n.exportTitle, n.exportFile, n.compareLabel}) {
        INFO(name.toStdString() << " must not say " << stale.toStdString());
        CHECK_FALSE(name.contains(stale, Qt::CaseInsensitive));
    }
}

void requireAll(const Names &n, const QString &title) {
    for (const QString &name : {n.chart, n.window, n.exportTitle, n.compareLabel}) {
        INFO(name.toStdString() << " must say " << title.toStdString());
        CHECK(name.contains(title));
    }
}

} // namespace

TEST_CASE("a preset as published keeps its name; once edited it is titled from what it is") {
    core::Scenario s = preset("r1-legacy-2cpu-4cores");
    CHECK(core::matchingPreset(s) == "r1-legacy-2cpu-4cores");
    CHECK(core::scenarioTitle(s) == QString::fromStdString(s.name));
    CHECK(core::scenarioHeadline(s) ==
          "Legacy GIL: 2 CPU threads on 4 cores (R1)   ·   legacy GIL, threading, 4 cores");

    // The machine is where a preset runs, not part of it.
    core::Scenario onMachine = s;
    onMachine.machine = "lab-box";
    onMachine.params.signal_cost_us = 3;
    CHECK(core::matchingPreset(onMachine) == "r1-legacy-2cpu-4cores");
    CHECK_FALSE(core::isEditedPreset(onMachine));

    s.executor = core::Executor::Multiprocessing;
    CHECK(core::isEditedPreset(s));
    CHECK(core::scenarioTitle(s) == "Legacy GIL, multiprocessing: 2 CPU workers on 4 cores");
    CHECK(core::scenarioHeadline(s) == core::scenarioTitle(s)); // it already says it all
    s.params.check_interval = 1000;
    CHECK(core::scenarioTitle(s) ==
          "Legacy GIL, multiprocessing: 2 CPU workers on 4 cores, check interval 1000");

    core::Scenario convoy = preset("r6-convoy-2cpu");
    convoy.params.switch_interval_ms = 0.1;
    CHECK(core::scenarioTitle(convoy) ==
          "3.2+ GIL, threading: 2 CPU threads, 1 I/O thread on 2 cores, 0.1 ms switch interval");

    // A described name saved earlier is described again after a further edit; a name the user
    // gave stays theirs.
    core::Scenario saved = convoy;
    saved.name = core::scenarioTitle(convoy).toStdString();
    saved.cores = 1;
    CHECK(core::scenarioTitle(saved) ==
          "3.2+ GIL, threading: 2 CPU threads, 1 I/O thread on 1 core, 0.1 ms switch interval");
    saved.name = "Echo server for the talk";
    CHECK(core::scenarioTitle(saved) == "Echo server for the talk");
    CHECK(core::scenarioHeadline(saved) ==
          "Echo server for the talk   ·   3.2+ GIL, threading, 1 core");
    saved.name.clear();
    CHECK(core::scenarioTitle(saved).startsWith("3.2+ GIL, threading: "));
}

TEST_CASE("names follow the run: 64 threads are not called \"4 CPU threads\"") {
    WindowUnderTest win;
    win.choosePreset("r3-gil-4cpu-4cores");
    const Names published = namesIn(*win.w);
    requireAll(published, "4 CPU threads on 4 cores (R3)");

    win.move("cpuThreads", 64);
    const Names edited = namesIn(*win.w);
    requireNone(edited, "GIL: 4 CPU threads"); // the preset's name
    requireNone(edited, "(R3)");
    requireAll(edited, "3.2+ GIL, threading: 64 CPU threads on 4 cores");
    CHECK(edited.exportFile == "3-2-gil-threading-64-cpu-threads-on-4-cores");
}

TEST_CASE("names follow the run: a multiprocessing run is not called \"Threading\"") {
    WindowUnderTest win;
    win.choosePreset("threading-4cpu");
    win.choose(win.w->controls()->executorBox(), "multiprocessing");
    const Names edited = namesIn(*win.w);
    requireNone(edited, "Threading:");
    requireAll(edited, "3.2+ GIL, multiprocessing: 4 CPU workers on 4 cores");
}

TEST_CASE("names follow the run: an advisor bar opens its run under its own title, not R1's") {
    WindowUnderTest win;
    ui::Lessons *lessons = ui::installLessons(*win.w);
    win.choosePreset("r1-legacy-2cpu-4cores");
    lessons->showAdvisor();
    ui::AdvisorPanel *advisor = lessons->advisor();
    REQUIRE(waitUntil([&] { return advisor->hasAdvice() && !advisor->isBusy(); }));
    int multiprocessing = -1;
    for (int i = 0; i < static_cast<int>(advisor->advice().runs.size()); ++i) {
        const auto &r = advisor->advice().runs[static_cast<std::size_t>(i)];
        if (r.executor == core::Executor::Multiprocessing &&
            r.interpreter == core::Interpreter::FreeThreaded)
            multiprocessing = i;
    }
    REQUIRE(multiprocessing >= 0);
    win.andWait([&] { emit advisor->runChosen(advisor->scenarioOfRun(multiprocessing)); });
    CHECK(win.w->controls()->presetBox()->currentText() == "Custom");
    const Names opened = namesIn(*win.w);
    requireNone(opened, "(R1)");
    requireAll(opened, "Free-threaded, multiprocessing: 2 CPU workers on 4 cores");
}

TEST_CASE("saving an edited preset asks for a name, and the file gets a .json extension") {
    WindowUnderTest win;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    win.choosePreset("threading-4cpu");
    win.move("cpuThreads", 64);

    QStringList names, paths;
    std::optional<QString> answer; // cancelled first
    win.w->setSavePrompts({[&](const QString &suggested) {
                               paths << suggested;
                               return dir.filePath("talk"); // typed without an extension
                           },
                           [&](const QString &suggested) {
                               names << suggested;
                               return answer;
                           }});
    CHECK_FALSE(win.w->save());
    REQUIRE(names.size() == 1);
    CHECK(names[0] == "3.2+ GIL, threading: 64 CPU threads on 4 cores");
    CHECK(paths.isEmpty()); // cancelled at the name: nothing asked, nothing written
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());

    answer = QStringLiteral("Sixty-four threads");
    win.andWait([&] { CHECK(win.w->save()); });
    REQUIRE(paths.size() == 1);
    CHECK(QFileInfo(paths[0]).fileName() == "sixty-four-threads.gilscope.json");
    const QString saved = dir.filePath("talk.json");
    REQUIRE(QFileInfo::exists(saved));
    CHECK_FALSE(QFileInfo::exists(dir.filePath("talk")));
    const auto back = core::loadScenarioFile(saved);
    REQUIRE(back);
    CHECK(back->name == "Sixty-four threads");
    CHECK(core::scenarioedits::workerCount(*back, core::WorkerKind::Cpu) == 64);
    CHECK(win.w->currentFile() == QFileInfo(saved).absoluteFilePath());
    CHECK_FALSE(win.w->isWindowModified());
    CHECK(win.w->windowTitle().startsWith("talk.json"));
    CHECK(win.w->timeline()->title().startsWith("Sixty-four threads"));
    // Named now: Save writes to the file without asking again.
    names.clear();
    paths.clear();
    CHECK(win.w->save());
    CHECK(names.isEmpty());
    CHECK(paths.isEmpty());
}

TEST_CASE("a scenario named after nothing the user chose is saved under what it is") {
    WindowUnderTest win;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::Scenario untitled = preset("r3-gil-2cpu-4cores");
    untitled.name = core::Scenario().name; // "Untitled", as a file without a name reads
    win.andWait([&] { win.w->setScenario(untitled); });
    int asked = 0;
    win.w->setSavePrompts({[&](const QString &) { return dir.filePath("plain.json"); },
                           [&](const QString &) {
                               ++asked;
                               return std::optional<QString>();
                           }});
    win.andWait([&] { CHECK(win.w->saveAs()); });
    CHECK(asked == 0); // not a preset's name: nothing to ask
    const auto back = core::loadScenarioFile(dir.filePath("plain.json"));
    REQUIRE(back);
    CHECK(back->name == "3.2+ GIL, threading: 2 CPU threads on 4 cores");
}
