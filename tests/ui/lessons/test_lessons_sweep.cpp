// Sweeps: makespan, speed-up and I/O latency against one varied value.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "compare/sweeppanel.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QTest>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;

TEST_CASE("lessons: the sweep chart has one point per thread count and marks the current one") {
    ui::SweepPanel panel;
    panel.resize(1300, 420);
    panel.show();
    const core::Scenario s = preset("r3-gil-2cpu-4cores"); // 2 CPU threads
    panel.setScenario(s);
    REQUIRE(panel.setSweep(QStringLiteral("workers.0.count"), 1, 6));
    REQUIRE(waitUntil([&] { return panel.hasResult() && !panel.isBusy(); }));
    REQUIRE(panel.result().ok());
    REQUIRE(panel.result()->points.size() == 6);
    CHECK(panel.currentValue() == 2);
    for (int c = 0; c < ui::SweepPanel::kChartCount; ++c) {
        const auto chart = static_cast<ui::SweepPanel::Chart>(c);
        QCPGraph *curve = panel.curve(chart);
        REQUIRE(curve->data()->size() == 6);
        for (int i = 0; i < 6; ++i)
            CHECK(curve->data()->at(i)->key == i + 1);
        QCPGraph *marker = panel.marker(chart);
        REQUIRE(marker->data()->size() == 1);
        CHECK(marker->data()->at(0)->key == 2);
        CHECK(marker->data()->at(0)->value == curve->data()->at(1)->value);
        // no I/O in this workload: the latency chart says so instead of drawing zeros
        CHECK(curve->visible() == (chart != ui::SweepPanel::IoLatency));
        CHECK(marker->visible() == (chart != ui::SweepPanel::IoLatency));
    }
    // makespan grows with the work; the 3.2+ GIL gives no speed-up
    const auto *makespan = panel.curve(ui::SweepPanel::Makespan);
    CHECK(makespan->data()->at(5)->value > 2.5 * makespan->data()->at(0)->value);
    for (int i = 0; i < 6; ++i)
        CHECK(panel.curve(ui::SweepPanel::Speedup)->data()->at(i)->value ==
              Approx(1.0).margin(0.1));

    // clicking a point asks for that variant
    std::vector<core::Scenario> chosen;
    QObject::connect(&panel, &ui::SweepPanel::valueChosen,
                     [&](const core::Scenario &v) { chosen.push_back(v); });
    QCustomPlot *plot = panel.chart(ui::SweepPanel::Makespan);
    plot->replot();
    const auto four = makespan->data()->at(3);
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier,
                      QPoint(int(plot->xAxis->coordToPixel(four->key)),
                             int(plot->yAxis->coordToPixel(four->value))));
    REQUIRE(chosen.size() == 1);
    CHECK(chosen[0].workers[0].count == 4);
}

TEST_CASE("lessons: a switch interval between sweep points is still marked") {
    ui::SweepPanel panel;
    core::Scenario s = preset("r6-convoy-1cpu"); // 5 ms
    panel.setScenario(s);
    REQUIRE(panel.setSweep(QStringLiteral("params.switch_interval_ms"), 0.1, 50, 5));
    REQUIRE(waitUntil([&] { return panel.hasResult() && !panel.isBusy(); }));
    REQUIRE(panel.result()->points.size() == 5);
    CHECK(panel.currentValue() == 5);
    QCPGraph *latency = panel.curve(ui::SweepPanel::IoLatency);
    CHECK(latency->data()->size() == 5);
    // shorter intervals cut the convoy
    CHECK(latency->data()->at(0)->value < latency->data()->at(4)->value);
    QCPGraph *marker = panel.marker(ui::SweepPanel::IoLatency);
    REQUIRE(marker->data()->size() == 1);
    CHECK(marker->data()->at(0)->key == 5);
    // the scenario's own run: one interval of latency
    CHECK(marker->data()->at(0)->value == Approx(5).margin(1));
    CHECK(panel.chart(ui::SweepPanel::IoLatency)->xAxis->scaleType() == QCPAxis::stLogarithmic);
    CHECK(latency->visible());
    CHECK(marker->visible());
}
