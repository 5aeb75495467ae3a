#pragma once

#include <QStringList>

#include <optional>

namespace gilscope::app {

// Keeps Qt's own warnings (a missing XDG_RUNTIME_DIR, font fallbacks) off standard error, where
// a headless run promises one line per problem; GILSCOPE_DEBUG=1 lets them through.
void quietQtMessages();

// A closed standard input, output or error gets a read-only /dev/null in its place, so no file
// opened later takes its number: output meant for a closed stdout fails (EBADF) instead of landing
// in whatever file got descriptor 1. Call first thing in main().
void reserveStandardStreams();

// Flushes standard output and turns a failed write (stdout on a full disk, /dev/full, closed) into
// a message and exit 2; `status` otherwise.
int checkStandardOutput(int status);

// Runs the headless command line; returns the process exit code (0 ok, 2 bad input, 1 failure).
int runHeadless(const QStringList &arguments);

} // namespace gilscope::app
