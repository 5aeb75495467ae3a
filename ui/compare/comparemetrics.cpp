#include "compare/comparemetrics.h"

#include "timeline/timeformat.h"

#include <QLocale>
#include <QObject>

#include <cmath>
#include <limits>

namespace gilscope::ui {

namespace {
constexpr double kSameWithin = 0.02;

QString duration(double ms) {
    return formatDuration(ms * 1e6);
}
QString rate(double perSecond) {
    return QObject::tr("%1 /s").arg(QLocale().toString(perSecond, 'f', perSecond < 10 ? 1 : 0));
}
} // namespace

double CompareRow::ratio() const {
    return a != 0 ? b / a : std::numeric_limits<double>::quiet_NaN();
}

QString CompareRow::ratioText() const {
    const double r = ratio();
    if (std::isnan(r))
        return QStringLiteral("–");
    return QStringLiteral("%1×").arg(r, 0, 'f', r >= 100 ? 0 : r >= 10 ? 1 : 2);
}

int CompareRow::verdict() const {
    const double r = ratio();
    if (better == Better::Neither || std::isnan(r) || std::abs(r - 1) <= kSameWithin)
        return 0;
    const bool higher = r > 1;
    return (higher == (better == Better::Higher)) ? 1 : -1;
}

std::vector<CompareRow> compareRows(const core::Metrics &a, const core::Metrics &b) {
    using B = CompareRow::Better;
    std::vector<CompareRow> rows;
    auto add = [&rows](QString key, QString label, double va, double vb, QString ta, QString tb,
                       B better) {
        rows.push_back(CompareRow{std::move(key), std::move(label), va, vb, std::move(ta),
                                  std::move(tb), better});
    };
    add(QStringLiteral("makespan"), QObject::tr("Makespan"), a.makespan_ms, b.makespan_ms,
        duration(a.makespan_ms), duration(b.makespan_ms), B::Lower);
    add(QStringLiteral("speedup"), QObject::tr("Speed-up"), a.speedup, b.speedup,
        QStringLiteral("%1×").arg(a.speedup, 0, 'f', 2),
        QStringLiteral("%1×").arg(b.speedup, 0, 'f', 2), B::Higher);
    // What the speed-up is measured against: when it differs, makespans compare different work.
    add(QStringLiteral("work"), QObject::tr("Work (one thread)"), a.sequential_ms, b.sequential_ms,
        duration(a.sequential_ms), duration(b.sequential_ms), B::Neither);
    add(QStringLiteral("switches"), QObject::tr("GIL switches"), a.gil.switches_per_s,
        b.gil.switches_per_s, rate(a.gil.switches_per_s), rate(b.gil.switches_per_s), B::Neither);
    add(QStringLiteral("failed"), QObject::tr("Failed wake-ups"), a.gil.failed_acquires_per_s,
        b.gil.failed_acquires_per_s, rate(a.gil.failed_acquires_per_s),
        rate(b.gil.failed_acquires_per_s), B::Lower);
    add(QStringLiteral("hold"), QObject::tr("GIL hold p50"), a.gil.hold_ms_p50, b.gil.hold_ms_p50,
        a.gil.acquires ? duration(a.gil.hold_ms_p50) : QStringLiteral("–"),
        b.gil.acquires ? duration(b.gil.hold_ms_p50) : QStringLiteral("–"), B::Neither);
    if (a.io.ops > 0 || b.io.ops > 0) {
        auto io = [](const core::Metrics &m, QString text) {
            return m.io.ops > 0 ? text : QStringLiteral("–");
        };
        add(QStringLiteral("ioP50"), QObject::tr("I/O latency p50"), a.io.latency_ms_p50,
            b.io.latency_ms_p50, io(a, duration(a.io.latency_ms_p50)),
            io(b, duration(b.io.latency_ms_p50)), B::Lower);
        add(QStringLiteral("ioP99"), QObject::tr("I/O latency p99"), a.io.latency_ms_p99,
            b.io.latency_ms_p99, io(a, duration(a.io.latency_ms_p99)),
            io(b, duration(b.io.latency_ms_p99)), B::Lower);
        // The I/O threads' own rate, as in the window: the run's length is the CPU threads'.
        add(QStringLiteral("ioRate"), QObject::tr("I/O throughput"), a.io.serving_ops_per_s,
            b.io.serving_ops_per_s, io(a, rate(a.io.serving_ops_per_s)),
            io(b, rate(b.io.serving_ops_per_s)), B::Higher);
    }
    return rows;
}

} // namespace gilscope::ui
