// The convoy's Throughput is the echo server's own request rate, so the switch interval moves it
// as the gallery says (it stayed at the run's average: 1,183/s at both 5 ms and 0.1 ms for R7).
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "window/metricspanel.h"

#include <QLocale>

using namespace gilscope;
using gilscope::test::WindowUnderTest;

TEST_CASE("the convoy's throughput is the I/O thread's own request rate and follows the switch "
          "interval") {
    WindowUnderTest win;
    win.choosePreset("r7-convoy-0.5ms");
    win.move("switchInterval", 5.0);
    const core::Metrics slow = win.controller()->result()->metrics;
    const QString slowText = win.w->metrics()->valueText("ioRate");
    win.move("switchInterval", 0.1);
    const core::Metrics fast = win.controller()->result()->metrics;
    const QString fastText = win.w->metrics()->valueText("ioRate");
    INFO("5 ms: " << slowText.toStdString() << ", 0.1 ms: " << fastText.toStdString());
    CHECK(slowText != fastText);
    CHECK(slowText.startsWith(QLocale().toString(slow.io.serving_ops_per_s, 'f', 0)));
    // The gallery's promise (CPython 3.9): 100 requests/s at 5 ms, 3.2k at 0.1 ms. The model's
    // figures are within a factor of 2.5 of those; the rise is what the slider must show.
    CHECK(fast.io.serving_ops_per_s > 10 * slow.io.serving_ops_per_s);
    CHECK(slow.io.serving_ops_per_s > 100 / 2.5);
    CHECK(slow.io.serving_ops_per_s < 100 * 2.5);
    CHECK(fast.io.serving_ops_per_s > 3200 / 2.5);
    CHECK(fast.io.serving_ops_per_s < 3200 * 2.5);

    // The window's default preset, whose echo finishes before the CPU threads: the same.
    win.choosePreset("r6-convoy-2cpu");
    const double r6 = win.controller()->result()->metrics.io.serving_ops_per_s;
    win.move("switchInterval", 0.1);
    CHECK(win.controller()->result()->metrics.io.serving_ops_per_s > 10 * r6);
}
