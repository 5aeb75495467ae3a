#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace gilscope::core::internal {

// Threads asleep on one condition variable, oldest first. Removing a thread that timed out is
// O(1): its entry stays behind, recognised as stale by the thread's wait ticket, and is skipped.
template <typename Thread> class WaitQueue {
public:
    // Thread must have `WaitQueue<Thread> *waitQueue` and `std::uint64_t waitTicket`.
    void push(Thread &t) {
        t.waitQueue = this;
        t.waitTicket = ++m_tickets;
        m_entries.push_back({&t, t.waitTicket});
        ++m_size;
    }
    void remove(Thread &t) {
        if (t.waitQueue == this) {
            t.waitQueue = nullptr;
            --m_size;
        }
    }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    // The index-th live waiter in wait order (0: the oldest) leaves the queue.
    Thread *take(std::size_t index) {
        while (!m_entries.empty() && !live(m_entries.front()))
            m_entries.pop_front();
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (!live(*it)) {
                it = m_entries.erase(it);
                continue;
            }
            if (index == 0 && it == m_entries.begin()) {
                Thread *t = it->thread;
                m_entries.pop_front();
                t->waitQueue = nullptr;
                --m_size;
                return t;
            }
            if (index-- == 0) {
                Thread *t = it->thread;
                m_entries.erase(it);
                t->waitQueue = nullptr;
                --m_size;
                return t;
            }
            ++it;
        }
        return nullptr;
    }

private:
    struct Entry {
        Thread *thread;
        std::uint64_t ticket;
    };
    bool live(const Entry &e) const {
        return e.thread->waitQueue == this && e.thread->waitTicket == e.ticket;
    }
    std::deque<Entry> m_entries;
    std::size_t m_size = 0;
    std::uint64_t m_tickets = 0;
};

} // namespace gilscope::core::internal
