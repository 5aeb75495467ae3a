// gilscope calibrate with a real Python: a profile that scenarios can use.
#include "catalog/machineprofile.h"
#include "recordersupport.h"
#include "scenario/scenariojson.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace gilscope::core;
using gilscope::test::newestPython3;

TEST_CASE("calibrate measures a real Python and saves a profile a scenario can name") {
    const auto py = newestPython3();
    if (!py) {
        WARN("no Python 3 found (pyenv or PATH): calibrate not checked");
        return;
    }
    QTemporaryDir dir;
    const QString out = dir.filePath("here.json");
    QProcess p;
    p.start(GILSCOPE_BINARY, {"calibrate", "--quick", "--python", py->path, "--out", out});
    REQUIRE(p.waitForFinished(300'000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString report = QString::fromUtf8(p.readAllStandardOutput());
    INFO(err.toStdString() << report.toStdString());
    REQUIRE(p.exitCode() == 0);
    CHECK(report.contains("Saved " + out));

    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const auto parsed = parseMachineProfileJson(f.readAll(), out.toStdString());
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    const MachineProfile &profile = *parsed;
    CHECK_THAT(profile.description, Catch::Contains("Python " + py->version().toStdString()));
    // The costs a 3.2+ run measures, each a positive figure in a sane range for any machine.
    for (const char *key :
         {"wake_latency_min_us", "wake_latency_max_us", "signal_cost_us", "eval_breaker_ns"}) {
        INFO(key);
        REQUIRE(profile.params.count(key) == 1);
        CHECK(profile.params.at(key) > 0);
        CHECK(profile.params.at(key) < 10'000);
    }
    CHECK(profile.params.at("wake_latency_max_us") > profile.params.at("wake_latency_min_us"));
    CHECK(profile.params.count("tick_ns") == 0); // Python 2 only
    // The recorded checks ran: holds and convoy latency, measured and simulated.
    int recorded = 0;
    for (const auto &c : profile.checks)
        if (c.what.find("(recorded)") != std::string::npos) {
            ++recorded;
            CHECK(c.measured > 0);
            CHECK(c.simulated > 0);
        }
    CHECK(recorded == 3);

    // A scenario names it by path and simulates with its costs.
    const auto scenario = parseScenarioJson(QByteArray(R"({"machine": ")") + out.toUtf8() +
                                                R"(", "workers": [{"kind": "cpu", "count": 2}]})",
                                            "s.json");
    INFO(scenario.error());
    REQUIRE(scenario.ok());
    CHECK(scenario->params.signal_cost_us == profile.params.at("signal_cost_us"));
}
