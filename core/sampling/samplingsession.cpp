#include "sampling/samplingsession.h"

#include "files/outputfile.h"
#include "trace/tracejson.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <ctime>
#include <unistd.h>

namespace gilscope::core {

namespace {
std::int64_t monotonicNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

SamplingSession::SamplingSession(std::unique_ptr<ProcSampler> sampler, double rateHz)
    : m_sampler(std::move(sampler))
    , m_rateHz(std::clamp(rateHz, 1.0, 20000.0)) {}

void SamplingSession::run(const std::atomic<bool> &stop, double maxSeconds) {
    const std::int64_t period = static_cast<std::int64_t>(1e9 / m_rateHz);
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline =
        maxSeconds > 0 ? start + static_cast<std::int64_t>(maxSeconds * 1e9) : INT64_MAX;
    if (m_origin < 0)
        m_origin = start;
    std::int64_t next = start;
    std::int64_t busy = 0;
    while (!stop.load(std::memory_order_relaxed)) {
        const std::int64_t t = monotonicNs();
        if (t - next > period)
            ++m_stats.late;
        const auto round = m_sampler->sample();
        const std::int64_t done = monotonicNs();
        busy += done - t;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            for (const auto &[pid, rows] : m_sampler->processes())
                m_assembler.setProcess(pid, rows);
            m_assembler.addRound(t - m_origin, round);
        }
        m_last = t - m_origin;
        ++m_stats.rounds;
        if (m_sampler->finished() || done >= deadline)
            break;
        next += period;
        if (next < done)
            next = done; // behind: no burst of catching up
        timespec ts{static_cast<time_t>(next / 1'000'000'000),
                    static_cast<long>(next % 1'000'000'000)};
        while (::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
        }
    }
    m_stats.seconds = static_cast<double>(monotonicNs() - start) / 1e9;
    m_stats.achievedHz = m_stats.seconds > 0 ? m_stats.rounds / m_stats.seconds : 0;
    m_stats.busyShare = m_stats.seconds > 0 ? static_cast<double>(busy) / 1e9 / m_stats.seconds : 0;
}

void SamplingSession::applyNames(const QString &namesFile) {
    for (const auto &[tid, comm] : m_sampler->comms())
        if (m_assembler.hasThread(tid))
            m_assembler.setName(tid, comm + " " + std::to_string(tid));
    if (namesFile.isEmpty())
        return;
    QFile f(namesFile);
    if (!f.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 3)
            continue;
        const int tid = fields[1].toInt();
        const QByteArray name = line.mid(fields[0].size() + fields[1].size() + 2).trimmed();
        if (tid > 0 && !name.isEmpty() && m_assembler.hasThread(tid))
            m_assembler.setName(tid, QString::fromUtf8(name).toStdString());
    }
}

std::shared_ptr<Trace> SamplingSession::finish(const QString &namesFile) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    applyNames(namesFile);
    auto trace = m_assembler.finish(m_last);
    trace->python = m_sampler->pythonVersion();
    trace->cores = static_cast<int>(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)));
    return trace;
}

Trace SamplingSession::snapshot() {
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_assembler.snapshot();
}

Result<std::shared_ptr<Trace>> saveSampledTrace(SamplingSession &session, const QString &out,
                                                const QString &namesFile,
                                                const std::string &scenario) {
    auto trace = session.finish(namesFile);
    trace->scenarioName = scenario;
    auto file = OutputFile::open(out);
    if (!file.ok())
        return Error{file.error()};
    writeTrace(*trace, traceFormatForPath(out), **file);
    if (const auto done = (*file)->commit(); !done.ok())
        return Error{done.error()};
    return trace;
}

void BackgroundSampler::start(int pid) {
    auto sampler = ProcSampler::open(pid, {});
    if (!sampler.ok()) {
        m_error = QString::fromStdString(sampler.error());
        return;
    }
    m_session = std::make_unique<SamplingSession>(std::move(*sampler), m_rateHz);
    m_thread = std::thread([this] { m_session->run(m_stop, 0); });
}

void BackgroundSampler::stop() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

Result<std::shared_ptr<Trace>> BackgroundSampler::write(const QString &out,
                                                        const QString &namesFile,
                                                        const std::string &scenario) {
    stop();
    if (!m_session)
        return Error{m_error.isEmpty() ? std::string("the sampler did not start")
                                       : m_error.toStdString()};
    return saveSampledTrace(*m_session, out, namesFile, scenario);
}

std::shared_ptr<const Trace> BackgroundSampler::snapshot() {
    if (!m_session)
        return nullptr;
    return std::make_shared<const Trace>(m_session->snapshot());
}

} // namespace gilscope::core
