#pragma once

#include "trace/timetypes.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace gilscope::core::internal {

enum class EventKind : std::uint8_t {
    CpuDone,    // a thread's CPU activity ends (or is interrupted by a drop request)
    Timer,      // a blocked thread's timer fires (I/O done, timed GIL wait expired)
    Runnable,   // a woken thread reaches the idle core reserved for it
    SliceCheck, // a core's time slice may be over
    Callback,   // executor-specific (asyncio I/O completion)
};

struct Event {
    TimeNs time;
    std::uint64_t seq; // ties at equal time run in scheduling order: deterministic
    std::uint32_t target;
    std::uint32_t token;
    EventKind kind;
    bool before(const Event &o) const { return time != o.time ? time < o.time : seq < o.seq; }
};

// A 4-ary min-heap on (time, seq): half the depth of a binary heap, and a node's children share
// a cache line or two, which matters because popping is the engine's hottest loop.
class EventQueue {
public:
    void push(const Event &e) {
        m_heap.push_back(e);
        siftUp(m_heap.size() - 1);
    }
    Event pop() {
        const Event top = m_heap.front();
        m_heap.front() = m_heap.back();
        m_heap.pop_back();
        if (!m_heap.empty())
            siftDown(0);
        return top;
    }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    TimeNs nextTime() const {
        return m_heap.empty() ? std::numeric_limits<TimeNs>::max() : m_heap.front().time;
    }
    // Drops events that can no longer fire (superseded ones), keeping the order of the rest.
    template <typename Predicate> void removeIf(Predicate stale) {
        std::erase_if(m_heap, stale);
        for (std::size_t i = m_heap.size(); i-- > 0;)
            siftDown(i);
    }

private:
    static constexpr std::size_t kArity = 4;

    void siftUp(std::size_t i) {
        const Event e = m_heap[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / kArity;
            if (!e.before(m_heap[parent]))
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = e;
    }
    void siftDown(std::size_t i) {
        const std::size_t n = m_heap.size();
        const Event e = m_heap[i];
        for (;;) {
            const std::size_t first = i * kArity + 1;
            if (first >= n)
                break;
            std::size_t best = first;
            const std::size_t last = std::min(first + kArity, n);
            for (std::size_t c = first + 1; c < last; ++c)
                if (m_heap[c].before(m_heap[best]))
                    best = c;
            if (!m_heap[best].before(e))
                break;
            m_heap[i] = m_heap[best];
            i = best;
        }
        m_heap[i] = e;
    }

    std::vector<Event> m_heap;
};

} // namespace gilscope::core::internal
