// The advisor writes whole sentences ("threading on the free-threaded" lost its noun) and lists
// only runs that existed: Python's legacy GIL had neither asyncio nor interpreters of their own.
#include <catch2/catch.hpp>

#include "support.h"

#include "analysis/advisor.h"
#include "compare/advisorpanel.h"

#include <qcustomplot.h>

#include <QRegularExpression>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::waitUntil;

TEST_CASE("the advisor names a build in a whole sentence and lists only runs that existed") {
    for (const auto &[interpreter, executor] : core::advisorGrid()) {
        INFO(core::toString(interpreter) << " / " << core::toString(executor));
        CHECK_FALSE(
            (interpreter == core::Interpreter::LegacyGil &&
             (executor == core::Executor::Asyncio || executor == core::Executor::Subinterpreters)));
    }
    CHECK(core::advisorGrid().size() == std::size_t(ui::AdvisorPanel::kRuns));

    ui::AdvisorPanel panel;
    panel.resize(1000, 520);
    panel.show();
    panel.setScenario(preset("free-threaded-3.14t"));
    REQUIRE(waitUntil([&] { return panel.hasAdvice() && !panel.isBusy(); }));
    CHECK(ui::AdvisorPanel::barCount(panel.makespanChart()) == ui::AdvisorPanel::kRuns);
    const QString text = panel.bestFitText();
    INFO(text.toStdString());
    static const QRegularExpression sentence(
        QStringLiteral("^Best fit: (threading|multiprocessing|asyncio|subinterpreters) "
                       "(on a standard build \\(3\\.2\\+ GIL\\)|on a free-threaded build "
                       "\\(3\\.13t\\+\\)) — "));
    CHECK(sentence.match(text).hasMatch());
    // Every bar still opens its own run, the gaps between builds none.
    for (int run = 0; run < ui::AdvisorPanel::kRuns; ++run) {
        const QPointF centre = panel.barCentre(panel.makespanChart(), run);
        CHECK(panel.runAt(panel.makespanChart(), centre) == run);
    }
}
