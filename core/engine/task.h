#pragma once

#include <coroutine>
#include <exception>
#include <utility>

namespace gilscope::core::internal {

// A lazily started coroutine that resumes its awaiter when it finishes. Each simulated thread's
// program is a Task; so are the GIL routines it awaits.
//
// The stack depth must not grow with the workload: a thread alone runs op after op (a GIL
// routine each) without ever suspending. So a Task that finishes without suspending returns to
// its awaiter by plain return (await_suspend yields false); only a Task that did suspend, and is
// resumed later from the engine's loop, transfers to its awaiter from its final suspend. Pure
// symmetric transfer would need a guaranteed tail call, which -O0 and sanitizer builds do not
// make: there every finished op left a frame behind.
class Task {
public:
    struct promise_type {
        enum class Phase : unsigned char {
            Detached,  // a thread's program, resumed by the engine; nobody to return to
            Starting,  // running inside its awaiter's await_suspend
            Finished,  // finished before it ever suspended
            Suspended, // suspended once: its awaiter is suspended too, until it finishes
        };
        std::coroutine_handle<> continuation = std::noop_coroutine();
        Phase phase = Phase::Detached;

        Task get_return_object() { return Task(Handle::from_promise(*this)); }
        std::suspend_always initial_suspend() noexcept { return {}; }
        struct FinalAwaiter {
            bool await_ready() noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
                promise_type &p = h.promise();
                if (p.phase == Phase::Starting) {
                    p.phase = Phase::Finished;
                    return std::noop_coroutine(); // back into the awaiter's await_suspend
                }
                return p.continuation;
            }
            void await_resume() noexcept {}
        };
        FinalAwaiter final_suspend() noexcept { return {}; }
        void return_void() {}
        void unhandled_exception() { std::terminate(); }
    };
    using Handle = std::coroutine_handle<promise_type>;

    Task() = default;
    explicit Task(Handle h)
        : m_handle(h) {}
    Task(Task &&other) noexcept
        : m_handle(std::exchange(other.m_handle, {})) {}
    Task &operator=(Task &&other) noexcept {
        if (this != &other) {
            if (m_handle)
                m_handle.destroy();
            m_handle = std::exchange(other.m_handle, {});
        }
        return *this;
    }
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;
    ~Task() {
        if (m_handle)
            m_handle.destroy();
    }

    bool await_ready() const noexcept { return false; }
    // Runs the Task up to its first suspension. Finished already: the awaiter goes straight on
    // (false), one frame deep whatever the number of Tasks awaited in a row.
    bool await_suspend(std::coroutine_handle<> awaiter) noexcept {
        promise_type &p = m_handle.promise();
        p.continuation = awaiter;
        p.phase = promise_type::Phase::Starting;
        m_handle.resume();
        if (p.phase == promise_type::Phase::Finished)
            return false;
        p.phase = promise_type::Phase::Suspended;
        return true;
    }
    void await_resume() const noexcept {}

    Handle handle() const { return m_handle; }

private:
    Handle m_handle;
};

} // namespace gilscope::core::internal
