#pragma once

#include "sampling/samplingsession.h"
#include "sampling/threadnamehook.h"

#include <QString>
#include <QStringList>

namespace gilscope::app {

// The default sampling rate: what this 2-core machine sustains beside a busy Python at a cost
// of a few percent of one core (see the README's table).
constexpr double kDefaultSampleHz = 1000;

// gilscope attach PID [--duration S] [--rate HZ] [--out TRACE.json|TRACE.pftrace]
//
// Samples a running process (and the processes it starts) from /proc without touching it, until
// it ends, the duration is up or Ctrl-C, and writes the trace. Rows are named "COMM TID".
// Returns 0 on success, 2 for a wrong command line, 1 when the process cannot be read.
int runAttach(const QStringList &arguments);

// Writes a sampled trace to `out`, with the sampler's figures on standard error.
QString writeSampledTrace(core::SamplingSession &session, const QString &out,
                          const QString &namesFile, const QString &scenario);

} // namespace gilscope::app
