#pragma once

// Shared by the lessons widget tests: waiting for background work, loading presets.
#include <catch2/catch.hpp>

#include "scenario/presets.h"

#include <QElapsedTimer>
#include <QTest>

#include <functional>

namespace gilscope::test {

// Spins the event loop until `done` holds (true) or the timeout passes (false).
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 60000) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

inline core::Scenario preset(const std::string &name) {
    auto s = core::loadPreset(name);
    INFO(s.error());
    REQUIRE(s);
    return *s;
}

} // namespace gilscope::test
