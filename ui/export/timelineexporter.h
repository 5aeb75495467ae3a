#pragma once

#include "pixels/timewindow.h"
#include "pixels/traceindex.h"
#include "scenario/annotation.h"
#include "slide/timelinetheme.h"
#include "trace/metrics.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QCPPainter;

namespace gilscope::ui {

enum class ExportFormat { Png, Svg, Pdf };

// The format a file name asks for, by its extension (any case); nothing for other extensions.
std::optional<ExportFormat> exportFormatFor(const QString &path);
QString exportSuffix(ExportFormat format); // "png", "svg", "pdf"

// What one exported chart looks like. The export and the window draw through the same
// TimelineView and per-pixel reduction, at the export's resolution: a PNG gets one column per
// device pixel, SVG and PDF one per logical pixel, so a 10M-segment run stays a small file.
struct TimelineExport {
    static constexpr int kMinSide = 64; // the preview's smallest side
    // Below this the labels of a slide are too small to read: exports are refused.
    static constexpr int kMinReadableWidth = 480;
    static constexpr int kMinReadableHeight = 270;
    static constexpr int kMaxSide = 16384;
    static constexpr int kMaxScale = 4;

    ExportFormat format = ExportFormat::Png;
    QSize size{1920, 1080}; // logical pixels; a PDF page at 96 of them per inch
    int scale = 1;          // PNG only: device pixels per logical pixel
    TimelineTheme theme = TimelineTheme::slideLight();
    QString title; // empty: no title
    bool legend = true;
    bool axisLabels = true;
    // Lines under the chart: the speaker's caption and/or the run's figures (metricsCaption()),
    // wrapped to the page; empty: none.
    QString caption;
    core::TimeWindow window; // invalid: the whole run
    bool holderLanes = true;
    bool busyLane = true;
    // The thread rows to draw, top to bottom; nothing: every row in the trace's order.
    std::optional<std::vector<int>> rows;
    // Callouts with an arrow to a time on a row; those on a hidden or absent row, or outside the
    // range, are left out.
    std::vector<core::Annotation> annotations;

    // What is wrong with the size or scale, naming the allowed range; empty when fine.
    QString check() const;
    // Size of the PNG in pixels: size x scale.
    QSize pixelSize() const { return size * scale; }
};

// The run's headline figures in one line: makespan, speed-up, GIL switches, I/O latency.
QString metricsCaption(const core::Metrics &metrics);

// For animations that build the chart up frame by frame (ui/video): the empty chart to start
// from, and where the data area lies.
struct TimelinePaintExtras {
    // false: the chart without its data (axes, labels, legend, row bands, but no states, lanes
    // or marks), laid out exactly as the full one.
    bool data = true;
    QRectF *plotArea = nullptr;        // out: the data area in the painter's coordinates
    core::TimeWindow *shown = nullptr; // out: the time range across the data area
};

// Draws the chart into `painter` over (0, 0, options.size) in the painter's coordinates.
void paintTimeline(QCPPainter *painter, const core::TraceIndexPtr &index,
                   const TimelineExport &options, const TimelinePaintExtras &extras = {});

// The chart as an image of options.pixelSize() pixels (device pixel ratio = options.scale).
QImage renderTimelineImage(const core::TraceIndexPtr &index, const TimelineExport &options);

// Any drawing as the bytes of a PNG, SVG or PDF file of `size` logical pixels (`scale` applies
// to PNG). `paint` draws over (0, 0, size). Empty bytes on failure, with the reason in `error`.
using ExportPainter = std::function<void(QCPPainter *painter)>;
QByteArray renderToFormat(ExportFormat format, QSize size, int scale, const QColor &background,
                          const QString &title, const ExportPainter &paint,
                          QString *error = nullptr);

// The chart as the bytes of options.format.
QByteArray renderTimelineFile(const core::TraceIndexPtr &index, const TimelineExport &options,
                              QString *error = nullptr);

// Writes `data` to `path` with core::OutputFile: a regular file is replaced whole or not at all
// (an earlier file stays on failure), a device or FIFO is written in place.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

// Renders and writes the chart. The format must match the path's extension; every failure
// (unknown extension, bad size, unwritable path) is one line in `error` naming the file.
bool exportTimeline(const core::TraceIndexPtr &index, const TimelineExport &options,
                    const QString &path, QString *error);

} // namespace gilscope::ui
