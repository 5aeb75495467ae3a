#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>

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
    QApplication::setOrganizationName("GIL Scope");
    QApplication::setApplicationVersion(GILSCOPE_VERSION);
    gilscope::ui::MainWindow window;
    window.show();
    if (arguments.size() > 1) {
        QString error;
        if (!window.openScenarioFile(arguments.at(1), &error))
            QMessageBox::warning(&window, "GIL Scope", error);
    }
    return app.exec();
}
