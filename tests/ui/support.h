#pragma once

// Shared by the widget tests: waiting for background work, loading presets.
#include <catch2/catch.hpp>

#include "catalog/presets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

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

// The same, then lets queued replots and previews run for `settleMs` (screenshots).
inline bool waitThenSettle(const std::function<bool()> &done, int settleMs) {
    if (!waitUntil(done))
        return false;
    QTest::qWait(settleMs);
    return true;
}

// Where the hidden screenshot tests write NAME: $GILSCOPE_SHOTS when set, else one temporary
// folder per run that is kept for looking at (its path is printed).
inline QString screenshotPath(const QString &name) {
    static const QString dir = [] {
        if (qEnvironmentVariableIsSet("GILSCOPE_SHOTS")) {
            const QString chosen = qEnvironmentVariable("GILSCOPE_SHOTS");
            QDir().mkpath(chosen);
            return chosen;
        }
        QTemporaryDir kept(QDir::tempPath() + QStringLiteral("/gilscope-shots-XXXXXX"));
        kept.setAutoRemove(false);
        std::printf("screenshots in %s\n", qPrintable(kept.path()));
        return kept.path();
    }();
    return dir + QLatin1Char('/') + name;
}

inline core::Scenario preset(const std::string &name) {
    auto s = core::loadPreset(name);
    INFO(s.error());
    REQUIRE(s);
    return *s;
}

} // namespace gilscope::test
