#pragma once

#include <qcustomplot.h>

namespace gilscope::ui {

// One legend entry of the timeline: a swatch (a filled box for a state, a thin bar for a mark)
// and its text. Part of the plot's own layout, so exports carry the legend too.
class TimelineLegendItem : public QCPAbstractLegendItem {
    Q_OBJECT
public:
    enum class Swatch { Box, Line };

    TimelineLegendItem(QCPLegend *parent, Swatch swatch, const QColor &colour, const QString &text);

    QString text() const { return m_text; }
    QColor colour() const { return m_colour; }

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    Swatch m_swatch;
    QColor m_colour;
    QString m_text;
};

} // namespace gilscope::ui
