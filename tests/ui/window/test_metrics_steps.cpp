// The metrics panel shows what steps add: lock waits, and each queue's rate and waits; and the
// run's peak memory.
#include "support.h"

#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "window/metricspanel.h"

#include <QLabel>
#include <QLocale>

using namespace gilscope;

namespace {
core::PreparedRunPtr prepared(const char *json) {
    const auto scenario = core::parseScenarioJson(json, "steps.json");
    INFO(scenario.error());
    REQUIRE(scenario.ok());
    const auto run = core::prepareRun(*scenario);
    INFO(run.error());
    REQUIRE(run.ok());
    return *run;
}
} // namespace

TEST_CASE("metrics panel: lock waits and queue rates, dashes where a run has none") {
    ui::MetricsPanel panel;
    panel.setResult(prepared(R"({"workers": [{"cpu_ms": 5}]})"));
    CHECK(panel.valueText(QStringLiteral("lockWaits")) == QStringLiteral("–"));
    CHECK(panel.valueText(QStringLiteral("queues")) == QStringLiteral("–"));

    panel.setResult(prepared(R"({"queues": {"jobs": {}}, "workers": [
        {"name": "p", "ops": 20, "steps": [{"python": 1}, {"put": "jobs"}]},
        {"name": "c", "count": 2, "until": "others", "steps": [{"get": "jobs"}, {"python": 0.2}]},
        {"name": "l", "count": 2, "ops": 3, "steps": [{"lock": "L", "hold": [{"io": 1}]}]}]})"));
    CHECK(panel.valueText(QStringLiteral("queues")).startsWith(QStringLiteral("jobs: ")));
    CHECK(panel.valueText(QStringLiteral("queues")).contains(QStringLiteral("wait p50")));
    CHECK(panel.valueText(QStringLiteral("lockWaits")) != QStringLiteral("–"));
}

TEST_CASE("metrics panel: peak memory, with what made it up in the tooltip") {
    ui::MetricsPanel panel;
    panel.setResult(prepared(R"({"executor": "multiprocessing", "params": {"start_method":
        "spawn"}, "workers": [{"count": 3, "cpu_ms": 5, "memory_mb": 10}]})"));
    // 16 (main) + 10 (its copy) + 5.9 (spawn's helper) + 3 x (8.8 + 10) = 88.3 MB.
    CHECK(panel.valueText(QStringLiteral("memory"))
              .startsWith(QLocale().toString(88.3, 'f', 1) + QStringLiteral(" MB")));
    CHECK(panel.valueText(QStringLiteral("memory")).contains(QStringLiteral("4 interpreters")));
    const auto *label = panel.findChild<QLabel *>(QStringLiteral("memory"));
    REQUIRE(label);
    CHECK(label->toolTip().contains(QStringLiteral("data ")));

    panel.setResult(prepared(R"({"workers": [{"count": 4, "cpu_ms": 5}]})"));
    CHECK(panel.valueText(QStringLiteral("memory")).contains(QStringLiteral("4 threads")));
}
