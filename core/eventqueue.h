#pragma once

#include "timetypes.h"

#include <algorithm>
#include <cstdint>
#include <functional>
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
    bool operator>(const Event &o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

class EventQueue {
public:
    void push(const Event &e) {
        m_heap.push_back(e);
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }
    Event pop() {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        Event e = m_heap.back();
        m_heap.pop_back();
        return e;
    }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    // Drops events that can no longer fire (superseded ones), keeping the order of the rest.
    template <typename Predicate> void removeIf(Predicate stale) {
        std::erase_if(m_heap, stale);
        std::make_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }
    TimeNs nextTime() const {
        return m_heap.empty() ? std::numeric_limits<TimeNs>::max() : m_heap.front().time;
    }

private:
    std::vector<Event> m_heap;
};

} // namespace gilscope::core::internal
