#include "calibratecommand.h"
#include "commandline.h"
#include "files/localpath.h"
#include "lessons/lessonsmenu.h"
#include "recordcommand.h"
#include "samplecommand.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>

#include <memory>

int main(int argc, char **argv) {
    gilscope::app::reserveStandardStreams();
    // Losslessly: a file name that is not UTF-8 still leads back to its file.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << gilscope::core::decodeLocalPath(argv[i]);

    if (arguments.size() > 1 && arguments.at(1) == "record") {
        // Runs a Python script under the recorder and writes its trace.
        QCoreApplication app(argc, argv);
        return gilscope::app::checkStandardOutput(gilscope::app::runRecord(arguments));
    }
    if (arguments.size() > 1 && arguments.at(1) == "attach") {
        // Samples a running Python process from /proc and writes its trace.
        QCoreApplication app(argc, argv);
        return gilscope::app::checkStandardOutput(gilscope::app::runAttach(arguments));
    }
    if (arguments.size() > 1 && arguments.at(1) == "calibrate") {
        // Measures this machine with real Pythons and saves a machine profile.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("gilscope");
        return gilscope::app::checkStandardOutput(gilscope::app::runCalibrate(arguments));
    }
    if (gilscope::app::wantsHeadless(arguments)) {
        // No display needed: scripts, CI and talk preparation. Exports draw with the window's
        // widgets, so they get a QApplication, offscreen unless QT_QPA_PLATFORM says otherwise.
        std::unique_ptr<QCoreApplication> app;
        if (gilscope::app::headlessDraws(arguments)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            gilscope::app::quietQtMessages();
            app = std::make_unique<QApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication::setApplicationName("gilscope");
        QCoreApplication::setApplicationVersion(GILSCOPE_VERSION);
        return gilscope::app::checkStandardOutput(gilscope::app::runHeadless(arguments));
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName("GIL Scope");
    QApplication::setOrganizationName("GIL Scope");
    QApplication::setApplicationVersion(GILSCOPE_VERSION);
    gilscope::ui::MainWindow window;
    gilscope::ui::installLessons(window);
    window.show();
    if (arguments.size() > 1) {
        QString error;
        if (!window.openFile(arguments.at(1), &error))
            QMessageBox::warning(&window, "GIL Scope", error);
    } else {
        gilscope::ui::showStartPage(window);
    }
    return app.exec();
}
