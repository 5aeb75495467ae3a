#pragma once

#include <QStringList>

namespace gilscope::app {

// gilscope calibrate [--python PATH]... [--name NAME | --out FILE] [--repeat N] [--quick]
//
// Measures this machine with real Pythons (resources/recorder/calibrate.py and recorded
// calibration workloads), fits the model's machine-dependent costs and saves them as a machine
// profile that scenarios name with "machine": NAME (or --machine NAME on the command line).
// arguments[0] is the program, arguments[1] "calibrate". Returns 0 on success, 2 on bad input
// (an unknown interpreter, an unwritable profile), 1 when a measurement fails.
int runCalibrate(const QStringList &arguments);

} // namespace gilscope::app
