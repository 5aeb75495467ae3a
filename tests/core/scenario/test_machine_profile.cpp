// Machine profiles: what `gilscope calibrate` saves, and scenarios that name one.
#include "catalog/machineprofile.h"
#include "python/calibration.h"
#include "scenario/scenariojson.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

using namespace gilscope::core;

namespace {

void writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(data);
}

MachineProfile labProfile() {
    MachineProfile p;
    p.name = "lab";
    p.description = "2 cores, measured with Python 3.12.1";
    p.params = {{"tick_ns", 7.5}, {"timer_slack_us", 80}, {"signal_cost_us", 6}};
    p.checks = {{"Python 3.12.1: echo convoy at 5 ms", "ms", 5.11, 5.08}};
    return p;
}

// A measurement as calibrate.py prints it, with round numbers to work by hand.
CalibrationMeasurement handMeasured(bool legacy) {
    CalibrationMeasurement m;
    m.python = legacy ? "2.7.18" : "3.12.1";
    m.legacyGil = legacy;
    m.cores = 2;
    m.loopNs = 20;
    m.countdownS[0] = 0.3;
    m.countdownS[1] = 0.3;
    m.countdownS[2] = 0.3;
    m.releaseWokeUs = 6.5;
    m.releaseIdleUs = 0.5;
    m.wakeP10Us = 5;
    m.wakeP50Us = 7;
    m.wakeP90Us = 9;
    m.oversleepP50Us = 57;
    return m;
}

} // namespace

TEST_CASE("a machine profile survives saving and reading back") {
    QTemporaryDir dir;
    const QString path = dir.filePath("lab.json");
    REQUIRE(saveMachineProfile(labProfile(), path).ok());
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const auto read = parseMachineProfileJson(f.readAll(), "lab.json");
    INFO(read.error());
    REQUIRE(read.ok());
    CHECK(read->name == "lab");
    CHECK(read->description == "2 cores, measured with Python 3.12.1");
    CHECK(read->params == labProfile().params);
    REQUIRE(read->checks.size() == 1);
    CHECK(read->checks[0].measured == 5.11);
    CHECK(read->checks[0].simulated == 5.08);
}

TEST_CASE("saving a profile again replaces the earlier one whole") {
    QTemporaryDir dir;
    const QString path = dir.filePath("lab.json");
    REQUIRE(saveMachineProfile(labProfile(), path).ok());
    MachineProfile recalibrated = labProfile();
    recalibrated.params = {{"tick_ns", 9}};
    recalibrated.checks.clear();
    REQUIRE(saveMachineProfile(recalibrated, path).ok());
    const auto read = MachineProfileStore({dir.path()}).find("lab");
    REQUIRE(read.ok());
    CHECK(read->params == std::map<std::string, double>{{"tick_ns", 9}});
    CHECK(read->checks.empty());
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{"lab.json"});
}

TEST_CASE("a scenario saved on a machine leaves out the profile's values and so follows it") {
    QTemporaryDir dir;
    REQUIRE(saveMachineProfile(labProfile(), dir.filePath("lab.json")).ok());
    const MachineProfileStore store({dir.path()});
    const auto parsed = parseScenarioJson(R"({"machine": "lab", "params": {"timer_slack_us": 20}})",
                                          "s.json", {}, store);
    REQUIRE(parsed.ok());
    const QByteArray saved = scenarioToJson(*parsed, *store.find("lab"));
    CHECK_FALSE(saved.contains("\"tick_ns\"")); // the profile's: left to the profile
    CHECK_FALSE(saved.contains("\"signal_cost_us\""));
    CHECK(saved.contains("\"timer_slack_us\": 20")); // the scenario's own: kept
    CHECK(saved.contains("\"contention_ns\": 300")); // not the profile's: written as ever
    // Calibrated again: the saved scenario takes the new value.
    MachineProfile again = labProfile();
    again.params["tick_ns"] = 12;
    REQUIRE(saveMachineProfile(again, dir.filePath("lab.json")).ok());
    const auto reloaded = parseScenarioJson(saved, "saved.json", {}, store);
    INFO(reloaded.error());
    REQUIRE(reloaded.ok());
    CHECK(reloaded->params.tick_ns == 12);
    CHECK(reloaded->params.timer_slack_us == 20);
}

TEST_CASE("a profile may only carry machine costs and says which field is wrong") {
    auto parse = [](const char *json) { return parseMachineProfileJson(json, "p.json"); };
    const auto scenarioChoice =
        parse(R"({"gilscope_machine_profile": 1, "params": {"switch_interval_ms": 1}})");
    REQUIRE_FALSE(scenarioChoice.ok());
    CHECK_THAT(scenarioChoice.error(), Catch::Contains("p.json: field params.switch_interval_ms: "
                                                       "not a machine parameter"));
    CHECK_THAT(scenarioChoice.error(), Catch::Contains("tick_ns"));
    const auto negative = parse(R"({"gilscope_machine_profile": 1, "params": {"tick_ns": -3}})");
    REQUIRE_FALSE(negative.ok());
    CHECK_THAT(negative.error(), Catch::Contains("params.tick_ns"));
    const auto text = parse(R"({"gilscope_machine_profile": 1, "params": {"tick_ns": "fast"}})");
    CHECK_THAT(text.error(), Catch::Contains("field params.tick_ns: expected a number"));
    const auto scenario = parse(R"({"name": "convoy", "workers": []})");
    CHECK_THAT(scenario.error(), Catch::Contains("not a GIL Scope machine profile"));
    CHECK_THAT(parse("{oops").error(), Catch::Contains("p.json: not JSON"));
}

TEST_CASE("a scenario naming a machine takes its costs and keeps its own params") {
    QTemporaryDir dir;
    REQUIRE(saveMachineProfile(labProfile(), dir.filePath("lab.json")).ok());
    const MachineProfileStore store({dir.path()});
    const auto parsed = parseScenarioJson(
        R"({"machine": "lab", "interpreter": "legacy-gil", "params": {"timer_slack_us": 20}})",
        "s.json", {}, store);
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    const Scenario &s = *parsed;
    CHECK(s.machine == "lab");
    CHECK(s.params.tick_ns == 7.5);                                // from the profile
    CHECK(s.params.signal_cost_us == 6);                           // from the profile
    CHECK(s.params.timer_slack_us == 20);                          // the scenario's own value wins
    CHECK(s.params.contention_ns == TimingParams{}.contention_ns); // untouched: the default

    // Saved and read back it is the same scenario.
    const auto again = parseScenarioJson(scenarioToJson(s), "saved", {}, store);
    REQUIRE(again.ok());
    CHECK(again->machine == "lab");
    CHECK(again->params.tick_ns == 7.5);
    CHECK(again->params.timer_slack_us == 20);

    // --set machine=... is how the command line's --machine reaches a scenario.
    const auto viaSet = parseScenarioJson("{}", "s.json", {"machine=lab"}, store);
    REQUIRE(viaSet.ok());
    CHECK(viaSet->params.signal_cost_us == 6);
}

TEST_CASE("a missing machine profile is an error that says how to make one") {
    QTemporaryDir dir;
    const auto parsed = parseScenarioJson(R"({"machine": "nope"})", "s.json", {},
                                          MachineProfileStore({dir.path()}));
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.error(),
               Catch::Contains("s.json: field machine: no machine profile \"nope\""));
    CHECK_THAT(parsed.error(), Catch::Contains(dir.filePath("nope.json").toStdString()));
    CHECK_THAT(parsed.error(), Catch::Contains("gilscope calibrate --name nope"));
    const auto badName =
        parseScenarioJson(R"({"machine": "a b"})", "s.json", {}, MachineProfileStore({dir.path()}));
    CHECK_THAT(badName.error(), Catch::Contains("use letters, digits"));
}

TEST_CASE("a scenario file finds a profile beside it before the standard place") {
    QTemporaryDir dir;
    REQUIRE(saveMachineProfile(labProfile(), dir.filePath("lab.json")).ok());
    writeFile(dir.filePath("s.json"), R"({"machine": "lab"})");
    QTemporaryDir elsewhere;
    const auto parsed =
        loadScenarioFile(dir.filePath("s.json"), {}, MachineProfileStore({elsewhere.path()}));
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    CHECK(parsed->params.tick_ns == 7.5);
    // A relative path resolves against the scenario's directory too.
    writeFile(dir.filePath("t.json"), R"({"machine": "./lab.json"})");
    const auto byPath =
        loadScenarioFile(dir.filePath("t.json"), {}, MachineProfileStore({elsewhere.path()}));
    INFO(byPath.error());
    REQUIRE(byPath.ok());
    CHECK(byPath->params.timer_slack_us == 80);
}

TEST_CASE("the store lists profiles by file name and skips broken files") {
    QTemporaryDir dir;
    REQUIRE(saveMachineProfile(labProfile(), dir.filePath("lab.json")).ok());
    writeFile(dir.filePath("broken.json"), "{");
    const auto listed = MachineProfileStore({dir.path()}).list();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].name == "lab");
    CHECK(MachineProfileStore({dir.path()}).pathFor("desk") == dir.filePath("desk.json"));
}

TEST_CASE(
    "saving a profile where its directory cannot be made fails with the path and touches nothing") {
    QTemporaryDir dir;
    // A directory that cannot be made: a file stands where it should be (fails even for root).
    writeFile(dir.filePath("machines"), "previous");
    const QString path = dir.filePath("machines/lab.json");
    const auto saved = saveMachineProfile(labProfile(), path);
    REQUIRE_FALSE(saved.ok());
    CHECK_THAT(saved.error(), Catch::Contains(path.toStdString()));
    CHECK_THAT(saved.error(), Catch::Contains("cannot create the directory"));
    QFile f(dir.filePath("machines"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "previous");
}

TEST_CASE("calibrate.py output is read field by field") {
    const auto m = parseCalibrationJson(
        R"({"python": "2.7.18", "cores": 2, "loop_ns": 20.5, "countdown_s": {"1": 0.3, "2": 0.51, "4": 0.6},
            "release_us": {"woke": 10, "idle": 0.5}, "wake_us": {"p10": 5, "p50": 7, "p90": 9},
            "oversleep_us": {"p10": 80, "p50": 85, "p90": 90}})");
    INFO(m.error());
    REQUIRE(m);
    CHECK(m->legacyGil);
    CHECK(m->ratio(1) == Approx(1.7));
    CHECK(m->ratio(2) == Approx(2.0));
    const auto partial = parseCalibrationJson(R"({"python": "3.12.1", "loop_ns": 20})");
    CHECK_FALSE(partial.ok());
    CHECK_THAT(partial.error(), Catch::Contains("countdown_s.1"));
    const auto traceback = parseCalibrationJson("Traceback (most recent call last):");
    CHECK_FALSE(traceback.ok());
    CHECK_THAT(traceback.error(), Catch::Contains("no JSON object"));
}

TEST_CASE("costs read off the measurements by hand") {
    const CalibrationFit fit = fitMachineProfile({handMeasured(false)}, 2);
    const auto &p = fit.profile.params;
    // Wake-ups: a uniform range whose 10th/90th percentiles are 5 and 9 us: 4.5 to 9.5 us.
    CHECK(p.at("wake_latency_min_us") == Approx(4.5));
    CHECK(p.at("wake_latency_max_us") == Approx(9.5));
    // The waking release minus an idle one.
    CHECK(p.at("signal_cost_us") == Approx(6.0));
    // 57 us late = uniform(0, slack) on average + a 7 us mean wake-up: slack 100 us.
    CHECK(p.at("timer_slack_us") == Approx(100));
    // Half a 20 ns loop iteration.
    CHECK(p.at("eval_breaker_ns") == Approx(10));
    CHECK(p.count("tick_ns") == 0); // no Python 2 run: the legacy GIL keeps its defaults
    CHECK(p.count("contention_ns") == 0);
    // Checks: the 3.2+ countdown against the model.
    REQUIRE(fit.profile.checks.size() == 2);
    CHECK(fit.profile.checks[0].measured == Approx(1.0));
    CHECK(fit.profile.checks[0].simulated == Approx(1.0).epsilon(0.1));
}

TEST_CASE("contention is fitted so the model's two-thread countdown matches the measured one") {
    // A machine whose true contention is 700 ns: simulate its ratio, then fit from that alone.
    CalibrationMeasurement legacy = handMeasured(true);
    TimingParams truth;
    applyMachineProfile(truth, fitMachineProfile({legacy}, 2).profile);
    truth.contention_ns = 700;
    legacy.countdownS[1] =
        legacy.countdownS[0] * simulatedCountdownRatio(Interpreter::LegacyGil, 2, 2, 50, truth);
    REQUIRE(legacy.ratio(1) > 1.2);
    const CalibrationFit fit = fitMachineProfile({legacy}, 2);
    CHECK(fit.profile.params.at("tick_ns") == Approx(10)); // two ticks per 20 ns iteration
    CHECK(fit.profile.params.at("contention_ns") == Approx(700).epsilon(0.1));
    CHECK(fit.notes.empty());
    // Two threads slower than the model can make them: capped at its worst, and said.
    legacy.countdownS[1] = legacy.countdownS[0] * 50;
    const CalibrationFit capped = fitMachineProfile({legacy}, 2);
    CHECK(capped.profile.params.at("contention_ns") > 700);
    REQUIRE(capped.notes.size() == 1);
    CHECK_THAT(capped.notes[0], Catch::Contains("capped"));
    // No slower than one thread: nothing to fit, and said.
    legacy.countdownS[1] = legacy.countdownS[0];
    const CalibrationFit none = fitMachineProfile({legacy}, 2);
    CHECK(none.profile.params.at("contention_ns") == 0);
    REQUIRE(none.notes.size() == 1);
    CHECK_THAT(none.notes[0], Catch::Contains("busy"));
}

TEST_CASE("a recording's metrics leave a peer process out") {
    const auto load = parseChromeTrace(R"js({"otherData": {"python": "3.12.1", "cores": 2},
      "traceEvents": [
        {"ph": "M", "name": "thread_name", "pid": 1, "tid": 3, "args": {"name": "echo"}},
        {"ph": "X", "name": "io", "pid": 1, "tid": 3, "ts": 0, "dur": 100},
        {"ph": "i", "s": "t", "name": "io-end", "pid": 1, "tid": 3, "ts": 100},
        {"ph": "X", "name": "waiting", "pid": 1, "tid": 3, "ts": 100, "dur": 5000},
        {"ph": "X", "name": "running", "pid": 1, "tid": 3, "ts": 5100, "dur": 20},
        {"ph": "M", "name": "thread_name", "pid": 2, "tid": 9, "args": {"name": "peer"}},
        {"ph": "X", "name": "io", "pid": 2, "tid": 9, "ts": 0, "dur": 50},
        {"ph": "i", "s": "t", "name": "io-end", "pid": 2, "tid": 9, "ts": 50},
        {"ph": "X", "name": "running", "pid": 2, "tid": 9, "ts": 50, "dur": 10}]})js",
                                       "rec.json");
    INFO(load.error());
    REQUIRE(load.ok());
    const Metrics m = mainProcessMetrics(**load);
    CHECK(m.io.ops == 1);
    CHECK(m.io.latency_ms_p50 == Approx(5.0));
}
