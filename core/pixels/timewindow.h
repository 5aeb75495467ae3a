#pragma once

#include <algorithm>

namespace gilscope::core {

// A visible time range in nanoseconds (doubles: the UI edge of integer core time), and the
// zoom maths on it. Pure, so zooming is tested without a widget.
struct TimeWindow {
    double begin = 0;
    double end = 0;

    double span() const { return end - begin; }
    bool isValid() const { return end > begin; }
    bool operator==(const TimeWindow &) const = default;

    double timeAt(double px, double widthPx) const { return begin + px / widthPx * span(); }
    double pixelAt(double t, double widthPx) const { return (t - begin) / span() * widthPx; }

    // Scales the span by `factor` (< 1 zooms in) keeping `anchor` at the same relative place,
    // so the time under the cursor stays under the cursor. Never narrower than minSpan.
    TimeWindow zoomedAround(double anchor, double factor, double minSpan) const {
        const double newSpan = std::max(span() * factor, minSpan);
        const double f = newSpan / span();
        return {anchor - (anchor - begin) * f, anchor + (end - anchor) * f};
    }
    TimeWindow shifted(double delta) const { return {begin + delta, end + delta}; }
    // Fits inside `extent`: no wider than it, shifted back inside when it sticks out.
    TimeWindow clampedTo(const TimeWindow &extent) const {
        if (span() >= extent.span())
            return extent;
        if (begin < extent.begin)
            return shifted(extent.begin - begin);
        if (end > extent.end)
            return shifted(extent.end - end);
        return *this;
    }
};

} // namespace gilscope::core
