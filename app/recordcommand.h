#pragma once

#include "python/recorderfiles.h"

#include <QString>
#include <QStringList>

namespace gilscope::app {

// gilscope record [--python PATH] [--out TRACE.json] [--switch-interval MS] -- SCRIPT.py [ARGS]
//
// Runs SCRIPT.py under the Python recorder (gilscope_record.py) with the chosen interpreter and
// leaves a trace that GIL Scope opens beside a simulation. arguments[0] is the program,
// arguments[1] "record". Returns 0 on success; 2 when the command line is wrong, or the script,
// the recorder or the Python interpreter is missing; otherwise the recorder's exit status, which
// is the script's own.
int runRecord(const QStringList &arguments);

// The recorder's directory for this binary (see core::findRecorderFiles): the installed layout
// next to the binary, else this source tree.
core::Result<core::RecorderFiles> recorderFiles(const QString &program);

} // namespace gilscope::app
