#pragma once

#include <QCommandLineParser>

namespace gilscope::app {

// The main command line's options, help text and positional FILE: one table read by the
// launch decision (window or headless), the headless run, --help and so the man page.
void addOptions(QCommandLineParser &parser);

} // namespace gilscope::app
