#pragma once

#include "pixels/traceindex.h"
#include "video/videoexport.h"

#include <QString>

#include <functional>

namespace gilscope::ui {

// What an export took: frames, seconds of wall time, frames per second achieved.
struct VideoStats {
    int frames = 0;
    double seconds = 0;
    double fps() const { return seconds > 0 ? frames / seconds : 0; }
};

// Called after each frame with (frames done, frames in all); false cancels the export.
using VideoProgress = std::function<bool(int done, int total)>;

// Renders every frame and has ffmpeg encode them into `path`. The file is written beside the
// target and renamed over it at the end, so a failed or cancelled export leaves an earlier file
// as it was. Every failure (ffmpeg missing, bad options, unwritable folder, ffmpeg's own error)
// is one line in `error` naming the file or the tool.
bool exportVideo(const core::TraceIndexPtr &index, const VideoExport &options, const QString &path,
                 QString *error, const VideoProgress &progress = {}, VideoStats *stats = nullptr);

} // namespace gilscope::ui
