#pragma once

#include <QString>

namespace gilscope::ui {

// How times read on screen: the unit follows the magnitude (ns, µs, ms, s).
struct TimeUnit {
    const char *suffix;
    double ns; // nanoseconds per unit
};

TimeUnit unitFor(double ns);
// Decimals needed in `unit` to tell apart times `resolutionNs` apart.
int decimalsFor(double resolutionNs, TimeUnit unit);
QString formatInUnit(double ns, TimeUnit unit, int decimals);
// A length with `significant` digits: "450 ns", "12.3 ms", "1.25 s".
QString formatDuration(double ns, int significant = 3);
// A point in time precise to `resolutionNs`: "1.200001 s".
QString formatTimestamp(double ns, double resolutionNs);

} // namespace gilscope::ui
