#include "timeline/timeformat.h"

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

TimeUnit unitFor(double ns) {
    const double a = std::abs(ns);
    if (a >= 1e9)
        return {"s", 1e9};
    if (a >= 1e6)
        return {"ms", 1e6};
    if (a >= 1e3)
        return {"µs", 1e3};
    return {"ns", 1.0};
}

int decimalsFor(double resolutionNs, TimeUnit unit) {
    if (!(resolutionNs > 0))
        return 0;
    const double r = resolutionNs / unit.ns;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(r) - 1e-9)), 0, 9);
}

QString formatInUnit(double ns, TimeUnit unit, int decimals) {
    return QString::number(ns / unit.ns, 'f', decimals) + QChar(' ') +
           QString::fromUtf8(unit.suffix);
}

QString formatDuration(double ns, int significant) {
    const TimeUnit unit = unitFor(ns);
    const double v = std::abs(ns) / unit.ns;
    const int magnitude = v > 0 ? static_cast<int>(std::floor(std::log10(v))) : 0;
    int decimals = std::max(0, significant - 1 - magnitude);
    if (unit.ns == 1.0 && std::abs(ns - std::round(ns)) < 1e-9)
        decimals = 0; // whole nanoseconds need no decimals
    return formatInUnit(ns, unit, decimals);
}

QString formatTimestamp(double ns, double resolutionNs) {
    const TimeUnit unit = unitFor(ns != 0 ? ns : resolutionNs);
    return formatInUnit(ns, unit, decimalsFor(resolutionNs, unit));
}

} // namespace gilscope::ui
