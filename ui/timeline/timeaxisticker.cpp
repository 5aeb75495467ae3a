#include "timeline/timeaxisticker.h"

#include <cmath>

namespace gilscope::ui {

TimeAxisTicker::TimeAxisTicker() {
    setTickCount(8);
}

double TimeAxisTicker::niceStep(double span, int tickCount) {
    const double raw = span / std::max(1, tickCount);
    if (!(raw > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / magnitude;
    const double nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
    return nice * magnitude;
}

double TimeAxisTicker::getTickStep(const QCPRange &range) {
    m_step = niceStep(range.size(), tickCount());
    return m_step;
}

int TimeAxisTicker::getSubTickCount(double tickStep) {
    const double m = tickStep / std::pow(10.0, std::floor(std::log10(tickStep)));
    return m < 1.5 ? 4 : m < 3.5 ? 3 : 4;
}

QVector<QString> TimeAxisTicker::createLabelVector(const QVector<double> &ticks,
                                                   const QLocale &locale, QChar formatChar,
                                                   int precision) {
    double largest = 0;
    for (double t : ticks)
        largest = std::max(largest, std::abs(t));
    m_unit = unitFor(largest > 0 ? largest : m_step);
    m_decimals = decimalsFor(m_step, m_unit);
    return QCPAxisTicker::createLabelVector(ticks, locale, formatChar, precision);
}

QString TimeAxisTicker::getTickLabel(double tick, const QLocale &, QChar, int) {
    if (std::abs(tick) < m_step * 1e-6)
        tick = 0; // no "-0.000 ms"
    return formatInUnit(tick, m_unit, m_decimals);
}

} // namespace gilscope::ui
