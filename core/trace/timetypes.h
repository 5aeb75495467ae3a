#pragma once

#include <cstdint>
#include <limits>

namespace gilscope::core {

// All simulated time is integer nanoseconds from the start of the run.
using TimeNs = std::int64_t;

constexpr TimeNs kNsPerUs = 1'000;
constexpr TimeNs kNsPerMs = 1'000'000;
constexpr TimeNs kNsPerS = 1'000'000'000;

// Times a trace may hold lie strictly within ±2^62 ns (±146 years), so the difference of any two
// of them (a duration, a time relative to the trace start) never overflows TimeNs.
constexpr TimeNs kTraceTimeLimitNs = TimeNs{1} << 62;

// a + b, held at the TimeNs limits instead of wrapping: a sum of many durations (a recording's
// thread time over all its threads) can pass 2^63 ns even when every time is in range.
constexpr TimeNs saturatingAdd(TimeNs a, TimeNs b) {
    TimeNs sum = 0;
    if (!__builtin_add_overflow(a, b, &sum))
        return sum;
    return b > 0 ? std::numeric_limits<TimeNs>::max() : std::numeric_limits<TimeNs>::min();
}

} // namespace gilscope::core
