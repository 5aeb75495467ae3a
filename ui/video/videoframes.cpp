#include "video/videoframes.h"

#include "play/stagepainter.h"

#include <qcustomplot.h>

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace gilscope::ui {

namespace {
// In "both", the chart takes this share of the height and the stage the rest.
constexpr double kChartShare = 0.6;
} // namespace

VideoFrames::VideoFrames(core::TraceIndexPtr index, VideoExport options)
    : m_index(std::move(index))
    , m_options(std::move(options)) {
    prepare();
}

void VideoFrames::prepare() {
    const core::Trace &trace = m_index->trace();
    m_stage = std::make_unique<core::StageIndex>(m_index->tracePtr());
    const double end = static_cast<double>(std::max<core::TimeNs>(1, trace.endNs));
    m_range = m_options.chart.window.isValid() ? m_options.chart.window : core::TimeWindow{0, end};
    m_count = m_options.frameCount();
    // A flash lasts about a quarter of a second of video, however fast the story plays.
    const double perFrame = m_range.span() / std::max(1, m_count - 1);
    m_lookBack = std::max<core::TimeNs>(
        1, static_cast<core::TimeNs>(std::llround(perFrame * m_options.effectiveFps() * 0.25)));

    const QSize size = m_options.chart.size;
    const int chartHeight = m_options.layout == VideoLayout::Both
                                ? static_cast<int>(std::lround(size.height() * kChartShare))
                                : size.height();
    m_chartRect =
        m_options.layout == VideoLayout::Stage ? QRect() : QRect(0, 0, size.width(), chartHeight);
    m_stageRect =
        m_options.layout == VideoLayout::Timeline
            ? QRect()
            : QRect(0, m_chartRect.height(), size.width(), size.height() - m_chartRect.height());
    const TimelineTheme &theme = m_options.chart.theme;
    const double k = theme.layoutHeight > 0 ? size.height() / theme.layoutHeight : 1.0;
    const double fontPx = (theme.fontPx > 0 ? theme.fontPx : 14.0) * k;
    m_stageFontPx = fontPx;

    if (!m_chartRect.isEmpty()) {
        TimelineExport chart = m_options.chart;
        chart.size = m_chartRect.size();
        chart.window = m_range;
        chart.scale = 1;
        for (QImage *image : {&m_full, &m_empty}) {
            *image = QImage(chart.size, QImage::Format_RGB32);
            image->fill(theme.background);
            QCPPainter painter(image);
            TimelinePaintExtras extras;
            extras.data = image == &m_full;
            extras.plotArea = &m_plot;
            extras.shown = &m_shown;
            paintTimeline(&painter, m_index, chart, extras);
        }
    } else if (!m_options.chart.title.isEmpty()) {
        // The stage alone still carries the title.
        const int titleHeight = static_cast<int>(std::lround(theme.titlePx * k * 1.8));
        m_stageRect.adjust(0, titleHeight, 0, 0);
    }
    if (m_options.layout == VideoLayout::Stage) {
        // The stage alone: type as large as the frame allows (up to twice a slide's), the
        // stage centred in the frame rather than hanging from its top.
        std::set<int> gils;
        bool gilless = false;
        for (const core::ThreadTrack &track : trace.threads) {
            if (track.info.gilId >= 0)
                gils.insert(track.info.gilId);
            else
                gilless = true;
        }
        const int sections = static_cast<int>(gils.size()) + (gilless ? 1 : 0);
        const double unit = StagePainter::heightFor(1.0, sections);
        m_stageFontPx = std::min(fontPx * 2.0, m_stageRect.height() * 0.9 / unit);
        const int height = static_cast<int>(std::ceil(unit * m_stageFontPx));
        m_stageRect.adjust(0, std::max(0, (m_stageRect.height() - height) / 2), 0, 0);
        m_stageRect.setHeight(std::min(m_stageRect.height(), height + 1));
    }
    m_frame = QImage(size, QImage::Format_RGB32);
}

core::TimeNs VideoFrames::timeOf(int frame) const {
    const double f =
        m_count > 1 ? static_cast<double>(std::clamp(frame, 0, m_count - 1)) / (m_count - 1) : 1.0;
    return static_cast<core::TimeNs>(std::llround(m_range.begin + f * m_range.span()));
}

const QImage &VideoFrames::render(int frame) {
    return renderAt(timeOf(frame));
}

const QImage &VideoFrames::renderAt(core::TimeNs t) {
    const TimelineTheme &theme = m_options.chart.theme;
    const double k = theme.layoutHeight > 0 ? m_frame.height() / theme.layoutHeight : 1.0;
    QPainter p(&m_frame);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    if (m_chartRect.isEmpty()) {
        p.fillRect(m_frame.rect(), theme.background);
        if (!m_options.chart.title.isEmpty()) {
            QFont f;
            f.setPixelSize(static_cast<int>(std::lround(theme.titlePx * k)));
            f.setBold(true);
            p.setFont(f);
            p.setPen(theme.text);
            p.drawText(QRect(0, 0, m_frame.width(), m_stageRect.top()), Qt::AlignCenter,
                       m_options.chart.title);
        }
    } else {
        const bool reveal = m_options.playhead == VideoPlayhead::Reveal;
        p.drawImage(m_chartRect.topLeft(), reveal ? m_empty : m_full);
        const double x = m_plot.left() + (static_cast<double>(t) - m_shown.begin) /
                                             std::max(1.0, m_shown.span()) * m_plot.width();
        const double clamped = std::clamp(x, m_plot.left(), m_plot.right());
        if (reveal) {
            const QRect shown =
                QRectF(m_plot.left(), m_plot.top(), clamped - m_plot.left(), m_plot.height())
                    .toAlignedRect()
                    .intersected(m_full.rect());
            // An empty source rectangle would mean the whole image to QPainter.
            if (shown.width() > 0 && shown.height() > 0)
                p.drawImage(shown.topLeft() + m_chartRect.topLeft(), m_full, shown);
        }
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(theme.text, std::max(1.5, 2.0 * k)));
        p.drawLine(QPointF(clamped, m_plot.top() + m_chartRect.top()),
                   QPointF(clamped, m_plot.bottom() + m_chartRect.top()));
        p.setCompositionMode(QPainter::CompositionMode_Source);
    }
    if (!m_stageRect.isEmpty()) {
        p.fillRect(m_stageRect, theme.background);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        if (!m_chartRect.isEmpty()) {
            p.setPen(QPen(theme.grid, std::max(1.0, k)));
            p.drawLine(m_stageRect.topLeft(), m_stageRect.topRight());
        }
        const StagePainter stage(theme, m_stageFontPx, m_lookBack);
        const double margin = theme.marginPx * k;
        stage.paint(&p, QRectF(m_stageRect).adjusted(margin, margin * 0.3, -margin, -margin * 0.3),
                    m_stage->at(t, m_lookBack), m_index->trace());
    }
    return m_frame;
}

} // namespace gilscope::ui
