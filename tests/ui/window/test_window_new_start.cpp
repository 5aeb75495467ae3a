// A preset picked or a file opened is a new start: the whole run, no "*", no file from before.
// An edit is not: it keeps the zoom, marks the window modified and keeps the preset's description
// in place, so no control moves under the pointer.
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "scenario/scenariojson.h"
#include "timeline/zoomhistory.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace gilscope;
using gilscope::test::preset;
using gilscope::test::WindowUnderTest;

namespace {

// Where each knob of the controls is, in the panel's pixels.
std::vector<int> knobPositions(ui::ControlsPanel *controls) {
    std::vector<int> ys;
    for (QWidget *w : controls->findChildren<ui::LabeledSlider *>())
        ys.push_back(w->mapTo(controls, QPoint(0, 0)).y());
    ys.push_back(controls->interpreterBox()->mapTo(controls, QPoint(0, 0)).y());
    return ys;
}

} // namespace

TEST_CASE("picking a preset or opening a file starts at the whole run; an edit keeps the zoom") {
    WindowUnderTest win;
    ui::ZoomHistory *zoom = win.w->timeline()->zoom();
    const auto zoomIn = [&] {
        const core::TimeWindow whole = zoom->window();
        zoom->zoomTo({whole.begin + whole.span() * 0.05, whole.begin + whole.span() * 0.12});
        REQUIRE_FALSE(zoom->isFitted());
    };

    zoomIn();
    win.choosePreset("r1-legacy-2cpu-4cores");
    CHECK(zoom->isFitted());
    CHECK(zoom->window().end == Approx(double(win.controller()->result()->trace().endNs)));

    zoomIn();
    const core::TimeWindow zoomed = zoom->window();
    win.move("switchInterval", 1.0);
    CHECK_FALSE(zoom->isFitted()); // an edit is looked at where the user was looking
    CHECK(zoom->window().begin == Approx(zoomed.begin));

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath("r6.json");
    test::writeFile(file, core::scenarioToJson(preset("r6-convoy-2cpu")));
    zoomIn();
    QString error;
    win.andWait([&] { REQUIRE(win.w->openFile(file, &error)); });
    CHECK(zoom->isFitted());
    CHECK(zoom->window().end == Approx(double(win.controller()->result()->trace().endNs)));
}

TEST_CASE("an edit keeps the preset's description and moves no control under the pointer") {
    WindowUnderTest win;
    win.choosePreset("r6-convoy-2cpu");
    ui::ControlsPanel *controls = win.w->controls();
    auto *description = controls->findChild<QLabel *>(QStringLiteral("description"));
    REQUIRE(description);
    REQUIRE(description->isVisible());
    const QString text = description->text();
    CHECK_FALSE(text.isEmpty());
    const std::vector<int> before = knobPositions(controls);

    win.move("cpuThreads", 3);
    CHECK(controls->presetBox()->currentText() == "Custom");
    CHECK(description->isVisible());
    CHECK(description->text() == text);
    QTest::qWait(50);
    CHECK(knobPositions(controls) == before); // they moved 132 pixels up

    // Back to the preset's own values: the preset again.
    win.move("cpuThreads", 2);
    CHECK(controls->presetBox()->currentData().toString() == "r6-convoy-2cpu");
}

TEST_CASE("the window is marked modified by an edit, not by picking a preset") {
    WindowUnderTest win;
    win.choosePreset("r3-gil-2cpu-4cores");
    CHECK_FALSE(win.w->isWindowModified());
    win.move("cores", 2);
    CHECK(win.w->isWindowModified());
    win.choosePreset("r6-convoy-1cpu");
    CHECK_FALSE(win.w->isWindowModified());
    win.choose(win.w->controls()->executorBox(), "asyncio");
    CHECK(win.w->isWindowModified());
}

TEST_CASE("a preset picked over an open file drops the file: Save asks where instead of "
          "overwriting it") {
    WindowUnderTest win;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath("mine.json");
    core::Scenario mine = preset("r3-gil-2cpu-4cores");
    mine.name = "My own scenario";
    const QByteArray original = core::scenarioToJson(mine);
    test::writeFile(file, original);
    QString error;
    win.andWait([&] { REQUIRE(win.w->openFile(file, &error)); });
    CHECK(win.w->currentFile() == QFileInfo(file).absoluteFilePath());

    win.choosePreset("r6-convoy-2cpu");
    CHECK(win.w->currentFile().isEmpty());
    CHECK_FALSE(win.w->windowTitle().contains("mine.json"));
    QStringList asked;
    win.w->setSavePrompts({[&](const QString &suggested) {
                               asked << suggested;
                               return QString(); // the user cancels
                           },
                           [](const QString &) { return std::optional<QString>(); }});
    win.w->saveAction()->trigger();
    REQUIRE(asked.size() == 1);
    CHECK(QFileInfo(asked[0]).fileName() == "convoy-effect-with-2-cpu-threads-r6.gilscope.json");
    CHECK(test::readFile(file) == original); // untouched
}
