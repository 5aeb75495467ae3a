#pragma once

// A main window on fresh settings for the window's own tests: its first run shown, helpers that
// act as a user does (pick in a combo box, move a slider) and wait for the run that follows.
#include <catch2/catch.hpp>

#include "support.h"

#include "timeline/timelineview.h"
#include "widgets/labeledslider.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QComboBox>
#include <QFile>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>

#include <memory>

namespace gilscope::test {

struct WindowUnderTest {
    std::unique_ptr<ui::MainWindow> w;
    WindowUnderTest() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        w = std::make_unique<ui::MainWindow>();
        w->resize(1400, 900);
        w->show();
        REQUIRE(idle());
    }
    ~WindowUnderTest() {
        w.reset();
        QSettings().clear();
    }
    ui::SimulationController *controller() const { return w->controller(); }
    bool idle() const {
        return waitUntil([this] {
            return w->controller()->result() && !w->controller()->isBusy() &&
                   w->timeline()->index() == w->controller()->result()->index;
        });
    }
    // Does `action` and waits until a run it asked for is on screen.
    void andWait(const std::function<void()> &action) {
        const quint64 before = w->controller()->shownGeneration();
        action();
        REQUIRE(waitUntil([&] { return w->controller()->shownGeneration() > before; }));
        REQUIRE(idle());
    }
    // A pick in a combo box of the controls, as the user's click emits it.
    void choose(QComboBox *box, const QString &startOfText) {
        const int i = box->findText(startOfText, Qt::MatchStartsWith);
        INFO(startOfText.toStdString());
        REQUIRE(i >= 0);
        andWait([&] {
            box->setCurrentIndex(i);
            emit box->activated(i);
        });
    }
    void choosePreset(const char *id) {
        QComboBox *box = w->controls()->presetBox();
        const int i = box->findData(QString::fromLatin1(id));
        INFO(id);
        REQUIRE(i >= 0);
        andWait([&] {
            box->setCurrentIndex(i);
            emit box->activated(i);
        });
    }
    ui::LabeledSlider *slider(const char *name) const {
        ui::LabeledSlider *s = w->controls()->slider(QString::fromLatin1(name));
        REQUIRE(s);
        return s;
    }
    // As a drag or a key press moves it.
    void move(const char *name, double value) {
        ui::LabeledSlider *s = slider(name);
        andWait([&] { s->slider()->setValue(s->positionOf(value)); });
    }
};

inline void writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(data);
}

inline QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Shows a top-level window and waits until it has the keyboard, so its shortcuts fire.
inline bool activate(QWidget *window) {
    window->show();
    window->raise();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

} // namespace gilscope::test
