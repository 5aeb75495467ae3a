#pragma once

#include <cstdint>

namespace gilscope::core {

// All simulated time is integer nanoseconds from the start of the run.
using TimeNs = std::int64_t;

constexpr TimeNs kNsPerUs = 1'000;
constexpr TimeNs kNsPerMs = 1'000'000;
constexpr TimeNs kNsPerS = 1'000'000'000;

} // namespace gilscope::core
