#pragma once

#include "trace/metrics.h"

#include <QString>

#include <vector>

namespace gilscope::ui {

// One figure of two runs side by side, with the ratio B/A and which way is better.
struct CompareRow {
    enum class Better { Lower, Higher, Neither };

    QString key; // "makespan", "speedup", "switches", "failed", "hold", "ioP50", "ioP99", "ioRate"
    QString label; // "Makespan"
    double a = 0, b = 0;
    QString aText, bText;
    Better better = Better::Neither;

    // b / a; NaN when a is 0 (no ratio to speak of).
    double ratio() const;
    // "0.52×", "–" without a ratio.
    QString ratioText() const;
    // +1 when B is better by more than 2 %, -1 when worse, 0 otherwise or when neither way is
    // better.
    int verdict() const;
};

// The figures the compare view shows for runs A and B. I/O rows appear when either run has I/O.
std::vector<CompareRow> compareRows(const core::Metrics &a, const core::Metrics &b);

} // namespace gilscope::ui
