#pragma once

#include "groups/steppath.h"
#include "scenario/scenario.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;
class QTableView;
class QToolButton;
class QTreeView;

namespace gilscope::ui {

class GroupsModel;
class StepsModel;

// The worker groups of a scenario, and the steps of the one selected: add (plain, or from a
// template of common Python work), duplicate, remove and edit groups; add, nest, move, remove
// and edit steps. Every edit makes a new scenario and validates it: a valid one is emitted
// (the window simulates it, as after a slider), an invalid one is not — the message shows next
// to the field and the scenario stays as it was.
class GroupsEditor : public QWidget {
    Q_OBJECT
public:
    explicit GroupsEditor(QWidget *parent = nullptr);

    // Shows a scenario without emitting scenarioEdited(); the selected group stays selected
    // while it exists.
    void setScenario(const core::Scenario &scenario);
    const core::Scenario &scenario() const { return m_scenario; }

    // Why the last run of the scenario failed (a get nobody puts to, a limit), or "" to clear:
    // validation cannot see every such problem, the simulation does.
    void setRunError(const QString &message);
    QLabel *runError() const { return m_runError; }

    // -1: none.
    int selectedGroup() const;
    void selectGroup(int row);
    StepPath selectedStep() const;
    void selectStep(const StepPath &path);

    // Edits, as the buttons make them. False (and a message) when the result is invalid.
    bool addGroup(core::WorkerKind kind);
    bool addTemplate(const std::string &id);
    bool duplicateGroup();
    bool removeGroup();
    // After the selected step (at the end when none is), or inside it (a lock, to_thread,
    // in_process).
    bool addStep(core::StepKind kind);
    bool addStepInside(core::StepKind kind);
    bool removeStep();
    bool moveStep(int by);

    QTableView *groupsView() const { return m_groupsView; }
    QTreeView *stepsView() const { return m_stepsView; }
    GroupsModel *groupsModel() const { return m_groups; }
    StepsModel *stepsModel() const { return m_steps; }
    // Add Group's menu: plain groups, then the templates (each action's data is its id).
    QMenu *templatesMenu() const { return m_templatesMenu; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *countBox() const { return m_count; }
    QComboBox *executorBox() const { return m_executor; }
    QSpinBox *poolBox() const { return m_pool; }
    QSpinBox *opsBox() const { return m_ops; }
    QCheckBox *untilBox() const { return m_until; }
    QDoubleSpinBox *startBox() const { return m_start; }
    QDoubleSpinBox *dataBox() const { return m_dataKb; }
    QDoubleSpinBox *memoryBox() const { return m_memoryMb; }
    QComboBox *stepKindBox() const { return m_stepKind; }
    QLineEdit *stepMsEdit() const { return m_stepMs; }
    QLineEdit *stepNameEdit() const { return m_stepName; }
    QCheckBox *checksBox() const { return m_checks; }
    // The maxsize of a put's or get's queue (shared by every step on that queue).
    QSpinBox *queueSizeBox() const { return m_queueSize; }
    QLabel *groupError() const { return m_groupError; }
    QLabel *stepError() const { return m_stepError; }

signals:
    void scenarioEdited(const gilscope::core::Scenario &scenario);
    void selectedGroupChanged(int row);

private:
    enum class Form { Group, Step };
    QWidget *groupsColumn();
    QWidget *groupForm();
    QWidget *stepsColumn();
    QWidget *stepForm();
    // Applies `change` to a copy; emits it when valid, else shows why next to `field` in `form`.
    template <typename F> bool apply(Form form, QWidget *field, F change);
    // The same for the selected group / step.
    template <typename F> bool editGroup(QWidget *field, F change);
    template <typename F> bool editStep(QWidget *field, F change);
    void showError(Form form, QWidget *field, const QString &message);
    void clearErrors();
    // True when the selected group changed.
    bool refresh(int group, const StepPath &step);
    // The forms and the steps of the selected group / step, after the user picked it.
    void showSelectedGroup();
    void showSelectedStep();
    void fillGroupForm();
    void fillStepForm();
    void updateButtons();
    std::string defaultQueue() const;
    QMenu *kindMenu(bool inside);

    core::Scenario m_scenario;
    GroupsModel *m_groups;
    StepsModel *m_steps;
    bool m_updating = false;
    QTableView *m_groupsView = nullptr;
    QTreeView *m_stepsView = nullptr;
    QMenu *m_templatesMenu = nullptr;
    QToolButton *m_duplicate = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_addStep = nullptr;
    QToolButton *m_addInside = nullptr;
    QToolButton *m_removeStep = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QWidget *m_groupForm = nullptr;
    QWidget *m_stepForm = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_count = nullptr;
    QComboBox *m_executor = nullptr;
    QSpinBox *m_pool = nullptr;
    QSpinBox *m_ops = nullptr;
    QCheckBox *m_until = nullptr;
    QDoubleSpinBox *m_start = nullptr;
    QDoubleSpinBox *m_dataKb = nullptr;
    QDoubleSpinBox *m_memoryMb = nullptr;
    QLabel *m_shorthand = nullptr;
    QComboBox *m_stepKind = nullptr;
    QLabel *m_msLabel = nullptr;
    QLineEdit *m_stepMs = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_stepName = nullptr;
    QCheckBox *m_checks = nullptr;
    QLabel *m_queueSizeLabel = nullptr;
    QSpinBox *m_queueSize = nullptr;
    QLabel *m_groupError = nullptr;
    QLabel *m_stepError = nullptr;
    QLabel *m_runError = nullptr;
    QWidget *m_errorField = nullptr;
};

} // namespace gilscope::ui
