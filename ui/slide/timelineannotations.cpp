#include "slide/timelineannotations.h"

#include "pixels/traceindex.h"
#include "timeline/timelineplottable.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gilscope::ui {

namespace {

constexpr int kMaxLines = 4;
constexpr int kLevels = 5; // how far out a callout may step to keep clear of the others

// Proportions of a callout, in lines of its type: legible at the back of a room when the type is.
struct Callout {
    double line, pad, arrow, head, gap;
    explicit Callout(const QFontMetricsF &m)
        : line(m.height())
        , pad(0.45 * line)
        , arrow(1.3 * line)
        , head(0.6 * line)
        , gap(0.4 * line) {}
};

bool clearOf(const QRectF &box, const std::vector<QRectF> &avoid,
             const std::vector<QRectF> &placed) {
    auto hits = [&](const QRectF &r) { return !r.isEmpty() && r.intersects(box); };
    return std::none_of(avoid.begin(), avoid.end(), hits) &&
           std::none_of(placed.begin(), placed.end(), hits);
}

bool inside(const QRectF &outer, const QRectF &box) {
    return box.left() >= outer.left() - 0.01 && box.right() <= outer.right() + 0.01 &&
           box.top() >= outer.top() - 0.01 && box.bottom() <= outer.bottom() + 0.01;
}

// `box` moved the least to lie inside `bounds` (its top-left corner when it is larger).
QRectF pulledInside(QRectF box, const QRectF &bounds) {
    box.moveLeft(std::clamp(box.left(), bounds.left(),
                            std::max(bounds.left(), bounds.right() - box.width())));
    box.moveTop(std::clamp(box.top(), bounds.top(),
                           std::max(bounds.top(), bounds.bottom() - box.height())));
    return box;
}

} // namespace

QStringList wrapToWidth(const QString &text, const QFontMetricsF &metrics, double width,
                        int maxLines) {
    QStringList lines;
    QString line;
    auto fits = [&](const QString &s) { return metrics.horizontalAdvance(s) <= width; };
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool more = false;
    for (qsizetype i = 0; i < words.size() && !more; ++i) {
        QString word = words[i];
        const QString joined = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (fits(joined)) {
            line = joined;
            continue;
        }
        if (!line.isEmpty()) {
            lines << line;
            line.clear();
        }
        // A word wider than a line: broken where it stops fitting.
        while (!fits(word) && word.size() > 1 && lines.size() < maxLines) {
            qsizetype n = 1;
            while (n < word.size() && fits(word.left(n + 1)))
                ++n;
            lines << word.left(n);
            word = word.mid(n);
        }
        line = word;
        more = lines.size() >= maxLines;
    }
    if (!line.isEmpty() && lines.size() < maxLines)
        lines << line;
    else if (!line.isEmpty())
        more = true;
    if (more && !lines.isEmpty())
        lines.back() =
            metrics.elidedText(lines.back() + QStringLiteral(" …"), Qt::ElideRight, width);
    return lines;
}

std::vector<CalloutGeometry> placeCallouts(const std::vector<CalloutTarget> &targets,
                                           const QFontMetricsF &metrics,
                                           const CalloutSpace &space) {
    const QRectF &bounds = space.bounds;
    const Callout c(metrics);
    const double textWidth = std::min(std::clamp(bounds.width() * 0.4, 6 * c.line, 24 * c.line),
                                      std::max(c.line, bounds.width() - 2 * c.pad));
    std::vector<CalloutGeometry> out(targets.size());
    std::vector<QRectF> placed;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const CalloutTarget &t = targets[i];
        if (std::isnan(t.barTop.x()))
            continue;
        CalloutGeometry &g = out[i];
        g.lines = wrapToWidth(t.text, metrics, textWidth, kMaxLines);
        double widest = c.line;
        for (const QString &line : g.lines)
            widest = std::max(widest, metrics.horizontalAdvance(line));
        const QSizeF size(widest + 2 * c.pad, g.lines.size() * c.line + 2 * c.pad);
        const double x = t.barTop.x();
        const double barBottom = t.barTop.y() + t.barHeight;

        // Above the bar, then below, each a step further out per level.
        struct Candidate {
            QRectF box;
            bool above;
        };
        std::vector<Candidate> candidates;
        for (int level = 0; level < kLevels; ++level) {
            const double out = c.arrow + level * (size.height() + c.gap);
            QRectF above(QPointF(x - size.width() / 2, t.barTop.y() - out - size.height()), size);
            QRectF below(QPointF(x - size.width() / 2, barBottom + out), size);
            for (QRectF *box : {&above, &below})
                box->moveLeft(std::clamp(box->left(), bounds.left(),
                                         std::max(bounds.left(), bounds.right() - box->width())));
            candidates.push_back({above, true});
            candidates.push_back({below, false});
        }
        // Best clear of the data too; then clear of text and other callouts at least.
        const Candidate *chosen = nullptr;
        for (const bool overRows : {false, true})
            for (const QRectF *area : {&space.preferred, &bounds}) {
                for (const Candidate &k : candidates)
                    if (!chosen && inside(*area, k.box) && clearOf(k.box, space.avoid, placed) &&
                        (overRows || clearOf(k.box, space.rows, {})))
                        chosen = &k;
            }
        Candidate fallback{pulledInside(candidates[0].box, bounds), true};
        if (!chosen) {
            // Crowded or tiny: the nearest place inside the page, on whichever side has more room.
            const bool above = t.barTop.y() - bounds.top() >= bounds.bottom() - barBottom;
            fallback = {pulledInside(candidates[above ? 0 : 1].box, bounds), above};
            chosen = &fallback;
        }
        g.box = chosen->box;
        placed.push_back(g.box);
        const double tailX = std::clamp(x, g.box.left() + c.pad, g.box.right() - c.pad);
        g.tail = QPointF(tailX, chosen->above ? g.box.bottom() : g.box.top());
        g.tip = QPointF(x, chosen->above ? t.barTop.y() : barBottom);
    }
    return out;
}

TimelineAnnotations::TimelineAnnotations(QCustomPlot *plot, TimelinePlottable *timeline,
                                         const QString &layer)
    : QCPLayerable(plot, layer)
    , m_timeline(timeline) {}

void TimelineAnnotations::setAnnotations(std::vector<core::Annotation> annotations) {
    m_annotations = std::move(annotations);
    m_callouts.clear();
}

int TimelineAnnotations::annotationAt(const QPointF &pos) const {
    for (std::size_t i = m_callouts.size(); i-- > 0;) {
        const CalloutGeometry &g = m_callouts[i];
        if (g.box.isEmpty())
            continue;
        if (g.box.adjusted(-3, -3, 3, 3).contains(pos))
            return static_cast<int>(i);
        // Within a few pixels of the arrow.
        const QPointF d = g.tip - g.tail;
        const double length2 = QPointF::dotProduct(d, d);
        const double u = length2 > 0
                             ? std::clamp(QPointF::dotProduct(pos - g.tail, d) / length2, 0.0, 1.0)
                             : 0.0;
        const QPointF nearest = g.tail + u * d;
        if (QLineF(nearest, pos).length() <= 4)
            return static_cast<int>(i);
    }
    return -1;
}

void TimelineAnnotations::applyDefaultAntialiasingHint(QCPPainter *painter) const {
    painter->setAntialiasing(true);
}

std::vector<CalloutGeometry> TimelineAnnotations::layout(const QFontMetricsF &metrics) const {
    const auto &index = m_timeline->index();
    if (!index || m_annotations.empty())
        return {};
    const QCPRange range = m_timeline->keyAxis()->range();
    std::vector<CalloutTarget> targets;
    for (const core::Annotation &a : m_annotations) {
        CalloutTarget t;
        t.barTop = QPointF(std::numeric_limits<double>::quiet_NaN(), 0);
        t.text = QString::fromStdString(a.text);
        const TimelineLane *lane =
            m_timeline->layout().laneOfRow(core::annotationRow(a, index->trace()));
        const double at = static_cast<double>(a.at);
        if (lane && at >= range.lower && at <= range.upper) {
            const QRectF bar = m_timeline->barRect(*lane);
            t.barTop = QPointF(m_timeline->keyAxis()->coordToPixel(at), bar.top());
            t.barHeight = bar.height();
        }
        targets.push_back(std::move(t));
    }
    // Inside the page with a margin; best over the chart, clear of the title, legend and rows.
    CalloutSpace space;
    const double margin = std::max(4.0, 0.4 * metrics.height());
    space.bounds = QRectF(parentPlot()->viewport()).adjusted(margin, margin, -margin, -margin);
    space.preferred = space.bounds;
    space.preferred.setBottom(
        std::min(space.bounds.bottom(), double(m_timeline->keyAxis()->axisRect()->bottom())));
    for (QCPLayoutElement *e : parentPlot()->plotLayout()->elements(false))
        if ((qobject_cast<QCPTextElement *>(e) || qobject_cast<QCPLegend *>(e)) && e->visible())
            space.avoid.push_back(e->outerRect());
    for (const TimelineLane &lane : m_timeline->layout().lanes())
        if (lane.kind == TimelineLane::Kind::Thread)
            space.rows.push_back(m_timeline->barRect(lane));
    return placeCallouts(targets, metrics, space);
}

void TimelineAnnotations::draw(QCPPainter *painter) {
    const QFont font = m_timeline->valueAxis()->tickLabelFont();
    const QFontMetricsF metrics(font);
    m_callouts = layout(metrics);
    if (m_callouts.empty())
        return;
    const TimelineTheme &theme = m_timeline->theme();
    const Callout c(metrics);
    const double width = std::max(1.0, c.line / 14);
    QColor fill = theme.background;
    fill.setAlpha(240);
    painter->setFont(font);
    for (const CalloutGeometry &g : m_callouts) {
        if (g.box.isEmpty())
            continue;
        // The arrow: a line to just short of the tip, then a filled head on it.
        const QLineF shaft(g.tail, g.tip);
        if (shaft.length() > 0.5) {
            const QPointF along = (g.tip - g.tail) / shaft.length();
            const QPointF across(-along.y(), along.x());
            const double head = std::min(c.head, shaft.length());
            const QPointF base = g.tip - along * head;
            painter->setPen(QPen(theme.text, width * 1.5, Qt::SolidLine, Qt::FlatCap));
            painter->drawLine(QLineF(g.tail, base + along * 0.5));
            painter->setPen(Qt::NoPen);
            painter->setBrush(theme.text);
            painter->drawPolygon(
                QPolygonF{g.tip, base + across * head * 0.45, base - across * head * 0.45});
        }
        painter->setPen(QPen(theme.text, width));
        painter->setBrush(fill);
        painter->drawRoundedRect(g.box, c.line * 0.25, c.line * 0.25);
        painter->setPen(theme.text);
        for (qsizetype i = 0; i < g.lines.size(); ++i)
            painter->drawText(QRectF(g.box.left() + c.pad, g.box.top() + c.pad + i * c.line,
                                     g.box.width() - c.pad, c.line),
                              Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, g.lines[i]);
    }
}

} // namespace gilscope::ui
