#include "trace/trace.h"

#include <algorithm>

namespace gilscope::core {

namespace {
constexpr std::array<std::string_view, kThreadStateCount> kStateNames = {
    "running", "waiting", "ready",     "io",     "starting",
    "done",    "absent",  "lock_wait", "native", "queue_wait"};
constexpr std::array<std::string_view, kMarkKindCount> kMarkNames = {
    "acquire-request", "acquire",        "release", "failed-acquire", "repeated-failed-acquire",
    "drop-request",    "forced-handoff", "timeout", "signal",         "io-begin",
    "io-end"};

template <typename Enum, std::size_t N>
bool parseName(const std::array<std::string_view, N> &names, std::string_view text, Enum &out) {
    auto it = std::find(names.begin(), names.end(), text);
    if (it == names.end())
        return false;
    out = static_cast<Enum>(it - names.begin());
    return true;
}
} // namespace

std::string_view toString(ThreadState state) {
    return kStateNames[static_cast<std::size_t>(state)];
}
std::string_view toString(MarkKind kind) {
    return kMarkNames[static_cast<std::size_t>(kind)];
}
bool parseThreadState(std::string_view text, ThreadState &out) {
    return parseName(kStateNames, text, out);
}
bool parseMarkKind(std::string_view text, MarkKind &out) {
    return parseName(kMarkNames, text, out);
}

std::size_t ThreadTrack::segmentAt(TimeNs t) const {
    auto it = std::upper_bound(segmentStart.begin(), segmentStart.end(), t);
    return it == segmentStart.begin() ? 0 : static_cast<std::size_t>(it - segmentStart.begin()) - 1;
}

std::size_t Trace::segmentCount() const {
    std::size_t n = 0;
    for (const auto &t : threads)
        n += t.segmentCount();
    return n;
}

std::size_t Trace::markCount() const {
    std::size_t n = 0;
    for (const auto &t : threads)
        n += t.markCount();
    return n;
}

std::size_t Trace::storedBytes() const {
    std::size_t n = 0;
    for (const auto &t : threads)
        n += t.segmentCount() * (sizeof(TimeNs) + sizeof(ThreadState)) +
             t.markCount() * (sizeof(TimeNs) + sizeof(MarkKind));
    return n;
}

} // namespace gilscope::core
