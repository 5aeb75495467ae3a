#pragma once

#include "catalog/machineprofile.h"
#include "scenario/scenario.h"

#include <QWidget>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace gilscope::ui {

class LabeledSlider;

// The knobs of a scenario: preset, interpreter, executor, seed, thread counts, cores, switch and
// check intervals, CPU burst and I/O wait. Shows a Scenario and emits the edited copy on every
// change, or the preset picked; the window's SimulationController decides when to simulate it.
// The sliders are one table (sliderRows() in the .cpp): a new slider is one row there. The
// preset's description stays while the scenario is edited, so nothing moves under the pointer.
class ControlsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlsPanel(QWidget *parent = nullptr);

    // Shows a scenario (from a file, a preset or the API) without emitting scenarioEdited().
    void setScenario(const core::Scenario &scenario);
    const core::Scenario &scenario() const { return m_scenario; }
    // The annotations added on the chart: kept in the scenario the next edit emits.
    void setAnnotations(std::vector<core::Annotation> annotations) {
        m_scenario.annotations = std::move(annotations);
    }
    // The worker groups editor's edit: new groups and queues, the rest of the scenario kept.
    // Emits scenarioEdited() as a slider does.
    void setWorkers(const std::vector<core::WorkerGroup> &workers,
                    const std::map<std::string, core::QueueSpec> &queues);
    // The group the Threads sliders act on (-1: every group, as with a single group). With one
    // group there is nothing to choose: the sliders act as they always did.
    void setTargetGroup(int index);
    int targetGroup() const { return m_models.target; }
    QLabel *targetLabel() const { return m_target; }
    // A problem with the current scenario (from validation or the simulation), or "" to clear.
    void setError(const QString &message);

    LabeledSlider *slider(const QString &objectName) const;
    QComboBox *presetBox() const { return m_preset; }
    QComboBox *interpreterBox() const { return m_interpreter; }
    QComboBox *executorBox() const { return m_executor; }
    QSpinBox *seedBox() const { return m_seed; }
    QComboBox *machineBox() const { return m_machine; }
    // Where the Machine picker finds profiles (gilscope calibrate saves them); read again now.
    void setMachineStore(const core::MachineProfileStore &store);

signals:
    // A knob changed the scenario.
    void scenarioEdited(const gilscope::core::Scenario &scenario);
    // A preset was picked: a new start rather than an edit.
    void presetChosen(const gilscope::core::Scenario &scenario);
    // What the panel shows changed, by an edit or setScenario(): the groups editor follows it.
    void scenarioShown(const gilscope::core::Scenario &scenario);
    // "every group" was clicked in the target label.
    void targetCleared();

private:
    // What the sliders edit besides the scenario: the thread each kind grows from when its count
    // leaves zero. It keeps the CPU burst and I/O wait the sliders show while a kind has none.
    struct WorkerModels {
        core::WorkerGroup cpu;
        core::WorkerGroup io;
        int target = -1; // the group the Threads sliders act on, -1: all (see setTargetGroup)
    };
    struct SliderRow;
    static const std::vector<SliderRow> &sliderRows();

    QGroupBox *scenarioGroup();
    void addSlider(QFormLayout *form, const SliderRow &row);
    template <typename F> void edit(F change);
    void choosePreset(int index);
    void fillMachines();
    void showMachine(const std::string &name);
    // A listed profile, or one looked up in the store; nothing (and why, in `error`) if missing.
    std::optional<core::MachineProfile> profileFor(const std::string &name,
                                                   std::string *error) const;
    // The scenario on `name`'s costs: the model's defaults, then the profile's measurements. The
    // user picked the machine: it replaces whatever machine costs the scenario had.
    void applyMachine(core::Scenario &scenario, const std::string &name,
                      const std::optional<core::MachineProfile> &profile) const;
    void updateEnabled();
    void updateSummary();
    void updateTarget();
    // "Custom" once the scenario no longer matches a preset; the preset again if it does.
    void showPreset();

    core::Scenario m_scenario;
    std::map<std::string, core::Scenario> m_presets;
    WorkerModels m_models;
    bool m_updating = false;

    QComboBox *m_preset;
    QLabel *m_description;
    QComboBox *m_interpreter;
    QComboBox *m_executor;
    QSpinBox *m_seed;
    QComboBox *m_machine;
    core::MachineProfileStore m_machines = core::MachineProfileStore::standard();
    std::vector<core::MachineProfile> m_profiles;
    std::vector<std::pair<const SliderRow *, LabeledSlider *>> m_sliders;
    QLabel *m_summary;
    QLabel *m_target;
    QLabel *m_error;
};

} // namespace gilscope::ui
