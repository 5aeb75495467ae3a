#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QTemporaryDir>

int main(int argc, char **argv) {
    // Widget tests never need a display; without this, test discovery at build time would abort
    // on a machine without X and silently register zero tests.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // CTest runs test cases as parallel processes, and windows write their session (last
    // scenario, recent files) when closed: each process gets a home of its own so one test's
    // session never lands in another's. This also keeps the user's settings and profiles out.
    QTemporaryDir home;
    if (home.isValid()) {
        // Real Pythons are still found where pyenv keeps them.
        if (qEnvironmentVariableIsEmpty("PYENV_ROOT"))
            qputenv("PYENV_ROOT", (qEnvironmentVariable("HOME") + "/.pyenv").toLocal8Bit());
        qputenv("HOME", home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (home.path() + "/.config").toLocal8Bit());
        qputenv("XDG_DATA_HOME", (home.path() + "/.local/share").toLocal8Bit());
    }
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
