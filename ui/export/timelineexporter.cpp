#include "export/timelineexporter.h"

#include "files/localpath.h"
#include "files/outputfile.h"
#include "pixels/pixelreduction.h"
#include "slide/timelineannotations.h"
#include "timeline/timeformat.h"
#include "timeline/timelinelegenditem.h"
#include "timeline/timelineplottable.h"
#include "timeline/timelineview.h"
#include "timeline/zoomhistory.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace gilscope::ui {

namespace {

// Exports lay out in pixels at this many per inch: a PDF page of 1920 x 1080 is 20 x 11.25 in.
constexpr int kExportDpi = 96;

QFont withPixelSize(QFont font, double px) {
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    return font;
}

// Fonts in pixels: SVG and PDF measure points at their own resolution, while the layout was
// computed at the screen's; pixels mean the same on every device.
QFont inPixels(const QFont &font) {
    return font.pixelSize() > 0 ? font : withPixelSize(font, QFontInfo(font).pixelSize());
}

// The page the chart is laid out on and how much it is scaled up to the export size.
struct Page {
    QSize size;
    double scale = 1;
};

Page pageFor(const TimelineExport &o) {
    const double k = o.theme.layoutHeight > 0
                         ? std::clamp(o.size.height() / o.theme.layoutHeight, 0.5, 4.0)
                         : 1.0;
    return {QSize(std::max(1, static_cast<int>(std::lround(o.size.width() / k))),
                  std::max(1, static_cast<int>(std::lround(o.size.height() / k)))),
            k};
}

// Lays the view out for its viewport: a timeline settles its row labels and vertical range
// after seeing its layout, so twice.
void settle(TimelineView &view, QSize page) {
    view.resize(page);
    view.setViewport(QRect(QPoint(0, 0), page));
    view.refitTitle();
    for (int pass = 0; pass < 2; ++pass)
        view.replot(QCustomPlot::rpImmediateRefresh);
}

void styleView(TimelineView &view, const TimelineExport &o) {
    const TimelineTheme &t = o.theme;
    // The family actually used, not an alias like "Sans Serif" that an SVG viewer cannot find.
    QFont base = inPixels(view.font());
    base.setFamily(QFontInfo(base).family());
    const QFont text = t.fontPx > 0 ? withPixelSize(base, t.fontPx) : base;
    const double px = text.pixelSize();
    view.setFont(text); // holder names and group headers
    view.xAxis->setTickLabelFont(text);
    view.xAxis->setLabelFont(text);
    view.yAxis->setTickLabelFont(text);
    view.legend->setFont(text);
    if (auto *title = qobject_cast<QCPTextElement *>(view.plotLayout()->element(0, 0))) {
        QFont f = t.titlePx > 0 ? withPixelSize(base, t.titlePx) : inPixels(title->font());
        f.setBold(true);
        view.setTitleFont(f);
        title->setMargins(QMargins(0, 0, 0, static_cast<int>(px * 0.6)));
    }
    if (t.fontPx > 0) {
        view.legend->setIconSize(static_cast<int>(px * 1.1), static_cast<int>(px * 0.85));
        view.legend->setIconTextPadding(static_cast<int>(px * 0.45));
        view.legend->setColumnSpacing(static_cast<int>(px * 1.4));
        view.legend->setRowSpacing(static_cast<int>(px * 0.25));
        view.legend->setMargins(QMargins(0, static_cast<int>(px * 0.5), 0, 0));
        view.xAxis->setTickLength(0, static_cast<int>(px * 0.4));
        view.xAxis->setSubTickLength(0, static_cast<int>(px * 0.2));
        view.xAxis->setTickLabelPadding(static_cast<int>(px * 0.35));
        view.xAxis->setLabelPadding(static_cast<int>(px * 0.3));
        view.yAxis->setTickLabelPadding(static_cast<int>(px * 0.6));
    }
    view.plotLayout()->setMargins(
        QMargins(static_cast<int>(t.marginPx), static_cast<int>(t.marginPx),
                 static_cast<int>(t.marginPx), static_cast<int>(t.marginPx)));
    view.setShowHolderLanes(o.holderLanes);
    view.setShowBusyLane(o.busyLane);
    view.setTheme(t); // rebuilds the legend, with the fonts above
    // Slides: lines that survive a projector's scaling; after setTheme, which sets its own.
    const QPen axisPen(t.axis, t.lineWidth);
    view.xAxis->setBasePen(axisPen);
    view.xAxis->setTickPen(axisPen);
    view.xAxis->setSubTickPen(axisPen);
    view.xAxis->grid()->setPen(QPen(t.grid, t.lineWidth));
    // The row labels' invisible ticks: zero long, an SVG draws each as a black dot.
    view.yAxis->setTickLength(1, 0);
}

// A slide's legend names only what the chart shows: the states and marks within the range.
void legendForRange(TimelineView &view, const TimelineExport &o) {
    const auto &index = view.index();
    if (!index || !view.legend->visible())
        return;
    const QCPRange range = view.xAxis->range();
    std::array<bool, core::kThreadStateCount> states{};
    core::MarkKindSet marks = 0;
    // Rows the export hides say nothing: their states and marks stay out of the key.
    std::vector<int> rows;
    if (view.rowOrder()) {
        rows = *view.rowOrder();
    } else {
        rows.resize(index->rowCount());
        std::iota(rows.begin(), rows.end(), 0);
    }
    for (const int row : rows) {
        const auto totals = core::totalsWithin(index->row(row), range.lower, range.upper);
        for (std::size_t s = 0; s < states.size(); ++s)
            states[s] = states[s] || totals[s] > 0;
        const auto &m = index->marks(row);
        const std::size_t first = m.lowerBound(range.lower);
        marks |= m.kindsIn(first, m.lowerBound(range.upper, first));
    }
    marks &= view.timeline()->markKinds();

    using core::MarkKind;
    using core::ThreadState;
    using Swatch = TimelineLegendItem::Swatch;
    const TimelineTheme &t = o.theme;
    QCPLegend *legend = view.legend;
    legend->clearItems();
    auto add = [&](Swatch swatch, const QColor &colour, const QString &text) {
        legend->addItem(new TimelineLegendItem(legend, swatch, colour, text));
    };
    for (ThreadState s : {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Ready,
                          ThreadState::Io, ThreadState::Starting, ThreadState::Native,
                          ThreadState::LockWait, ThreadState::QueueWait})
        if (states[static_cast<std::size_t>(s)])
            add(Swatch::Box, t.stateColor(s), stateLabel(s));
    const std::pair<MarkKind, std::pair<QColor, QString>> markEntries[] = {
        {MarkKind::FailedAcquire, {t.failedFirst, QObject::tr("failed wake-up (first)")}},
        {MarkKind::RepeatedFailedAcquire,
         {t.failedRepeated, QObject::tr("failed wake-up (again)")}},
        {MarkKind::DropRequest, {t.dropRequest, QObject::tr("drop request")}},
        {MarkKind::ForcedHandoff, {t.forcedHandoff, QObject::tr("forced hand-off")}}};
    for (const auto &[kind, entry] : markEntries)
        if (marks & core::markBit(kind))
            add(Swatch::Line, entry.first, entry.second);
    if (o.busyLane)
        add(Swatch::Box, t.busy, QObject::tr("cores busy"));
    if (o.holderLanes && !index->holderLanes().empty())
        for (const auto &[colour, text] : TimelineView::holderKey(*index, t))
            add(Swatch::Box, colour, text);
}

// As many legend entries per line as fit under the chart, lines balanced, the block centred
// under the chart rather than hanging from the page's left edge.
void arrangeLegend(TimelineView &view) {
    QCPLegend *legend = view.legend;
    if (!legend->visible())
        return;
    std::vector<int> widths;
    for (int i = 0; i < legend->elementCount(); ++i)
        if (QCPLayoutElement *item = legend->elementAt(i))
            widths.push_back(item->minimumOuterSizeHint().width());
    if (widths.empty()) {
        legend->setVisible(false);
        return;
    }
    const int n = static_cast<int>(widths.size());
    const QRect chart = view.axisRect()->rect();
    auto widthOf = [&](int perLine) {
        // Columns as wide as their widest entry.
        int total = (perLine - 1) * legend->columnSpacing();
        for (int c = 0; c < perLine; ++c) {
            int widest = 0;
            for (int i = c; i < n; i += perLine)
                widest = std::max(widest, widths[static_cast<std::size_t>(i)]);
            total += widest;
        }
        return total;
    };
    int perLine = n;
    while (perLine > 1 && widthOf(perLine) > chart.width())
        --perLine;
    const int lines = (n + perLine - 1) / perLine;
    perLine = (n + lines - 1) / lines;
    // Items fill rows first, so each column holds entries perLine apart (as widthOf assumes).
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, false);
    legend->setWrap(perLine);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    // The legend spreads over its whole cell: margins leave it just the width it needs.
    const QMargins page = view.plotLayout()->margins();
    const int cell = view.viewport().width() - page.left() - page.right();
    const int needed = widthOf(perLine) + 1;
    const int left = std::clamp(chart.left() - page.left() + (chart.width() - needed) / 2, 0,
                                std::max(0, cell - needed));
    QMargins m = legend->margins();
    m.setLeft(left);
    m.setRight(std::max(0, cell - left - needed));
    legend->setMargins(m);
}

// The caption's lines (the speaker's text, the run's figures) each wrapped to the page, so a
// long one takes a second line rather than running off both edges.
QString wrappedCaption(const QString &caption, const QFont &font, double width) {
    const QFontMetricsF metrics(font);
    QStringList lines;
    for (const QString &paragraph : caption.split(QLatin1Char('\n')))
        if (metrics.horizontalAdvance(paragraph) <= width)
            lines << paragraph; // as written, spacing and all
        else
            lines << wrapToWidth(paragraph, metrics, std::max(1.0, width), 3);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QString exportSuffix(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString TimelineExport::check() const {
    for (const auto &[name, v, least] : {std::tuple{"width", size.width(), kMinReadableWidth},
                                         std::tuple{"height", size.height(), kMinReadableHeight}})
        if (v < least || v > kMaxSide)
            return QObject::tr("%1 must be between %2 and %3 pixels (smaller makes the labels "
                               "unreadable), got %4")
                .arg(QLatin1String(name))
                .arg(least)
                .arg(kMaxSide)
                .arg(v);
    if (scale < 1 || scale > kMaxScale)
        return QObject::tr("scale must be a whole number from 1 to %1, got %2")
            .arg(kMaxScale)
            .arg(scale);
    if (format == ExportFormat::Png && static_cast<double>(size.width()) * scale > kMaxSide * 2.0)
        return QObject::tr("width x scale must be at most %1 pixels, got %2")
            .arg(kMaxSide * 2)
            .arg(size.width() * scale);
    if (format == ExportFormat::Png && static_cast<double>(size.height()) * scale > kMaxSide * 2.0)
        return QObject::tr("height x scale must be at most %1 pixels, got %2")
            .arg(kMaxSide * 2)
            .arg(size.height() * scale);
    if (window.end < window.begin || (window.end == window.begin && window.end != 0))
        return QObject::tr("the time range must end after it starts");
    if (rows && rows->empty())
        return QObject::tr("no rows to draw: show at least one thread row");
    return {};
}

QString metricsCaption(const core::Metrics &m) {
    const QLocale locale;
    QStringList parts;
    parts << QObject::tr("makespan %1").arg(formatDuration(m.makespan_ms * 1e6));
    if (m.sequential_ms > 0 && m.speedup > 0)
        parts << QObject::tr("speed-up %1× against one thread").arg(m.speedup, 0, 'f', 2);
    if (m.gil.switches > 0)
        parts
            << QObject::tr("%1 GIL switches/s").arg(locale.toString(m.gil.switches_per_s, 'f', 0));
    if (m.gil.failed_acquires > 0)
        parts << QObject::tr("%1 failed wake-ups/s")
                     .arg(locale.toString(m.gil.failed_acquires_per_s, 'f', 0));
    if (m.io.ops > 0)
        parts << QObject::tr("I/O latency p50 %1, p99 %2")
                     .arg(formatDuration(m.io.latency_ms_p50 * 1e6),
                          formatDuration(m.io.latency_ms_p99 * 1e6));
    if (m.locks.waits > 0)
        parts
            << QObject::tr("%1 waiting for locks").arg(formatDuration(m.locks.wait_ms_total * 1e6));
    for (const auto &q : m.queues)
        parts << QObject::tr("queue %1: %2 items/s")
                     .arg(QString::fromStdString(q.name), locale.toString(q.items_per_s, 'f', 0));
    return parts.join(QStringLiteral("   ·   "));
}

void paintTimeline(QCPPainter *painter, const core::TraceIndexPtr &index, const TimelineExport &o,
                   const TimelinePaintExtras &extras) {
    const TimelineTheme &t = o.theme;
    Page page = pageFor(o);
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), QSizeF(o.size)), t.background);

    // A fresh, never shown view at the page size: the window's own keeps its size and zoom.
    TimelineView view;
    view.resize(page.size); // the legend wraps to this width
    styleView(view, o);
    view.setIndex(index);
    view.setRowOrder(o.rows);
    view.setAnnotations(o.annotations);
    const double end = index ? static_cast<double>(index->trace().endNs) : 0.0;
    if (o.window.isValid()) {
        // A range reaching past the run shows the empty time after it rather than being cut.
        view.zoom()->setExtent(core::TimeWindow{0, std::max({end, o.window.end, 1.0})});
        view.zoom()->moveTo(o.window);
    }
    view.setTitle(o.title);
    view.xAxis->setLabel(!o.axisLabels ? QString()
                         : index && index->trace().interpreter == "recorded"
                             ? QObject::tr("time")
                             : QObject::tr("simulated time"));
    if (!o.legend && view.plotLayout()->take(view.legend)) {
        view.plotLayout()->simplify();
        view.legend->setVisible(false);
    }
    if (!o.caption.isEmpty()) {
        QFont f = view.xAxis->tickLabelFont();
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(f.pixelSize() * 0.95))));
        auto *caption = new QCPTextElement(
            &view, wrappedCaption(o.caption, f, page.size.width() - 2 * t.marginPx), f);
        caption->setTextColor(t.axis);
        caption->setMargins(QMargins(0, f.pixelSize() / 2, 0, 0));
        const int row = view.plotLayout()->rowCount();
        view.plotLayout()->addElement(row, 0, caption);
        view.plotLayout()->setRowStretchFactor(row, 0.001);
    }
    // SVG and PDF: one column of the reduction per pixel of the export, not of the page.
    view.timeline()->setVectorColumnsPerPixel(page.scale);

    settle(view, page.size);
    legendForRange(view, o);
    arrangeLegend(view);
    settle(view, page.size);
    // About one tick per seven characters of label type: an adaptive axis at any width.
    const double fontPx = view.xAxis->tickLabelFont().pixelSize();
    view.xAxis->ticker()->setTickCount(
        std::clamp(static_cast<int>(view.axisRect()->width() / (fontPx * 7.5)), 3, 10));

    // Few rows: the chart shrinks around them and sits in the middle of the page, rather than
    // leaving its lower half empty.
    const double content = std::max(1.0, view.timeline()->layout().height());
    const double maxRow = t.maxRowPx > 0 ? t.maxRowPx : TimelineView::kMaxRowPx;
    const int spare = view.axisRect()->height() - static_cast<int>(std::ceil(content * maxRow));
    double top = 0;
    if (spare > 0) {
        top = spare / 2.0 * page.scale;
        page.size.setHeight(page.size.height() - spare);
    }
    settle(view, page.size);
    view.yAxis->setRange(0, std::max(content, view.axisRect()->height() / maxRow));

    if (!extras.data) {
        // Transparent rather than invalid colours: every lane keeps its layout and row bands.
        TimelineTheme empty = t;
        empty.state.fill(Qt::transparent);
        empty.holder.fill(Qt::transparent);
        empty.busy = Qt::transparent;
        view.timeline()->setTheme(empty);
        view.timeline()->setMarkKinds(0);
    }
    if (extras.plotArea) {
        const QRectF area = view.axisRect()->rect();
        *extras.plotArea =
            QRectF(area.left() * page.scale, std::round(top) + area.top() * page.scale,
                   area.width() * page.scale, area.height() * page.scale);
    }
    if (extras.shown)
        *extras.shown = core::TimeWindow{view.xAxis->range().lower, view.xAxis->range().upper};
    painter->translate(0, std::round(top));
    painter->scale(page.scale, page.scale);
    view.toPainter(painter, page.size.width(), page.size.height());
    painter->restore();
}

QByteArray renderToFormat(ExportFormat format, QSize size, int scale, const QColor &background,
                          const QString &title, const ExportPainter &paint, QString *error) {
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case ExportFormat::Png: {
        QImage image(size * scale, QImage::Format_RGB32);
        if (image.isNull())
            return fail(QObject::tr("an image of %1 x %2 pixels is too large")
                            .arg(size.width() * scale)
                            .arg(size.height() * scale));
        image.setDevicePixelRatio(scale);
        image.setDotsPerMeterX(static_cast<int>(std::lround(kExportDpi * scale / 0.0254)));
        image.setDotsPerMeterY(image.dotsPerMeterX());
        image.fill(background);
        {
            QCPPainter painter(&image);
            paint(&painter);
        }
        image.setText(QStringLiteral("Software"), QStringLiteral("GIL Scope"));
        if (!title.isEmpty())
            image.setText(QStringLiteral("Title"), title);
        // Timelines are long runs of flat colour: fast compression loses little here.
        if (!image.save(&buffer, "PNG", 80))
            return fail(QObject::tr("cannot encode the PNG"));
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(kExportDpi);
        svg.setTitle(title.isEmpty() ? QStringLiteral("GIL Scope timeline") : title);
        svg.setDescription(QStringLiteral("Drawn by GIL Scope"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return fail(QObject::tr("cannot start the SVG"));
        painter.setMode(QCPPainter::pmVectorized);
        paint(&painter);
        painter.end();
        // Viewers without the family fall back to a sans-serif one rather than their default
        // (often a serif).
        QString text = QString::fromUtf8(buffer.data());
        text.replace(QRegularExpression(QStringLiteral("font-family=\"([^\",]*)\"")),
                     QStringLiteral("font-family=\"\\1, sans-serif\""));
        return text.toUtf8();
    }
    case ExportFormat::Pdf: {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kExportDpi);
        pdf.setCreator(QStringLiteral("GIL Scope"));
        pdf.setTitle(title);
        const QPageSize pageSize(QSizeF(size) * 72.0 / kExportDpi, QPageSize::Point, QString(),
                                 QPageSize::ExactMatch);
        pdf.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&pdf))
            return fail(QObject::tr("cannot start the PDF"));
        painter.setMode(QCPPainter::pmVectorized);
        // The page may round to whole points: draw the requested size scaled onto it.
        painter.scale(static_cast<double>(pdf.width()) / size.width(),
                      static_cast<double>(pdf.height()) / size.height());
        paint(&painter);
        painter.end();
        break;
    }
    }
    return buffer.data();
}

QImage renderTimelineImage(const core::TraceIndexPtr &index, const TimelineExport &options) {
    QImage image(options.pixelSize(), QImage::Format_RGB32);
    if (image.isNull())
        return image;
    image.setDevicePixelRatio(options.scale);
    image.fill(options.theme.background);
    QCPPainter painter(&image);
    paintTimeline(&painter, index, options);
    painter.end();
    return image;
}

QByteArray renderTimelineFile(const core::TraceIndexPtr &index, const TimelineExport &options,
                              QString *error) {
    const QString problem = options.check();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    return renderToFormat(
        options.format, options.size, options.format == ExportFormat::Png ? options.scale : 1,
        options.theme.background, options.title,
        [&](QCPPainter *painter) { paintTimeline(painter, index, options); }, error);
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error) {
    const auto written = core::writeOutputFile(path, data);
    if (!written.ok() && error)
        *error = QString::fromStdString(written.error());
    return written.ok();
}

bool exportTimeline(const core::TraceIndexPtr &index, const TimelineExport &options,
                    const QString &path, QString *error) {
    const auto format = exportFormatFor(path);
    if (!format || *format != options.format) {
        if (error)
            *error =
                format ? QObject::tr("%1: the extension does not match the format (.%2)")
                             .arg(path, exportSuffix(options.format))
                       : QObject::tr("%1: unknown image format: use .png, .svg or .pdf").arg(path);
        return false;
    }
    if (!core::pathExists(core::absoluteFolderOf(path))) {
        if (error)
            *error = QObject::tr("%1: cannot write: the folder does not exist").arg(path);
        return false;
    }
    QString why;
    const QByteArray data = renderTimelineFile(index, options, &why);
    if (data.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    return writeFileAtomically(path, data, error);
}

} // namespace gilscope::ui
