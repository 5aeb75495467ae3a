#pragma once

#include "result.h"

#include <string>

namespace gilscope::core {

// Whether the sampling recorder can work here: Linux's /proc with, for this process's own
// thread, the three files it reads (stat, schedstat, syscall). `procRoot` is "/proc" but for
// tests. The error names the missing file and why sampling needs it.
Result<void> checkProcSampling(const std::string &procRoot = "/proc");

// How `gilscope record` records: sampling unless --instrument was asked for. When sampling was
// only the default and /proc is unusable, the instrumenting recorder stands in and `note` says
// why; an explicit --sample then fails with the reason.
struct RecordingMethod {
    bool sample = true;
    std::string note; // for standard error; empty when the method is the one asked for
};
Result<RecordingMethod> chooseRecordingMethod(bool askedSample, bool askedInstrument,
                                              const Result<void> &procUsable);

} // namespace gilscope::core
