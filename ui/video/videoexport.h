#pragma once

#include "export/timelineexporter.h"

#include <QString>

#include <optional>

namespace gilscope::ui {

enum class VideoFormat { Mp4, WebM, Gif };
// What the frames show: the timeline, the scheduler stage, or the timeline above the stage.
enum class VideoLayout { Timeline, Stage, Both };
// How the timeline moves: it draws itself up to the playhead, or it is whole and the playhead
// sweeps over it.
enum class VideoPlayhead { Reveal, Sweep };

// The video format a file name asks for, by its extension (any case).
std::optional<VideoFormat> videoFormatFor(const QString &path);
QString videoSuffix(VideoFormat format);                            // "mp4", "webm", "gif"
std::optional<VideoLayout> videoLayoutFor(const QString &name);     // "timeline", "stage", "both"
std::optional<VideoPlayhead> videoPlayheadFor(const QString &name); // "reveal", "sweep"

// One animated export: a time range played over `durationS` seconds of video.
struct VideoExport {
    static constexpr int kMinWidth = 160;
    static constexpr int kMinHeight = 90;
    static constexpr int kMaxWidth = 3840;
    static constexpr int kMaxHeight = 2160;
    static constexpr double kMinDuration = 0.2;
    static constexpr double kMaxDuration = 600;
    static constexpr double kMinFps = 1;
    static constexpr double kMaxFps = 60;

    VideoFormat format = VideoFormat::Mp4;
    double durationS = 10;
    // 0: the default, 30. (GIF stores delays in 1/100 s; ffmpeg alternates 3 and 4 of them, so a
    // 30 fps GIF still plays at the right speed.)
    double fps = 0;
    VideoLayout layout = VideoLayout::Both;
    VideoPlayhead playhead = VideoPlayhead::Reveal;
    // Size, theme, title, legend, lanes, annotations; chart.window is the range played (invalid:
    // the whole run).
    TimelineExport chart;

    double effectiveFps() const;
    int frameCount() const;
    // What is wrong, naming the field and its allowed range; empty when fine.
    QString check() const;
};

} // namespace gilscope::ui
