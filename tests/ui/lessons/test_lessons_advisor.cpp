// The advisor: every executor x interpreter for the current workload.
#include <catch2/catch.hpp>

#include "support.h"

#include "analysis/advisor.h"
#include "catalog/presets.h"
#include "compare/advisorpanel.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QTest>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;

TEST_CASE("lessons: the advisor shows a bar per run and the best fit for a CPU-bound preset") {
    ui::AdvisorPanel panel;
    panel.resize(1300, 520);
    panel.show();
    int ready = 0;
    QObject::connect(&panel, &ui::AdvisorPanel::adviceReady, [&] { ++ready; });
    const core::Scenario s = preset("threading-4cpu");
    panel.setScenario(s);
    CHECK(panel.isBusy());
    REQUIRE(waitUntil([&] { return ready > 0; }));
    CHECK(ready == 1);
    CHECK(ui::AdvisorPanel::barCount(panel.makespanChart()) == ui::AdvisorPanel::kRuns);
    CHECK(ui::AdvisorPanel::barCount(panel.latencyChart()) == ui::AdvisorPanel::kRuns);

    // The verdict is core::advise's, with its reason.
    const core::Advice expected = core::advise(s, 2);
    REQUIRE(expected.best >= 0);
    CHECK(panel.advice().best == expected.best);
    const auto &best = expected.runs[static_cast<std::size_t>(expected.best)];
    CHECK(best.executor == core::Executor::Multiprocessing); // 4 CPU-bound workers on 4 cores
    const QString text = panel.bestFitText();
    CHECK(text.startsWith(QLatin1String("Best fit: multiprocessing")));
    CHECK(text.contains(QString::fromStdString(expected.reason)));
    // Each bar is its run's makespan.
    for (int run = 0; run < ui::AdvisorPanel::kRuns; ++run) {
        const QPointF centre = panel.barCentre(panel.makespanChart(), run);
        const double value = panel.makespanChart()->xAxis->pixelToCoord(centre.x()) * 2;
        CHECK(value ==
              Approx(1e6 * panel.advice().runs[static_cast<std::size_t>(run)].metrics.makespan_ms)
                  .epsilon(0.02));
    }
}

TEST_CASE("lessons: clicking an advisor bar opens that run") {
    ui::AdvisorPanel panel;
    panel.resize(1300, 520);
    panel.show();
    panel.setScenario(preset("r6-convoy-1cpu"));
    REQUIRE(waitUntil([&] { return panel.hasAdvice() && !panel.isBusy(); }));
    std::vector<core::Scenario> chosen;
    QObject::connect(&panel, &ui::AdvisorPanel::runChosen,
                     [&](const core::Scenario &s) { chosen.push_back(s); });
    for (int run : {2, 5, panel.advice().best}) {
        for (QCustomPlot *chart : {panel.makespanChart(), panel.latencyChart()}) {
            chosen.clear();
            INFO("run " << run << " in " << chart->objectName().toStdString());
            QTest::mouseClick(chart, Qt::LeftButton, Qt::NoModifier,
                              panel.barCentre(chart, run).toPoint());
            REQUIRE(chosen.size() == 1);
            const auto &r = panel.advice().runs[static_cast<std::size_t>(run)];
            CHECK(chosen[0].executor == r.executor);
            CHECK(chosen[0].interpreter == r.interpreter);
            CHECK(core::sameWorkload(chosen[0], preset("r6-convoy-1cpu")));
        }
    }
}

TEST_CASE("lessons: a new workload restarts the advisor and a new executor alone does not") {
    ui::AdvisorPanel panel;
    int ready = 0;
    QObject::connect(&panel, &ui::AdvisorPanel::adviceReady, [&] { ++ready; });
    panel.setScenario(preset("r1-legacy-4cpu-4cores"));
    QTest::qWait(ui::AdvisorPanel::kDebounceMs + 20); // started
    core::Scenario convoy = preset("r6-convoy-1cpu");
    panel.setScenario(convoy); // cancels the first
    REQUIRE(waitUntil([&] { return ready > 0 && !panel.isBusy(); }));
    QTest::qWait(200);
    CHECK(ready == 1);
    CHECK(core::sameWorkload(panel.scenarioOfRun(0), convoy));

    convoy.executor = core::Executor::Multiprocessing;
    panel.setScenario(convoy);
    CHECK(!panel.isBusy());
    QTest::qWait(ui::AdvisorPanel::kDebounceMs * 2);
    CHECK(ready == 1);
}
