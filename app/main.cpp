#include "calibratecommand.h"
#include "catalog/presets.h"
#include "commandline.h"
#include "files/localpath.h"
#include "launchplan.h"
#include "lessons/lessonsmenu.h"
#include "recordcommand.h"
#include "samplecommand.h"
#include "scenario/scenariojson.h"
#include "settingsname.h"
#include "translations.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

using gilscope::app::LaunchPlan;

int badUsage(const QString &message) {
    std::fprintf(stderr, "gilscope: %s\n", message.toLocal8Bit().constData());
    return 2;
}

// Opens what the command line named. --scenario, --preset and --load-trace come from someone at a
// terminal: a problem is a line on standard error and exit 2 (a scenario's before any window or
// display is needed). A bare FILE may come from a file manager: its problem is shown in the
// window, as File > Open shows it.
int runWindow(const LaunchPlan &plan, int &argc, char **argv) {
    std::optional<gilscope::core::Scenario> scenario;
    if (!plan.preset.isEmpty() || !plan.scenarioFile.isEmpty()) {
        const auto loaded =
            plan.preset.isEmpty()
                ? gilscope::core::loadScenarioFile(plan.scenarioFile, plan.overrides)
                : gilscope::core::loadPreset(plan.preset.toStdString(), plan.overrides);
        if (!loaded.ok())
            return badUsage(QString::fromStdString(loaded.error()));
        scenario = *loaded;
    }
    QApplication app(argc, argv);
    const QStringList translations = gilscope::app::installTranslations();
    if (qEnvironmentVariableIntValue("GILSCOPE_DEBUG"))
        std::fprintf(stderr, "gilscope: translations: %s\n",
                     qPrintable(translations.join(QStringLiteral(", "))));
    gilscope::app::setSettingsName();
    QApplication::setApplicationVersion(GILSCOPE_VERSION);
    if (const QString moved = gilscope::app::migrateOldSettings(); !moved.isEmpty())
        std::fprintf(stderr, "gilscope: %s\n", moved.toLocal8Bit().constData());
    // Wayland matches the window to the installed .desktop file (and so its icon) by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral(GILSCOPE_APP_ID));
    // The theme's icon when installed (PNGs at every size), else the SVG built in.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("gilscope"),
                                                 QIcon(QStringLiteral(":/icons/gilscope.svg"))));
    gilscope::ui::MainWindow window;
    gilscope::ui::installLessons(window);
    QString error;
    if (!plan.scenarioFile.isEmpty() && plan.overrides.empty()) {
        // Unchanged: bound to its file, so Save writes there.
        if (!window.openScenarioFile(plan.scenarioFile, &error))
            return badUsage(error);
    } else if (scenario) {
        // A preset, or a file changed by --set or --machine: a new scenario, bound to no file.
        window.setScenario(*scenario);
    } else if (!plan.traceFile.isEmpty()) {
        if (!window.openTraceFile(plan.traceFile, &error))
            return badUsage(error);
    }
    window.show();
    if (!plan.file.isEmpty()) {
        if (!window.openFile(plan.file, &error))
            QMessageBox::warning(&window, "GIL Scope", error);
    } else if (!scenario && plan.traceFile.isEmpty()) {
        gilscope::ui::showStartPage(window);
    }
    return app.exec();
}

} // namespace

int main(int argc, char **argv) {
    gilscope::app::reserveStandardStreams();
    // Losslessly: a file name that is not UTF-8 still leads back to its file.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << gilscope::core::decodeLocalPath(argv[i]);

    // Options are parsed before anything else: they decide between the window and the command line.
    const LaunchPlan plan = gilscope::app::planLaunch(arguments);
    switch (plan.mode) {
    case LaunchPlan::Mode::BadUsage:
        return badUsage(plan.error);
    case LaunchPlan::Mode::Record: {
        // Runs a Python script under the recorder and writes its trace.
        QCoreApplication app(argc, argv);
        return gilscope::app::checkStandardOutput(gilscope::app::runRecord(plan.arguments));
    }
    case LaunchPlan::Mode::Attach: {
        // Samples a running Python process from /proc and writes its trace.
        QCoreApplication app(argc, argv);
        return gilscope::app::checkStandardOutput(gilscope::app::runAttach(plan.arguments));
    }
    case LaunchPlan::Mode::Calibrate: {
        // Measures this machine with real Pythons and saves a machine profile.
        QCoreApplication app(argc, argv);
        gilscope::app::setSettingsName();
        return gilscope::app::checkStandardOutput(gilscope::app::runCalibrate(plan.arguments));
    }
    case LaunchPlan::Mode::Headless: {
        // No display needed: scripts, CI and talk preparation. Exports draw with the window's
        // widgets, so they get a QApplication, offscreen unless QT_QPA_PLATFORM says otherwise.
        std::unique_ptr<QCoreApplication> app;
        if (plan.draws) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            gilscope::app::quietQtMessages();
            app = std::make_unique<QApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        gilscope::app::setSettingsName();
        QCoreApplication::setApplicationVersion(GILSCOPE_VERSION);
        return gilscope::app::checkStandardOutput(gilscope::app::runHeadless(plan.arguments));
    }
    case LaunchPlan::Mode::Window:
        break;
    }
    return runWindow(plan, argc, argv);
}
