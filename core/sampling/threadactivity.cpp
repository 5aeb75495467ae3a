#include "sampling/threadactivity.h"

#include <charconv>
#include <sys/syscall.h>

namespace gilscope::core {

namespace {
constexpr std::string_view kActivityNames[] = {"on-cpu", "gil-wait", "lock-wait",
                                               "io",     "gone",     "starting"};

// linux/futex.h, without the header (the constants are ABI).
constexpr unsigned kFutexCmdMask = 127; // ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)
constexpr unsigned kFutexWait = 0, kFutexLockPi = 6, kFutexWaitBitset = 9, kFutexWaitRequeuePi = 11,
                   kFutexLockPi2 = 13;
constexpr long kFutexWaitv = 449; // the same number on every architecture

std::string_view skipSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

// The next space-separated field, decimal or 0x-hexadecimal; nullopt when there is none.
template <typename T> std::optional<T> nextNumber(std::string_view &s) {
    s = skipSpaces(s);
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s.remove_prefix(2);
        base = 16;
    }
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
    if (ec != std::errc())
        return std::nullopt;
    s.remove_prefix(static_cast<std::size_t>(end - s.data()));
    return value;
}
} // namespace

std::string_view toString(Activity activity) {
    return kActivityNames[static_cast<std::size_t>(activity)];
}

ThreadState stateFor(Activity activity) {
    switch (activity) {
    case Activity::OnCpu:
        return ThreadState::Running;
    case Activity::GilWait:
        return ThreadState::WaitingForGil;
    case Activity::LockWait:
        return ThreadState::LockWait;
    case Activity::Io:
        return ThreadState::Io;
    case Activity::Gone:
        return ThreadState::Done;
    case Activity::Starting:
        return ThreadState::Starting;
    }
    return ThreadState::Done;
}

bool GilAddresses::contains(std::uint64_t address) const {
    for (const auto &[begin, end] : ranges)
        if (address >= begin && address < end)
            return true;
    return false;
}

std::optional<char> parseStatState(std::string_view statLine) {
    const std::size_t close = statLine.rfind(')');
    if (close == std::string_view::npos || close + 2 >= statLine.size() ||
        statLine[close + 1] != ' ')
        return std::nullopt;
    return statLine[close + 2];
}

std::string_view parseStatComm(std::string_view statLine) {
    const std::size_t open = statLine.find('(');
    const std::size_t close = statLine.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return {};
    return statLine.substr(open + 1, close - open - 1);
}

std::optional<SchedStat> parseSchedStat(std::string_view text) {
    const auto onCpu = nextNumber<std::int64_t>(text);
    const auto runQueue = nextNumber<std::int64_t>(text);
    if (!onCpu || !runQueue)
        return std::nullopt;
    return SchedStat{*onCpu, *runQueue, nextNumber<std::int64_t>(text).value_or(0)};
}

std::optional<SyscallLine> parseSyscall(std::string_view text) {
    SyscallLine line;
    text = skipSpaces(text);
    if (text.substr(0, 7) == "running") {
        line.running = true;
        return line;
    }
    const auto number = nextNumber<long>(text);
    if (!number)
        return std::nullopt;
    line.number = *number;
    if (line.number < 0)
        return line;
    for (auto &arg : line.args) {
        const auto value = nextNumber<std::uint64_t>(text);
        if (!value)
            return std::nullopt;
        arg = *value;
    }
    return line;
}

std::optional<std::uint64_t> futexWaitAddress(const SyscallLine &call) {
#ifdef SYS_futex
    if (call.running || call.number != SYS_futex)
        return std::nullopt;
    switch (static_cast<unsigned>(call.args[1]) & kFutexCmdMask) {
    case kFutexWait:
    case kFutexWaitBitset:
    case kFutexLockPi:
    case kFutexLockPi2:
    case kFutexWaitRequeuePi:
        return call.args[0];
    default:
        return std::nullopt;
    }
#else
    (void)call;
    return std::nullopt;
#endif
}

bool isFutexWait(const SyscallLine &call) {
    return futexWaitAddress(call).has_value() || (!call.running && call.number == kFutexWaitv);
}

Activity classify(char state, const std::optional<SyscallLine> &call, const GilAddresses &gil) {
    switch (state) {
    case 'R':
        return Activity::OnCpu;
    case 'Z':
    case 'X':
    case 'x':
        return Activity::Gone;
    case 'S':
    case 'D':
        break;
    default: // T, t (stopped, traced): not in Python, not on a lock
        return Activity::Io;
    }
    if (!call)
        return Activity::Io;
    if (call->running) // woke between the two reads
        return Activity::OnCpu;
    if (const auto address = futexWaitAddress(*call))
        return gil.contains(*address) ? Activity::GilWait : Activity::LockWait;
    return isFutexWait(*call) ? Activity::LockWait : Activity::Io;
}

} // namespace gilscope::core
