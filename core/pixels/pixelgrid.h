#pragma once

#include <cmath>

namespace gilscope::core {

// The columns a time window is drawn into: column i shows [edge(i), edge(i + 1)). Times are
// nanoseconds as doubles, because a zoomed-in column can be narrower than a nanosecond.
// The same grid serves the screen (one column per device pixel) and every export resolution.
struct PixelGrid {
    double beginNs = 0;
    double endNs = 0;
    int columns = 0;

    bool isValid() const { return columns > 0 && endNs > beginNs; }
    double span() const { return endNs - beginNs; }
    double nsPerColumn() const { return columns > 0 ? span() / columns : 0.0; }
    // Computed from i rather than accumulated, so edges are exact whenever span/columns is.
    double edge(int i) const { return beginNs + span() * i / columns; }
    // The column a time falls into; may be < 0 or >= columns for times outside the window.
    int columnAt(double t) const {
        return static_cast<int>(std::floor((t - beginNs) / span() * columns));
    }
};

} // namespace gilscope::core
