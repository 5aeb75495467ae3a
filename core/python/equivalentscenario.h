#pragma once

#include "scenario/scenario.h"
#include "trace/trace.h"

namespace gilscope::core {

// The scenario that should behave like a recorded run: same interpreter generation (Python 2 and
// 3.0-3.1: legacy GIL), cores and switch/check interval, and a worker per recorded thread.
// - A thread whose trace shows only Python and I/O becomes a CPU worker with its running time,
//   or an I/O worker with its number of completed blocking calls and its mean CPU and I/O time
//   per call.
// - A thread that shows C code without the GIL (native), lock waits or queue hand-offs becomes
//   steps, one round per call, wait or item: native steps; the Python inside one lock ("lock",
//   the trace does not say which lock a thread waited on); get and put steps on the queues the
//   trace counts (a put or get belongs to the thread running at its instant), which are declared.
//   A thread that gets from a queue runs "until": "others", as a consumer does.
// - The main thread's asyncio event loop (the trace's executor is asyncio) keeps the asyncio
//   executor; threads of other processes (forked or spawned children) become multiprocessing
//   groups.
// - Each thread starts when it started in the recording (start_ms).
// - Threads with the same steps and the same name apart from its numbers ("Thread-3 (worker)")
//   become one group of that many threads, with their mean times.
// - Threads that hardly ran and never completed I/O (a main thread waiting in join) are left
//   out.
Scenario equivalentScenario(const Trace &recording);

} // namespace gilscope::core
