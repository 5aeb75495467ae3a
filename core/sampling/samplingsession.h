#pragma once

#include "result.h"
#include "sampling/procsampler.h"
#include "sampling/timelineassembler.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace gilscope::core {

// Samples one process (and its children) at a steady rate on the calling thread until told to
// stop, the time is up or every process has ended, and assembles the trace. snapshot() may be
// called from another thread meanwhile (a live view).
class SamplingSession {
public:
    struct Stats {
        long rounds = 0;
        long late = 0;         // rounds that started more than one period late
        double seconds = 0;    // from the first round to the last
        double achievedHz = 0; // rounds / seconds
        double busyShare = 0;  // share of the time spent reading /proc (the sampler's cost)
    };

    SamplingSession(std::unique_ptr<ProcSampler> sampler, double rateHz);

    // maxSeconds <= 0: until the processes end or `stop`.
    void run(const std::atomic<bool> &stop, double maxSeconds);
    // Names rows: from a file of "PID TID NAME" lines that the sitecustomize hook writes (may be
    // empty or missing), else "COMM TID".
    std::shared_ptr<Trace> finish(const QString &namesFile);
    Trace snapshot();
    Stats stats() const { return m_stats; }
    const ProcSampler &sampler() const { return *m_sampler; }

private:
    void applyNames(const QString &namesFile);

    std::unique_ptr<ProcSampler> m_sampler;
    double m_rateHz;
    TimelineAssembler m_assembler;
    std::mutex m_mutex; // guards m_assembler against snapshot()
    Stats m_stats;
    std::int64_t m_origin = -1;
    std::int64_t m_last = 0;
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
    // Stops, finishes and writes the trace to `out`.
    Result<std::shared_ptr<Trace>> write(const QString &out, const QString &namesFile,
                                         const std::string &scenario);
    // The trace so far (a live view); empty before start.
    std::shared_ptr<const Trace> snapshot();
    SamplingSession *session() { return m_session.get(); }
    // Why start() could not sample; empty when it did.
    QString error() const { return m_error; }

private:
    double m_rateHz;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::unique_ptr<SamplingSession> m_session;
    QString m_error;
};

// Finishes `session` and writes its trace to `out` (Perfetto's protobuf for .pftrace, else
// Chrome trace JSON; replaced only by a whole new file); the trace, or the error naming the file.
Result<std::shared_ptr<Trace>> saveSampledTrace(SamplingSession &session, const QString &out,
                                                const QString &namesFile,
                                                const std::string &scenario);

} // namespace gilscope::core
