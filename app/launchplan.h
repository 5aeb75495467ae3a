#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace gilscope::app {

// What a command line asks for, decided from the parsed options before any QApplication or
// window exists: so "--preset NAME" is an option, never a file name, and a typo never opens a
// window. Pure (no files read), so tests check the decision without starting anything.
struct LaunchPlan {
    enum class Mode {
        Window,    // the main window, on what the fields below name (all empty: the start page)
        Headless,  // runHeadless(arguments): outputs, listings, --help, --version
        Record,    // runRecord(arguments)
        Attach,    // runAttach(arguments)
        Calibrate, // runCalibrate(arguments)
        BadUsage,  // print error, exit 2
    };
    Mode mode = Mode::Window;
    // The arguments the chosen runner gets ("help record" becomes "record --help").
    QStringList arguments;
    // Headless: the run draws (--export, --compare), so it needs a QApplication.
    bool draws = false;
    // Window: at most one of these is set.
    QString file;         // a positional FILE: a scenario or a trace, told apart by content
    QString scenarioFile; // --scenario FILE
    QString preset;       // --preset NAME
    QString traceFile;    // --load-trace TRACE
    // Window: --machine and --set, applied to the scenario or preset in that order.
    std::vector<std::string> overrides;
    // BadUsage: one line, without the "gilscope: " prefix.
    QString error;
};

LaunchPlan planLaunch(const QStringList &arguments);

} // namespace gilscope::app
