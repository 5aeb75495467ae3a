#include "trace/timetext.h"

#include <QString>

#include <cmath>
#include <optional>
#include <utility>

namespace gilscope::core {

namespace {

constexpr const char *kUnits = "ns, us, ms, s";

// A number and the nanoseconds its unit stands for (0: no unit given).
struct TimeText {
    double value = 0;
    double unitNs = 0;
};

std::optional<TimeText> readTime(std::string_view text) {
    QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed();
    // Longest suffixes first: "ms" before "s". Both micro signs (U+00B5, U+03BC) read as "us".
    static const std::pair<const char *, double> kSuffixes[] = {
        {"ns", 1}, {"us", 1e3}, {"\u00b5s", 1e3}, {"\u03bcs", 1e3}, {"ms", 1e6}, {"s", 1e9}};
    TimeText t;
    for (const auto &[suffix, ns] : kSuffixes) {
        const QString u = QString::fromUtf8(suffix);
        if (s.endsWith(u)) {
            t.unitNs = ns;
            s.chop(u.size());
            break;
        }
    }
    bool ok = false;
    t.value = s.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(t.value))
        return std::nullopt;
    return t;
}

std::string quoted(std::string_view text) {
    std::string s = "\"";
    s.append(text).append("\"");
    return s;
}

// Both sides read: a unit given on one side only applies to the other.
Result<TimeWindow> combine(TimeText a, TimeText b, const std::string &shown) {
    if (a.unitNs == 0 && b.unitNs == 0)
        return Error{std::string("give a unit (") + kUnits + "), e.g. 20ms, got " + shown};
    const double begin = a.value * (a.unitNs > 0 ? a.unitNs : b.unitNs);
    const double end = b.value * (b.unitNs > 0 ? b.unitNs : a.unitNs);
    if (begin < 0 || end <= begin)
        return Error{"the end must come after the start, and the start at 0 or later, got " +
                     shown};
    return TimeWindow{begin, end};
}

} // namespace

Result<double> parseTime(std::string_view text) {
    const auto t = readTime(text);
    if (!t)
        return Error{std::string("expected a time with a unit (") + kUnits +
                     "), e.g. 20.5ms, got " + quoted(text)};
    if (t->unitNs == 0 && t->value != 0)
        return Error{std::string("give a unit (") + kUnits + "), e.g. 20.5ms, got " + quoted(text)};
    return t->value * (t->unitNs > 0 ? t->unitNs : 1.0);
}

Result<TimeWindow> parseTimeRange(std::string_view text) {
    const auto colon = text.find(':');
    const bool oneColon =
        colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos;
    const auto a = oneColon ? readTime(text.substr(0, colon)) : std::nullopt;
    const auto b = oneColon ? readTime(text.substr(colon + 1)) : std::nullopt;
    if (!a || !b || (a->unitNs == 0 && b->unitNs == 0))
        return Error{std::string("expected START:END with a unit (") + kUnits +
                     "), e.g. 0:50ms, got " + quoted(text)};
    return combine(*a, *b, quoted(text));
}

Result<TimeWindow> parseTimeRange(std::string_view start, std::string_view end) {
    const auto a = readTime(start);
    if (!a)
        return Error{std::string("the start: expected a time such as 20 ms (units ") + kUnits +
                     "), got " + quoted(start)};
    const auto b = readTime(end);
    if (!b)
        return Error{std::string("the end: expected a time such as 21 ms (units ") + kUnits +
                     "), got " + quoted(end)};
    return combine(*a, *b, quoted(std::string(start) + " to " + std::string(end)));
}

} // namespace gilscope::core
