#pragma once

#include <QStringList>

#include <optional>

namespace gilscope::app {

// True when the arguments ask for output without a window (any output flag, help, listing).
bool wantsHeadless(const QStringList &arguments);

// Runs the headless command line; returns the process exit code (0 ok, 2 bad input, 1 failure).
int runHeadless(const QStringList &arguments);

} // namespace gilscope::app
