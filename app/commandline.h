#pragma once

#include <QStringList>

#include <optional>

namespace gilscope::app {

// True when the arguments ask for output without a window (any output flag, help, listing).
bool wantsHeadless(const QStringList &arguments);

// True when the headless run draws (--export, --compare): it needs a QApplication, which
// main() creates on the offscreen platform unless QT_QPA_PLATFORM names another.
bool headlessDraws(const QStringList &arguments);

// Keeps Qt's own warnings (a missing XDG_RUNTIME_DIR, font fallbacks) off standard error, where
// a headless run promises one line per problem; GILSCOPE_DEBUG=1 lets them through.
void quietQtMessages();

// Runs the headless command line; returns the process exit code (0 ok, 2 bad input, 1 failure).
int runHeadless(const QStringList &arguments);

} // namespace gilscope::app
