#pragma once

#include "trace/trace.h"

#include <memory>

namespace gilscope::core {

// Appends segments and marks to a Trace as the engine runs. Keeps segments contiguous: a state
// equal to the current one extends it, and a zero-length segment is replaced, never stored.
class TraceBuilder {
public:
    explicit TraceBuilder(std::size_t eventCap);

    int addRow(ThreadInfo info, TimeNs start, ThreadState initial);
    void setState(int row, TimeNs t, ThreadState state);
    void mark(int row, TimeNs t, MarkKind kind) {
        auto &track = m_trace->threads[static_cast<std::size_t>(row)];
        track.markTime.push_back(t);
        track.markKind.push_back(kind);
        ++m_events;
    }
    int addQueue(std::string name) {
        m_trace->queues.push_back(QueueTrack{std::move(name), {}, {}});
        return static_cast<int>(m_trace->queues.size()) - 1;
    }
    // An item enters or leaves queue q (counted against the cap like a mark).
    void queuePut(int q, TimeNs t) {
        m_trace->queues[static_cast<std::size_t>(q)].putTime.push_back(t);
        ++m_events;
    }
    void queueGet(int q, TimeNs t) {
        m_trace->queues[static_cast<std::size_t>(q)].getTime.push_back(t);
        ++m_events;
    }
    // Work that stores nothing still counts against the cap, so that millions of steps that take
    // no time end with the cap's message instead of spinning.
    void charge() { ++m_events; }
    ThreadState state(int row) const {
        return m_trace->threads[static_cast<std::size_t>(row)].segmentState.back();
    }
    bool overCap() const { return m_events > m_cap; }
    std::size_t cap() const { return m_cap; }
    Trace &trace() { return *m_trace; }
    const Trace &trace() const { return *m_trace; }
    std::shared_ptr<Trace> finish(TimeNs end);

private:
    std::shared_ptr<Trace> m_trace;
    std::size_t m_events = 0;
    std::size_t m_cap;
};

} // namespace gilscope::core
