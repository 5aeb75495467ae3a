#include "sampling/samplingcheck.h"

#include <fcntl.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/syscall.h>
#endif

namespace gilscope::core {

Result<void> checkProcSampling(const std::string &procRoot) {
#ifndef __linux__
    (void)procRoot;
    return Error{"sampling reads each thread from /proc, which only Linux provides"};
#else
    // A thread's own files, as the sampler reads them for a child's threads.
    const std::string task = procRoot + "/self/task/" + std::to_string(::syscall(SYS_gettid));
    const std::string self = procRoot + "/self";
    for (const char *file : {"stat", "schedstat", "syscall"}) {
        // Tests give a tree without per-thread folders: the process's own files stand in.
        std::string path = task + "/" + file;
        if (::access(task.c_str(), F_OK) != 0)
            path = self + "/" + file;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        char byte;
        const bool readable = fd >= 0 && ::pread(fd, &byte, 1, 0) == 1;
        if (fd >= 0)
            ::close(fd);
        if (!readable)
            return Error{path + " cannot be read" +
                         (std::string(file) == "schedstat"
                              ? " (a kernel without CONFIG_SCHED_INFO has none)"
                          : std::string(file) == "syscall"
                              ? " (a kernel without CONFIG_HAVE_ARCH_TRACEHOOK has none)"
                              : std::string(" (is /proc mounted?)")) +
                         ": sampling needs each thread's " + file};
    }
    return {};
#endif
}

Result<RecordingMethod> chooseRecordingMethod(bool askedSample, bool askedInstrument,
                                              const Result<void> &procUsable) {
    if (askedSample && askedInstrument)
        return Error{"--sample and --instrument: choose one way of recording"};
    if (askedInstrument)
        return RecordingMethod{false, {}};
    if (procUsable.ok())
        return RecordingMethod{true, {}};
    if (askedSample)
        return Error{"--sample: " + procUsable.error() + "; use --instrument"};
    return RecordingMethod{false, "cannot sample here (" + procUsable.error() +
                                      "); recording with the instrumenting recorder "
                                      "(--instrument) instead, which slows the script"};
}

} // namespace gilscope::core
