#pragma once

#include "pixels/traceindex.h"
#include "stage/stageindex.h"
#include "video/videoexport.h"

#include <QImage>
#include <QRectF>

#include <memory>

namespace gilscope::ui {

// The frames of an animated export, drawn offscreen with the slide themes. The chart is drawn
// twice up front (with and without its data); each frame then copies the revealed part, draws
// the playhead and paints the stage, so a frame costs pixels, not a fresh chart layout.
class VideoFrames {
public:
    VideoFrames(core::TraceIndexPtr index, VideoExport options);

    int count() const { return m_count; }
    // The simulated time frame i shows: the range's start on the first frame, its end on the
    // last.
    core::TimeNs timeOf(int frame) const;
    // Frame i as a QImage::Format_RGB32 image of the export size (valid until the next call).
    const QImage &render(int frame);
    // The same picture at an arbitrary time in the range (previews, the dock's stills).
    const QImage &renderAt(core::TimeNs t);

    const VideoExport &options() const { return m_options; }
    // How far back the stage's flashes reach: about a quarter of a second of video.
    core::TimeNs flashWindow() const { return m_lookBack; }

private:
    void prepare();

    core::TraceIndexPtr m_index;
    std::unique_ptr<core::StageIndex> m_stage;
    VideoExport m_options;
    core::TimeWindow m_range;
    int m_count = 0;
    core::TimeNs m_lookBack = 0;
    QRect m_chartRect, m_stageRect;
    QImage m_full, m_empty; // the chart region, with and without its data
    QRectF m_plot;          // the chart's data area, in frame coordinates
    core::TimeWindow m_shown;
    double m_stageFontPx = 20;
    QImage m_frame;
};

} // namespace gilscope::ui
