#include "commandline.h"
#include "presets.h"
#include "scenariojson.h"
#include "simulate.h"
#include "timelineview.h"
#include "traceindex.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace {

// The scenario the window starts with: the file given, else the convoy preset.
gilscope::core::Scenario startScenario(const QStringList &arguments, QString *problem) {
    if (arguments.size() > 1) {
        auto parsed = gilscope::core::loadScenarioFile(arguments.at(1));
        if (parsed.ok())
            return *parsed.scenario;
        *problem = QString::fromStdString(parsed.error);
    }
    std::string error;
    return *gilscope::core::loadPreset("r6-convoy-2cpu", &error);
}

} // namespace

int main(int argc, char **argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (gilscope::app::wantsHeadless(arguments)) {
        // No display needed: scripts, CI and talk preparation.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("gilscope");
        QCoreApplication::setApplicationVersion(GILSCOPE_VERSION);
        return gilscope::app::runHeadless(arguments);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName("GIL Scope");
    QApplication::setApplicationVersion(GILSCOPE_VERSION);

    QString problem;
    const auto scenario = startScenario(arguments, &problem);
    QMainWindow window;
    window.setWindowTitle("GIL Scope — " + QString::fromStdString(scenario.name));
    auto *view = new gilscope::ui::TimelineView(&window);
    view->setTitle(QString::fromStdString(scenario.name));
    window.setCentralWidget(view);
    const auto outcome = gilscope::core::simulate(scenario);
    if (outcome.ok()) {
        view->setIndex(gilscope::core::TraceIndex::build(outcome.trace, nullptr));
        window.statusBar()->showMessage(
            QString("%1 events, %2 ms simulated")
                .arg(outcome.trace->eventCount())
                .arg(static_cast<double>(outcome.trace->endNs) / 1e6, 0, 'f', 1));
    } else {
        problem = QString::fromStdString(outcome.error);
    }
    window.resize(1400, 800);
    window.show();
    if (!problem.isEmpty())
        QMessageBox::warning(&window, "GIL Scope", problem);
    return app.exec();
}
