#include "sampling/procsampler.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace gilscope::core {

namespace {
std::string taskPath(int pid, int tid, const char *file) {
    return "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/" + file;
}

int openRead(const std::string &path) {
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

// The whole (small) file at offset 0 into buf, NUL-terminated; its length or -1.
ssize_t readAt(int fd, char *buf, std::size_t size) {
    ssize_t n;
    do
        n = ::pread(fd, buf, size - 1, 0);
    while (n < 0 && errno == EINTR);
    buf[n > 0 ? n : 0] = '\0';
    return n;
}

std::vector<int> numbersIn(const QString &dir) {
    std::vector<int> out;
    for (const QString &name : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int n = name.toInt(&ok);
        if (ok)
            out.push_back(n);
    }
    return out;
}
} // namespace

struct ProcSampler::ThreadFiles {
    int stat = -1, schedstat = -1, syscall = -1;
    bool gone = false;
    void close() {
        for (int *fd : {&stat, &schedstat, &syscall})
            if (*fd >= 0) {
                ::close(*fd);
                *fd = -1;
            }
        gone = true;
    }
};

struct ProcSampler::Process {
    int pid = 0;
    std::map<int, ThreadFiles> threads;
    GilAddresses gil;
    bool gilKnown = false;
    long nextGilTry = 0;
    bool gone = false;
};

std::string permissionAdvice(int pid, int error) {
    const std::string file = taskPath(pid, pid, "syscall");
    if (error == ENOENT || error == ESRCH)
        return "no process " + std::to_string(pid) + " (it may have ended)";
    if (error != EACCES && error != EPERM)
        return "cannot read " + file + ": " + std::strerror(error);
    std::string advice = "permission denied reading " + file +
                         ": sampling another process needs the permission a debugger needs "
                         "(ptrace). Run gilscope as the user that runs process " +
                         std::to_string(pid) + ", or as root (or with CAP_SYS_PTRACE)";
    QFile yama("/proc/sys/kernel/yama/ptrace_scope");
    if (yama.open(QIODevice::ReadOnly)) {
        const int scope = yama.readAll().trimmed().toInt();
        if (scope == 1)
            advice += "; /proc/sys/kernel/yama/ptrace_scope is 1, which lets a process be read "
                      "only by its parent: run `sudo sysctl kernel.yama.ptrace_scope=0` (until "
                      "the next boot), or start the script with `gilscope record --sample`";
        else if (scope == 2)
            advice += "; /proc/sys/kernel/yama/ptrace_scope is 2: only root (CAP_SYS_PTRACE) "
                      "may attach";
        else if (scope >= 3)
            advice += "; /proc/sys/kernel/yama/ptrace_scope is 3: attaching is disabled until "
                      "the next boot; start the script with `gilscope record --sample` instead";
    }
    return advice;
}

ProcSampler::ProcSampler(Options options)
    : m_options(options) {}

ProcSampler::~ProcSampler() {
    for (auto &p : m_processes)
        for (auto &[tid, files] : p->threads)
            files.close();
}

Result<std::unique_ptr<ProcSampler>> ProcSampler::open(int pid, Options options) {
#ifndef __linux__
    (void)pid;
    (void)options;
    return Error{"sampling reads /proc and works on Linux only"};
#else
    if (pid <= 0)
        return Error{"no process " + std::to_string(pid)};
    const int probe = openRead(taskPath(pid, pid, "syscall"));
    if (probe < 0)
        return Error{permissionAdvice(pid, errno)};
    char buf[256];
    const ssize_t n = readAt(probe, buf, sizeof buf);
    const int readError = errno;
    ::close(probe);
    if (n < 0)
        return Error{permissionAdvice(pid, readError)};
    std::unique_ptr<ProcSampler> sampler(new ProcSampler(options));
    if (!sampler->addProcess(pid))
        return Error{permissionAdvice(pid, ENOENT)};
    return sampler;
#endif
}

bool ProcSampler::addProcess(int pid) {
    for (const auto &p : m_processes)
        if (p->pid == pid)
            return true;
    auto p = std::make_unique<Process>();
    p->pid = pid;
    if (!QDir(QString("/proc/%1/task").arg(pid)).exists())
        return false;
    ProcessRows rows;
    rows.groupId = static_cast<int>(m_processes.size());
    rows.gilId = rows.groupId;
    rows.groupName =
        rows.groupId == 0 ? "pid " + std::to_string(pid) : "child pid " + std::to_string(pid);
    m_rows[pid] = rows;
    rescan(*p);
    m_processes.push_back(std::move(p));
    return true;
}

void ProcSampler::rescan(Process &p) {
    const std::vector<int> tids = numbersIn(QString("/proc/%1/task").arg(p.pid));
    if (tids.empty() && !p.threads.empty())
        p.gone = true;
    std::vector<int> children;
    for (int tid : tids) {
        if (!p.threads.count(tid)) {
            ThreadFiles files;
            files.stat = openRead(taskPath(p.pid, tid, "stat"));
            files.schedstat = openRead(taskPath(p.pid, tid, "schedstat"));
            files.syscall = openRead(taskPath(p.pid, tid, "syscall"));
            if (files.stat < 0 || files.schedstat < 0) {
                files.close();
                continue; // ended while we looked
            }
            char buf[512];
            if (readAt(files.stat, buf, sizeof buf) > 0)
                m_comms[tid] = std::string(parseStatComm(buf));
            p.threads.emplace(tid, files);
        }
        if (m_options.followChildren) {
            QFile list(QString::fromStdString(taskPath(p.pid, tid, "children")));
            if (list.open(QIODevice::ReadOnly))
                for (const QByteArray &child : list.readAll().split(' '))
                    if (const int c = child.trimmed().toInt(); c > 0)
                        children.push_back(c);
        }
    }
    for (int child : children)
        addProcess(child);
}

void ProcSampler::locateGil(Process &p) {
    if (p.gilKnown || m_round < p.nextGilTry)
        return;
    p.nextGilTry = m_round + 10;
    const auto found = findGil(p.pid);
    if (!found.ok()) {
        m_gilNotes[p.pid] = found.error();
        return;
    }
    m_gilNotes[p.pid] = found->how;
    if (!found->python.empty())
        m_python = found->python;
    if (found->freeThreaded)
        m_rows[p.pid].gilId = -1;
    if (found->retryLater)
        return;
    p.gil = found->addresses;
    p.gilKnown = true;
}

std::vector<ThreadReading> ProcSampler::sample() {
    std::vector<ThreadReading> out;
    const bool rescanNow = m_round % std::max(1, m_options.rescanEvery) == 0;
    ++m_round;
    // Children first found by a rescan are read in the same round.
    for (std::size_t i = 0; i < m_processes.size(); ++i)
        if (rescanNow && !m_processes[i]->gone)
            rescan(*m_processes[i]);
    bool anyLeft = false;
    for (auto &pp : m_processes) {
        Process &p = *pp;
        if (p.gone)
            continue;
        bool alive = false;
        for (auto &[tid, files] : p.threads) {
            if (files.gone)
                continue;
            char stat[512], sched[128], call[256];
            if (readAt(files.stat, stat, sizeof stat) <= 0 ||
                readAt(files.schedstat, sched, sizeof sched) <= 0) {
                files.close(); // exited and reaped: missing from the round, so done
                continue;
            }
            const char state = parseStatState(stat).value_or('S');
            std::optional<SyscallLine> line;
            if ((state == 'S' || state == 'D') && files.syscall >= 0 &&
                readAt(files.syscall, call, sizeof call) > 0)
                line = parseSyscall(call);
            Activity activity = classify(state, line, p.gil);
            if (activity == Activity::LockWait && !p.gilKnown) {
                locateGil(p);
                activity = classify(state, line, p.gil);
            }
            const SchedStat times = parseSchedStat(sched).value_or(SchedStat{});
            out.push_back(
                {p.pid, tid, activity, times.onCpuNs, times.runQueueNs, times.timeslices});
            if (activity == Activity::Gone)
                files.close();
            else
                alive = true;
        }
        if (!alive && rescanNow)
            p.gone = numbersIn(QString("/proc/%1/task").arg(p.pid)).empty() ||
                     std::all_of(p.threads.begin(), p.threads.end(),
                                 [](const auto &t) { return t.second.gone; });
        anyLeft = anyLeft || !p.gone;
    }
    m_finished = !anyLeft;
    return out;
}

} // namespace gilscope::core
