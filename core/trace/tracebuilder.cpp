#include "trace/tracebuilder.h"

namespace gilscope::core {

TraceBuilder::TraceBuilder(std::size_t eventCap)
    : m_trace(std::make_shared<Trace>())
    , m_cap(eventCap) {}

int TraceBuilder::addRow(ThreadInfo info, TimeNs start, ThreadState initial) {
    ThreadTrack track;
    track.info = std::move(info);
    track.segmentStart.push_back(start);
    track.segmentState.push_back(initial);
    m_trace->threads.push_back(std::move(track));
    ++m_events;
    return static_cast<int>(m_trace->threads.size()) - 1;
}

void TraceBuilder::setState(int row, TimeNs t, ThreadState state) {
    auto &track = m_trace->threads[static_cast<std::size_t>(row)];
    auto &starts = track.segmentStart;
    auto &states = track.segmentState;
    if (states.back() == state)
        return;
    if (starts.back() == t) {
        // The current segment has zero length: replace it, merging with the one before.
        if (states.size() >= 2 && states[states.size() - 2] == state) {
            starts.pop_back();
            states.pop_back();
            --m_events;
        } else {
            states.back() = state;
        }
        return;
    }
    starts.push_back(t);
    states.push_back(state);
    ++m_events;
}

std::shared_ptr<Trace> TraceBuilder::finish(TimeNs end) {
    m_trace->endNs = end;
    for (auto &track : m_trace->threads) {
        track.segmentStart.shrink_to_fit();
        track.segmentState.shrink_to_fit();
        track.markTime.shrink_to_fit();
        track.markKind.shrink_to_fit();
    }
    return std::move(m_trace);
}

} // namespace gilscope::core
