// The frames of an animated export, drawn offscreen: what the first and last frames show in
// each playhead mode and layout. (Encoding is tested end to end in tests/cli.)
#include <catch2/catch.hpp>

#include "play/stagepainter.h"
#include "run/preparedrun.h"
#include "video/ffmpegencoder.h"
#include "video/videoframes.h"

#include "support.h"

using namespace gilscope;
using ui::VideoExport;
using ui::VideoFrames;

namespace {

// Pixels of exactly this colour within the rectangle.
int countColour(const QImage &image, const QRect &area, const QColor &colour) {
    int n = 0;
    const QRgb want = colour.rgb();
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += (image.pixel(x, y) & 0xffffff) == (want & 0xffffff);
    return n;
}

VideoExport options(ui::VideoLayout layout, ui::VideoPlayhead playhead) {
    VideoExport o;
    o.chart.size = QSize(640, 360);
    o.chart.window = {20e6, 21e6};
    o.durationS = 1;
    o.fps = 10;
    o.layout = layout;
    o.playhead = playhead;
    return o;
}

core::TraceIndexPtr battle() {
    auto run = core::prepareRun(test::preset("r1-legacy-2cpu-4cores"));
    REQUIRE(run.ok());
    return (*run)->index;
}

} // namespace

TEST_CASE("a revealed timeline starts empty and ends whole; a swept one is whole throughout") {
    const auto index = battle();
    const QColor running = ui::TimelineTheme::slideLight().stateColor(core::ThreadState::Running);
    const QRect chart(0, 0, 640, 216); // "both": the chart is the top 60 %

    VideoFrames reveal(index, options(ui::VideoLayout::Both, ui::VideoPlayhead::Reveal));
    REQUIRE(reveal.count() == 10);
    CHECK(reveal.timeOf(0) == 20'000'000);
    CHECK(reveal.timeOf(9) == 21'000'000);
    const int first = countColour(reveal.render(0), chart, running);
    const int last = countColour(reveal.render(9), chart, running);
    CHECK(first < 300); // the legend's swatch only
    CHECK(last > 2000);

    VideoFrames sweep(index, options(ui::VideoLayout::Both, ui::VideoPlayhead::Sweep));
    const int sweptFirst = countColour(sweep.render(0), chart, running);
    CHECK(sweptFirst > 2000);
    CHECK(std::abs(sweptFirst - countColour(sweep.render(9), chart, running)) < sweptFirst / 20);
}

TEST_CASE("the stage layout fills the frame with the stage; its time follows the frame") {
    const auto index = battle();
    VideoFrames frames(index, options(ui::VideoLayout::Stage, ui::VideoPlayhead::Reveal));
    const QImage &image = frames.render(0);
    CHECK(image.size() == QSize(640, 360));
    CHECK(image.format() == QImage::Format_RGB32);
    // The GIL token is drawn on its holder at every instant of the battle (the check's release
    // and re-acquire take no visible time).
    const QColor token = ui::StagePainter::tokenColour();
    CHECK(countColour(frames.render(0), image.rect(), token) > 50);
    CHECK(countColour(frames.render(9), image.rect(), token) > 50);
    CHECK(frames.flashWindow() > 0);
}

TEST_CASE("ffmpeg's arguments ask for the right codec and raw RGB32 frames") {
    const QStringList mp4 =
        ui::FfmpegEncoder::arguments(ui::VideoFormat::Mp4, QSize(320, 180), 30, "out.mp4");
    CHECK(mp4.join(' ').contains("-f rawvideo -pix_fmt bgr0 -s 320x180 -r 30 -i -"));
    CHECK(mp4.join(' ').contains("-c:v libx264"));
    CHECK(mp4.last() == "out.mp4");
    CHECK(ui::FfmpegEncoder::arguments(ui::VideoFormat::WebM, QSize(320, 180), 30, "o.webm")
              .join(' ')
              .contains("-c:v libvpx-vp9 -deadline realtime"));
    // GIF: the palette made beforehand from a few frames, then used for every frame.
    CHECK(ui::FfmpegEncoder::paletteArguments(QSize(320, 180), "p.png")
              .join(' ')
              .contains("-vf palettegen"));
    const QString gif =
        ui::FfmpegEncoder::arguments(ui::VideoFormat::Gif, QSize(320, 180), 30, "o.gif", "p.png")
            .join(' ');
    CHECK(gif.contains("-i - -i p.png -filter_complex [0:v][1:v]paletteuse"));
    CHECK_FALSE(gif.contains("palettegen"));
}

TEST_CASE("video options name the field and range at fault") {
    VideoExport o;
    CHECK(o.check().isEmpty());
    CHECK(o.frameCount() == 300);
    o.durationS = 1000;
    CHECK(o.check() == "duration must be between 0.2 and 600 seconds, got 1000");
    o.durationS = 10;
    o.fps = 61;
    CHECK(o.check() == "fps must be between 1 and 60, got 61");
    o.fps = 0;
    o.chart.size = QSize(1921, 1080);
    CHECK(o.check() == "width and height must be even for .mp4, got 1921x1080");
    o.format = ui::VideoFormat::Gif;
    CHECK(o.check().isEmpty()); // GIF stores full-resolution colour
    CHECK(ui::videoFormatFor("talk/Battle.MP4") == ui::VideoFormat::Mp4);
    CHECK_FALSE(ui::videoFormatFor("battle.avi"));
}
