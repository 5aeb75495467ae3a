#pragma once

#include "timeline/timeformat.h"

#include <qcustomplot.h>

namespace gilscope::ui {

// Ticks for a time axis in nanoseconds: steps of 1, 2 or 5 times a power of ten, labelled in
// the unit that suits the largest time shown (ns, µs, ms, s) with just enough decimals to tell
// neighbouring ticks apart, so deep zooms read "1.200001 s", not "1200001 µs".
class TimeAxisTicker : public QCPAxisTicker {
public:
    TimeAxisTicker();

    // The step chosen for a range and a wanted tick count (pure, for tests).
    static double niceStep(double span, int tickCount);

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar,
                         int precision) override;
    QVector<QString> createLabelVector(const QVector<double> &ticks, const QLocale &locale,
                                       QChar formatChar, int precision) override;

private:
    double m_step = 1;
    TimeUnit m_unit{"ns", 1};
    int m_decimals = 0;
};

} // namespace gilscope::ui
