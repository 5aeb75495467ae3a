#include "record/recordedrun.h"

#include "python/equivalentscenario.h"

#include <QObject>

namespace gilscope::ui {

QString recordedRunLabel(const core::Trace &trace, const QString &fileName) {
    if (trace.python.empty())
        return QObject::tr("Trace — %1").arg(fileName);
    // Major and minor name the GIL; the micro version is in the trace.
    const QString version = QString::fromStdString(trace.python).section(QLatin1Char('.'), 0, 1);
    return QObject::tr("Recorded — Python %1 (%2)").arg(version, fileName);
}

QString timeAxisLabel(const core::Trace &trace) {
    return trace.interpreter == "recorded" ? QObject::tr("time") : QObject::tr("simulated time");
}

core::Scenario simulatedEquivalent(const core::Trace &trace) {
    core::Scenario s = core::equivalentScenario(trace);
    s.name = QObject::tr("Simulated equivalent").toStdString();
    core::Interpreter named{};
    if (trace.python.empty() && core::parseEnum(trace.interpreter, named))
        s.interpreter = named;
    return s;
}

core::PreparedRunPtr recordedRun(const core::PreparedRun &shown, const QString &label) {
    auto run = std::make_shared<core::PreparedRun>(shown);
    run->scenario = simulatedEquivalent(shown.trace());
    run->scenario.name = label.toStdString();
    run->scenario.description.clear();
    return run;
}

} // namespace gilscope::ui
