#include "timeline/timelineplottable.h"

#include "pixels/pixelreduction.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gilscope::ui {

using core::markBit;
using core::MarkKind;

struct TimelinePlottable::Frame {
    double left = 0;
    int columns = 0;
    double columnWidth = 1; // logical pixels
    double scale = 1;       // device pixels per logical pixel
    bool raster = true;     // painting pixels (screen, PNG), not vectors (SVG, PDF)
    core::PixelGrid grid;
    QRect clip;
    double snap(double y) const { return std::round(y * scale) / scale; }
};

TimelinePlottable::TimelinePlottable(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    // Rows are axis-aligned rectangles: antialiasing would only blur their edges and cost time.
    setAntialiased(false);
    setAntialiasedFill(false);
    setAntialiasedScatters(false);
    setSelectable(QCP::stNone);
    setName(tr("threads"));
}

void TimelinePlottable::setData(core::TraceIndexPtr index, TimelineLayout layout) {
    m_index = std::move(index);
    m_layout = std::move(layout);
}

QRectF TimelinePlottable::barRect(const TimelineLane &lane) const {
    const double h = lane.bottom - lane.top;
    const double y0 = valueAxis()->coordToPixel(lane.top + h * kLanePadding);
    const double y1 = valueAxis()->coordToPixel(lane.bottom - h * kLanePadding);
    const QRect r = keyAxis()->axisRect()->rect();
    return QRectF(QPointF(r.left(), std::min(y0, y1)),
                  QPointF(r.left() + r.width(), std::max(y0, y1)));
}

core::PixelGrid TimelinePlottable::grid(double columnsPerPixel) const {
    const QCPRange range = keyAxis()->range();
    const int width = keyAxis()->axisRect()->width();
    return core::PixelGrid{range.lower, range.upper,
                           std::max(1, static_cast<int>(std::lround(width * columnsPerPixel)))};
}

double TimelinePlottable::selectTest(const QPointF &, bool, QVariant *) const {
    return -1;
}

QCPRange TimelinePlottable::getKeyRange(bool &foundRange, QCP::SignDomain) const {
    foundRange = m_index != nullptr;
    return foundRange ? QCPRange(0, static_cast<double>(m_index->trace().endNs)) : QCPRange();
}

QCPRange TimelinePlottable::getValueRange(bool &foundRange, QCP::SignDomain,
                                          const QCPRange &) const {
    foundRange = m_index != nullptr;
    return QCPRange(0, m_layout.height());
}

void TimelinePlottable::drawLegendIcon(QCPPainter *, const QRectF &) const {
    // The legend is built from TimelineLegendItem swatches, one per state and mark.
}

void TimelinePlottable::draw(QCPPainter *painter) {
    if (!m_index || !keyAxis() || !valueAxis())
        return;
    Frame f;
    f.clip = clipRect();
    f.left = keyAxis()->axisRect()->left();
    f.raster = !painter->modes().testFlag(QCPPainter::pmVectorized) && painter->paintEngine() &&
               painter->paintEngine()->type() == QPaintEngine::Raster;
    if (!f.raster) {
        f.scale = std::max(1.0, m_vectorColumns);
    } else {
        const double device = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        f.scale = std::clamp(std::abs(painter->worldTransform().m11()) * device, 1.0, 8.0);
    }
    f.grid = grid(f.scale);
    if (!f.grid.isValid())
        return;
    f.columns = f.grid.columns;
    f.columnWidth = static_cast<double>(keyAxis()->axisRect()->width()) / f.columns;
    m_columns.resize(f.columns);
    m_levels.resize(f.columns);

    auto visible = [&](const TimelineLane &lane) {
        const double y0 = valueAxis()->coordToPixel(lane.top);
        const double y1 = valueAxis()->coordToPixel(lane.bottom);
        return !(std::max(y0, y1) < f.clip.top() || std::min(y0, y1) > f.clip.bottom());
    };
    reduceRows(f, visible);

    painter->setAntialiasing(false);
    painter->setPen(Qt::NoPen);
    std::size_t slot = 0;
    for (const auto &lane : m_layout.lanes()) {
        if (!visible(lane))
            continue;
        switch (lane.kind) {
        case TimelineLane::Kind::Thread:
            drawThread(painter, f, lane, slot++);
            break;
        case TimelineLane::Kind::Holder:
            drawHolder(painter, f, lane);
            break;
        case TimelineLane::Kind::Busy:
            drawBusy(painter, f, lane);
            break;
        case TimelineLane::Kind::GroupHeader:
            drawHeader(painter, f, lane);
            break;
        }
    }
}

template <typename Visible> void TimelinePlottable::reduceRows(const Frame &f, Visible visible) {
    // Every visible thread row reduced to its columns before any painting. Long traces spread
    // the rows over the worker threads: each row's reduction waits on memory, not on the CPU.
    m_rowSlots.clear();
    std::size_t segments = 0;
    for (const auto &lane : m_layout.lanes())
        if (lane.kind == TimelineLane::Kind::Thread && visible(lane)) {
            m_rowSlots.push_back(static_cast<std::size_t>(lane.index));
            segments += m_index->row(static_cast<std::size_t>(lane.index)).size();
        }
    const std::size_t columns = static_cast<std::size_t>(f.columns);
    m_rowColumns.resize(m_rowSlots.size() * columns);
    m_rowMarks.resize(m_rowSlots.size() * columns);
    m_rowMarkCounts.resize(m_rowSlots.size() * columns);
    auto reduce = [&](std::size_t k) {
        const std::size_t row = m_rowSlots[k];
        core::proportionalPerColumn(m_index->row(row), f.grid,
                                    std::span(m_rowColumns.data() + k * columns, columns));
        core::MarkKindSet *kinds = m_rowMarks.data() + k * columns;
        std::uint32_t *counts = m_rowMarkCounts.data() + k * columns;
        if (m_markKinds && m_index->marks(row).size() > 0) {
            core::marksPerColumn(m_index->marks(row), f.grid, m_markKinds,
                                 std::span(kinds, columns));
            core::markCountsPerColumn(m_index->marks(row), f.grid, std::span(counts, columns));
            widenMarks(kinds, counts, f.columns);
        } else {
            std::fill_n(kinds, columns, core::MarkKindSet(0));
            std::fill_n(counts, columns, 0u);
        }
    };
    std::vector<std::size_t> ks(m_rowSlots.size());
    std::iota(ks.begin(), ks.end(), std::size_t(0));
    if (segments >= kParallelSegments && m_rowSlots.size() > 1 && QThread::idealThreadCount() > 1)
        QtConcurrent::blockingMap(ks, reduce);
    else
        std::for_each(ks.begin(), ks.end(), reduce);
}

void TimelinePlottable::fillRuns(QCPPainter *painter, const Frame &f, double top, double height,
                                 const std::vector<QColor> &colours, const std::uint8_t *columns) {
    if (!f.raster) {
        // Vector devices: one stroked path per colour, a horizontal line as thick as the bar
        // per run. SVG writes a group per colour change; a rectangle per run, each with its own
        // group, made a 10M-segment battle an 11 MB file.
        std::vector<QPainterPath> paths(colours.size());
        const double y = top + height / 2;
        for (int c = 0; c < f.columns;) {
            const std::uint8_t v = columns[c];
            int e = c + 1;
            while (e < f.columns && columns[e] == v)
                ++e;
            if (colours[v].isValid()) {
                paths[v].moveTo(f.left + c * f.columnWidth, y);
                paths[v].lineTo(f.left + e * f.columnWidth, y);
            }
            c = e;
        }
        strokeRuns(painter, paths, colours, height);
        return;
    }
    for (int c = 0; c < f.columns;) {
        const std::uint8_t v = columns[c];
        int e = c + 1;
        while (e < f.columns && columns[e] == v)
            ++e;
        const QColor &colour = colours[v];
        if (colour.isValid())
            painter->fillRect(
                QRectF(f.left + c * f.columnWidth, top, (e - c) * f.columnWidth, height), colour);
        c = e;
    }
}

void TimelinePlottable::widenMarks(core::MarkKindSet *kinds, std::uint32_t *counts, int columns) {
    // A lone mark one device pixel wide vanishes on a projector: a column without marks takes
    // its neighbours', so every mark is at least three columns wide. Where marks are dense the
    // picture does not change.
    core::MarkKindSet previousKinds = 0;
    std::uint32_t previousCount = 0;
    for (int c = 0; c < columns; ++c) {
        const core::MarkKindSet ownKinds = kinds[c];
        const std::uint32_t ownCount = counts[c];
        if (ownKinds == 0) {
            const core::MarkKindSet nextKinds = c + 1 < columns ? kinds[c + 1] : 0;
            const std::uint32_t nextCount = c + 1 < columns ? counts[c + 1] : 0;
            kinds[c] = previousKinds | nextKinds;
            counts[c] = std::max(previousCount, nextCount);
        }
        previousKinds = ownKinds;
        previousCount = ownCount;
    }
}

double TimelinePlottable::markOpacity(std::uint32_t count) {
    // One mark in a column is drawn half opaque, eight or more fully: the band reads as a
    // density, so a thousand failed wake-ups folded into a column look denser than one.
    if (count == 0)
        return 0.0;
    return std::min(1.0, 0.45 + 0.55 * std::log2(static_cast<double>(count)) / 3.0);
}

const QColor *TimelinePlottable::markColour(core::MarkKindSet kinds, bool top) const {
    if (top) {
        if (kinds & markBit(MarkKind::RepeatedFailedAcquire))
            return &m_theme.failedRepeated;
        if (kinds & markBit(MarkKind::FailedAcquire))
            return &m_theme.failedFirst;
        if (kinds & markBit(MarkKind::DropRequest))
            return &m_theme.dropRequest;
        return nullptr;
    }
    return (kinds & markBit(MarkKind::ForcedHandoff)) ? &m_theme.forcedHandoff : nullptr;
}

void TimelinePlottable::drawMarks(QCPPainter *painter, const Frame &f, double top, double height,
                                  const core::MarkKindSet *marks, const std::uint32_t *counts) {
    // Vector devices: the same bands as drawRowImage(), one stroked path per colour and opacity.
    struct Band {
        bool top;
        double from, to; // fractions of the bar height
    };
    const Band bands[] = {{true, 0.0, kTopMarkBand}, {false, 1.0 - kBottomMarkBand, 1.0}};
    for (const Band &band : bands) {
        const double y = f.snap(top + band.from * height);
        const double yh = std::max(1.0 / f.scale, f.snap(top + band.to * height) - y);
        std::vector<QPainterPath> paths;
        std::vector<QColor> colours;
        for (int c = 0; c < f.columns;) {
            const QColor *colour = markColour(marks[c] & m_markKinds, band.top);
            const double opacity = markOpacity(counts[c]);
            int e = c + 1;
            while (e < f.columns && markColour(marks[e] & m_markKinds, band.top) == colour &&
                   markOpacity(counts[e]) == opacity)
                ++e;
            if (colour) {
                QColor withOpacity = *colour;
                withOpacity.setAlphaF(static_cast<float>(colour->alphaF() * opacity));
                auto it = std::find(colours.begin(), colours.end(), withOpacity);
                if (it == colours.end()) {
                    colours.push_back(withOpacity);
                    paths.emplace_back();
                    it = colours.end() - 1;
                }
                QPainterPath &path = paths[static_cast<std::size_t>(it - colours.begin())];
                path.moveTo(f.left + c * f.columnWidth, y + yh / 2);
                path.lineTo(f.left + e * f.columnWidth, y + yh / 2);
            }
            c = e;
        }
        strokeRuns(painter, paths, colours, yh);
    }
}

void TimelinePlottable::strokeRuns(QCPPainter *painter, const std::vector<QPainterPath> &paths,
                                   const std::vector<QColor> &colours, double thickness) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (paths[i].isEmpty())
            continue;
        painter->strokePath(paths[i], QPen(colours[i], thickness, Qt::SolidLine, Qt::FlatCap));
    }
}

void TimelinePlottable::drawThread(QCPPainter *painter, const Frame &f, const TimelineLane &lane,
                                   std::size_t slot) {
    const QRectF bar = barRect(lane);
    if (lane.striped) {
        const double y0 = valueAxis()->coordToPixel(lane.top),
                     y1 = valueAxis()->coordToPixel(lane.bottom);
        painter->fillRect(
            QRectF(f.left, f.snap(std::min(y0, y1)), f.clip.width(), f.snap(std::abs(y1 - y0))),
            m_theme.stripe);
    }
    const double top = f.snap(bar.top());
    const double height = std::max(1.0 / f.scale, f.snap(bar.bottom()) - top);
    const std::uint8_t *columns = m_rowColumns.data() + slot * static_cast<std::size_t>(f.columns);
    const core::MarkKindSet *marks = m_rowMarks.data() + slot * static_cast<std::size_t>(f.columns);
    const std::uint32_t *counts =
        m_rowMarkCounts.data() + slot * static_cast<std::size_t>(f.columns);
    if (f.raster) {
        drawRowImage(painter, f, top, height, columns, marks, counts);
        return;
    }
    // Vector devices (SVG, PDF): rectangles, one per run of equal columns.
    const std::vector<QColor> colours(m_theme.state.begin(), m_theme.state.end());
    fillRuns(painter, f, top, height, colours, columns);
    drawMarks(painter, f, top, height, marks, counts);
}

void TimelinePlottable::drawRowImage(QCPPainter *painter, const Frame &f, double top, double height,
                                     const std::uint8_t *columns, const core::MarkKindSet *marks,
                                     const std::uint32_t *counts) {
    // On raster devices a row is one image of one pixel per column, kBands high, stretched to
    // the bar: one draw call per row, however often the states alternate. Marks take a thin band
    // at the top (failed wake-ups, else drop requests) and at the bottom (forced hand-offs),
    // blended over the state by their density; the rest of the bar always shows the state.
    constexpr int kBands = 16;
    constexpr int kTopBands = static_cast<int>(kTopMarkBand * kBands + 0.5);
    constexpr int kBottomBands = static_cast<int>(kBottomMarkBand * kBands + 0.5);
    if (m_rowImage.width() != f.columns || m_rowImage.height() != kBands)
        m_rowImage = QImage(f.columns, kBands, QImage::Format_ARGB32_Premultiplied);
    std::array<QColor, core::kThreadStateCount> state{};
    for (std::size_t s = 0; s < state.size(); ++s)
        state[s] = m_theme.state[s].isValid() ? m_theme.state[s] : QColor(0, 0, 0, 0);
    auto blend = [](const QColor &under, const QColor *over, double opacity) {
        if (!over || opacity <= 0)
            return qPremultiply(under.rgba());
        const double a = over->alphaF() * opacity;
        auto mix = [a](int o, int u) { return static_cast<int>(std::lround(o * a + u * (1 - a))); };
        const int alpha = std::max(under.alpha(), static_cast<int>(std::lround(255 * a)));
        return qPremultiply(qRgba(mix(over->red(), under.red()), mix(over->green(), under.green()),
                                  mix(over->blue(), under.blue()), alpha));
    };
    std::array<QRgb *, kBands> band;
    for (int b = 0; b < kBands; ++b)
        band[b] = reinterpret_cast<QRgb *>(m_rowImage.scanLine(b));
    for (int c = 0; c < f.columns; ++c) {
        const QColor &s = state[columns[c]];
        const QRgb plain = qPremultiply(s.rgba());
        QRgb upper = plain, lower = plain;
        if (marks[c]) {
            const core::MarkKindSet kinds = marks[c] & m_markKinds;
            const double opacity = markOpacity(counts[c]);
            upper = blend(s, markColour(kinds, true), opacity);
            lower = blend(s, markColour(kinds, false), opacity);
        }
        for (int b = 0; b < kBands; ++b)
            band[b][c] = b < kTopBands ? upper : b >= kBands - kBottomBands ? lower : plain;
    }
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(QRectF(f.left, top, f.columns * f.columnWidth, height), m_rowImage);
}

void TimelinePlottable::drawHolder(QCPPainter *painter, const Frame &f, const TimelineLane &lane) {
    const auto &holders = m_index->holderLanes();
    if (lane.index < 0 || lane.index >= static_cast<int>(holders.size()))
        return;
    const QRectF bar = barRect(lane);
    const double top = f.snap(bar.top());
    const double height = std::max(1.0 / f.scale, f.snap(bar.bottom()) - top);
    painter->fillRect(QRectF(f.left, top, f.clip.width(), height), m_theme.stripe);
    const auto &holder = holders[lane.index];
    core::proportionalPerColumn(holder.lane, f.grid, m_columns);
    std::vector<QColor> colours(1 + core::TraceIndex::kHolderColours);
    for (std::size_t c = 0; c < colours.size(); ++c)
        colours[c] = m_theme.holderColor(static_cast<unsigned>(c));
    fillRuns(painter, f, top, height, colours, m_columns.data());

    // Name the holder inside every stretch wide enough to read, so the lane needs no key.
    QFont font = parentPlot()->font();
    const QFontMetricsF fm(font);
    if (height < fm.height() * 0.8)
        return;
    painter->setFont(font);
    for (int c = 0; c < f.columns;) {
        const std::uint8_t v = m_columns[c];
        int e = c + 1;
        while (e < f.columns && m_columns[e] == v)
            ++e;
        const double width = (e - c) * f.columnWidth;
        if (v != core::TraceIndex::kFree && width > 40) {
            const std::int32_t who = dominantHolder(holder, f.grid.edge(c), f.grid.edge(e));
            if (who >= 0) {
                const QString name =
                    QString::fromStdString(m_index->trace().threads[who].info.name);
                if (fm.horizontalAdvance(name) + 8 < width) {
                    const QColor bg = colours[v];
                    painter->setPen(bg.lightnessF() > 0.6 ? QColor(0x20, 0x21, 0x24)
                                                          : QColor(Qt::white));
                    painter->drawText(QRectF(f.left + c * f.columnWidth, top, width, height),
                                      Qt::AlignCenter, name);
                }
            }
        }
        c = e;
    }
    painter->setPen(Qt::NoPen);
}

std::int32_t TimelinePlottable::dominantHolder(const core::TraceIndex::HolderLane &holder, double a,
                                               double b) {
    // The thread that held the GIL longest within [a, b); -1 when too many hand-overs fold
    // into the stretch for one name to mean anything.
    constexpr std::size_t kMaxStretches = 256;
    const std::size_t first = holder.lane.seek(a);
    const std::size_t last = holder.lane.seek(b, first);
    if (last - first > kMaxStretches)
        return -1;
    std::vector<std::pair<std::int32_t, double>> time;
    for (std::size_t i = first; i <= last; ++i) {
        const double lo = std::max(a, static_cast<double>(holder.lane.start(i)));
        const double hi = std::min(b, static_cast<double>(holder.lane.segmentEnd(i)));
        if (hi <= lo || holder.holders[i] < 0)
            continue;
        auto it = std::find_if(time.begin(), time.end(),
                               [&](const auto &p) { return p.first == holder.holders[i]; });
        if (it == time.end())
            time.emplace_back(holder.holders[i], hi - lo);
        else
            it->second += hi - lo;
    }
    auto best = std::max_element(time.begin(), time.end(),
                                 [](const auto &x, const auto &y) { return x.second < y.second; });
    return best == time.end() ? -1 : best->first;
}

void TimelinePlottable::drawBusy(QCPPainter *painter, const Frame &f, const TimelineLane &lane) {
    const QRectF bar = barRect(lane);
    const double top = f.snap(bar.top());
    const double bottom = f.snap(bar.bottom());
    const double height = std::max(1.0 / f.scale, bottom - top);
    painter->fillRect(QRectF(f.left, top, f.clip.width(), height), m_theme.stripe);
    const double capacity = std::max({1, m_index->trace().cores, m_index->maxBusy()});
    core::meanPerColumn(m_index->busyLane(), f.grid, m_levels);
    // Heights in whole device pixels, so runs of equal height merge into one rectangle.
    auto pixels = [&](int c) {
        return std::round(std::min(1.0, m_levels[c] / capacity) * height * f.scale);
    };
    QPainterPath area; // vector devices: one filled outline, not a group per rectangle
    for (int c = 0; c < f.columns;) {
        const double h = pixels(c);
        int e = c + 1;
        while (e < f.columns && pixels(e) == h)
            ++e;
        const QRectF r(f.left + c * f.columnWidth, bottom - h / f.scale, (e - c) * f.columnWidth,
                       h / f.scale);
        if (h > 0 && f.raster)
            painter->fillRect(r, m_theme.busy);
        else if (h > 0)
            area.addRect(r);
        c = e;
    }
    if (!area.isEmpty())
        painter->fillPath(area, m_theme.busy);
}

void TimelinePlottable::drawHeader(QCPPainter *painter, const Frame &f, const TimelineLane &lane) {
    const double y0 = valueAxis()->coordToPixel(lane.top),
                 y1 = valueAxis()->coordToPixel(lane.bottom);
    const QRectF band(f.left, f.snap(std::min(y0, y1)), f.clip.width(), f.snap(std::abs(y1 - y0)));
    painter->fillRect(band, m_theme.groupBand);
    QFont font = parentPlot()->font();
    font.setBold(true);
    if (band.height() < QFontMetricsF(font).height())
        font.setPointSizeF(
            std::max(5.0, font.pointSizeF() * band.height() / QFontMetricsF(font).height()));
    painter->setFont(font);
    painter->setPen(m_theme.groupText);
    painter->drawText(band.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter, lane.label);
    painter->setPen(Qt::NoPen);
}

} // namespace gilscope::ui
