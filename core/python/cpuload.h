#pragma once

#include <chrono>

namespace gilscope::core {

// The share of all CPUs that was busy (not idle, not waiting for I/O) over `window`, from
// /proc/stat; negative where that cannot be read. Measurements of real Python (calibrate, the
// recorder tests) check it first: other busy processes stretch GIL hand-offs.
double busyCpuShare(std::chrono::milliseconds window);

} // namespace gilscope::core
