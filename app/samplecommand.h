#pragma once

#include "sampling/samplingsession.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <thread>

namespace gilscope::app {

// The default sampling rate: what this 2-core machine sustains beside a busy Python at a cost
// of a few percent of one core (see the README's table).
constexpr double kDefaultSampleHz = 1000;

// gilscope attach PID [--duration S] [--rate HZ] [--out TRACE.json]
//
// Samples a running process (and the processes it starts) from /proc without touching it, until
// it ends, the duration is up or Ctrl-C, and writes the trace. Rows are named "COMM TID".
// Returns 0 on success, 2 for a wrong command line, 1 when the process cannot be read.
int runAttach(const QStringList &arguments);

// The Python side of `record --sample`: a directory for PYTHONPATH with a sitecustomize.py that
// writes "PID TID NAME" once per thread start to a file (no cost per bytecode), then hands over
// to any sitecustomize of the user's.
class ThreadNameHook {
public:
    ThreadNameHook();
    bool ok() const { return m_ok; }
    // Sets PYTHONPATH and GILSCOPE_THREAD_NAMES for a child to inherit; restore() undoes it.
    void install();
    void restore();
    QString namesFile() const { return m_dir.filePath("names.txt"); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
    QByteArray m_oldPath;
    bool m_hadPath = false;
};

// A sampler on a thread of its own for a process being started: start(pid) right after the
// fork, stop() once it was reaped.
class BackgroundSampler {
public:
    explicit BackgroundSampler(double rateHz)
        : m_rateHz(rateHz) {}
    ~BackgroundSampler() { stop(); }
    void start(int pid);
    void stop();
    // The trace written to `out`; an error message, or empty on success.
    QString write(const QString &out, const QString &namesFile, const QString &scenario);

private:
    double m_rateHz;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::unique_ptr<core::SamplingSession> m_session;
    QString m_error;
};

// Writes a sampled trace to `out`, with the sampler's figures on standard error.
QString writeSampledTrace(core::SamplingSession &session, const QString &out,
                          const QString &namesFile, const QString &scenario);

} // namespace gilscope::app
