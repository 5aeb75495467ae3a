// File > Export Video: the controls, the preview, saving, and bad input.
#include <catch2/catch.hpp>

#include "run/preparedrun.h"
#include "video/ffmpegencoder.h"
#include "video/videoexportdialog.h"

#include "support.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>

using namespace gilscope;

TEST_CASE("the video dialog starts from the visible range, previews any moment and saves") {
    auto run = core::prepareRun(test::preset("r1-legacy-2cpu-4cores"));
    REQUIRE(run.ok());
    ui::ExportDialog::Source source;
    source.index = (*run)->index;
    source.visible = {20e6, 21e6};
    source.title = QStringLiteral("The battle");
    ui::VideoExportDialog dialog(source);
    dialog.show();
    REQUIRE(test::waitUntil([&] { return !dialog.previewImage().isNull(); }));
    const ui::VideoExport o = dialog.options();
    CHECK(o.chart.window == core::TimeWindow{20e6, 21e6});
    CHECK(o.chart.size == QSize(1920, 1080));
    CHECK(o.format == ui::VideoFormat::Mp4);
    CHECK(o.layout == ui::VideoLayout::Both);
    CHECK(o.frameCount() == 300);
    CHECK(dialog.statusLabel()->text() == "300 frames of 1920 × 1080");
    CHECK(dialog.saveButton()->isEnabled());

    dialog.sizeBox()->setCurrentIndex(dialog.sizeBox()->findText("640 × 360"));
    dialog.fpsBox()->setValue(10);
    dialog.durationBox()->setValue(1);
    REQUIRE(test::waitUntil([&] { return dialog.previewImage().size() == QSize(640, 360); }));
    dialog.previewSlider()->setValue(0);
    const QImage first = dialog.previewImage();
    dialog.previewSlider()->setValue(dialog.previewSlider()->maximum());
    CHECK(dialog.previewImage() != first);

    QTemporaryDir dir;
    const QString out = dir.filePath("battle.mp4");
    QString error;
    REQUIRE(dialog.exportTo(out, &error));
    CHECK(error.isEmpty());
    CHECK(QFileInfo(out).size() > 1000);

    dialog.rangeEndEdit()->setText(QStringLiteral("19 ms"));
    REQUIRE(test::waitUntil([&] { return !dialog.saveButton()->isEnabled(); }));
    CHECK(dialog.statusLabel()->text().startsWith("Range: "));
    CHECK(dialog.problem() == dialog.statusLabel()->text());
}

TEST_CASE("without ffmpeg the video dialog says so and cannot save") {
    auto run = core::prepareRun(test::preset("r6-convoy-1cpu"));
    REQUIRE(run.ok());
    ui::ExportDialog::Source source;
    source.index = (*run)->index;
    source.visible = {0, 10e6};
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "");
    ui::VideoExportDialog dialog(source);
    dialog.show();
    const bool shown = test::waitUntil([&] { return !dialog.previewImage().isNull(); });
    const QString status = dialog.statusLabel()->text();
    const bool canSave = dialog.saveButton()->isEnabled();
    qputenv("PATH", path);
    CHECK(shown); // the preview needs no ffmpeg
    CHECK(status == ui::FfmpegEncoder::missingMessage());
    CHECK_FALSE(canSave);
}
