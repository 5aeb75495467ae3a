#pragma once

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

// Where the recorder is looked for, first match wins: $GILSCOPE_RECORDER_DIR alone when set;
// else next to the binary (../share/gilscope/recorder, the installed layout), then the source
// tree (GILSCOPE_SOURCE_DIR/resources/recorder, when that macro is defined).
QStringList recorderCandidates(const QString &program);

} // namespace gilscope::app
