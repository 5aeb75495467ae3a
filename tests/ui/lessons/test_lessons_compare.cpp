// Compare: two runs on one time axis, their figures with B/A ratios, the exported image.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "compare/comparemetrics.h"
#include "compare/compareview.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTableWidget>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>

using namespace gilscope;
using core::ThreadState;
using gilscope::test::preset;
using gilscope::test::waitUntil;

namespace {

core::PreparedRunPtr run(const std::string &name) {
    auto r = core::prepareRun(preset(name));
    INFO(r.error());
    REQUIRE(r.ok());
    return *r;
}

bool sameRange(const QCPRange &a, const QCPRange &b) {
    return a.lower == b.lower && a.upper == b.upper;
}

int countColour(const QImage &image, const QRect &area, const QColor &colour) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb();
    return n;
}

void wheel(QWidget *w, QPointF pos, int delta) {
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton,
                  Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

} // namespace

TEST_CASE("lessons: compare keeps both time axes identical under zoom and pan") {
    ui::CompareView view;
    view.resize(1400, 900);
    view.show();
    const auto a = run("r6-convoy-1cpu");
    const auto b = run("r7-convoy-0.5ms");
    REQUIRE(a->trace().endNs != b->trace().endNs);
    view.setResults(a, b);
    ui::TimelineView *va = view.viewA();
    ui::TimelineView *vb = view.viewB();
    va->replot();
    vb->replot();
    QTest::qWait(50);

    // One axis: both span the longer run.
    const double longer = std::max(a->trace().endNs, b->trace().endNs);
    CHECK(va->xAxis->range().upper == Approx(longer));
    CHECK(sameRange(va->xAxis->range(), vb->xAxis->range()));
    // Plot areas line up: the same instant is at the same x.
    REQUIRE(waitUntil([&] { return va->axisRect()->left() == vb->axisRect()->left(); }, 2000));
    CHECK(va->axisRect()->width() == vb->axisRect()->width());
    CHECK(va->xAt(longer / 3) == Approx(vb->xAt(longer / 3)));

    // wheel over A zooms both
    const QPointF overA(va->xAt(longer * 0.4), va->rowBarRect(0).center().y());
    wheel(va, overA, 360);
    const QCPRange zoomed = va->xAxis->range();
    CHECK(zoomed.size() < longer * 0.6);
    CHECK(sameRange(zoomed, vb->xAxis->range()));
    CHECK(va->zoom()->window() == vb->zoom()->window());

    // dragging B pans both
    const QPoint from(int(vb->xAt(zoomed.center())), int(vb->rowBarRect(0).center().y()));
    QTest::mousePress(vb, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(vb, from + QPoint(-40, 0));
    QTest::mouseMove(vb, from + QPoint(-120, 0));
    QTest::mouseRelease(vb, Qt::LeftButton, Qt::NoModifier, from + QPoint(-120, 0));
    const QCPRange panned = vb->xAxis->range();
    CHECK(panned.lower > zoomed.lower);
    CHECK(panned.size() == Approx(zoomed.size()));
    CHECK(sameRange(panned, va->xAxis->range()));

    // keyboard zoom and Back on either side move both
    vb->zoom()->zoomBy(0.5);
    CHECK(sameRange(va->xAxis->range(), vb->xAxis->range()));
    va->zoom()->back();
    CHECK(sameRange(va->xAxis->range(), vb->xAxis->range()));
    va->zoom()->zoomToFit();
    CHECK(va->xAxis->range().upper == Approx(longer));
    CHECK(sameRange(va->xAxis->range(), vb->xAxis->range()));

    // a new, shorter B keeps one axis spanning the longer run
    view.setResults(a, run("r6-convoy-process"));
    CHECK(sameRange(va->xAxis->range(), vb->xAxis->range()));
}

TEST_CASE("lessons: compare shows both runs' figures with B/A ratios") {
    ui::CompareView view;
    const auto a = run("threading-4cpu");
    const auto b = run("multiprocessing-4cpu");
    view.setResults(a, b);
    const auto &rows = view.rows();
    REQUIRE(!rows.empty());
    const ui::CompareRow &makespan = rows.front();
    CHECK(makespan.key == QLatin1String("makespan"));
    CHECK(makespan.ratio() == Approx(b->metrics.makespan_ms / a->metrics.makespan_ms));
    CHECK(makespan.verdict() == 1); // processes finish sooner
    const auto speedup =
        std::find_if(rows.begin(), rows.end(), [](const auto &r) { return r.key == "speedup"; });
    REQUIRE(speedup != rows.end());
    CHECK(speedup->verdict() == 1);
    // no I/O in either run: no I/O rows
    CHECK(std::none_of(rows.begin(), rows.end(),
                       [](const auto &r) { return r.key.startsWith("io"); }));
    CHECK(view.table()->rowCount() == static_cast<int>(rows.size()));
    CHECK(view.table()->item(0, 3)->text() == makespan.ratioText());
    CHECK(view.headline().contains(QLatin1String("faster"))); // the same work
    const auto work =
        std::find_if(rows.begin(), rows.end(), [](const auto &r) { return r.key == "work"; });
    REQUIRE(work != rows.end());
    CHECK(work->ratio() == Approx(1.0));

    // with I/O: the convoy's latency ratio
    const auto convoy = run("r6-convoy-1cpu");
    const auto cured = run("r6-convoy-process");
    view.setResults(convoy, cured);
    const auto p99 = std::find_if(view.rows().begin(), view.rows().end(),
                                  [](const auto &r) { return r.key == "ioP99"; });
    REQUIRE(p99 != view.rows().end());
    CHECK(p99->ratio() < 0.1); // the echo thread no longer waits a switch interval
    CHECK(p99->verdict() == 1);
    // the cured preset does less CPU work: the headline says so instead of "faster"
    CHECK(view.headline().startsWith(QLatin1String("B does")));
}

TEST_CASE("lessons: compare exports both timelines and the figures as one image") {
    QString error;
    const QImage img = ui::renderCompare(preset("r1-legacy-2cpu-4cores"),
                                         preset("r3-gil-2cpu-4cores"), QSize(1600, 900), &error);
    INFO(error.toStdString());
    REQUIRE(!img.isNull());
    CHECK(img.size() == QSize(1600, 900));
    const auto theme = ui::TimelineTheme::screenLight();
    const QColor green = theme.stateColor(ThreadState::Running);
    // Timeline A above (46 % of the height), B below with the legend, the figures on the right.
    const QRect rowsA(90, 30, 1000, 360), rowsB(90, 440, 1000, 300), panel(1200, 0, 400, 900);
    // legacy A: red failed wake-ups all along; 3.2+ B: running turns and no failed wake-up
    CHECK(countColour(img, rowsA, theme.failedRepeated) > 5000);
    CHECK(countColour(img, rowsB, green) > 5000);
    CHECK(countColour(img, rowsB, theme.failedRepeated) == 0);
    CHECK(countColour(img, panel, green) == 0);

    core::Scenario noCores = preset("r3-gil-2cpu-4cores");
    noCores.cores = 0;
    const QImage bad =
        ui::renderCompare(preset("r1-legacy-2cpu-4cores"), noCores, QSize(800, 450), &error);
    CHECK(bad.isNull());
    CHECK(error.contains(QLatin1String("cores")));
}
