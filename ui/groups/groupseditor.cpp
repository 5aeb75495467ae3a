#include "groups/groupseditor.h"

#include "catalog/grouptemplates.h"
#include "groups/groupsmodel.h"
#include "groups/stepsmodel.h"
#include "scenario/scenariojson.h"
#include "timeline/timeformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gilscope::ui {

using core::Scenario;
using core::Step;
using core::StepKind;
using core::WorkerGroup;

namespace {

constexpr StepKind kKinds[] = {StepKind::Python,   StepKind::Native,   StepKind::Io,
                               StepKind::Sleep,    StepKind::Lock,     StepKind::Put,
                               StepKind::Get,      StepKind::Wait,     StepKind::Set,
                               StepKind::ToThread, StepKind::InProcess};

QToolButton *toolButton(const QString &text, const QString &objectName, const QString &tip) {
    auto *b = new QToolButton;
    b->setText(text);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

QLabel *errorLabel(const QString &objectName) {
    auto *l = new QLabel;
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #d93025"));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->hide();
    return l;
}

// "workers.1.steps.0.python" -> "steps.0.python": the form already says which group.
QString relativeField(const std::string &field) {
    QString f = QString::fromStdString(field);
    static const QLatin1String prefix("workers.");
    if (f.startsWith(prefix)) {
        const int dot = f.indexOf(QLatin1Char('.'), prefix.size());
        if (dot > 0)
            return f.mid(dot + 1);
    }
    return f;
}

void declareQueue(Scenario &s, const Step &step) {
    if ((step.kind == StepKind::Put || step.kind == StepKind::Get) && !step.name.empty())
        s.queues.try_emplace(step.name);
}

} // namespace

GroupsEditor::GroupsEditor(QWidget *parent)
    : QWidget(parent)
    , m_groups(new GroupsModel(this))
    , m_steps(new StepsModel(this)) {
    setObjectName(QStringLiteral("groupsEditor"));
    auto *content = new QWidget;
    auto *row = new QHBoxLayout(content);
    row->setContentsMargins(6, 4, 6, 4);
    row->addWidget(groupsColumn(), 5);
    row->addWidget(groupForm(), 4);
    row->addWidget(stepsColumn(), 4);
    row->addWidget(stepForm(), 4);
    // On a small screen the columns scroll sideways rather than widen the window.
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAccessibleName(tr("Worker groups editor"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    refresh(-1, {});
}

QWidget *GroupsEditor::groupsColumn() {
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_groupsView = new QTableView;
    m_groupsView->setObjectName(QStringLiteral("groupsView"));
    m_groupsView->setAccessibleName(tr("Worker groups"));
    m_groupsView->setModel(m_groups);
    m_groupsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groupsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupsView->verticalHeader()->hide();
    m_groupsView->verticalHeader()->setDefaultSectionSize(m_groupsView->fontMetrics().height() + 6);
    m_groupsView->horizontalHeader()->setSectionResizeMode(GroupsModel::Name,
                                                           QHeaderView::ResizeToContents);
    m_groupsView->horizontalHeader()->setSectionResizeMode(GroupsModel::Threads,
                                                           QHeaderView::ResizeToContents);
    m_groupsView->horizontalHeader()->setStretchLastSection(true);
    m_groupsView->setWordWrap(false);
    m_groupsView->setTextElideMode(Qt::ElideRight);
    connect(m_groupsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_updating)
            showSelectedGroup();
    });
    layout->addWidget(m_groupsView, 1);

    auto *buttons = new QHBoxLayout;
    auto *add = toolButton(tr("Add Group"), QStringLiteral("addGroup"),
                           tr("Add a worker group: plain, or from a template of common work"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(add);
    menu->setToolTipsVisible(true);
    menu->addAction(tr("CPU-bound threads"), this, [this] { addGroup(core::WorkerKind::Cpu); });
    menu->addAction(tr("I/O-bound threads"), this, [this] { addGroup(core::WorkerKind::Io); });
    // The templates in the same menu, not a submenu: they are what most additions start from.
    menu->addSection(tr("From a template"));
    m_templatesMenu = menu;
    m_templatesMenu->setObjectName(QStringLiteral("templatesMenu"));
    for (const auto &t : core::groupTemplates()) {
        QAction *a = m_templatesMenu->addAction(QString::fromStdString(t.title), this,
                                                [this, id = t.id] { addTemplate(id); });
        a->setData(QString::fromStdString(t.id));
        a->setToolTip(QString::fromStdString(t.why + " (" + t.source + ")"));
    }
    add->setMenu(menu);
    m_duplicate = toolButton(tr("Duplicate"), QStringLiteral("duplicateGroup"),
                             tr("Add a copy of the selected group"));
    connect(m_duplicate, &QToolButton::clicked, this, [this] { duplicateGroup(); });
    m_remove =
        toolButton(tr("Remove"), QStringLiteral("removeGroup"), tr("Remove the selected group"));
    connect(m_remove, &QToolButton::clicked, this, [this] { removeGroup(); });
    buttons->addWidget(add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_runError = errorLabel(QStringLiteral("runError"));
    m_runError->setAccessibleName(tr("Simulation error"));
    layout->addWidget(m_runError);
    return column;
}

namespace {
// A form row holding two fields: `first`, then `second` with its own label (its mnemonic's buddy).
QLabel *buddyLabel(const QString &text, QWidget *buddy) {
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QLayout *besides(QWidget *first, const QString &label, QWidget *second) {
    auto *row = new QHBoxLayout;
    QLabel *name = buddyLabel(label, second);
    row->addWidget(first, 1);
    row->addWidget(name);
    row->addWidget(second, 1);
    return row;
}
} // namespace

QWidget *GroupsEditor::groupForm() {
    m_groupForm = new QWidget;
    auto *column = new QVBoxLayout(m_groupForm);
    column->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("groupName"));
    m_name->setAccessibleName(tr("Group name"));
    m_name->setPlaceholderText(tr("the kind"));
    m_name->setToolTip(tr("The rows' label prefix on the timeline"));
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        editGroup(m_name,
                  [&](WorkerGroup &g, Scenario &) { g.name = text.trimmed().toStdString(); });
    });
    form->addRow(tr("&Name:"), m_name);
    m_count = new QSpinBox;
    m_count->setObjectName(QStringLiteral("groupCount"));
    m_count->setAccessibleName(tr("Threads of the group"));
    m_count->setRange(0, core::ScenarioLimits::kMaxThreads);
    m_count->setToolTip(tr("Threads (or processes, coroutines) of this group"));
    connect(m_count, &QSpinBox::valueChanged, this, [this](int v) {
        editGroup(m_count, [&](WorkerGroup &g, Scenario &) { g.count = v; });
    });
    m_executor = new QComboBox;
    m_executor->setObjectName(QStringLiteral("groupExecutor"));
    m_executor->setAccessibleName(tr("Executor of the group"));
    m_executor->addItem(tr("the scenario's"), -1);
    for (auto e : {core::Executor::Threading, core::Executor::Multiprocessing,
                   core::Executor::Asyncio, core::Executor::Subinterpreters})
        m_executor->addItem(QString::fromUtf8(core::toString(e).data()), int(e));
    m_executor->setToolTip(tr("This group's own executor, or the scenario's"));
    connect(m_executor, &QComboBox::activated, this, [this](int i) {
        const int e = m_executor->itemData(i).toInt();
        editGroup(m_executor, [&](WorkerGroup &g, Scenario &) {
            g.executor = e < 0 ? std::nullopt : std::optional(static_cast<core::Executor>(e));
        });
    });
    form->addRow(buddyLabel(tr("&Threads:"), m_count),
                 besides(m_count, tr("E&xecutor:"), m_executor));
    m_pool = new QSpinBox;
    m_pool->setObjectName(QStringLiteral("groupPool"));
    m_pool->setAccessibleName(tr("Pool size of the group"));
    m_pool->setRange(0, core::ScenarioLimits::kMaxThreads);
    m_pool->setSpecialValueText(tr("default"));
    m_pool->setToolTip(tr("A ThreadPoolExecutor or process pool of this size; for asyncio the "
                          "size of to_thread's pool. Default: one per worker (the loop's "
                          "min(32, cores + 4))"));
    connect(m_pool, &QSpinBox::valueChanged, this, [this](int v) {
        editGroup(m_pool, [&](WorkerGroup &g, Scenario &) { g.pool_size = v; });
    });
    m_ops = new QSpinBox;
    m_ops->setObjectName(QStringLiteral("groupOps"));
    m_ops->setAccessibleName(tr("Ops of each thread"));
    m_ops->setRange(1, core::ScenarioLimits::kMaxOps);
    m_ops->setSuffix(tr(" ×"));
    m_ops->setToolTip(tr("How many times each thread runs the steps"));
    connect(m_ops, &QSpinBox::valueChanged, this,
            [this](int v) { editGroup(m_ops, [&](WorkerGroup &g, Scenario &) { g.ops = v; }); });
    m_until = new QCheckBox(tr("until the others"));
    m_until->setObjectName(QStringLiteral("groupUntil"));
    m_until->setAccessibleName(tr("Until the other groups are done"));
    m_until->setToolTip(tr("Repeat the steps until every other group is done (\"until\": "
                           "\"others\"), e.g. consumers of a queue"));
    connect(m_until, &QCheckBox::toggled, this, [this](bool on) {
        editGroup(m_until, [&](WorkerGroup &g, Scenario &) { g.until_others = on; });
        m_ops->setEnabled(!m_until->isChecked());
    });
    auto *runs = new QHBoxLayout;
    runs->addWidget(m_ops, 1);
    runs->addWidget(m_until);
    auto *runsLabel = new QLabel(tr("&Runs:"));
    runsLabel->setBuddy(m_ops);
    form->addRow(runsLabel, runs);
    // When its threads start, and what a process worker costs in data and memory.
    const auto amount = [this](QDoubleSpinBox *&box, const char *name, const QString &accessible,
                               double most, const QString &suffix, const QString &tip,
                               double WorkerGroup::*field) {
        box = new QDoubleSpinBox;
        box->setObjectName(QString::fromLatin1(name));
        box->setAccessibleName(accessible);
        box->setRange(0, most);
        box->setDecimals(1);
        box->setSuffix(suffix);
        box->setToolTip(tip);
        box->setAccelerated(true);
        QDoubleSpinBox *self = box;
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, self, field](double v) {
            editGroup(self, [&](WorkerGroup &g, Scenario &) { g.*field = v; });
        });
    };
    amount(m_start, "groupStart", tr("Start time of the group"), core::ScenarioLimits::kMaxBurstMs,
           tr(" ms"),
           tr("Its threads or processes start this late into the run (\"start_ms\"); not for "
              "asyncio groups or pools"),
           &WorkerGroup::start_ms);
    amount(m_dataKb, "groupData", tr("Data of each task"), core::ScenarioLimits::kMaxDataKb,
           tr(" kB"),
           tr("Pickled in and out of a process or interpreter for every task (\"data_kb\"); "
              "threads pass a reference for free"),
           &WorkerGroup::data_kb);
    amount(m_memoryMb, "groupMemory", tr("Memory each worker holds"),
           core::ScenarioLimits::kMaxMemoryMb, tr(" MB"),
           tr("Data each worker holds (\"memory_mb\"): one copy shared by threads, one per "
              "process or interpreter"),
           &WorkerGroup::memory_mb);
    // Two fields to a row: the dock is short, and its buttons must stay in view.
    form->insertRow(2, buddyLabel(tr("&Pool size:"), m_pool),
                    besides(m_pool, tr("&Starts at:"), m_start));
    form->addRow(buddyLabel(tr("&Data a task:"), m_dataKb),
                 besides(m_dataKb, tr("&Memory:"), m_memoryMb));
    column->addLayout(form);
    m_groupError = errorLabel(QStringLiteral("groupError"));
    m_groupError->setAccessibleName(tr("Problem with the group"));
    column->addWidget(m_groupError);
    column->addStretch(1);
    return m_groupForm;
}

QMenu *GroupsEditor::kindMenu(bool inside) {
    auto *menu = new QMenu(this);
    menu->setToolTipsVisible(true);
    for (StepKind kind : kKinds) {
        QAction *a = menu->addAction(StepsModel::kindTitle(kind), this, [this, kind, inside] {
            inside ? addStepInside(kind) : addStep(kind);
        });
        a->setData(int(kind));
    }
    return menu;
}

QWidget *GroupsEditor::stepsColumn() {
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stepsView = new QTreeView;
    m_stepsView->setObjectName(QStringLiteral("stepsView"));
    m_stepsView->setAccessibleName(tr("Steps of the selected group"));
    m_stepsView->setModel(m_steps);
    m_stepsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stepsView->setUniformRowHeights(true);
    m_stepsView->setIndentation(14);
    m_stepsView->header()->setSectionResizeMode(StepsModel::Kind, QHeaderView::ResizeToContents);
    m_stepsView->header()->setStretchLastSection(true);
    connect(m_steps, &QAbstractItemModel::modelReset, m_stepsView, &QTreeView::expandAll);
    connect(m_stepsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_updating)
            showSelectedStep();
    });
    layout->addWidget(m_stepsView, 1);
    m_shorthand = new QLabel;
    m_shorthand->setObjectName(QStringLiteral("shorthandNote"));
    m_shorthand->setWordWrap(true);
    m_shorthand->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_shorthand);

    auto *buttons = new QHBoxLayout;
    m_addStep =
        toolButton(tr("Add"), QStringLiteral("addStep"), tr("Add a step after the selected one"));
    m_addStep->setPopupMode(QToolButton::InstantPopup);
    m_addStep->setMenu(kindMenu(false));
    m_addInside = toolButton(tr("Inside"), QStringLiteral("addStepInside"),
                             tr("Add a step inside the selected lock, to_thread or in_process"));
    m_addInside->setPopupMode(QToolButton::InstantPopup);
    m_addInside->setMenu(kindMenu(true));
    m_removeStep = toolButton(tr("Remove"), QStringLiteral("removeStep"),
                              tr("Remove the selected step (and the steps inside it)"));
    connect(m_removeStep, &QToolButton::clicked, this, [this] { removeStep(); });
    m_up = toolButton(tr("↑"), QStringLiteral("stepUp"), tr("Move the selected step up"));
    connect(m_up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    m_down = toolButton(tr("↓"), QStringLiteral("stepDown"), tr("Move the selected step down"));
    connect(m_down, &QToolButton::clicked, this, [this] { moveStep(1); });
    for (QToolButton *b : {m_addStep, m_addInside, m_removeStep, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return column;
}

QWidget *GroupsEditor::stepForm() {
    m_stepForm = new QWidget;
    auto *column = new QVBoxLayout(m_stepForm);
    column->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_stepKind = new QComboBox;
    m_stepKind->setObjectName(QStringLiteral("stepKind"));
    m_stepKind->setAccessibleName(tr("Kind of step"));
    for (StepKind kind : kKinds)
        m_stepKind->addItem(StepsModel::kindTitle(kind), int(kind));
    m_stepKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_stepKind->setMinimumContentsLength(10);
    connect(m_stepKind, &QComboBox::activated, this, [this](int i) {
        const auto kind = static_cast<StepKind>(m_stepKind->itemData(i).toInt());
        const std::string queue = defaultQueue();
        editStep(m_stepKind, [&](Step &step, Scenario &s) {
            step = changeKind(step, kind, queue);
            declareQueue(s, step);
        });
        fillStepForm();
    });
    form->addRow(tr("&Kind:"), m_stepKind);
    m_stepMs = new QLineEdit;
    m_stepMs->setObjectName(QStringLiteral("stepMs"));
    m_stepMs->setAccessibleName(tr("Milliseconds of the step"));
    m_stepMs->setToolTip(tr("Milliseconds, scaled by the group's jitter"));
    connect(m_stepMs, &QLineEdit::textEdited, this, [this](const QString &text) {
        bool ok = false;
        double v = QLocale().toDouble(text.trimmed(), &ok);
        if (!ok)
            v = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok) {
            showError(Form::Step, m_stepMs, tr("“%1” is not a number of milliseconds").arg(text));
            return;
        }
        editStep(m_stepMs, [&](Step &step, Scenario &) { step.ms = v; });
    });
    m_msLabel = new QLabel(tr("&Milliseconds:"));
    m_msLabel->setBuddy(m_stepMs);
    form->addRow(m_msLabel, m_stepMs);
    m_stepName = new QLineEdit;
    m_stepName->setObjectName(QStringLiteral("stepName"));
    m_stepName->setAccessibleName(tr("Lock, queue or event name"));
    connect(m_stepName, &QLineEdit::textEdited, this, [this](const QString &text) {
        editStep(m_stepName, [&](Step &step, Scenario &s) {
            step.name = text.trimmed().toStdString();
            declareQueue(s, step);
        });
        // Another queue: its own size (the name field keeps its cursor).
        const auto spec = m_scenario.queues.find(text.trimmed().toStdString());
        const QSignalBlocker block(m_queueSize);
        m_queueSize->setValue(spec != m_scenario.queues.end() ? spec->second.maxsize : 0);
    });
    m_nameLabel = new QLabel(tr("N&ame:"));
    m_nameLabel->setBuddy(m_stepName);
    form->addRow(m_nameLabel, m_stepName);
    m_checks = new QCheckBox(tr("checks for a GIL hand-over"));
    m_checks->setObjectName(QStringLiteral("stepChecks"));
    m_checks->setAccessibleName(tr("Checks for a GIL hand-over"));
    m_checks->setToolTip(tr("Off: code with no call and no loop, or one C call that keeps the "
                            "GIL (json.loads): no hand-over can happen midway"));
    connect(m_checks, &QCheckBox::toggled, this, [this](bool on) {
        editStep(m_checks, [&](Step &step, Scenario &) { step.checks = on; });
    });
    form->addRow(QString(), m_checks);
    m_queueSize = new QSpinBox;
    m_queueSize->setObjectName(QStringLiteral("queueSize"));
    m_queueSize->setAccessibleName(tr("Queue size"));
    m_queueSize->setRange(0, core::ScenarioLimits::kMaxQueueSize);
    m_queueSize->setSpecialValueText(tr("unbounded"));
    m_queueSize->setToolTip(tr("queue.Queue(maxsize): a put waits while the queue holds this "
                               "many items; the same queue for every step that names it"));
    connect(m_queueSize, &QSpinBox::valueChanged, this, [this](int v) {
        editStep(m_queueSize, [&](Step &step, Scenario &s) { s.queues[step.name].maxsize = v; });
    });
    m_queueSizeLabel = new QLabel(tr("Max si&ze:"));
    m_queueSizeLabel->setBuddy(m_queueSize);
    form->addRow(m_queueSizeLabel, m_queueSize);
    column->addLayout(form);
    m_stepError = errorLabel(QStringLiteral("stepError"));
    m_stepError->setAccessibleName(tr("Problem with the step"));
    column->addWidget(m_stepError);
    column->addStretch(1);
    return m_stepForm;
}

void GroupsEditor::setScenario(const core::Scenario &scenario) {
    if (core::sameScenario(scenario, m_scenario) && m_groups->rowCount() > 0)
        return; // our own edit coming back: the fields the user types in stay as they are
    const int group = selectedGroup();
    const StepPath step = selectedStep();
    m_scenario = scenario;
    clearErrors();
    const bool moved =
        refresh(group < static_cast<int>(scenario.workers.size()) ? group : -1, step);
    fillGroupForm();
    fillStepForm();
    if (moved)
        emit selectedGroupChanged(selectedGroup());
}

void GroupsEditor::setRunError(const QString &message) {
    m_runError->setText(message.isEmpty() ? QString() : tr("Cannot simulate: %1").arg(message));
    m_runError->setVisible(!message.isEmpty());
}

int GroupsEditor::selectedGroup() const {
    // The selection, not the current index: selectionChanged comes before currentChanged.
    const auto rows = m_groupsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void GroupsEditor::selectGroup(int row) {
    m_updating = true;
    if (row < 0 || row >= m_groups->rowCount()) {
        m_groupsView->selectionModel()->clearCurrentIndex();
        m_groupsView->clearSelection();
    } else {
        m_groupsView->selectionModel()->setCurrentIndex(m_groups->index(row, 0),
                                                        QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    }
    m_updating = false;
    showSelectedGroup();
}

void GroupsEditor::showSelectedGroup() {
    clearErrors();
    const int row = selectedGroup();
    m_steps->setSteps(row >= 0 ? m_scenario.workers[row].steps : std::vector<Step>{});
    fillGroupForm();
    fillStepForm();
    updateButtons();
    emit selectedGroupChanged(row);
}

void GroupsEditor::showSelectedStep() {
    clearErrors();
    fillStepForm();
    updateButtons();
}

StepPath GroupsEditor::selectedStep() const {
    const auto rows = m_stepsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? StepPath{} : m_steps->pathOf(rows.first());
}

void GroupsEditor::selectStep(const StepPath &path) {
    const QModelIndex at = m_steps->indexOf(path);
    m_updating = true;
    m_stepsView->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    m_updating = false;
    showSelectedStep();
}

// Shows m_scenario with `group` and `step` selected, without refilling the forms: the field the
// user is typing in keeps its cursor.
bool GroupsEditor::refresh(int group, const StepPath &step) {
    m_updating = true;
    const int before = selectedGroup();
    m_groups->setScenario(m_scenario);
    if (group >= 0 && group < m_groups->rowCount())
        m_groupsView->selectionModel()->setCurrentIndex(m_groups->index(group, 0),
                                                        QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    else
        m_groupsView->clearSelection();
    m_steps->setSteps(group >= 0 && group < m_groups->rowCount() ? m_scenario.workers[group].steps
                                                                 : std::vector<Step>{});
    const QModelIndex at = m_steps->indexOf(step);
    if (at.isValid())
        m_stepsView->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
    m_updating = false;
    updateButtons();
    return selectedGroup() != before;
}

void GroupsEditor::fillGroupForm() {
    const int row = selectedGroup();
    m_groupForm->setEnabled(row >= 0);
    m_updating = true;
    const WorkerGroup g = row >= 0 ? m_scenario.workers[row] : WorkerGroup{};
    m_name->setText(QString::fromStdString(g.name));
    m_name->setPlaceholderText(QString::fromUtf8(core::toString(g.kind).data()));
    m_count->setValue(g.count);
    m_executor->setCurrentIndex(m_executor->findData(g.executor ? int(*g.executor) : -1));
    m_pool->setValue(g.pool_size);
    m_ops->setValue(g.ops);
    m_until->setChecked(g.until_others);
    m_ops->setEnabled(!g.until_others);
    m_start->setValue(g.start_ms);
    m_dataKb->setValue(g.data_kb);
    m_memoryMb->setValue(g.memory_mb);
    m_updating = false;
    m_shorthand->setVisible(row >= 0 && !g.hasSteps());
    m_shorthand->setText(tr("No steps: each op is %1 of Python then %2 of I/O (the CPU burst and "
                            "I/O wait sliders). Add a step to list them here.")
                             .arg(formatDuration(g.cpu_ms * 1e6), formatDuration(g.io_ms * 1e6)));
}

void GroupsEditor::fillStepForm() {
    const int row = selectedGroup();
    const StepPath path = selectedStep();
    const Step *step = row >= 0 ? stepAt(m_scenario.workers[row].steps, path) : nullptr;
    m_stepForm->setEnabled(step != nullptr);
    m_updating = true;
    const Step s = step ? *step : Step{};
    m_stepKind->setCurrentIndex(m_stepKind->findData(int(s.kind)));
    m_stepMs->setText(hasDuration(s.kind) ? QLocale().toString(s.ms, 'g', 10) : QString());
    m_stepMs->setEnabled(hasDuration(s.kind));
    m_msLabel->setEnabled(hasDuration(s.kind));
    m_stepName->setText(QString::fromStdString(s.name));
    m_stepName->setEnabled(hasName(s.kind));
    m_nameLabel->setEnabled(hasName(s.kind));
    m_nameLabel->setText(s.kind == StepKind::Lock                              ? tr("Lo&ck:")
                         : s.kind == StepKind::Put || s.kind == StepKind::Get  ? tr("&Queue:")
                         : s.kind == StepKind::Wait || s.kind == StepKind::Set ? tr("&Event:")
                                                                               : tr("N&ame:"));
    m_checks->setChecked(s.checks);
    m_checks->setVisible(s.kind == StepKind::Python);
    const bool queue = s.kind == StepKind::Put || s.kind == StepKind::Get;
    const auto spec = m_scenario.queues.find(s.name);
    m_queueSize->setValue(queue && spec != m_scenario.queues.end() ? spec->second.maxsize : 0);
    m_queueSize->setVisible(queue);
    m_queueSizeLabel->setVisible(queue);
    m_updating = false;
}

void GroupsEditor::updateButtons() {
    const int row = selectedGroup();
    const bool group = row >= 0;
    m_duplicate->setEnabled(group);
    m_remove->setEnabled(group && m_scenario.workers.size() > 1);
    const StepPath path = selectedStep();
    const Step *step = group ? stepAt(m_scenario.workers[row].steps, path) : nullptr;
    m_addStep->setEnabled(group);
    m_addInside->setEnabled(step && hasBody(step->kind));
    m_removeStep->setEnabled(step != nullptr);
    const auto *siblings =
        group && step ? siblingsOf(m_scenario.workers[row].steps, path) : nullptr;
    m_up->setEnabled(siblings && path.back() > 0);
    m_down->setEnabled(siblings && path.back() + 1 < static_cast<int>(siblings->size()));
}

std::string GroupsEditor::defaultQueue() const {
    return m_scenario.queues.empty() ? std::string("queue") : m_scenario.queues.begin()->first;
}

void GroupsEditor::showError(Form form, QWidget *field, const QString &message) {
    clearErrors();
    QLabel *label = form == Form::Group ? m_groupError : m_stepError;
    label->setText(message);
    label->show();
    if (field) {
        field->setStyleSheet(QStringLiteral("border: 1px solid #d93025"));
        field->setToolTip(message);
        m_errorField = field;
    }
}

void GroupsEditor::clearErrors() {
    m_groupError->hide();
    m_stepError->hide();
    if (m_errorField) {
        m_errorField->setStyleSheet(QString());
        m_errorField = nullptr;
    }
}

template <typename F> bool GroupsEditor::apply(Form form, QWidget *field, F change) {
    if (m_updating)
        return false;
    Scenario next = m_scenario;
    int group = selectedGroup();
    StepPath step = selectedStep();
    const StepPath stepBefore = step;
    change(next, group, step);
    if (core::sameScenario(next, m_scenario))
        return false; // nothing to do (a button with nothing to act on, a value set again)
    if (auto error = core::validate(next)) {
        showError(
            form, field,
            tr("%1: %2").arg(relativeField(error->field), QString::fromStdString(error->message)));
        return false;
    }
    clearErrors();
    m_scenario = next;
    const bool moved = refresh(group, step);
    emit scenarioEdited(m_scenario);
    // After the edit: whoever follows the selection (the sliders) knows the new groups by now.
    if (moved) {
        fillGroupForm();
        fillStepForm();
        emit selectedGroupChanged(selectedGroup());
    } else if (step != stepBefore) {
        fillStepForm(); // a step added, moved or removed: the form shows the one selected now
    }
    return true;
}

template <typename F> bool GroupsEditor::editGroup(QWidget *field, F change) {
    return apply(Form::Group, field, [&](Scenario &s, int &group, StepPath &) {
        if (group >= 0)
            change(s.workers[group], s);
    });
}

template <typename F> bool GroupsEditor::editStep(QWidget *field, F change) {
    return apply(Form::Step, field, [&](Scenario &s, int &group, StepPath &path) {
        if (group < 0)
            return;
        if (Step *step = stepAt(s.workers[group].steps, path))
            change(*step, s);
    });
}

bool GroupsEditor::addGroup(core::WorkerKind kind) {
    return apply(Form::Group, nullptr, [&](Scenario &s, int &group, StepPath &path) {
        WorkerGroup g;
        g.kind = kind;
        if (kind == core::WorkerKind::Io) {
            g.ops = 100;
            g.cpu_ms = 0.05;
            g.io_ms = 1;
        }
        s.workers.push_back(g);
        group = static_cast<int>(s.workers.size()) - 1;
        path.clear();
    });
}

bool GroupsEditor::addTemplate(const std::string &id) {
    auto next = core::addGroupTemplate(m_scenario, id);
    if (!next) {
        showError(Form::Group, nullptr, QString::fromStdString(next.error()));
        return false;
    }
    const int first = static_cast<int>(m_scenario.workers.size());
    return apply(Form::Group, nullptr, [&](Scenario &s, int &group, StepPath &path) {
        s = *next;
        group = first;
        path.clear();
    });
}

bool GroupsEditor::duplicateGroup() {
    return apply(Form::Group, nullptr, [&](Scenario &s, int &group, StepPath &) {
        if (group < 0)
            return;
        WorkerGroup copy = s.workers[group];
        if (!copy.name.empty())
            copy.name += "-copy";
        s.workers.insert(s.workers.begin() + group + 1, copy);
        ++group;
    });
}

bool GroupsEditor::removeGroup() {
    return apply(Form::Group, m_groupsView, [&](Scenario &s, int &group, StepPath &path) {
        if (group < 0)
            return;
        s.workers.erase(s.workers.begin() + group);
        group = std::min(group, static_cast<int>(s.workers.size()) - 1);
        path.clear();
    });
}

bool GroupsEditor::addStep(StepKind kind) {
    const std::string queue = defaultQueue();
    return apply(Form::Step, m_stepsView, [&](Scenario &s, int &group, StepPath &path) {
        if (group < 0)
            return;
        auto &steps = s.workers[group].steps;
        if (steps.empty())
            steps = shorthandSteps(s.workers[group]); // the shorthand becomes its steps
        Step step = defaultStep(kind, queue);
        declareQueue(s, step);
        auto *siblings = siblingsOf(steps, path);
        if (!siblings) {
            steps.push_back(step);
            path = {static_cast<int>(steps.size()) - 1};
            return;
        }
        siblings->insert(siblings->begin() + path.back() + 1, step);
        ++path.back();
    });
}

bool GroupsEditor::addStepInside(StepKind kind) {
    const std::string queue = defaultQueue();
    return apply(Form::Step, m_stepsView, [&](Scenario &s, int &group, StepPath &path) {
        Step *owner = group >= 0 ? stepAt(s.workers[group].steps, path) : nullptr;
        if (!owner || !hasBody(owner->kind))
            return;
        Step step = defaultStep(kind, queue);
        declareQueue(s, step);
        owner->body.push_back(step);
        path.push_back(static_cast<int>(owner->body.size()) - 1);
    });
}

bool GroupsEditor::removeStep() {
    return apply(Form::Step, m_stepsView, [&](Scenario &s, int &group, StepPath &path) {
        auto *siblings = group >= 0 ? siblingsOf(s.workers[group].steps, path) : nullptr;
        if (!siblings)
            return;
        siblings->erase(siblings->begin() + path.back());
        if (!siblings->empty())
            path.back() = std::min(path.back(), static_cast<int>(siblings->size()) - 1);
        else
            path.pop_back();
    });
}

bool GroupsEditor::moveStep(int by) {
    return apply(Form::Step, m_stepsView, [&](Scenario &s, int &group, StepPath &path) {
        auto *siblings = group >= 0 ? siblingsOf(s.workers[group].steps, path) : nullptr;
        if (!siblings)
            return;
        const int to = path.back() + by;
        if (to < 0 || to >= static_cast<int>(siblings->size()))
            return;
        std::swap((*siblings)[path.back()], (*siblings)[to]);
        path.back() = to;
    });
}

} // namespace gilscope::ui
