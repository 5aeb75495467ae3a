#include "timeline/timelinelegenditem.h"

namespace gilscope::ui {

TimelineLegendItem::TimelineLegendItem(QCPLegend *parent, Swatch swatch, const QColor &colour,
                                       const QString &text)
    : QCPAbstractLegendItem(parent)
    , m_swatch(swatch)
    , m_colour(colour)
    , m_text(text) {
    setSelectable(false);
}

void TimelineLegendItem::draw(QCPPainter *painter) {
    const QSize icon = mParentLegend->iconSize();
    const QFontMetrics fm(mFont);
    const int h = std::max(icon.height(), fm.height());
    const QRect iconRect(mRect.left(), mRect.top() + (h - icon.height()) / 2, icon.width(),
                         icon.height());
    painter->setAntialiasing(false);
    painter->setPen(Qt::NoPen);
    if (m_swatch == Swatch::Box) {
        painter->fillRect(iconRect, m_colour);
    } else {
        const int w = std::max(2, icon.width() / 6);
        painter->fillRect(
            QRect(iconRect.center().x() - w / 2, iconRect.top() - 2, w, icon.height() + 4),
            m_colour);
    }
    painter->setFont(mFont);
    painter->setPen(mTextColor);
    painter->drawText(QRect(iconRect.right() + 1 + mParentLegend->iconTextPadding(), mRect.top(),
                            fm.horizontalAdvance(m_text) + 2, h),
                      Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

QSize TimelineLegendItem::minimumOuterSizeHint() const {
    const QSize icon = mParentLegend->iconSize();
    const QFontMetrics fm(mFont);
    QSize size(icon.width() + mParentLegend->iconTextPadding() + fm.horizontalAdvance(m_text) + 2,
               std::max(icon.height(), fm.height()));
    size.rwidth() += mMargins.left() + mMargins.right();
    size.rheight() += mMargins.top() + mMargins.bottom();
    return size;
}

} // namespace gilscope::ui
