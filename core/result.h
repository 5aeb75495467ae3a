#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace gilscope::core {

// A failure reported across core's boundary: one message that names the source, the field or
// the limit, ready to show to a user as it stands.
struct Error {
    std::string message;
};

// What every core function that can fail returns: its value, or the Error saying why not. One
// convention for files, scenarios, simulations and Python discovery alike, so callers test
// ok() and show error() the same way everywhere.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    // Empty on success.
    const std::string &error() const {
        static const std::string none;
        return ok() ? none : std::get<1>(m_state).message;
    }

private:
    std::variant<T, Error> m_state;
};

// The same for an action that yields nothing but can fail (a write, a save).
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string &error() const {
        static const std::string none;
        return m_error ? m_error->message : none;
    }

private:
    std::optional<Error> m_error;
};

} // namespace gilscope::core
