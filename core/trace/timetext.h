#pragma once

#include "pixels/timewindow.h"
#include "result.h"

#include <string_view>

namespace gilscope::core {

// Times as people type them: "20.5ms", "20 ms", "20500us", "20500 µs", "1.2s", "5000ns". One
// reading for the command line (--range, --annotate) and the export dialog, so a range typed in
// either means the same.

// One time in nanoseconds; a unit is required (a bare 0 is allowed: it is 0 in any unit).
Result<double> parseTime(std::string_view text);

// The command line's --range "START:END", e.g. "0:50ms" or "1.2s:1.25s": a unit given on one
// side only applies to both. The start must be 0 or later and the end after it.
Result<TimeWindow> parseTimeRange(std::string_view text);

// The same range typed as two fields, "20 ms" and "21 ms" (the export dialog).
Result<TimeWindow> parseTimeRange(std::string_view start, std::string_view end);

} // namespace gilscope::core
