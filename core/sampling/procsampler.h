#pragma once

#include "result.h"
#include "sampling/gilfinder.h"
#include "sampling/timelineassembler.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gilscope::core {

// Reads every thread of a process (and, optionally, of the processes it starts) from /proc:
// stat (state), schedstat (on-core and run-queue time) and, for a sleeping thread, syscall
// (the call and its futex address). Each file stays open and is read with pread, three small
// reads a thread a round. Linux only; elsewhere open() fails with a message.
//
// Reading another process's syscall needs the permission a debugger needs (ptrace access: the
// same user and Yama's ptrace_scope, or CAP_SYS_PTRACE); a child of ours needs nothing more.
class ProcSampler {
public:
    struct Options {
        bool followChildren = true;
        int rescanEvery = 4; // rounds between looks for new threads and child processes
    };

    // Checks that `pid` exists and can be read; the error says what to do when it cannot.
    static Result<std::unique_ptr<ProcSampler>> open(int pid, Options options);
    ~ProcSampler();
    ProcSampler(const ProcSampler &) = delete;
    ProcSampler &operator=(const ProcSampler &) = delete;

    // One round over every thread, stamped `t` (the caller's clock, ns).
    std::vector<ThreadReading> sample();
    // Whether no sampled process is left (all exited).
    bool finished() const { return m_finished; }
    // The processes seen so far: pid -> rows (group, GIL); and how each GIL was found.
    const std::map<int, ProcessRows> &processes() const { return m_rows; }
    const std::map<int, std::string> &gilNotes() const { return m_gilNotes; }
    // comm of each thread seen ("python3.12"), for names when nothing better is known.
    const std::map<int, std::string> &comms() const { return m_comms; }
    std::string pythonVersion() const { return m_python; }

private:
    struct ThreadFiles;
    struct Process;
    explicit ProcSampler(Options options);
    bool addProcess(int pid);
    void rescan(Process &p);
    void locateGil(Process &p);

    Options m_options;
    std::vector<std::unique_ptr<Process>> m_processes;
    std::map<int, ProcessRows> m_rows;
    std::map<int, std::string> m_gilNotes;
    std::map<int, std::string> m_comms;
    std::string m_python;
    long m_round = 0;
    bool m_finished = false;
};

// Why reading process `pid` failed with errno `error`, and what to do about it.
std::string permissionAdvice(int pid, int error);

} // namespace gilscope::core
