#pragma once

#include "pixels/pixelgrid.h"
#include "pixels/pixelmarks.h"
#include "pixels/traceindex.h"
#include "slide/timelinetheme.h"
#include "timeline/timelinelayout.h"

#include <qcustomplot.h>

#include <vector>

namespace gilscope::ui {

// Draws every lane of a trace as one QCustomPlot plottable (never one item per segment).
// Key axis: time in ns; value axis: row units from TimelineLayout, reversed so row 0 is on top.
// Each frame reduces every lane to one value per device-pixel column with the core reduction
// (core/pixelreduction.h) over the TraceIndex built off the UI thread, then fills runs of equal
// columns: the cost follows pixels and rows, not segments.
class TimelinePlottable : public QCPAbstractPlottable {
    Q_OBJECT
public:
    // Fraction of a lane left blank above and below its bar.
    static constexpr double kLanePadding = 0.14;
    // Visible segments from which a frame reduces its rows on several threads.
    static constexpr std::size_t kParallelSegments = 400'000;
    // Fractions of a thread bar that marks may cover: failed wake-ups and drop requests at the
    // top, forced hand-offs at the bottom. The rest always shows the state.
    static constexpr double kTopMarkBand = 0.1875;
    static constexpr double kBottomMarkBand = 0.125;
    static constexpr core::MarkKindSet kDefaultMarks =
        core::markBit(core::MarkKind::FailedAcquire) |
        core::markBit(core::MarkKind::RepeatedFailedAcquire) |
        core::markBit(core::MarkKind::DropRequest) | core::markBit(core::MarkKind::ForcedHandoff);

    TimelinePlottable(QCPAxis *keyAxis, QCPAxis *valueAxis);

    void setData(core::TraceIndexPtr index, TimelineLayout layout);
    const core::TraceIndexPtr &index() const { return m_index; }
    const TimelineLayout &layout() const { return m_layout; }
    void setTheme(const TimelineTheme &theme) { m_theme = theme; }
    const TimelineTheme &theme() const { return m_theme; }
    void setMarkKinds(core::MarkKindSet kinds) { m_markKinds = kinds; }
    core::MarkKindSet markKinds() const { return m_markKinds; }
    // Columns per logical pixel on vector devices (SVG, PDF), where there is no pixel grid.
    void setVectorColumnsPerPixel(double columns) { m_vectorColumns = columns; }

    // The bar of a lane in widget pixels (the lane minus its padding).
    QRectF barRect(const TimelineLane &lane) const;
    // The column grid of the current range at `columnsPerPixel` columns per logical pixel.
    core::PixelGrid grid(double columnsPerPixel = 1.0) const;

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    struct Frame; // the per-frame geometry shared by the lane painters
    template <typename Visible> void reduceRows(const Frame &f, Visible visible);
    void drawThread(QCPPainter *painter, const Frame &f, const TimelineLane &lane,
                    std::size_t slot);
    void drawHolder(QCPPainter *painter, const Frame &f, const TimelineLane &lane);
    void drawBusy(QCPPainter *painter, const Frame &f, const TimelineLane &lane);
    void drawHeader(QCPPainter *painter, const Frame &f, const TimelineLane &lane);
    void fillRuns(QCPPainter *painter, const Frame &f, double top, double height,
                  const std::vector<QColor> &colours, const std::uint8_t *columns);
    void drawMarks(QCPPainter *painter, const Frame &f, double top, double height,
                   const core::MarkKindSet *marks, const std::uint32_t *counts);
    static void widenMarks(core::MarkKindSet *kinds, std::uint32_t *counts, int columns);
    static double markOpacity(std::uint32_t count);
    // The colour a column's marks paint in the top band (failed wake-ups, else drop requests)
    // or the bottom one (forced hand-offs); null when none.
    const QColor *markColour(core::MarkKindSet kinds, bool top) const;
    static void strokeRuns(QCPPainter *painter, const std::vector<QPainterPath> &paths,
                           const std::vector<QColor> &colours, double thickness);
    static std::int32_t dominantHolder(const core::TraceIndex::HolderLane &holder, double a,
                                       double b);
    void drawRowImage(QCPPainter *painter, const Frame &f, double top, double height,
                      const std::uint8_t *columns, const core::MarkKindSet *marks,
                      const std::uint32_t *counts);

    core::TraceIndexPtr m_index;
    TimelineLayout m_layout;
    TimelineTheme m_theme = TimelineTheme::screenLight();
    core::MarkKindSet m_markKinds = kDefaultMarks;
    double m_vectorColumns = 1.0;
    // Scratch buffers reused frame to frame: summary lanes, then every visible thread row.
    std::vector<std::uint8_t> m_columns;
    std::vector<float> m_levels;
    std::vector<std::size_t> m_rowSlots;
    std::vector<std::uint8_t> m_rowColumns;
    std::vector<core::MarkKindSet> m_rowMarks;
    std::vector<std::uint32_t> m_rowMarkCounts;
    QImage m_rowImage;
};

} // namespace gilscope::ui
