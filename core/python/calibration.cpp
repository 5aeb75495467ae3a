#include "python/calibration.h"

#include "python/equivalentscenario.h"
#include "run/preparedrun.h"
#include "trace/metrics.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gilscope::core {

namespace {

struct Missing {
    std::string field;
};

double number(const QJsonObject &object, const QString &key, const std::string &path) {
    const QJsonValue v = object.value(key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        throw Missing{path};
    return v.toDouble();
}

std::string fixed(double v, int decimals) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << v;
    return out.str();
}

// Keeps fitted values readable in the profile file.
double rounded(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

} // namespace

Result<CalibrationMeasurement> parseCalibrationJson(const QByteArray &json) {
    const QJsonDocument doc = QJsonDocument::fromJson(json.trimmed());
    if (!doc.isObject())
        return Error{"the calibration script printed no JSON object"};
    const QJsonObject root = doc.object();
    try {
        CalibrationMeasurement m;
        m.python = root["python"].toString().toStdString();
        if (m.python.empty())
            throw Missing{"python"};
        m.legacyGil = m.python.rfind("2.", 0) == 0 || m.python.rfind("3.0", 0) == 0 ||
                      m.python.rfind("3.1.", 0) == 0;
        m.cores = root["cores"].toInt(0);
        m.freeThreaded = root["gil_enabled"].isBool() && !root["gil_enabled"].toBool();
        m.loopNs = number(root, "loop_ns", "loop_ns");
        const QJsonObject seconds = root["countdown_s"].toObject();
        m.countdownS[0] = number(seconds, "1", "countdown_s.1");
        m.countdownS[1] = number(seconds, "2", "countdown_s.2");
        m.countdownS[2] = number(seconds, "4", "countdown_s.4");
        const QJsonObject write = root["release_us"].toObject();
        m.releaseWokeUs = number(write, "woke", "release_us.woke");
        m.releaseIdleUs = number(write, "idle", "release_us.idle");
        const QJsonObject wake = root["wake_us"].toObject();
        m.wakeP10Us = number(wake, "p10", "wake_us.p10");
        m.wakeP50Us = number(wake, "p50", "wake_us.p50");
        m.wakeP90Us = number(wake, "p90", "wake_us.p90");
        m.oversleepP50Us = number(root["oversleep_us"].toObject(), "p50", "oversleep_us.p50");
        if (!(m.loopNs > 0))
            throw Missing{"loop_ns"};
        for (int i = 0; i < 3; ++i)
            if (!(m.countdownS[i] > 0))
                throw Missing{"countdown_s." + std::to_string(1 << i)};
        return m;
    } catch (const Missing &missing) {
        return Error{"the calibration script's output lacks a usable " + missing.field};
    }
}

Scenario countdownScenario(Interpreter interpreter, int threads, int cores, double totalMs,
                           const TimingParams &params) {
    Scenario s;
    s.name = "countdown";
    s.interpreter = interpreter;
    s.cores = std::max(1, cores);
    s.params = params;
    WorkerGroup g;
    g.kind = WorkerKind::Cpu;
    g.count = threads;
    g.cpu_ms = totalMs / threads;
    s.workers = {g};
    return s;
}

double simulatedCountdownRatio(Interpreter interpreter, int threads, int cores, double totalMs,
                               const TimingParams &params) {
    const Scenario s = countdownScenario(interpreter, threads, cores, totalMs, params);
    const auto run = prepareRun(s, nullptr, RunParts::TraceAndMetrics);
    if (!run.ok())
        return std::nan("");
    const Metrics &m = (*run)->metrics;
    return m.speedup > 0 ? 1.0 / m.speedup : std::nan("");
}

CalibrationFit fitMachineProfile(const std::vector<CalibrationMeasurement> &runs, int cores) {
    CalibrationFit fit;
    if (runs.empty()) {
        fit.notes.push_back("nothing measured: no parameters fitted");
        return fit;
    }
    const CalibrationMeasurement *modern = nullptr;
    const CalibrationMeasurement *legacy = nullptr;
    for (const auto &run : runs)
        (run.legacyGil ? legacy : modern) = &run;
    auto &params = fit.profile.params;

    // OS costs: the same kernel whichever Python measured them; prefer the 3.2+ run.
    const CalibrationMeasurement &os = modern ? *modern : *legacy;
    const double spread = std::max(0.0, os.wakeP90Us - os.wakeP10Us) / 0.8;
    const double wakeMin = std::max(0.5, os.wakeP10Us - 0.1 * spread);
    const double wakeMax = std::max(wakeMin + 0.5, wakeMin + spread);
    params["wake_latency_min_us"] = rounded(wakeMin, 2);
    params["wake_latency_max_us"] = rounded(wakeMax, 2);
    params["signal_cost_us"] = rounded(std::max(0.1, os.releaseWokeUs - os.releaseIdleUs), 2);
    params["timer_slack_us"] =
        rounded(std::max(0.0, 2.0 * (os.oversleepP50Us - (wakeMin + wakeMax) / 2)), 1);

    TimingParams fitted;
    applyMachineProfile(fitted, fit.profile);

    if (modern) {
        params["eval_breaker_ns"] = rounded(modern->loopNs / 2, 1);
        applyMachineProfile(fitted, fit.profile);
        const double workMs = std::min(modern->countdownS[0] * 1000, 200.0);
        for (int i : {1, 2})
            fit.profile.checks.push_back(
                {"Python " + modern->python + ": countdown, " + std::to_string(i == 1 ? 2 : 4) +
                     " threads vs 1",
                 "x", rounded(modern->ratio(i), 3),
                 rounded(simulatedCountdownRatio(Interpreter::Gil, i == 1 ? 2 : 4, cores, workMs,
                                                 fitted),
                         3)});
    }
    if (legacy) {
        params["tick_ns"] = rounded(std::max(0.1, legacy->loopNs / 2), 2);
        applyMachineProfile(fitted, fit.profile);
        // Steady state shows within a few hundred checks; 50 ms keeps each trial short.
        const double workMs = std::min(legacy->countdownS[0] * 1000, 50.0);
        const double target = legacy->ratio(1);
        auto ratioAt = [&](double contentionNs) {
            TimingParams p = fitted;
            p.contention_ns = contentionNs;
            return simulatedCountdownRatio(Interpreter::LegacyGil, 2, cores, workMs, p);
        };
        // The ratio rises with contention (time lost per check while a rival spins) up to a
        // peak; past it checks get so slow that rivals stop contending. Fit on the rising side.
        double peak = 0, peakRatio = ratioAt(0);
        const double zeroRatio = peakRatio;
        for (double c = 250; c <= 16'000; c *= 2) {
            const double r = ratioAt(c);
            if (!(r > peakRatio))
                break;
            peak = c;
            peakRatio = r;
        }
        if (cores < 2) {
            fit.notes.push_back("contention_ns not fitted: one core has no cross-core contention");
        } else if (!(target > zeroRatio)) {
            params["contention_ns"] = 0;
            fit.notes.push_back("Python " + legacy->python + ": two threads took " +
                                fixed(target, 2) + "x one; the model gives " + fixed(zeroRatio, 2) +
                                "x even without contention, so contention_ns = 0" +
                                (target < 1.2 ? " (was the machine busy, or the threads pinned "
                                                "to one core?)"
                                              : ""));
        } else if (target > peakRatio) {
            params["contention_ns"] = peak;
            fit.notes.push_back("Python " + legacy->python + ": two threads took " +
                                fixed(target, 2) + "x one, more than the model reaches (" +
                                fixed(peakRatio, 2) + "x); contention_ns capped at " +
                                fixed(peak, 0));
        } else {
            double lo = 0, hi = peak;
            for (int step = 0; step < 24 && hi - lo > 1; ++step) {
                const double mid = (lo + hi) / 2;
                (ratioAt(mid) < target ? lo : hi) = mid;
            }
            params["contention_ns"] = std::round((lo + hi) / 2);
        }
        applyMachineProfile(fitted, fit.profile);
        for (int i : {1, 2})
            fit.profile.checks.push_back(
                {"Python " + legacy->python + ": countdown, " + std::to_string(i == 1 ? 2 : 4) +
                     " threads vs 1",
                 "x", rounded(legacy->ratio(i), 3),
                 rounded(simulatedCountdownRatio(Interpreter::LegacyGil, i == 1 ? 2 : 4, cores,
                                                 workMs, fitted),
                         3)});
    }
    return fit;
}

Metrics mainProcessMetrics(const Trace &recording) {
    Trace main = recording;
    std::erase_if(main.threads, [](const ThreadTrack &t) { return t.info.groupId != 0; });
    return computeMetrics(main);
}

Result<Metrics> simulatedEquivalentMetrics(const Trace &recording, const MachineProfile &profile) {
    Scenario s = equivalentScenario(recording);
    applyMachineProfile(s.params, profile);
    const auto run = prepareRun(s, nullptr, RunParts::TraceAndMetrics);
    if (!run.ok())
        return Error{run.error()};
    return (*run)->metrics;
}

} // namespace gilscope::core
