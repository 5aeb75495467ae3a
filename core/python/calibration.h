#pragma once

#include "catalog/machineprofile.h"
#include "result.h"
#include "scenario/scenario.h"
#include "trace/metrics.h"
#include "trace/trace.h"

#include <QByteArray>

#include <optional>
#include <string>
#include <vector>

namespace gilscope::core {

// What resources/recorder/calibrate.py measured with one interpreter (its JSON line).
struct CalibrationMeasurement {
    std::string python;        // "3.12.1"
    bool legacyGil = false;    // Python 2 and 3.0/3.1
    bool freeThreaded = false; // a build running without its GIL (3.13t+)
    int cores = 0;             // 0: the interpreter could not tell
    double loopNs = 0;         // one iteration of `while n > 0: n -= 1`
    double countdownS[3] = {}; // the same count on 1, 2 and 4 threads, seconds
    double releaseWokeUs = 0;  // Lock.release() waking a thread asleep in acquire()
    double releaseIdleUs = 0;  // Lock.release() with nobody waiting
    double wakeP10Us = 0, wakeP50Us = 0, wakeP90Us = 0; // release start to the woken one running
    double oversleepP50Us = 0;                          // time.sleep(1 ms) returning late

    double ratio(int threadsIndex) const { return countdownS[threadsIndex] / countdownS[0]; }
};

// Reads calibrate.py's output; the error names the missing or bad field.
Result<CalibrationMeasurement> parseCalibrationJson(const QByteArray &json);

// Beazley's countdown as the model sees it: `threads` CPU workers sharing `totalMs` of work.
Scenario countdownScenario(Interpreter interpreter, int threads, int cores, double totalMs,
                           const TimingParams &params);
// Its time against one thread doing all of the work (1.0 = no cost from the GIL).
double simulatedCountdownRatio(Interpreter interpreter, int threads, int cores, double totalMs,
                               const TimingParams &params);

struct CalibrationFit {
    MachineProfile profile;         // params and checks; name and description left to the caller
    std::vector<std::string> notes; // what could not be fitted, and why
};

// Turns measurements into model parameters. Read off directly: the wake-up latency (a uniform
// range with the measured 10th and 90th percentiles), the signal cost (a lock release that wakes
// a sleeper minus one that does not), the timer slack (a timed wait fires late by uniform(0, slack)
// and then pays a wake-up: twice the median oversleep beyond the fitted range's mean wake-up), the
// eval breaker delay (half a loop iteration: the countdown checks once per iteration) and, from a
// legacy-GIL run, the tick cost (two ticks per countdown iteration: in 2.7's ceval only
// INPLACE_SUBTRACT and JUMP_ABSOLUTE pass the ticker). Fitted by simulation: contention_ns, so
// that the simulated two-thread countdown on `cores` is as much slower than one thread as the
// measured one. OS costs come from the last 3.2+ run given when there is one.
CalibrationFit fitMachineProfile(const std::vector<CalibrationMeasurement> &runs, int cores);

// A recording's metrics over the main process only: a peer process (the echo convoy's) has its
// own GIL, and its quick replies would dilute the main process's I/O latency.
Metrics mainProcessMetrics(const Trace &recording);

// What the model says for a recording: the metrics of its equivalent scenario (see
// equivalentScenario) simulated with `profile`'s costs.
Result<Metrics> simulatedEquivalentMetrics(const Trace &recording, const MachineProfile &profile);

} // namespace gilscope::core
