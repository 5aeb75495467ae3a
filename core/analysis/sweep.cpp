#include "analysis/sweep.h"

#include "analysis/parallel.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"

#include <cmath>
#include <sstream>

namespace gilscope::core {

namespace {

std::string canonicalKey(const std::string &key) {
    if (key == "threads")
        return "workers.0.count";
    if (key == "switch_interval_ms" || key == "check_interval" || key == "ft_slowdown")
        return "params." + key;
    return key;
}

bool isWholeKey(const std::string &key) {
    return key.ends_with(".count") || key.ends_with(".ops") || key == "cores" ||
           key == "params.check_interval" || key == "params.pool_size";
}

std::string number(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

} // namespace

Result<SweepResult> sweep(const Scenario &scenario, const std::string &spec, int threads,
                          const std::atomic<bool> *cancel) {
    SweepResult result;
    const auto eq = spec.find('=');
    const auto colon = spec.find(':', eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || colon == std::string::npos)
        return Error{"--sweep " + spec + ": expected KEY=FROM:TO[:POINTS], e.g. threads=1:16"};
    result.key = canonicalKey(spec.substr(0, eq));
    std::vector<std::string> parts;
    std::stringstream range(spec.substr(eq + 1));
    for (std::string part; std::getline(range, part, ':');)
        parts.push_back(part);
    double from = 0, to = 0;
    int points = 10;
    try {
        if (parts.size() < 2 || parts.size() > 3)
            throw std::invalid_argument("range");
        from = std::stod(parts[0]);
        to = std::stod(parts[1]);
        if (parts.size() == 3)
            points = std::stoi(parts[2]);
    } catch (const std::exception &) {
        return Error{"--sweep " + spec + ": expected KEY=FROM:TO[:POINTS] with numbers"};
    }
    const bool whole = isWholeKey(result.key);
    // 1e15 bounds every value the scenario accepts and keeps llround below and the log spacing
    // exact; beyond it only the validation of the points could refuse them, after rounding.
    constexpr double kLargest = 1e15;
    if (!(from > 0 && to >= from && to <= kLargest) || points < 2 || points > 200 ||
        (whole && to - from > 255))
        return Error{"--sweep " + spec + ": need 0 < FROM <= TO <= 1e15, 2 to 200 points" +
                     (whole ? ", at most 256 whole values" : "")};

    std::vector<double> values;
    if (whole) {
        for (long long v = std::llround(from); v <= std::llround(to); ++v)
            values.push_back(static_cast<double>(v));
    } else {
        for (int i = 0; i < points; ++i)
            values.push_back(from * std::pow(to / from, static_cast<double>(i) / (points - 1)));
    }

    // Each point is the scenario patched like --set, then validated like a file.
    const QByteArray base = scenarioToJson(scenario);
    std::vector<Scenario> scenarios;
    for (double v : values) {
        auto parsed = parseScenarioJson(base, "sweep", {result.key + "=" + number(v)});
        if (!parsed.ok())
            return Error{parsed.error()};
        scenarios.push_back(*parsed);
    }
    result.points.resize(values.size());
    std::vector<std::string> errors(values.size());
    forEachInParallel(values.size(), threads, [&](std::size_t i) {
        const auto run = prepareRun(scenarios[i], cancel, RunParts::TraceAndMetrics);
        result.points[i].value = values[i];
        if (run.ok())
            result.points[i].metrics = (*run)->metrics;
        else
            errors[i] = result.key + "=" + number(values[i]) + ": " + run.error();
    });
    for (const auto &e : errors)
        if (!e.empty())
            return Error{e};
    return result;
}

std::string sweepToCsv(const SweepResult &r) {
    std::ostringstream os;
    os << r.key
       << ",makespan_ms,sequential_ms,speedup,switches_per_s,io_ops_per_s,io_latency_ms_p50,"
          "io_latency_ms_p99\n";
    os.precision(10);
    for (const auto &p : r.points) {
        const auto &m = p.metrics;
        os << p.value << ',' << m.makespan_ms << ',' << m.sequential_ms << ',' << m.speedup << ','
           << m.gil.switches_per_s << ',' << m.io.ops_per_s << ',' << m.io.latency_ms_p50 << ','
           << m.io.latency_ms_p99 << '\n';
    }
    return os.str();
}

} // namespace gilscope::core
