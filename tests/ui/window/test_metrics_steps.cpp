// The metrics panel shows what steps add: lock waits, and each queue's rate and waits.
#include "support.h"

#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "window/metricspanel.h"

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
