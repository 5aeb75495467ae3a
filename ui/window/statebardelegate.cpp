#include "window/statebardelegate.h"

#include "window/threadmetricsmodel.h"

#include <QPainter>

namespace gilscope::ui {

using core::ThreadState;

StateBarDelegate::StateBarDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

void StateBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, option, QModelIndex()); // selection background only
    const QVariantList times = index.data(ThreadMetricsModel::StateTimesRole).toList();
    const double total = index.data(ThreadMetricsModel::MakespanRole).toDouble();
    if (times.isEmpty() || total <= 0)
        return;
    static constexpr ThreadState order[] = {ThreadState::Running,  ThreadState::WaitingForGil,
                                            ThreadState::Ready,    ThreadState::Io,
                                            ThreadState::Starting, ThreadState::Native,
                                            ThreadState::LockWait, ThreadState::QueueWait};
    const QRectF bar =
        QRectF(option.rect)
            .adjusted(3, option.rect.height() * 0.25, -3, -option.rect.height() * 0.25);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(bar, option.palette.color(QPalette::Mid).lighter(m_theme.dark ? 60 : 150));
    double x = bar.left();
    for (int i = 0; i < times.size() && i < static_cast<int>(std::size(order)); ++i) {
        const double w = bar.width() * std::clamp(times[i].toDouble() / total, 0.0, 1.0);
        if (w > 0)
            painter->fillRect(QRectF(x, bar.top(), std::min(w, bar.right() - x), bar.height()),
                              m_theme.stateColor(order[i]));
        x += w;
    }
    painter->restore();
}

QSize StateBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), 120));
    return s;
}

} // namespace gilscope::ui
