#include "play/stagepainter.h"

#include "timeline/timeformat.h"

#include <QFontMetricsF>
#include <QObject>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>

namespace gilscope::ui {

using core::MarkKind;
using core::ThreadState;

namespace {

// Heights in units of the font size: the line with the time, one band per GIL (token above the
// boxes, the boxes, a flash label below), the cores.
constexpr double kHeader = 1.9;
constexpr double kSection = 5.4;
constexpr double kCores = 3.6;
constexpr double kBoxHeight = 2.7;
constexpr double kTokenSpace = 1.25;

QColor textOn(const QColor &fill) {
    // Dark text on light fills, white on dark ones (relative luminance, roughly).
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.55 ? QColor(0x16, 0x18, 0x1c) : QColor(Qt::white);
}

QFont fontOf(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

void drawText(QPainter *p, const QRectF &r, int flags, const QString &text, const QFont &font,
              const QColor &colour) {
    p->setFont(font);
    p->setPen(colour);
    const QString elided = QFontMetricsF(font).elidedText(text, Qt::ElideRight, r.width());
    p->drawText(r, flags, elided);
}

// A pill with text: the GIL token, a waiter's badge.
void drawPill(QPainter *p, const QPointF &centre, double height, const QString &text,
              const QFont &font, const QColor &fill, const QColor &outline) {
    const double w = std::max(height, QFontMetricsF(font).horizontalAdvance(text) + height * 0.7);
    const QRectF r(centre.x() - w / 2, centre.y() - height / 2, w, height);
    p->setPen(QPen(outline, std::max(1.0, height * 0.08)));
    p->setBrush(fill);
    p->drawRoundedRect(r, height / 2, height / 2);
    p->setFont(font);
    p->setPen(textOn(fill));
    p->drawText(r, Qt::AlignCenter, text);
}

} // namespace

double StagePainter::heightFor(double fontPx, int sections) {
    return fontPx * (kHeader + kSection * std::max(1, sections) + kCores);
}

QString StagePainter::flashLabel(MarkKind kind, int count) {
    QString text;
    switch (kind) {
    case MarkKind::FailedAcquire:
    case MarkKind::RepeatedFailedAcquire:
        text = QObject::tr("failed wake-up");
        break;
    case MarkKind::DropRequest:
        text = QObject::tr("drop request");
        break;
    case MarkKind::ForcedHandoff:
        text = QObject::tr("forced hand-off");
        break;
    case MarkKind::IoEnd:
        text = QObject::tr("I/O done");
        break;
    default:
        text = markLabel(kind);
        break;
    }
    return count > 1 ? QStringLiteral("%1 ×%2").arg(text).arg(count) : text;
}

QColor StagePainter::flashColour(MarkKind kind, int count) const {
    switch (kind) {
    case MarkKind::FailedAcquire:
    case MarkKind::RepeatedFailedAcquire:
        // Beazley's colours: yellow the first time, red when it keeps failing.
        return count > 1 ? m_theme.failedRepeated : m_theme.failedFirst;
    case MarkKind::DropRequest:
        return m_theme.dropRequest;
    case MarkKind::ForcedHandoff:
        return m_theme.forcedHandoff;
    default:
        return m_theme.holder[1]; // teal: no state or lock mark uses it
    }
}

void StagePainter::paint(QPainter *p, const QRectF &rect, const core::Stage &stage,
                         const core::Trace &trace) const {
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setClipRect(rect);

    // Sections: one per GIL, then the rows that need none (free-threaded, no GIL).
    struct Section {
        QString label;
        const core::StageGil *gil = nullptr;
        std::vector<int> rows;
    };
    std::vector<Section> sections;
    std::map<int, std::size_t> sectionOfGil;
    for (const core::StageGil &g : stage.gils) {
        sectionOfGil[g.gilId] = sections.size();
        Section s;
        s.gil = &g;
        s.label = stage.gils.size() > 1 && !g.groupName.empty()
                      ? QString::fromStdString(g.groupName)
                      : QObject::tr("the GIL");
        sections.push_back(std::move(s));
    }
    std::vector<int> gilless;
    for (std::size_t r = 0; r < trace.threads.size(); ++r) {
        const int id = trace.threads[r].info.gilId;
        auto it = sectionOfGil.find(id);
        if (id >= 0 && it != sectionOfGil.end())
            sections[it->second].rows.push_back(static_cast<int>(r));
        else
            gilless.push_back(static_cast<int>(r));
    }
    if (!gilless.empty())
        sections.push_back({QObject::tr("no GIL"), nullptr, gilless});

    // The font shrinks until every section fits the height.
    const double f = std::min(
        m_fontPx,
        rect.height() / (kHeader + kSection * std::max<std::size_t>(1, sections.size()) + kCores));
    const double margin = f * 0.6;
    const QRectF area = rect.adjusted(margin, 0, -margin, 0);
    const QFont normal = fontOf(f), bold = fontOf(f, true), small = fontOf(f * 0.78);
    const QFont smallBold = fontOf(f * 0.78, true);

    // The time, as the playhead reads it.
    drawText(p, QRectF(area.left(), rect.top(), area.width(), f * kHeader),
             Qt::AlignLeft | Qt::AlignVCenter,
             QObject::tr("t = %1").arg(formatTimestamp(static_cast<double>(stage.time), 1.0)), bold,
             m_theme.text);

    // The latest flash of each row.
    std::map<int, const core::StageFlash *> flashOf;
    for (const core::StageFlash &fl : stage.flashes)
        flashOf[fl.row] = &fl; // oldest first: the latest wins
    auto fade = [&](core::TimeNs at) {
        if (m_lookBack <= 0)
            return 1.0;
        const double age = static_cast<double>(stage.time - at) / static_cast<double>(m_lookBack);
        return std::clamp(1.0 - age, 0.25, 1.0);
    };

    const double labelWidth = std::min(area.width() * 0.22, f * 9.5);
    double y = rect.top() + f * kHeader;
    for (const Section &s : sections) {
        const QRectF band(area.left(), y, area.width(), f * kSection);
        const double boxTop = y + f * kTokenSpace;
        // The section's label; a free GIL's token waits beside it.
        drawText(p, QRectF(band.left(), boxTop, labelWidth, f * 1.3),
                 Qt::AlignLeft | Qt::AlignVCenter, s.label, bold, m_theme.text);
        if (s.gil) {
            const QString status =
                s.gil->holder < 0 ? QObject::tr("GIL free")
                : s.gil->waiters.empty()
                    ? QObject::tr("nobody waits")
                    : QObject::tr("%n waiting", nullptr, static_cast<int>(s.gil->waiters.size()));
            drawText(p, QRectF(band.left(), boxTop + f * 1.3, labelWidth, f * 1.2),
                     Qt::AlignLeft | Qt::AlignVCenter, status, small, m_theme.axis);
            if (s.gil->holder < 0)
                drawPill(p, QPointF(band.left() + labelWidth - f * 1.6, boxTop + f * 0.65), f * 1.1,
                         QObject::tr("GIL"), smallBold, tokenColour(), m_theme.text);
        }

        // The boxes: as wide as fits, with a "+N more" when they would get too narrow.
        const double boxesLeft = band.left() + labelWidth + f * 0.5;
        const double boxesWidth = band.right() - boxesLeft;
        const double gap = f * 0.5;
        const int n = static_cast<int>(s.rows.size());
        const double minBox = f * 4.5;
        int shown = std::max(1, std::min(n, static_cast<int>((boxesWidth + gap) / (minBox + gap))));
        if (shown < n)
            shown = std::max(1, shown - 1); // room for the "+N more"
        const double boxWidth = std::min(f * 10.5, (boxesWidth - gap * (shown - 1 + (shown < n))) /
                                                       (shown + (shown < n)));
        for (int i = 0; i < shown && i < n; ++i) {
            const int row = s.rows[static_cast<std::size_t>(i)];
            const ThreadState state = stage.states[static_cast<std::size_t>(row)];
            const QRectF box(boxesLeft + i * (boxWidth + gap), boxTop, boxWidth, f * kBoxHeight);
            QColor fill = m_theme.stateColor(state);
            const bool gone = !fill.isValid(); // done, or not started
            if (gone)
                fill = m_theme.background;
            p->setPen(gone ? QPen(m_theme.grid, f * 0.08, Qt::DashLine) : Qt::NoPen);
            p->setBrush(fill);
            p->drawRoundedRect(box, f * 0.35, f * 0.35);
            const QColor ink = gone ? m_theme.axis : textOn(fill);
            const QString name =
                QString::fromStdString(trace.threads[static_cast<std::size_t>(row)].info.name);
            drawText(
                p,
                QRectF(box.left() + f * 0.3, box.top() + f * 0.2, box.width() - f * 0.6, f * 1.3),
                Qt::AlignHCenter | Qt::AlignVCenter, name, bold, ink);
            drawText(
                p,
                QRectF(box.left() + f * 0.3, box.top() + f * 1.4, box.width() - f * 0.6, f * 1.1),
                Qt::AlignHCenter | Qt::AlignVCenter, stateLabel(state), small, ink);

            // Flashes first, so the token and badges stay on top of their rings.
            if (auto it = flashOf.find(row); it != flashOf.end()) {
                const core::StageFlash &fl = *it->second;
                QColor c = flashColour(fl.kind, fl.count);
                c.setAlphaF(static_cast<float>(fade(fl.at)));
                p->setPen(QPen(c, f * 0.3));
                p->setBrush(Qt::NoBrush);
                p->drawRoundedRect(box.adjusted(-f * 0.2, -f * 0.2, f * 0.2, f * 0.2), f * 0.45,
                                   f * 0.45);
                drawText(p,
                         QRectF(box.left() - gap / 2, box.bottom() + f * 0.2, box.width() + gap,
                                f * 1.2),
                         Qt::AlignHCenter | Qt::AlignVCenter, flashLabel(fl.kind, fl.count),
                         smallBold, c);
            }
            // The GIL token sits on its holder; a badge numbers each waiter in wake-up order.
            if (s.gil && s.gil->holder == row) {
                p->setPen(QPen(tokenColour(), f * 0.22));
                p->setBrush(Qt::NoBrush);
                p->drawRoundedRect(box.adjusted(-f * 0.11, -f * 0.11, f * 0.11, f * 0.11), f * 0.4,
                                   f * 0.4);
                drawPill(p, QPointF(box.center().x(), box.top() - f * 0.1), f * 1.15,
                         QObject::tr("GIL"), smallBold, tokenColour(), m_theme.text);
            } else if (s.gil) {
                const auto &w = s.gil->waiters;
                if (auto it = std::find(w.begin(), w.end(), row); it != w.end())
                    drawPill(p, QPointF(box.left() + f * 0.55, box.top() - f * 0.1), f * 1.0,
                             QString::number(it - w.begin() + 1), smallBold,
                             m_theme.stateColor(ThreadState::WaitingForGil), m_theme.text);
            }
        }
        if (shown < n)
            drawText(p,
                     QRectF(boxesLeft + shown * (boxWidth + gap), boxTop, boxWidth, f * kBoxHeight),
                     Qt::AlignCenter, QObject::tr("+%1 more").arg(n - shown), normal, m_theme.axis);
        y += f * kSection;
    }

    // The cores: a slot each, with the thread running on it.
    const double slotTop = y + f * 0.3;
    drawText(p, QRectF(area.left(), slotTop, labelWidth, f * 2.4), Qt::AlignLeft | Qt::AlignVCenter,
             QObject::tr("cores"), bold, m_theme.text);
    const double slotsLeft = area.left() + labelWidth + f * 0.5;
    const int cores = static_cast<int>(stage.cores.size());
    const double gap = f * 0.4;
    const double slotWidth =
        cores > 0 ? std::min(f * 8.0, (area.right() - slotsLeft - gap * (cores - 1)) / cores) : 0;
    const bool roomy = slotWidth > f * 3.5;
    for (int c = 0; c < cores; ++c) {
        const QRectF slot(slotsLeft + c * (slotWidth + gap), slotTop, slotWidth, f * 2.4);
        const int row = stage.cores[static_cast<std::size_t>(c)];
        p->setPen(QPen(m_theme.axis, f * 0.08));
        if (row < 0) {
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(slot, f * 0.3, f * 0.3);
            if (roomy)
                drawText(p, slot, Qt::AlignCenter, QObject::tr("idle"), small, m_theme.axis);
            continue;
        }
        const QColor fill = m_theme.stateColor(ThreadState::Running);
        p->setBrush(fill);
        p->drawRoundedRect(slot, f * 0.3, f * 0.3);
        drawText(p, slot.adjusted(f * 0.2, 0, -f * 0.2, 0), Qt::AlignCenter,
                 QString::fromStdString(trace.threads[static_cast<std::size_t>(row)].info.name),
                 roomy ? normal : small, textOn(fill));
    }
    p->restore();
}

} // namespace gilscope::ui
