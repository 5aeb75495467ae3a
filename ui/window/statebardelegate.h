#pragma once

#include "slide/timelinetheme.h"

#include <QStyledItemDelegate>

namespace gilscope::ui {

// Paints ThreadMetricsModel's StateTimesRole as a small stacked bar in the timeline's colours,
// so the table and the chart speak the same colour language.
class StateBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit StateBarDelegate(QObject *parent = nullptr);
    void setTheme(const TimelineTheme &theme) { m_theme = theme; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    TimelineTheme m_theme = TimelineTheme::screenLight();
};

} // namespace gilscope::ui
