// The worker groups editor in the window: templates, steps, validation, and the sliders acting
// on the selected group.
#include "windowsupport.h"

#include "catalog/grouptemplates.h"
#include "groups/groupseditor.h"
#include "groups/groupsmodel.h"
#include "groups/stepsmodel.h"
#include "scenario/scenariojson.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;
using gilscope::test::WindowUnderTest;

namespace {

std::size_t rowsShown(const WindowUnderTest &t) {
    return t.w->timeline()->index()->trace().threads.size();
}

// Types into a line edit as a user does: the text, then the signal a keystroke sends.
void type(QLineEdit *edit, const QString &text) {
    edit->setText(text);
    emit edit->textEdited(text);
}

QAction *templateAction(ui::GroupsEditor *editor, const char *id) {
    for (QAction *a : editor->templatesMenu()->actions())
        if (a->data().toString() == QLatin1String(id))
            return a;
    return nullptr;
}

} // namespace

TEST_CASE("groups: a group added from a template gains its rows on the timeline") {
    WindowUnderTest t;
    t.choosePreset("native-hashlib-2threads");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    REQUIRE(editor->groupsModel()->rowCount() == 1);
    CHECK(rowsShown(t) == 2);
    QAction *http = templateAction(editor, "http-request");
    REQUIRE(http);
    CHECK(http->text() == QLatin1String("HTTP request"));
    CHECK(http->toolTip().contains(QLatin1String("typical values")));
    t.andWait([&] { http->trigger(); });
    CHECK(rowsShown(t) == 6);
    const auto &s = t.controller()->scenario();
    REQUIRE(s.workers.size() == 2);
    CHECK(s.workers[1].name == "http");
    CHECK(s.workers[1].count == 4);
    // The new group is selected, and the sliders say they act on it.
    CHECK(editor->selectedGroup() == 1);
    CHECK(t.w->controls()->targetGroup() == 1);
    CHECK(t.w->controls()->targetLabel()->text().contains(QLatin1String("<b>http</b>")));
    CHECK(t.w->isWindowModified());

    SECTION("producer → queue → consumers adds two groups and their queue") {
        t.andWait([&] { templateAction(editor, "producer-consumers")->trigger(); });
        const auto &q = t.controller()->scenario();
        REQUIRE(q.workers.size() == 4);
        CHECK(q.queues.count("jobs") == 1);
        CHECK(rowsShown(t) == 6 + 4);
    }
}

TEST_CASE("groups: editing a step's milliseconds runs the simulation again with it") {
    WindowUnderTest t;
    t.choosePreset("native-hashlib-2threads");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    editor->selectGroup(0);
    editor->selectStep({1});
    CHECK(editor->stepKindBox()->currentData().toInt() == int(core::StepKind::Native));
    CHECK(editor->stepMsEdit()->text() == QLatin1String("46"));
    const auto before = t.controller()->result()->trace().endNs;
    t.andWait([&] { type(editor->stepMsEdit(), QStringLiteral("23")); });
    CHECK(t.controller()->scenario().workers[0].steps[1].ms == 23);
    const auto after = t.controller()->result()->trace().endNs;
    CHECK(static_cast<double>(after) == Approx(before / 2.0).epsilon(0.02));
    // The list shows the new time; the field keeps what was typed.
    CHECK(editor->stepsModel()->index(1, ui::StepsModel::Value).data().toString().toStdString() ==
          "23 ms");
    CHECK(editor->stepMsEdit()->text() == QLatin1String("23"));
}

TEST_CASE("groups: removing a group removes its rows and keeps its queue") {
    WindowUnderTest t;
    t.choosePreset("queue-pipeline");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    REQUIRE(rowsShown(t) == 4);
    editor->selectGroup(1);
    auto *remove = editor->findChild<QToolButton *>(QStringLiteral("removeGroup"));
    REQUIRE(remove->isEnabled());
    t.andWait([&] { remove->click(); });
    const auto &s = t.controller()->scenario();
    REQUIRE(s.workers.size() == 1);
    CHECK(s.workers[0].name == "producer");
    CHECK(s.queues.count("jobs") == 1);
    CHECK(rowsShown(t) == 1);
    // The last group cannot go: a scenario needs one.
    CHECK_FALSE(remove->isEnabled());
}

TEST_CASE("groups: an invalid value is shown next to its field and the scenario stays") {
    WindowUnderTest t;
    t.choosePreset("lock-convoy");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    const core::Scenario before = t.controller()->scenario();
    const quint64 generation = t.controller()->requestedGeneration();
    editor->selectGroup(0);

    SECTION("a negative number of milliseconds") {
        editor->selectStep({1});
        type(editor->stepMsEdit(), QStringLiteral("-5"));
        CHECK(editor->stepError()->isVisibleTo(editor));
        CHECK(editor->stepError()->text() ==
              QLatin1String("steps.1.python: must be between 0 and 3600000 ms, got -5"));
        CHECK(editor->stepMsEdit()->text() == QLatin1String("-5"));
    }
    SECTION("not a number") {
        editor->selectStep({1});
        type(editor->stepMsEdit(), QStringLiteral("abc"));
        CHECK(editor->stepError()->text() ==
              QString::fromUtf8("“abc” is not a number of milliseconds"));
    }
    SECTION("a lock with no name") {
        editor->selectStep({0});
        CHECK(editor->stepNameEdit()->text() == QLatin1String("counter"));
        type(editor->stepNameEdit(), QString());
        CHECK(editor->stepError()->text() ==
              QLatin1String("steps.0.lock: must name a lock, queue or event"));
    }
    SECTION("a lock taken again inside itself") {
        editor->selectStep({0, 0});
        editor->stepKindBox()->setCurrentIndex(
            editor->stepKindBox()->findData(int(core::StepKind::Lock)));
        emit editor->stepKindBox()->activated(editor->stepKindBox()->currentIndex());
        editor->selectStep({0, 0});
        type(editor->stepNameEdit(), QStringLiteral("counter"));
        CHECK(editor->stepError()->text().startsWith(
            QLatin1String("steps.0.hold.0.lock: lock \"counter\" is already held here")));
    }
    QTest::qWait(2 * ui::SimulationController::kThrottleMs);
    CHECK(core::sameScenario(t.controller()->scenario(), before) ==
          (t.controller()->requestedGeneration() == generation));
    CHECK(core::sameScenario(t.w->controls()->scenario(), t.controller()->scenario()));
    CHECK_FALSE(t.w->controls()
                    ->findChild<QLabel *>(QStringLiteral("error"))
                    ->isVisibleTo(t.w->controls()));
}

TEST_CASE("groups: a valid value after an invalid one clears the message and runs") {
    WindowUnderTest t;
    t.choosePreset("lock-convoy");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    editor->selectGroup(0);
    editor->selectStep({1});
    const quint64 generation = t.controller()->requestedGeneration();
    type(editor->stepMsEdit(), QStringLiteral("-1"));
    REQUIRE(editor->stepError()->isVisibleTo(editor));
    CHECK(t.controller()->requestedGeneration() == generation);
    t.andWait([&] { type(editor->stepMsEdit(), QStringLiteral("0.001")); });
    CHECK_FALSE(editor->stepError()->isVisibleTo(editor));
    CHECK(t.controller()->scenario().workers[0].steps[1].ms == 0.001);
}

TEST_CASE("groups: the sliders act on the selected group and on no other") {
    WindowUnderTest t;
    t.choosePreset("r6-convoy-2cpu"); // 2 CPU threads of 1 s, and an I/O group "echo"
    ui::GroupsEditor *editor = t.w->groupsEditor();
    ui::ControlsPanel *controls = t.w->controls();
    CHECK(controls->targetGroup() == -1);
    CHECK(controls->targetLabel()->text().startsWith(QLatin1String("The sliders act on every")));
    t.andWait([&] { editor->addGroup(core::WorkerKind::Cpu); });
    REQUIRE(t.controller()->scenario().workers.size() == 3);
    REQUIRE(controls->targetGroup() == 2);
    CHECK(t.slider("cpuThreads")->value() == 1); // the new group's, not the 3 of every group
    CHECK(t.slider("cpuBurst")->value() == 100);
    CHECK_FALSE(t.slider("ioThreads")->isEnabled());
    CHECK_FALSE(t.slider("ioWait")->isEnabled());

    t.move("cpuBurst", 20);
    t.move("cpuThreads", 3);
    {
        const auto &w = t.controller()->scenario().workers;
        CHECK(w[2].cpu_ms == 20);
        CHECK(w[2].count == 3);
        CHECK(w[0].cpu_ms == 1000);
        CHECK(w[0].count == 2);
        CHECK(rowsShown(t) == 2 + 1 + 3);
    }
    // The editor follows the sliders.
    CHECK(editor->countBox()->value() == 3);
    CHECK(editor->groupsModel()->index(2, ui::GroupsModel::Threads).data().toInt() == 3);

    editor->selectGroup(1); // echo: I/O-bound
    CHECK(controls->targetLabel()->text().contains(QLatin1String("<b>echo</b> (2 of 3)")));
    CHECK_FALSE(t.slider("cpuThreads")->isEnabled());
    REQUIRE(t.slider("ioWait")->isEnabled());
    t.move("ioWait", 2);
    CHECK(t.controller()->scenario().workers[1].io_ms == 2);

    // "every group" in the label: the sliders act on all groups again, the editor lets go.
    emit controls->targetLabel()->linkActivated(QStringLiteral("all"));
    CHECK(controls->targetGroup() == -1);
    CHECK(editor->selectedGroup() == -1);
    CHECK(t.slider("cpuThreads")->value() == 5);
    t.move("cpuBurst", 50);
    for (const auto &w : t.controller()->scenario().workers)
        if (w.kind == core::WorkerKind::Cpu)
            CHECK(w.cpu_ms == Approx(50).epsilon(0.01));
}

TEST_CASE("groups: with a single group the sliders act as they always did") {
    ui::ControlsPanel panel;
    core::Scenario s = preset("r3-gil-2cpu-4cores");
    REQUIRE(s.workers.size() == 1);
    panel.setScenario(s);
    panel.setTargetGroup(0);
    CHECK_FALSE(panel.targetLabel()->isVisibleTo(&panel));
    REQUIRE(panel.slider("ioThreads")->isEnabled());
    QSignalSpy edited(&panel, &ui::ControlsPanel::scenarioEdited);
    ui::LabeledSlider *io = panel.slider("ioThreads");
    io->slider()->setValue(io->positionOf(2));
    REQUIRE(edited.size() == 1);
    const auto after = edited.back().at(0).value<core::Scenario>();
    REQUIRE(after.workers.size() == 2);
    CHECK(after.workers[1].kind == core::WorkerKind::Io);
    CHECK(after.workers[1].count == 2);
}

TEST_CASE("groups: steps are added inside a lock, moved, removed and retyped in the tree") {
    ui::GroupsEditor editor;
    editor.resize(1200, 260);
    editor.show();
    editor.setScenario(preset("lock-convoy"));
    QSignalSpy edited(&editor, &ui::GroupsEditor::scenarioEdited);
    editor.selectGroup(0);
    const auto steps = [&] { return editor.scenario().workers[0].steps; };

    editor.selectStep({0});
    REQUIRE(editor.addStepInside(core::StepKind::Native));
    CHECK(editor.selectedStep() == ui::StepPath{0, 1});
    REQUIRE(steps()[0].body.size() == 2);
    CHECK(steps()[0].body[1].kind == core::StepKind::Native);
    CHECK(editor.stepsModel()->rowCount(editor.stepsModel()->index(0, 0)) == 2);

    REQUIRE(editor.moveStep(-1));
    CHECK(editor.selectedStep() == ui::StepPath{0, 0});
    CHECK(steps()[0].body[0].kind == core::StepKind::Native);
    CHECK_FALSE(editor.moveStep(-1)); // already first: nothing changes, nothing is emitted

    REQUIRE(editor.removeStep());
    REQUIRE(steps()[0].body.size() == 1);
    CHECK(steps()[0].body[0].kind == core::StepKind::Python);

    // After the lock, a put: the queue is declared with it.
    editor.selectStep({0});
    REQUIRE(editor.addStep(core::StepKind::Put));
    CHECK(editor.selectedStep() == ui::StepPath{1});
    CHECK(steps()[1].name == "queue");
    CHECK(editor.scenario().queues.count("queue") == 1);
    CHECK(editor.stepNameEdit()->isEnabled());
    CHECK_FALSE(editor.stepMsEdit()->isEnabled());
    REQUIRE(editor.queueSizeBox()->isVisibleTo(&editor));
    editor.queueSizeBox()->setValue(8);
    CHECK(editor.scenario().queues.at("queue").maxsize == 8);
    // A name typed for a put declares that queue too.
    type(editor.stepNameEdit(), QStringLiteral("jobs"));
    CHECK(editor.scenario().queues.count("jobs") == 1);
    CHECK(editor.queueSizeBox()->value() == 0); // that queue's own size
    type(editor.stepNameEdit(), QStringLiteral("queue"));

    // Retyped as sleep: a duration, no name.
    editor.stepKindBox()->setCurrentIndex(
        editor.stepKindBox()->findData(int(core::StepKind::Sleep)));
    emit editor.stepKindBox()->activated(editor.stepKindBox()->currentIndex());
    CHECK(steps()[1].kind == core::StepKind::Sleep);
    CHECK(steps()[1].ms == 10);
    CHECK(editor.stepMsEdit()->isEnabled());
    CHECK(edited.size() == 8);
    CHECK(ui::GroupsModel::workText(editor.scenario().workers[0]).toStdString() ==
          "50000 × (lock counter (1 step), sleep 10 ms, python 400 ns)");
}

TEST_CASE("groups: a group with no steps turns its CPU burst and I/O wait into steps") {
    ui::GroupsEditor editor;
    editor.setScenario(preset("r6-convoy-2cpu"));
    editor.selectGroup(1); // echo: 150 × (0.02 ms CPU, 0.01 ms I/O)
    CHECK(editor.findChild<QLabel *>(QStringLiteral("shorthandNote"))->isVisibleTo(&editor));
    REQUIRE(editor.addStep(core::StepKind::Native));
    const auto &steps = editor.scenario().workers[1].steps;
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].kind == core::StepKind::Python);
    CHECK(steps[0].ms == 0.02);
    CHECK(steps[1].kind == core::StepKind::Io);
    CHECK(steps[1].ms == 0.01);
    CHECK(steps[2].kind == core::StepKind::Native);
}

TEST_CASE("groups: group fields edit the selected group and duplicate copies it") {
    ui::GroupsEditor editor;
    editor.setScenario(preset("queue-pipeline"));
    QSignalSpy edited(&editor, &ui::GroupsEditor::scenarioEdited);
    editor.selectGroup(1);
    CHECK(editor.untilBox()->isChecked());
    CHECK_FALSE(editor.opsBox()->isEnabled());
    editor.countBox()->setValue(5);
    editor.poolBox()->setValue(2);
    editor.executorBox()->setCurrentIndex(editor.executorBox()->findText("multiprocessing"));
    emit editor.executorBox()->activated(editor.executorBox()->currentIndex());
    editor.nameEdit()->setText("eater");
    emit editor.nameEdit()->textEdited("eater");
    const auto &g = editor.scenario().workers[1];
    CHECK(g.count == 5);
    CHECK(g.pool_size == 2);
    CHECK(g.executor == core::Executor::Multiprocessing);
    CHECK(g.name == "eater");
    CHECK(edited.size() == 4);
    REQUIRE(editor.duplicateGroup());
    REQUIRE(editor.scenario().workers.size() == 3);
    CHECK(editor.scenario().workers[2].name == "eater-copy");
    CHECK(editor.selectedGroup() == 2);
    // Both groups "until the others": the producer still runs a fixed number of ops. Unticking
    // the producer's would leave none, which validation refuses.
    editor.selectGroup(0);
    editor.untilBox()->setChecked(true);
    CHECK(editor.groupError()->text() ==
          QLatin1String("workers: every group runs \"until\": \"others\": at least one must do "
                        "a fixed number of ops"));
    CHECK_FALSE(editor.scenario().workers[0].until_others);
}

TEST_CASE("groups: a group's start time, data and memory are edited in its form") {
    ui::GroupsEditor editor;
    editor.setScenario(preset("queue-pipeline"));
    editor.selectGroup(0);
    editor.startBox()->setValue(20);
    editor.dataBox()->setValue(512);
    editor.memoryBox()->setValue(64);
    const auto &g = editor.scenario().workers[0];
    CHECK(g.start_ms == 20);
    CHECK(g.data_kb == 512);
    CHECK(g.memory_mb == 64);
    CHECK(editor.groupError()->text().isEmpty());
    // The form shows the selected group's values.
    editor.selectGroup(1);
    CHECK(editor.startBox()->value() == 0);
    editor.selectGroup(0);
    CHECK(editor.startBox()->value() == 20);
    CHECK(editor.memoryBox()->value() == 64);
}

TEST_CASE("groups: a start time for an asyncio group is refused with the reason, the run kept") {
    ui::GroupsEditor editor;
    editor.setScenario(preset("asyncio-to-thread"));
    editor.selectGroup(0);
    const core::Scenario before = editor.scenario();
    editor.startBox()->setValue(10);
    INFO(editor.groupError()->text().toStdString());
    CHECK(editor.groupError()->text().contains("start_ms"));
    CHECK(editor.scenario().workers[0].start_ms == before.workers[0].start_ms);
}

TEST_CASE("groups: a valid edit whose run cannot finish says why under the groups") {
    WindowUnderTest t;
    t.choosePreset("lock-convoy");
    ui::GroupsEditor *editor = t.w->groupsEditor();
    editor->selectGroup(0);
    editor->selectStep({1});
    QComboBox *kind = editor->stepKindBox();
    const auto retype = [&](core::StepKind k) {
        kind->setCurrentIndex(kind->findData(int(k)));
        emit kind->activated(kind->currentIndex());
    };
    // A get from a queue nobody puts to: valid, but every thread waits for ever.
    const quint64 before = t.controller()->shownGeneration();
    retype(core::StepKind::Get);
    REQUIRE(waitUntil([&] { return editor->runError()->isVisibleTo(editor); }));
    CHECK(editor->runError()->text().startsWith(
        QLatin1String("Cannot simulate: the workload deadlocks at ")));
    CHECK_FALSE(editor->stepError()->isVisibleTo(editor));
    CHECK(t.controller()->shownGeneration() > before);
    t.andWait([&] { retype(core::StepKind::Python); });
    CHECK_FALSE(editor->runError()->isVisibleTo(editor));
}

TEST_CASE("groups: a preset is a new start: no group selected, the sliders act on all") {
    WindowUnderTest t;
    t.choosePreset("queue-pipeline");
    t.w->groupsEditor()->selectGroup(1);
    REQUIRE(t.w->controls()->targetGroup() == 1);
    t.choosePreset("asyncio-to-thread");
    CHECK(t.w->groupsEditor()->selectedGroup() == -1);
    CHECK(t.w->controls()->targetGroup() == -1);
}

TEST_CASE("groups: every template, every step retyped to every kind: the scenario stays valid") {
    ui::GroupsEditor editor;
    editor.setScenario(preset("queue-pipeline"));
    for (const auto &t : core::groupTemplates())
        REQUIRE(editor.addTemplate(t.id));
    const int groups = static_cast<int>(editor.scenario().workers.size());
    REQUIRE(groups == 2 + 10);
    QComboBox *kind = editor.stepKindBox();
    for (int g = 0; g < groups; ++g) {
        editor.selectGroup(g);
        const int steps = static_cast<int>(editor.scenario().workers[g].steps.size());
        for (int s = 0; s < steps; ++s)
            for (int k = 0; k < kind->count(); ++k) {
                editor.selectStep({s});
                kind->setCurrentIndex(k);
                emit kind->activated(k);
                INFO("group " << g << " step " << s << " kind " << k);
                CHECK_FALSE(core::validate(editor.scenario()).has_value());
                CHECK(editor.stepsModel()->rowCount() == steps);
            }
        // Everything inside the first step that has a body, then the group's steps removed.
        editor.selectStep({0});
        while (editor.removeStep()) {
        }
        CHECK(editor.scenario().workers[g].steps.empty());
    }
    CHECK_FALSE(core::validate(editor.scenario()).has_value());
}
