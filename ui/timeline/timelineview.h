#pragma once

#include <array>

#include "pixels/pixelgrid.h"
#include "pixels/timewindow.h"
#include "pixels/traceindex.h"
#include "scenario/annotation.h"
#include "slide/timelinetheme.h"
#include "timeline/timelinelayout.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QPointer>

class QMenu;
class QRubberBand;

namespace gilscope::ui {

class TimelineAnnotations;
class TimelinePlottable;
class ZoomHistory;

// The timeline chart: one TimelinePlottable with a time axis (adaptive units), thread names on
// the left, a legend and a title that exports carry along. Mouse: wheel zooms around the cursor,
// drag pans, right- or Shift-drag zooms to a band, double-click zooms in; hovering shows what a
// segment, a mark or a folded pixel holds. The visible range lives in ZoomHistory. Annotations
// (text callouts with an arrow to a time on a row) are drawn over the chart; a right-click on a
// row offers "Annotate…", on an annotation "Remove".
class TimelineView : public QCustomPlot {
    Q_OBJECT
public:
    enum class ThemeMode { FollowPalette, Light, Dark };
    // Tallest a row gets, in pixels, however few rows there are.
    static constexpr double kMaxRowPx = 88;

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setIndex(core::TraceIndexPtr index);
    const core::TraceIndexPtr &index() const;
    ZoomHistory *zoom() const { return m_zoom; }
    TimelinePlottable *timeline() const { return m_plottable; }

    void setThemeMode(ThemeMode mode);
    ThemeMode themeMode() const { return m_themeMode; }
    // An explicit theme (exports, slides); setThemeMode() returns to the screen themes.
    void setTheme(const TimelineTheme &theme);
    const TimelineTheme &theme() const { return m_theme; }

    void setShowHolderLanes(bool show);
    bool showHolderLanes() const { return m_showHolder; }
    void setShowBusyLane(bool show);
    bool showBusyLane() const { return m_showBusy; }
    void setTitle(const QString &title);
    // The key to the GIL-holder lanes: each holder colour and the rows it stands for.
    static std::vector<std::pair<QColor, QString>> holderKey(const core::TraceIndex &index,
                                                             const TimelineTheme &theme);
    // The title's largest font; long titles wrap to two lines and then shrink from it.
    void setTitleFont(const QFont &font);
    // Lays the title out again for the current width (after a resize or a new viewport).
    void refitTitle();
    QString title() const;
    // The thread rows shown, top to bottom; nothing: every row in the trace's order (exports
    // that hide or reorder rows).
    void setRowOrder(std::optional<std::vector<int>> rows);
    const std::optional<std::vector<int>> &rowOrder() const { return m_rowOrder; }

    // The callouts drawn over the chart. setAnnotations() does not signal; edits made with the
    // mouse (or addAnnotation/removeAnnotation) emit annotationsEdited.
    void setAnnotations(std::vector<core::Annotation> annotations);
    const std::vector<core::Annotation> &annotations() const;
    void addAnnotation(const core::Annotation &annotation);
    void removeAnnotation(int i);
    TimelineAnnotations *annotationLayer() const { return m_annotations; }
    // The right-click menu for widget position `pos` (the caller owns it): "Annotate…" over a
    // thread row, "Remove Annotation" over a callout, then the zoom actions.
    QMenu *contextMenuAt(const QPointF &pos);
    // Asks for a note's text and adds it at `at` on thread row `row` (a modal dialog).
    void askAnnotation(const QString &row, core::TimeNs at);

    // The run's headline figures (metricsCaption()) for the chart's accessible description,
    // which says the title, these figures and the visible range, and follows each as it changes.
    void setAccessibleFigures(const QString &figures);

    // What hovering at `pos` (widget pixels) explains, as rich text; empty over nothing.
    QString toolTipAt(const QPointF &pos) const;
    double timeAt(double x) const;
    double xAt(double t) const;
    // Widget-pixel rectangle of a thread row's bar (tests, exports, overlays).
    QRectF rowBarRect(int row) const;

signals:
    // After each replot: the new frame is on screen.
    void frameRendered();
    // Time under the mouse; NaN when it leaves the chart.
    void hoverTimeChanged(double ns);
    // The colours changed (theme mode, desktop palette): panels drawing states follow.
    void themeChanged(const gilscope::ui::TimelineTheme &theme);
    // The user added or removed an annotation: the whole new list.
    void annotationsEdited(const std::vector<gilscope::core::Annotation> &annotations);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Drag { None, Pan, Band };

    void applyTheme();
    void rebuildLayout();
    void rebuildLegend();
    void updateLegendWrap();
    void updateRowLabels();
    void updateVerticalRange();
    void onWindowChanged(core::TimeWindow window);
    void updateAccessibleDescription();
    bool inChart(const QPointF &pos) const;
    QString threadToolTip(const TimelineLane &lane, double t, const core::PixelGrid &column) const;
    QString holderToolTip(const TimelineLane &lane, double t, const core::PixelGrid &column) const;
    QString busyToolTip(double t, const core::PixelGrid &column) const;
    core::PixelGrid columnAt(double x) const;
    void showContextMenu(const QPointF &pos, const QPoint &globalPos);
    core::TimeNs annotationTimeAt(double x) const;

    TimelinePlottable *m_plottable;
    TimelineAnnotations *m_annotations;
    ZoomHistory *m_zoom;
    QCPTextElement *m_title;
    QString m_titleText;
    QString m_figures; // the run's headline figures, for the accessible description
    QFont m_titleFont;
    QSharedPointer<QCPAxisTickerText> m_rowTicker;
    QRubberBand *m_band = nullptr;
    TimelineTheme m_theme;
    ThemeMode m_themeMode = ThemeMode::FollowPalette;
    bool m_explicitTheme = false;
    bool m_showHolder = true;
    bool m_showBusy = true;
    // Which states the shown trace has (the legend lists the steps' states only when used),
    // worked out once per trace.
    const core::Trace *m_statesOf = nullptr;
    std::array<bool, core::kThreadStateCount> m_statesUsed{};
    std::optional<std::vector<int>> m_rowOrder;
    int m_labelStep = 1;

    Drag m_drag = Drag::None;
    double m_pressX = 0;
    core::TimeWindow m_pressWindow;
    bool m_dragMoved = false;
    QElapsedTimer m_wheelClock;
};

} // namespace gilscope::ui
