#include "window/controlspanel.h"

#include "catalog/presets.h"
#include "groups/groupsmodel.h"
#include "scenario/scenarioedits.h"
#include "scenario/scenariotitle.h"
#include "timeline/timeformat.h"
#include "widgets/labeledslider.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <functional>
#include <limits>

namespace gilscope::ui {

namespace {

// Reads its items again just before showing them: a profile calibrated while the window is open
// is there without a restart.
class RefreshingComboBox : public QComboBox {
public:
    std::function<void()> beforePopup;
    void showPopup() override {
        if (beforePopup)
            beforePopup();
        QComboBox::showPopup();
    }
};

} // namespace

using core::Executor;
using core::Interpreter;
using core::Scenario;
using core::WorkerKind;
namespace edits = core::scenarioedits;

namespace {

QString countText(double v) {
    return QString::number(std::lround(v));
}

QString msText(double ms) {
    return formatDuration(ms * 1e6);
}

QString ticksText(double v) {
    return ControlsPanel::tr("%1 ticks").arg(std::lround(v));
}

core::WorkerGroup defaultCpuGroup() {
    core::WorkerGroup g;
    g.kind = WorkerKind::Cpu;
    g.count = 1;
    g.ops = 1;
    g.cpu_ms = 100;
    g.io_ms = 0;
    return g;
}

core::WorkerGroup defaultIoGroup() {
    core::WorkerGroup g;
    g.kind = WorkerKind::Io;
    g.count = 1;
    g.ops = 100;
    g.cpu_ms = 0.05;
    g.io_ms = 1;
    return g;
}

} // namespace

// The group the sliders act on: the selected one, when there is more than one to choose from.
template <typename S, typename M> auto *targetOf(S &s, const M &m) {
    const bool chosen =
        s.workers.size() > 1 && m.target >= 0 && m.target < static_cast<int>(s.workers.size());
    return chosen ? &s.workers[m.target] : nullptr;
}

// One slider of the panel: where and how it shows, and how it reads and writes a scenario.
struct ControlsPanel::SliderRow {
    enum class Group { Threads, Machine };
    QString name; // the slider's objectName: slider(name) and the tests find it by this
    Group group;
    QString label;
    QString spoken; // the accessible name a screen reader says (the label without its colon)
    QString help;   // tooltip of the slider and of its label, and its accessible description
    double minimum;
    double maximum;
    LabeledSlider::Scale scale;
    QString (*format)(double);
    double (*read)(const Scenario &, const WorkerModels &);
    void (*write)(Scenario &, WorkerModels &, double);
    // Whether the knob means anything for this scenario (greyed out if not); null: always.
    bool (*applies)(const Scenario &, const WorkerModels &) = nullptr;
};

const std::vector<ControlsPanel::SliderRow> &ControlsPanel::sliderRows() {
    using Group = SliderRow::Group;
    using Scale = LabeledSlider::Scale;
    // name, group, label, spoken, help, minimum, maximum, scale, format, read, write[, applies]
    static const std::vector<SliderRow> rows = {
        {QStringLiteral("cpuThreads"), Group::Threads, tr("CPU-bound:"), tr("CPU-bound threads"),
         tr("Threads that only compute (of the selected group, if it is CPU-bound)"), 0, 64,
         Scale::Linear, countText,
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return double(t && t->kind == WorkerKind::Cpu
                               ? t->count
                               : edits::workerCount(s, WorkerKind::Cpu));
         },
         [](Scenario &s, WorkerModels &m, double v) {
             if (auto *t = targetOf(s, m))
                 t->count = int(std::lround(v));
             else
                 edits::setWorkerCount(s, WorkerKind::Cpu, int(std::lround(v)), m.cpu);
         },
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return !t || t->kind == WorkerKind::Cpu;
         }},
        {QStringLiteral("ioThreads"), Group::Threads, tr("I/O-bound:"), tr("I/O-bound threads"),
         tr("Threads that alternate a short computation with a blocking call (of the selected "
            "group, if it is not CPU-bound)"),
         0, 64, Scale::Linear, countText,
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return double(t && t->kind != WorkerKind::Cpu ? t->count
                                                           : edits::workerCount(s, WorkerKind::Io));
         },
         [](Scenario &s, WorkerModels &m, double v) {
             if (auto *t = targetOf(s, m))
                 t->count = int(std::lround(v));
             else
                 edits::setWorkerCount(s, WorkerKind::Io, int(std::lround(v)), m.io);
         },
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return !t || t->kind != WorkerKind::Cpu;
         }},
        {QStringLiteral("cpuBurst"), Group::Threads, tr("CPU burst:"), tr("CPU burst"),
         tr("CPU time of each CPU-bound thread (of the selected group's op)"), 0.01, 10'000,
         Scale::Log, msText,
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return t ? t->cpu_ms : m.cpu.cpu_ms;
         },
         [](Scenario &s, WorkerModels &m, double v) {
             if (auto *t = targetOf(s, m)) {
                 t->cpu_ms = v;
                 return;
             }
             m.cpu.cpu_ms = v;
             edits::setCpuBurstMs(s, v);
         },
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return !t || !t->hasSteps();
         }},
        {QStringLiteral("ioWait"), Group::Threads, tr("I/O wait:"), tr("I/O wait"),
         tr("Length of each blocking call of the I/O-bound threads (of the selected group)"), 0.001,
         1'000, Scale::Log, msText,
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return t ? t->io_ms : m.io.io_ms;
         },
         [](Scenario &s, WorkerModels &m, double v) {
             if (auto *t = targetOf(s, m)) {
                 t->io_ms = v;
                 return;
             }
             m.io.io_ms = v;
             edits::setIoWaitMs(s, v);
         },
         [](const Scenario &s, const WorkerModels &m) {
             const auto *t = targetOf(s, m);
             return !t || (!t->hasSteps() && t->kind != WorkerKind::Cpu);
         }},
        {QStringLiteral("cores"), Group::Machine, tr("Cores:"), tr("Cores"),
         tr("CPU cores of the machine"), 1, 64, Scale::Linear, countText,
         [](const Scenario &s, const WorkerModels &) { return double(s.cores); },
         [](Scenario &s, WorkerModels &, double v) { s.cores = int(std::lround(v)); }},
        {QStringLiteral("switchInterval"), Group::Machine, tr("Switch interval:"),
         tr("Switch interval"),
         tr("sys.setswitchinterval(): how long a waiter waits before it asks the holder to drop "
            "the GIL (3.2+)"),
         0.05, 100, Scale::Log, msText,
         [](const Scenario &s, const WorkerModels &) { return s.params.switch_interval_ms; },
         [](Scenario &s, WorkerModels &, double v) { s.params.switch_interval_ms = v; },
         [](const Scenario &s, const WorkerModels &) { return s.interpreter == Interpreter::Gil; }},
        {QStringLiteral("checkInterval"), Group::Machine, tr("Check interval:"),
         tr("Check interval"),
         tr("sys.setcheckinterval(): ticks between the legacy GIL's release-and-reacquire checks"),
         1, 10'000, Scale::Log, ticksText,
         [](const Scenario &s, const WorkerModels &) { return double(s.params.check_interval); },
         [](Scenario &s, WorkerModels &, double v) {
             s.params.check_interval = int(std::lround(v));
         },
         [](const Scenario &s, const WorkerModels &) {
             return s.interpreter == Interpreter::LegacyGil;
         }},
    };
    return rows;
}

ControlsPanel::ControlsPanel(QWidget *parent)
    : QWidget(parent)
    , m_models{defaultCpuGroup(), defaultIoGroup()}
    , m_preset(new QComboBox)
    , m_description(new QLabel)
    , m_interpreter(new QComboBox)
    , m_executor(new QComboBox)
    , m_seed(new QSpinBox)
    , m_machine(new RefreshingComboBox)
    , m_summary(new QLabel)
    , m_target(new QLabel)
    , m_error(new QLabel) {
    setObjectName(QStringLiteral("controls"));
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(scenarioGroup());

    using Group = SliderRow::Group;
    auto *threadsBox = new QGroupBox(tr("Threads"));
    auto *machineBox = new QGroupBox(tr("Machine and GIL"));
    const std::map<Group, QFormLayout *> forms = {{Group::Threads, new QFormLayout(threadsBox)},
                                                  {Group::Machine, new QFormLayout(machineBox)}};
    m_target->setObjectName(QStringLiteral("sliderTarget"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::RichText);
    connect(m_target, &QLabel::linkActivated, this, [this] {
        setTargetGroup(-1);
        emit targetCleared();
    });
    forms.at(Group::Threads)->addRow(m_target);
    for (const SliderRow &row : sliderRows())
        addSlider(forms.at(row.group), row);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    forms.at(Group::Threads)->addRow(m_summary);
    column->addWidget(threadsBox);
    column->addWidget(machineBox);

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    m_error->setAccessibleName(tr("Simulation error"));
    column->addWidget(m_error);
    column->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setAccessibleName(tr("Scenario controls"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    setScenario(m_scenario);
    // As narrow as the knobs allow and no narrower: a dock dragged to a sliver would hide every
    // control (and the window would save and restore that sliver).
    setMinimumWidth(content->minimumSizeHint().width() +
                    scroll->verticalScrollBar()->sizeHint().width());
}

// The Scenario group: preset, interpreter, executor, seed and machine, each editing the scenario.
QGroupBox *ControlsPanel::scenarioGroup() {
    auto *scenarioBox = new QGroupBox(tr("Scenario"));
    auto *scenarioForm = new QFormLayout(scenarioBox);
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("Custom"), QString());
    for (const std::string &id : core::presetNames()) {
        if (auto preset = core::loadPreset(id)) {
            m_preset->addItem(QString::fromStdString(preset->name), QString::fromStdString(id));
            m_preset->setItemData(m_preset->count() - 1,
                                  QString::fromStdString(preset->description), Qt::ToolTipRole);
            m_presets.emplace(id, *preset);
        }
    }
    m_preset->setToolTip(
        tr("Scenarios that reproduce published results (R1–R9) and classic effects"));
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setMinimumContentsLength(14);
    scenarioForm->addRow(tr("&Preset:"), m_preset);
    m_preset->setAccessibleName(tr("Preset"));
    m_preset->setAccessibleDescription(m_preset->toolTip());
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    scenarioForm->addRow(m_description);

    m_interpreter->setObjectName(QStringLiteral("interpreter"));
    m_interpreter->addItem(tr("3.2+ GIL (switch interval)"), int(Interpreter::Gil));
    m_interpreter->addItem(tr("legacy GIL (2.x, check interval)"), int(Interpreter::LegacyGil));
    m_interpreter->addItem(tr("free-threaded (3.13t, 3.14t)"), int(Interpreter::FreeThreaded));
    scenarioForm->addRow(tr("&Interpreter:"), m_interpreter);
    m_interpreter->setAccessibleName(tr("Interpreter"));
    m_interpreter->setAccessibleDescription(tr("Which GIL rules the simulated Python follows"));
    m_executor->setObjectName(QStringLiteral("executor"));
    m_executor->addItem(tr("threading"), int(Executor::Threading));
    m_executor->addItem(tr("multiprocessing"), int(Executor::Multiprocessing));
    m_executor->addItem(tr("asyncio"), int(Executor::Asyncio));
    m_executor->addItem(tr("subinterpreters"), int(Executor::Subinterpreters));
    scenarioForm->addRow(tr("&Executor:"), m_executor);
    m_executor->setAccessibleName(tr("Executor"));
    m_executor->setAccessibleDescription(
        tr("How the workers run: threads, processes, asyncio tasks or subinterpreters"));
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("Seed of the simulated OS's random choices (wake-up latencies, jitter)"));
    scenarioForm->addRow(tr("See&d:"), m_seed);
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setAccessibleDescription(m_seed->toolTip());
    m_machine->setObjectName(QStringLiteral("machine"));
    m_machine->setToolTip(tr("Costs of the CPU, kernel and Python build: the model's defaults, "
                             "or a profile measured with gilscope calibrate"));
    scenarioForm->addRow(tr("&Machine:"), m_machine);
    m_machine->setAccessibleName(tr("Machine"));
    m_machine->setAccessibleDescription(m_machine->toolTip());
    // Long entries ("legacy GIL (2.x, check interval)") are read in full in the list; the box
    // itself may elide them, so the dock can be narrow on a small screen.
    for (QComboBox *box : {m_interpreter, m_executor, m_machine}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    static_cast<RefreshingComboBox *>(m_machine)->beforePopup = [this] {
        fillMachines();
        showMachine(m_scenario.machine);
    };
    fillMachines();

    connect(m_preset, &QComboBox::activated, this, &ControlsPanel::choosePreset);
    connect(m_interpreter, &QComboBox::activated, this, [this](int i) {
        edit([&](Scenario &s) {
            s.interpreter = static_cast<Interpreter>(m_interpreter->itemData(i).toInt());
        });
    });
    connect(m_executor, &QComboBox::activated, this, [this](int i) {
        edit([&](Scenario &s) {
            s.executor = static_cast<Executor>(m_executor->itemData(i).toInt());
        });
    });
    connect(m_machine, &QComboBox::activated, this, [this](int i) {
        const std::string name = m_machine->itemData(i).toString().toStdString();
        std::string error;
        const auto profile = profileFor(name, &error);
        if (!name.empty() && !profile) {
            setError(QString::fromStdString(error));
            showMachine(m_scenario.machine);
            return;
        }
        edit([&](Scenario &s) { applyMachine(s, name, profile); });
    });
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int v) { edit([&](Scenario &s) { s.seed = static_cast<std::uint64_t>(v); }); });
    return scenarioBox;
}

void ControlsPanel::addSlider(QFormLayout *form, const SliderRow &row) {
    auto *slider = new LabeledSlider(row.minimum, row.maximum, row.scale, row.format);
    slider->setObjectName(row.name);
    slider->setToolTip(row.help);
    slider->setAccessibleText(row.spoken, row.help);
    auto *label = new QLabel(row.label);
    label->setBuddy(slider->slider());
    label->setToolTip(row.help);
    form->addRow(label, slider);
    connect(slider, &LabeledSlider::valueChanged, this, [this, write = row.write](double v) {
        edit([&](Scenario &s) { write(s, m_models, v); });
    });
    m_sliders.emplace_back(&row, slider);
}

LabeledSlider *ControlsPanel::slider(const QString &objectName) const {
    return findChild<LabeledSlider *>(objectName);
}

template <typename F> void ControlsPanel::edit(F change) {
    if (m_updating)
        return;
    change(m_scenario);
    if (m_models.target >= static_cast<int>(m_scenario.workers.size()))
        m_models.target = -1;
    showPreset();
    updateEnabled();
    updateSummary();
    updateTarget();
    emit scenarioEdited(m_scenario);
    emit scenarioShown(m_scenario);
}

void ControlsPanel::setWorkers(const std::vector<core::WorkerGroup> &workers,
                               const std::map<std::string, core::QueueSpec> &queues) {
    edit([&](Scenario &s) {
        s.workers = workers;
        s.queues = queues;
    });
    // The editor may have changed what a slider shows (a count, a burst).
    m_updating = true;
    for (const auto &[row, slider] : m_sliders)
        slider->setValue(row->read(m_scenario, m_models));
    m_updating = false;
}

void ControlsPanel::setTargetGroup(int index) {
    m_models.target =
        index >= 0 && index < static_cast<int>(m_scenario.workers.size()) ? index : -1;
    m_updating = true;
    for (const auto &[row, slider] : m_sliders)
        slider->setValue(row->read(m_scenario, m_models));
    m_updating = false;
    updateEnabled();
    updateTarget();
}

void ControlsPanel::updateTarget() {
    const auto &workers = m_scenario.workers;
    m_target->setVisible(workers.size() > 1);
    const auto *t = targetOf(m_scenario, m_models);
    if (!t) {
        m_target->setText(tr("The sliders act on every group; select one under Worker Groups "
                             "to edit it alone."));
        return;
    }
    const QString name = t->name.empty() ? QString::fromUtf8(core::toString(t->kind).data())
                                         : QString::fromStdString(t->name);
    m_target->setText(tr("The sliders act on group <b>%1</b> (%2 of %3) · <a href=\"all\">every "
                         "group</a>")
                          .arg(name.toHtmlEscaped())
                          .arg(m_models.target + 1)
                          .arg(workers.size()));
}

void ControlsPanel::choosePreset(int index) {
    const std::string id = m_preset->itemData(index).toString().toStdString();
    auto it = m_presets.find(id);
    if (it == m_presets.end()) {
        showPreset(); // "Custom" is what an edit makes, not something to pick
        return;
    }
    // The machine is where the user runs, not part of the published scenario: it stays.
    core::Scenario preset = it->second;
    if (preset.machine.empty() && !m_scenario.machine.empty())
        if (const auto profile = profileFor(m_scenario.machine, nullptr))
            applyMachine(preset, m_scenario.machine, profile);
    setScenario(preset);
    emit presetChosen(m_scenario);
}

void ControlsPanel::setMachineStore(const core::MachineProfileStore &store) {
    m_machines = store;
    fillMachines();
    showMachine(m_scenario.machine);
}

void ControlsPanel::fillMachines() {
    m_profiles = m_machines.list();
    const QSignalBlocker block(m_machine);
    m_machine->clear();
    m_machine->addItem(tr("model defaults"), QString());
    m_machine->setItemData(0, tr("The costs of a typical current x86 Linux machine"),
                           Qt::ToolTipRole);
    for (const auto &profile : m_profiles) {
        const QString name = QString::fromStdString(profile.name);
        m_machine->addItem(name, name);
        QStringList lines{QString::fromStdString(profile.description)};
        for (const auto &[key, value] : profile.params)
            lines << QStringLiteral("%1 = %2").arg(QString::fromStdString(key)).arg(value);
        m_machine->setItemData(m_machine->count() - 1, lines.join('\n'), Qt::ToolTipRole);
    }
}

void ControlsPanel::showMachine(const std::string &name) {
    const QSignalBlocker block(m_machine);
    int index = m_machine->findData(QString::fromStdString(name));
    if (index < 0) {
        // A scenario file naming a profile kept beside it: show the name it ran with.
        m_machine->addItem(QString::fromStdString(name), QString::fromStdString(name));
        index = m_machine->count() - 1;
    }
    m_machine->setCurrentIndex(index);
}

std::optional<core::MachineProfile> ControlsPanel::profileFor(const std::string &name,
                                                              std::string *error) const {
    for (const auto &profile : m_profiles)
        if (profile.name == name)
            return profile;
    // Not listed: a path, or a profile made since the list was read.
    core::MachineProfileParse found = m_machines.find(name);
    if (!found.ok()) {
        if (error)
            *error = found.error();
        return std::nullopt;
    }
    return *found;
}

void ControlsPanel::applyMachine(core::Scenario &scenario, const std::string &name,
                                 const std::optional<core::MachineProfile> &profile) const {
    core::applyMachineProfile(scenario.params, core::modelDefaultCosts());
    scenario.machine = name;
    if (profile)
        core::applyMachineProfile(scenario.params, *profile);
}

void ControlsPanel::setScenario(const core::Scenario &scenario) {
    m_updating = true;
    m_scenario = scenario;
    if (auto g = edits::firstGroup(scenario, WorkerKind::Cpu))
        m_models.cpu = *g;
    if (auto g = edits::firstGroup(scenario, WorkerKind::Io))
        m_models.io = *g;

    showPreset();
    m_description->setText(QString::fromStdString(scenario.description));
    m_description->setVisible(!scenario.description.empty());
    m_interpreter->setCurrentIndex(m_interpreter->findData(int(scenario.interpreter)));
    m_executor->setCurrentIndex(m_executor->findData(int(scenario.executor)));
    showMachine(scenario.machine);
    {
        const QSignalBlocker block(m_seed);
        m_seed->setValue(static_cast<int>(
            std::min<std::uint64_t>(scenario.seed, std::numeric_limits<int>::max())));
    }
    if (m_models.target >= static_cast<int>(scenario.workers.size()))
        m_models.target = -1;
    for (const auto &[row, slider] : m_sliders)
        slider->setValue(row->read(scenario, m_models));
    updateEnabled();
    updateSummary();
    updateTarget();
    m_updating = false;
    emit scenarioShown(m_scenario);
}

void ControlsPanel::showPreset() {
    const int index = m_preset->findData(core::matchingPreset(m_scenario));
    m_preset->setCurrentIndex(std::max(0, index));
}

void ControlsPanel::setError(const QString &message) {
    m_error->setText(message.isEmpty()
                         ? QString()
                         : tr("<b>Cannot simulate:</b> %1").arg(message.toHtmlEscaped()));
    m_error->setStyleSheet(QStringLiteral("color: #d93025"));
    m_error->setVisible(!message.isEmpty());
}

void ControlsPanel::updateEnabled() {
    for (const auto &[row, slider] : m_sliders)
        if (row->applies)
            slider->setEnabled(row->applies(m_scenario, m_models));
}

void ControlsPanel::updateSummary() {
    QStringList parts;
    for (const auto &w : m_scenario.workers)
        parts << tr("%1 × %2: %3")
                     .arg(w.count)
                     .arg(GroupsModel::groupName(w), GroupsModel::workText(w));
    m_summary->setText(parts.join(QChar('\n')));
}

} // namespace gilscope::ui
