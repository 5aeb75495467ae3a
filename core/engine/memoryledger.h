#pragma once

#include "trace/trace.h"

#include <array>

namespace gilscope::core::internal {

// The resident memory a run holds as it goes (README "Memory and data"): the engine adds what a
// process, an interpreter, a thread or a data copy costs when it comes and takes it off when it
// goes; the ledger keeps the total's peak and its make-up at that moment.
class MemoryLedger {
public:
    enum class Part { Interpreters, Threads, Data };

    // mb may be negative (a release); processes and threads count the units alive.
    void add(TimeNs now, Part part, double mb, int processes = 0, int threads = 0) {
        m_mb[static_cast<std::size_t>(part)] += mb;
        m_processes += processes;
        m_threads += threads;
        const double total = m_mb[0] + m_mb[1] + m_mb[2];
        if (total > m_peak.peakMb + 1e-9) {
            m_peak.peakMb = total;
            m_peak.atNs = now;
            m_peak.interpretersMb = m_mb[0];
            m_peak.threadsMb = m_mb[1];
            m_peak.dataMb = m_mb[2];
            m_peak.processes = m_processes;
            m_peak.threads = m_threads;
        }
    }
    const MemoryPeak &peak() const { return m_peak; }

private:
    std::array<double, 3> m_mb{};
    int m_processes = 0;
    int m_threads = 0;
    MemoryPeak m_peak{0, 0, 0, 0, 0, 0, 0, true};
};

} // namespace gilscope::core::internal
