#include "scenario/scenariotitle.h"

#include "catalog/machineprofile.h"
#include "catalog/presets.h"
#include "scenario/scenariojson.h"
#include "scenario/scenariolabels.h"

#include <QObject>
#include <QStringList>

#include <algorithm>
#include <map>

namespace gilscope::core {

namespace {

QString counted(int n, const QString &one, const QString &many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString number(double v) {
    return QString::number(v, 'g', 4);
}

// The compiled-in presets by name. Read once: they are resources, fixed for the program's life,
// and titles are asked for on every frame of a dragged slider.
const std::map<std::string, std::pair<QString, Scenario>> &presetsByName() {
    static const auto presets = [] {
        std::map<std::string, std::pair<QString, Scenario>> byName;
        for (const std::string &id : presetNames())
            if (auto preset = loadPreset(id))
                byName.emplace(preset->name, std::pair{QString::fromStdString(id), *preset});
        return byName;
    }();
    return presets;
}

// The scenario on the model's own costs: a machine profile changes what it costs, not what it is.
Scenario withoutMachine(Scenario s) {
    s.machine.clear();
    applyMachineProfile(s.params, modelDefaultCosts());
    return s;
}

} // namespace

QString describedTitle(const Scenario &s) {
    const bool threads = s.executor == Executor::Threading;
    const QString one = threads ? QObject::tr("thread") : QObject::tr("worker");
    const QString many = threads ? QObject::tr("threads") : QObject::tr("workers");
    int cpu = 0, io = 0, mixed = 0;
    for (const WorkerGroup &w : s.workers) {
        const int n = std::max(0, w.count);
        (w.kind == WorkerKind::Cpu ? cpu : w.kind == WorkerKind::Io ? io : mixed) += n;
    }
    QStringList counts;
    if (cpu > 0)
        counts << counted(cpu, QObject::tr("CPU %1").arg(one), QObject::tr("CPU %1").arg(many));
    if (io > 0)
        counts << counted(io, QObject::tr("I/O %1").arg(one), QObject::tr("I/O %1").arg(many));
    if (mixed > 0)
        counts << counted(mixed, QObject::tr("mixed %1").arg(one),
                          QObject::tr("mixed %1").arg(many));
    if (counts.isEmpty())
        counts << QObject::tr("no %1").arg(many);
    QString title = QObject::tr("%1, %2: %3 on %4")
                        .arg(capitalised(interpreterTitle(s.interpreter)),
                             executorTitle(s.executor), counts.join(QStringLiteral(", ")),
                             counted(s.cores, QObject::tr("core"), QObject::tr("cores")));
    // The knob the run is about, when it is not the interpreter's default.
    const TimingParams defaults;
    if (s.interpreter == Interpreter::Gil &&
        s.params.switch_interval_ms != defaults.switch_interval_ms)
        title += QObject::tr(", %1 ms switch interval").arg(number(s.params.switch_interval_ms));
    if (s.interpreter == Interpreter::LegacyGil &&
        s.params.check_interval != defaults.check_interval)
        title += QObject::tr(", check interval %1").arg(s.params.check_interval);
    return title;
}

QString matchingPreset(const Scenario &scenario) {
    const auto &presets = presetsByName();
    const auto it = presets.find(scenario.name);
    if (it == presets.end())
        return {};
    const auto &[id, preset] = it->second;
    return sameScenario(withoutMachine(scenario), withoutMachine(preset)) ? id : QString();
}

bool isEditedPreset(const Scenario &scenario) {
    return presetsByName().count(scenario.name) > 0 && matchingPreset(scenario).isEmpty();
}

bool isDescribedName(const std::string &name) {
    if (name.empty() || name == Scenario().name)
        return true;
    const QString text = QString::fromStdString(name);
    for (Interpreter i : {Interpreter::LegacyGil, Interpreter::Gil, Interpreter::FreeThreaded})
        for (Executor e : {Executor::Threading, Executor::Multiprocessing, Executor::Asyncio,
                           Executor::Subinterpreters})
            if (text.startsWith(QStringLiteral("%1, %2: ")
                                    .arg(capitalised(interpreterTitle(i)), executorTitle(e))))
                return true;
    return false;
}

QString scenarioTitle(const Scenario &scenario) {
    if (isDescribedName(scenario.name) || isEditedPreset(scenario))
        return describedTitle(scenario);
    return QString::fromStdString(scenario.name);
}

QString scenarioHeadline(const Scenario &s) {
    const QString title = scenarioTitle(s);
    if (title != QString::fromStdString(s.name) || isDescribedName(s.name))
        return title;
    return QObject::tr("%1   ·   %2, %3, %4")
        .arg(title, interpreterTitle(s.interpreter), executorTitle(s.executor),
             counted(s.cores, QObject::tr("core"), QObject::tr("cores")));
}

} // namespace gilscope::core
