#pragma once

#include "scenario/scenario.h"
#include "trace/trace.h"

namespace gilscope::core {

// The scenario that should behave like a recorded run: same interpreter generation (Python 2 and
// 3.0-3.1: legacy GIL), cores and switch/check interval, and one worker per recorded thread of
// the main process -- a CPU worker with its running time, or an I/O worker with its number of
// completed blocking calls and its mean CPU and I/O time per call. Threads that hardly ran and
// never completed I/O (a main thread waiting in join) are left out.
Scenario equivalentScenario(const Trace &recording);

} // namespace gilscope::core
