// The controls panel on its own: every row of its slider table, and the Machine picker (a profile
// measured by gilscope calibrate applied to whatever is shown).
#include <catch2/catch.hpp>

#include "catalog/machineprofile.h"
#include "catalog/presets.h"
#include "widgets/labeledslider.h"
#include "window/controlspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>

using namespace gilscope;

namespace {

core::Scenario lastEdit(const QSignalSpy &spy) {
    REQUIRE(spy.count() > 0);
    return spy.last().at(0).value<core::Scenario>();
}

} // namespace

TEST_CASE("every slider writes a value into the scenario that a panel showing it reads back") {
    qRegisterMetaType<core::Scenario>("gilscope::core::Scenario");
    ui::ControlsPanel panel;
    panel.setScenario(*core::loadPreset("r6-convoy-1cpu")); // CPU- and I/O-bound threads
    const auto sliders = panel.findChildren<ui::LabeledSlider *>();
    REQUIRE(sliders.size() == 7);
    for (ui::LabeledSlider *s : sliders) {
        const QString name = s->objectName();
        INFO(name.toStdString());
        CHECK(panel.slider(name) == s);
        // Named on screen, with its help on the slider and on the name.
        const auto *label = [&]() -> QLabel * {
            for (QLabel *l : panel.findChildren<QLabel *>())
                if (l->buddy() == s->slider())
                    return l;
            return nullptr;
        }();
        REQUIRE(label);
        CHECK_FALSE(label->text().isEmpty());
        CHECK_FALSE(s->toolTip().isEmpty());
        CHECK(label->toolTip() == s->toolTip());

        QSignalSpy edits(&panel, &ui::ControlsPanel::scenarioEdited);
        const QString before = s->valueText();
        const int third =
            s->slider()->minimum() + (s->slider()->maximum() - s->slider()->minimum()) / 3;
        s->slider()->setValue(third); // as a drag does
        REQUIRE(edits.count() == 1);
        CHECK(s->valueText() != before);
        CHECK(panel.presetBox()->currentIndex() == 0); // "Custom": no longer the preset
        // Integer knobs keep the slider's 21.5 but write 22: compare what the user reads.
        ui::ControlsPanel shown;
        shown.setScenario(lastEdit(edits));
        CHECK(shown.slider(name)->valueText() == s->valueText());
    }
}

TEST_CASE("picking a machine gives the scenario its measured costs and keeps it across presets") {
    QTemporaryDir dir;
    core::MachineProfile lab;
    lab.name = "lab";
    lab.description = "2 cores, measured with Python 3.12.1";
    lab.params = {{"signal_cost_us", 6}, {"timer_slack_us", 140}};
    REQUIRE(core::saveMachineProfile(lab, dir.filePath("lab.json")).ok());

    ui::ControlsPanel panel;
    panel.setMachineStore(core::MachineProfileStore({dir.path()}));
    QComboBox *box = panel.machineBox();
    REQUIRE(box->count() == 2);
    CHECK(box->itemText(0) == "model defaults");
    CHECK(box->itemText(1) == "lab");
    CHECK(box->itemData(1, Qt::ToolTipRole).toString().contains("timer_slack_us = 140"));

    qRegisterMetaType<core::Scenario>("gilscope::core::Scenario");
    QSignalSpy edits(&panel, &ui::ControlsPanel::scenarioEdited);
    emit box->activated(1);
    core::Scenario s = lastEdit(edits);
    CHECK(s.machine == "lab");
    CHECK(s.params.signal_cost_us == 6);
    CHECK(s.params.timer_slack_us == 140);

    // Another preset (a new start, not an edit): still this machine.
    QSignalSpy picks(&panel, &ui::ControlsPanel::presetChosen);
    const int convoy = panel.presetBox()->findText(
        QString::fromStdString(core::loadPreset("r6-convoy-1cpu")->name));
    REQUIRE(convoy > 0);
    emit panel.presetBox()->activated(convoy);
    s = lastEdit(picks);
    CHECK(s.workers.size() == 2);
    CHECK(s.machine == "lab");
    CHECK(s.params.signal_cost_us == 6);
    CHECK(box->currentText() == "lab");

    // Back to the model's own costs.
    emit box->activated(0);
    s = lastEdit(edits);
    CHECK(s.machine.empty());
    CHECK(s.params.signal_cost_us == core::TimingParams{}.signal_cost_us);
    CHECK(s.params.timer_slack_us == core::TimingParams{}.timer_slack_us);
}

TEST_CASE("a scenario naming a profile the picker does not list still shows its name") {
    QTemporaryDir empty;
    ui::ControlsPanel panel;
    panel.setMachineStore(core::MachineProfileStore({empty.path()}));
    core::Scenario s;
    s.machine = "desk-from-a-colleague";
    panel.setScenario(s);
    CHECK(panel.machineBox()->currentText() == "desk-from-a-colleague");

    // Picking it when it cannot be found says so and changes nothing.
    QSignalSpy edits(&panel, &ui::ControlsPanel::scenarioEdited);
    emit panel.machineBox()->activated(panel.machineBox()->currentIndex());
    CHECK(edits.count() == 0);
    const auto *error = panel.findChild<QLabel *>("error");
    REQUIRE(error);
    CHECK(error->text().contains("no machine profile"));
    CHECK(error->text().contains("desk-from-a-colleague"));
    CHECK(error->text().contains("gilscope calibrate"));
}

TEST_CASE("a preset's own build figures survive a machine being picked") {
    QTemporaryDir dir;
    core::MachineProfile lab;
    lab.name = "lab";
    lab.params = {{"signal_cost_us", 6}};
    REQUIRE(core::saveMachineProfile(lab, dir.filePath("lab.json")).ok());
    ui::ControlsPanel panel;
    panel.setMachineStore(core::MachineProfileStore({dir.path()}));
    QSignalSpy picks(&panel, &ui::ControlsPanel::presetChosen);
    emit panel.machineBox()->activated(1);
    const auto preset = core::loadPreset("free-threaded-3.14t");
    REQUIRE(preset);
    REQUIRE(preset->params.ft_slowdown == 1.08);
    emit panel.presetBox()->activated(
        panel.presetBox()->findText(QString::fromStdString(preset->name)));
    const core::Scenario s = lastEdit(picks);
    CHECK(s.machine == "lab");
    CHECK(s.params.signal_cost_us == 6);
    CHECK(s.params.ft_slowdown == 1.08); // the 3.14t build's slowdown, not the model's 1.4
}
