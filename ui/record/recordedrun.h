#pragma once

#include "run/preparedrun.h"

#include <QString>

namespace gilscope::ui {

// "Recorded — Python 3.12 (countdown.trace.json)"; "Trace — FILE" for a trace that is not a
// recording of real Python (an exported simulation).
QString recordedRunLabel(const core::Trace &trace, const QString &fileName);

// The time axis' label: "time" for a recording of real Python, "simulated time" otherwise (as
// the exporter labels it).
QString timeAxisLabel(const core::Trace &trace);

// core::equivalentScenario() of the trace, named "Simulated equivalent". A trace exported from a
// simulation names its interpreter: that one is kept (the equivalent guesses it from the Python
// version a recording carries).
core::Scenario simulatedEquivalent(const core::Trace &trace);

// A trace shown from a file as a run the compare view can put beside simulations: its index and
// metrics as they are, and for a scenario its simulated equivalent (interpreter generation,
// cores, switch interval, threads) named `label`, which the compare view's titles and summary
// read. Nothing is simulated here.
core::PreparedRunPtr recordedRun(const core::PreparedRun &shown, const QString &label);

} // namespace gilscope::ui
