#include "timeline/timelineview.h"

#include "slide/titlefit.h"

#include "pixels/pixelreduction.h"
#include "slide/timelineannotations.h"
#include "timeline/timeaxisticker.h"
#include "timeline/timeformat.h"
#include "timeline/timelinelegenditem.h"
#include "timeline/timelineplottable.h"
#include "timeline/zoomhistory.h"

#include <QAccessibleWidget>
#include <QFontInfo>
#include <QHelpEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QRubberBand>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gilscope::ui {

using core::MarkKind;
using core::ThreadState;

namespace {

constexpr double kWheelZoomPerNotch = 0.8;
constexpr int kGestureGapMs = 600;
constexpr int kDragThresholdPx = 3;
constexpr double kMarkHoverPx = 2.5;

QString colourSwatch(const QColor &c) {
    return c.isValid() ? QStringLiteral("<span style=\"color:%1\">&#9632;</span> ").arg(c.name())
                       : QString();
}

QString kindName(const std::string &kind) {
    if (kind == "cpu")
        return QObject::tr("CPU-bound");
    if (kind == "io")
        return QObject::tr("I/O-bound");
    if (kind == "mixed")
        return QObject::tr("mixed CPU and I/O");
    return QString::fromStdString(kind);
}

QString percent(double part, double whole) {
    return QStringLiteral("%1 %").arg(whole > 0 ? 100.0 * part / whole : 0.0, 0, 'f', 0);
}

} // namespace

namespace {

// Screen readers get the chart as a chart (Qt would call any custom widget a filler).
QAccessibleInterface *accessibleChart(const QString &className, QObject *object) {
    if (className == QLatin1String("gilscope::ui::TimelineView") && object &&
        object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Chart);
    return nullptr;
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QCustomPlot(parent)
    , m_plottable(new TimelinePlottable(xAxis, yAxis))
    , m_annotations(nullptr)
    , m_zoom(new ZoomHistory(this))
    , m_title(new QCPTextElement(this))
    , m_rowTicker(new QCPAxisTickerText) {
    // Before anything (a name, an event) makes Qt build this widget's interface and cache it.
    static const bool chartRole = (QAccessible::installFactory(accessibleChart), true);
    Q_UNUSED(chartRole);
    setObjectName(QStringLiteral("timeline"));
    setMinimumSize(320, 200);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline chart"));
    setInteractions({}); // our own gestures, so ZoomHistory sees every change
    setNoAntialiasingOnDrag(true);
    setPlottingHint(QCP::phCacheLabels, true);
    // Callouts above the rows and axes, below the legend.
    addLayer(QStringLiteral("annotations"), layer(QStringLiteral("axes")), limAbove);
    m_annotations = new TimelineAnnotations(this, m_plottable, QStringLiteral("annotations"));

    // Title on top, chart, legend below.
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    m_titleFont = titleFont;
    m_title->setFont(titleFont);
    m_title->setVisible(false);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    plotLayout()->setRowSpacing(4);
    legend->setVisible(true);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setIconSize(14, 12);
    legend->setColumnSpacing(14);
    legend->setMargins(QMargins(8, 4, 8, 8));

    xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new TimeAxisTicker));
    xAxis->setLabel(tr("simulated time"));
    xAxis->grid()->setVisible(true);
    xAxis->grid()->setSubGridVisible(false);
    xAxis->setRange(0, 1e6);
    yAxis->setTicker(m_rowTicker);
    yAxis->setRangeReversed(true);
    yAxis->grid()->setVisible(false);
    yAxis->setSubTicks(false);
    yAxis->setTickLength(0, 0);
    yAxis->setBasePen(Qt::NoPen);
    yAxis->setTickPen(Qt::NoPen);
    yAxis->setPadding(6);
    yAxis->setRange(0, 1);

    connect(m_zoom, &ZoomHistory::windowChanged, this, &TimelineView::onWindowChanged);
    connect(this, &QCustomPlot::afterReplot, this, [this] {
        // Row labels thin out when rows get shorter than a line of text; the layout is only
        // known after a replot, so a change of density asks for one more.
        const int before = m_labelStep;
        const QCPRange rows = yAxis->range();
        updateVerticalRange();
        updateRowLabels();
        if (m_labelStep != before || !(yAxis->range() == rows))
            replot(rpQueuedReplot);
        emit frameRendered();
    });
    m_wheelClock.invalidate();
    applyTheme();
}

TimelineView::~TimelineView() = default;

const core::TraceIndexPtr &TimelineView::index() const {
    return m_plottable->index();
}

void TimelineView::setIndex(core::TraceIndexPtr index) {
    m_plottable->setData(std::move(index), TimelineLayout());
    rebuildLayout();
    const auto &ix = m_plottable->index();
    const double end = ix ? static_cast<double>(ix->trace().endNs) : 0.0;
    m_zoom->setExtent(core::TimeWindow{0, end > 0 ? end : 1e6});
    xAxis->setRange(m_zoom->window().begin, m_zoom->window().end);
    updateAccessibleDescription();
    replot(rpQueuedReplot);
}

std::vector<std::pair<QColor, QString>> TimelineView::holderKey(const core::TraceIndex &index,
                                                                const TimelineTheme &theme) {
    // One entry per holder colour in use, naming the rows it stands for (colours cycle after
    // kHolderColours rows, so a colour may stand for several).
    std::vector<std::pair<QColor, QStringList>> byColour;
    for (std::size_t row = 0; row < index.rowCount(); ++row) {
        const std::uint8_t category = index.holderColourOfRow(row);
        if (category == core::TraceIndex::kFree)
            continue;
        const QColor colour = theme.holderColor(category);
        auto it = std::find_if(byColour.begin(), byColour.end(),
                               [&](const auto &entry) { return entry.first == colour; });
        if (it == byColour.end()) {
            byColour.push_back({colour, {}});
            it = byColour.end() - 1;
        }
        it->second << QString::fromStdString(index.trace().threads[row].info.name);
    }
    std::vector<std::pair<QColor, QString>> key;
    for (const auto &[colour, names] : byColour)
        key.push_back({colour, names.size() <= 2
                                   ? tr("GIL: %1").arg(names.join(QStringLiteral(", ")))
                                   : tr("GIL: %1, %2, …").arg(names[0], names[1])});
    return key;
}

void TimelineView::rebuildLayout() {
    const auto &ix = m_plottable->index();
    std::vector<int> annotated;
    if (ix)
        for (const core::Annotation &a : annotations())
            annotated.push_back(core::annotationRow(a, ix->trace()));
    TimelineLayout layout =
        ix ? TimelineLayout::build(*ix, m_showHolder, m_showBusy, m_rowOrder, annotated)
           : TimelineLayout();
    m_plottable->setData(ix, std::move(layout));
    rebuildLegend();
    updateVerticalRange();
    m_labelStep = 0; // force new labels
    updateRowLabels();
}

void TimelineView::updateVerticalRange() {
    // Rows share the height, but a few threads should not turn into slabs: beyond
    // kMaxRowPx a row stops growing and the rows stay at the top.
    const double content = std::max(1.0, m_plottable->layout().height());
    const double fitting = axisRect()->height() > 0 ? axisRect()->height() / kMaxRowPx : 0.0;
    yAxis->setRange(0, std::max(content, fitting));
}

void TimelineView::updateRowLabels() {
    const auto &layout = m_plottable->layout();
    const double rowPx = axisRect()->height() > 0 && layout.height() > 0
                             ? axisRect()->height() / layout.height()
                             : 1e9;
    const double lineHeight = QFontMetricsF(yAxis->tickLabelFont()).height();
    const int step = std::max(1, static_cast<int>(std::ceil(lineHeight * 1.05 / rowPx)));
    if (step == m_labelStep)
        return;
    m_labelStep = step;
    m_rowTicker->clear();
    int k = 0;
    for (const auto &lane : layout.lanes()) {
        if (lane.kind == TimelineLane::Kind::GroupHeader) {
            k = 0;
            continue;
        }
        if (k++ % step == 0)
            m_rowTicker->addTick(lane.centre(), lane.label);
    }
}

void TimelineView::setThemeMode(ThemeMode mode) {
    m_themeMode = mode;
    m_explicitTheme = false;
    applyTheme();
}

void TimelineView::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    m_explicitTheme = true;
    applyTheme();
}

void TimelineView::applyTheme() {
    if (!m_explicitTheme) {
        switch (m_themeMode) {
        case ThemeMode::FollowPalette:
            m_theme = TimelineTheme::forPalette(palette());
            break;
        case ThemeMode::Light:
            m_theme = TimelineTheme::screenLight();
            break;
        case ThemeMode::Dark:
            m_theme = TimelineTheme::screenDark();
            break;
        }
    }
    const TimelineTheme &t = m_theme;
    setBackground(t.background);
    axisRect()->setBackground(Qt::NoBrush);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setTickLabelColor(t.text);
        axis->setLabelColor(t.axis);
    }
    xAxis->setBasePen(QPen(t.axis));
    xAxis->setTickPen(QPen(t.axis));
    xAxis->setSubTickPen(QPen(t.axis));
    xAxis->grid()->setPen(QPen(t.grid, 1));
    m_title->setTextColor(t.text);
    m_plottable->setTheme(t);
    rebuildLegend();
    replot(rpQueuedReplot);
    emit themeChanged(m_theme);
}

namespace {
bool hasState(const core::Trace &trace, ThreadState state) {
    for (const auto &track : trace.threads)
        if (std::find(track.segmentState.begin(), track.segmentState.end(), state) !=
            track.segmentState.end())
            return true;
    return false;
}
} // namespace

void TimelineView::rebuildLegend() {
    legend->clearItems();
    legend->setTextColor(m_theme.text);
    using Swatch = TimelineLegendItem::Swatch;
    auto add = [this](Swatch s, const QColor &c, const QString &text) {
        legend->addItem(new TimelineLegendItem(legend, s, c, text));
    };
    const auto &ix = m_plottable->index();
    if (ix && &ix->trace() != m_statesOf) {
        m_statesOf = &ix->trace();
        m_statesUsed.fill(false);
        for (const auto &track : ix->trace().threads)
            for (ThreadState s : track.segmentState)
                m_statesUsed[static_cast<std::size_t>(s)] = true;
    }
    for (ThreadState s : {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Ready,
                          ThreadState::Io, ThreadState::Starting})
        add(Swatch::Box, m_theme.stateColor(s), stateLabel(s));
    // Steps' states and the sampling recorder's lock waits: keyed when a row has one.
    if (const auto &ix = m_plottable->index(); ix)
        for (ThreadState s : {ThreadState::Native, ThreadState::LockWait, ThreadState::QueueWait})
            if (hasState(ix->trace(), s))
                add(Swatch::Box, m_theme.stateColor(s), stateLabel(s));
    add(Swatch::Line, m_theme.failedFirst, tr("failed wake-up (first)"));
    add(Swatch::Line, m_theme.failedRepeated, tr("failed wake-up (again)"));
    add(Swatch::Line, m_theme.dropRequest, tr("drop request"));
    add(Swatch::Line, m_theme.forcedHandoff, tr("forced hand-off"));
    if (m_showBusy)
        add(Swatch::Box, m_theme.busy, tr("cores busy"));
    if (m_showHolder && m_plottable->index())
        for (const auto &[colour, text] : holderKey(*m_plottable->index(), m_theme))
            add(Swatch::Box, colour, text);
    updateLegendWrap();
}

void TimelineView::updateLegendWrap() {
    // As many equal columns per legend row as the width allows, rows balanced.
    int n = 0, widest = 1;
    for (int i = 0; i < legend->itemCount(); ++i) // counts grid cells, some of them empty
        if (QCPAbstractLegendItem *item = legend->item(i)) {
            ++n;
            widest = std::max(widest, item->minimumOuterSizeHint().width());
        }
    if (n == 0)
        return;
    const int available =
        std::max(1, width() - legend->margins().left() - legend->margins().right() - 8);
    const int perRow = std::clamp(
        (available + legend->columnSpacing()) / (widest + legend->columnSpacing()), 1, n);
    const int rows = (n + perRow - 1) / perRow;
    const int balanced = (n + rows - 1) / rows;
    if (legend->wrap() != balanced) {
        legend->setWrap(balanced);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

void TimelineView::resizeEvent(QResizeEvent *event) {
    updateLegendWrap();
    refitTitle();
    QCustomPlot::resizeEvent(event);
}

void TimelineView::setShowHolderLanes(bool show) {
    if (show == m_showHolder)
        return;
    m_showHolder = show;
    rebuildLayout();
    replot(rpQueuedReplot);
}

void TimelineView::setShowBusyLane(bool show) {
    if (show == m_showBusy)
        return;
    m_showBusy = show;
    rebuildLayout();
    rebuildLegend();
    replot(rpQueuedReplot);
}

void TimelineView::setTitle(const QString &title) {
    m_titleText = title;
    m_title->setVisible(!title.isEmpty());
    refitTitle();
    updateAccessibleDescription();
    replot(rpQueuedReplot);
}

QString TimelineView::title() const {
    return m_titleText;
}

void TimelineView::setTitleFont(const QFont &font) {
    m_titleFont = font;
    refitTitle();
}

void TimelineView::refitTitle() {
    // Long titles wrap to two lines, then shrink: never clipped at the edges.
    const QMargins margins = plotLayout()->margins();
    const int width = (viewport().width() > 0 ? viewport().width() : this->width()) -
                      margins.left() - margins.right();
    const int px =
        m_titleFont.pixelSize() > 0 ? m_titleFont.pixelSize() : QFontInfo(m_titleFont).pixelSize();
    const FittedTitle fitted = fitTitle(m_titleText, m_titleFont, width, std::max(8, px * 9 / 20));
    m_title->setText(fitted.text);
    m_title->setFont(fitted.font);
}

void TimelineView::setRowOrder(std::optional<std::vector<int>> rows) {
    m_rowOrder = std::move(rows);
    rebuildLayout();
    replot(rpQueuedReplot);
}

void TimelineView::setAnnotations(std::vector<core::Annotation> annotations) {
    m_annotations->setAnnotations(std::move(annotations));
    rebuildLayout(); // room above the annotated rows
    replot(rpQueuedReplot);
}

const std::vector<core::Annotation> &TimelineView::annotations() const {
    return m_annotations->annotations();
}

void TimelineView::addAnnotation(const core::Annotation &annotation) {
    auto list = annotations();
    list.push_back(annotation);
    setAnnotations(list);
    emit annotationsEdited(list);
}

void TimelineView::removeAnnotation(int i) {
    auto list = annotations();
    if (i < 0 || i >= static_cast<int>(list.size()))
        return;
    list.erase(list.begin() + i);
    setAnnotations(list);
    emit annotationsEdited(list);
}

core::TimeNs TimelineView::annotationTimeAt(double x) const {
    // Rounded to the pixel's resolution: a click means "about here", and the saved file then
    // says 20.5 ms rather than 20.49871 ms.
    const double t = timeAt(x);
    const double nsPerPx = m_zoom->window().span() / std::max(1, axisRect()->width());
    const double step = std::pow(10.0, std::floor(std::log10(std::max(1.0, nsPerPx))));
    return std::max<core::TimeNs>(0, std::llround(std::round(t / step) * step));
}

void TimelineView::askAnnotation(const QString &row, core::TimeNs at) {
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("annotationDialog"));
    dialog.setWindowTitle(tr("Annotate"));
    const double precision = std::max(1.0, m_zoom->window().span() / 1000);
    dialog.setLabelText(tr("A note on %1 at %2, drawn with an arrow on the chart and in exports:")
                            .arg(row, formatTimestamp(static_cast<double>(at), precision)));
    dialog.setInputMode(QInputDialog::TextInput);
    if (auto *edit = dialog.findChild<QLineEdit *>())
        edit->setMaxLength(core::AnnotationLimits::kMaxTextChars);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString text = dialog.textValue().simplified();
    if (!text.isEmpty())
        addAnnotation(core::Annotation{row.toStdString(), at, text.toStdString()});
}

void TimelineView::onWindowChanged(core::TimeWindow window) {
    xAxis->setRange(window.begin, window.end);
    updateAccessibleDescription();
    replot(rpQueuedReplot);
}

void TimelineView::setAccessibleFigures(const QString &figures) {
    m_figures = figures;
    updateAccessibleDescription();
}

void TimelineView::updateAccessibleDescription() {
    // A screen reader cannot see the bars: it gets what the chart is, its figures and what part
    // of the run is on screen.
    QStringList sentences;
    // The title and the figures separate their parts with spaced dots for a slide; speech
    // wants commas.
    const auto spoken = [](const QString &text) {
        return text.simplified().replace(QStringLiteral(" · "), QStringLiteral(", "));
    };
    if (!m_titleText.isEmpty())
        sentences << spoken(m_titleText) + QLatin1Char('.');
    if (!m_figures.isEmpty()) {
        QString figures = spoken(m_figures);
        figures[0] = figures[0].toUpper();
        sentences << figures + QLatin1Char('.');
    }
    const auto &ix = m_plottable->index();
    if (ix) {
        const core::TimeWindow w = m_zoom->window();
        const double end = static_cast<double>(ix->trace().endNs);
        sentences << tr("Showing %1 to %2 of a %3 run. Thread rows: %4.")
                         .arg(w.begin > 0 ? formatDuration(w.begin) : tr("0 s"),
                              formatDuration(w.end), formatDuration(end))
                         .arg(ix->rowCount());
    } else {
        sentences << tr("No run shown.");
    }
    setAccessibleDescription(sentences.join(QLatin1Char(' ')));
}

void TimelineView::paintEvent(QPaintEvent *event) {
    QCustomPlot::paintEvent(event);
    if (!hasFocus())
        return;
    // The chart takes keys (arrows pan, + and - zoom): a frame shows where they go.
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Highlight), 2);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}

void TimelineView::focusInEvent(QFocusEvent *event) {
    QCustomPlot::focusInEvent(event);
    update();
}

void TimelineView::focusOutEvent(QFocusEvent *event) {
    QCustomPlot::focusOutEvent(event);
    update();
}

double TimelineView::timeAt(double x) const {
    return xAxis->pixelToCoord(x);
}
double TimelineView::xAt(double t) const {
    return xAxis->coordToPixel(t);
}

QRectF TimelineView::rowBarRect(int row) const {
    const TimelineLane *lane = m_plottable->layout().laneOfRow(row);
    return lane ? m_plottable->barRect(*lane) : QRectF();
}

bool TimelineView::inChart(const QPointF &pos) const {
    return axisRect()->rect().contains(pos.toPoint());
}

core::PixelGrid TimelineView::columnAt(double x) const {
    const core::PixelGrid all = m_plottable->grid(1.0);
    const int c =
        std::clamp(static_cast<int>(std::floor(x - axisRect()->left())), 0, all.columns - 1);
    return core::PixelGrid{all.edge(c), all.edge(c + 1), 1};
}

QString TimelineView::toolTipAt(const QPointF &pos) const {
    const auto &ix = m_plottable->index();
    if (!ix)
        return {};
    const TimelineLane *lane = m_plottable->layout().laneAt(yAxis->pixelToCoord(pos.y()));
    if (!lane)
        return {};
    const auto &trace = ix->trace();
    if (pos.x() < axisRect()->left() && lane->kind == TimelineLane::Kind::Thread) {
        // Over a row label: who the thread is.
        const auto &info = trace.threads[lane->index].info;
        QString text =
            QStringLiteral("<b>%1</b><br>%2").arg(lane->label.toHtmlEscaped(), kindName(info.kind));
        if (!info.groupName.empty())
            text += QStringLiteral("<br>") + QString::fromStdString(info.groupName).toHtmlEscaped();
        text += info.gilId >= 0 ? tr("<br>GIL %1").arg(info.gilId) : tr("<br>no GIL");
        return text;
    }
    if (!inChart(pos))
        return {};
    const double t = timeAt(pos.x());
    const core::PixelGrid column = columnAt(pos.x());
    switch (lane->kind) {
    case TimelineLane::Kind::Thread:
        return threadToolTip(*lane, t, column);
    case TimelineLane::Kind::Holder:
        return holderToolTip(*lane, t, column);
    case TimelineLane::Kind::Busy:
        return busyToolTip(t, column);
    case TimelineLane::Kind::GroupHeader:
        return QStringLiteral("<b>%1</b>").arg(lane->label.toHtmlEscaped());
    }
    return {};
}

QString TimelineView::threadToolTip(const TimelineLane &lane, double t,
                                    const core::PixelGrid &column) const {
    const auto &ix = *m_plottable->index();
    const auto &track = ix.trace().threads[lane.index];
    const double nsPerPx = column.span();
    const double resolution = std::max(1.0, nsPerPx);
    QString head = QStringLiteral("<b>%1</b> <span style=\"color:gray\">%2</span>")
                       .arg(lane.label.toHtmlEscaped(), kindName(track.info.kind));

    // A drawn mark within a few pixels explains itself first.
    const auto &marks = ix.marks(lane.index);
    const core::MarkKindSet shown = m_plottable->markKinds();
    if (marks.size() > 0 && shown) {
        const std::size_t lo = marks.lowerBound(t - kMarkHoverPx * nsPerPx);
        const std::size_t hi = marks.lowerBound(t + kMarkHoverPx * nsPerPx, lo);
        std::array<long long, core::kMarkKindCount> counts{};
        std::size_t found = 0, first = 0;
        for (std::size_t i = lo; i < hi && i < lo + 1'000'000; ++i)
            if (shown & core::markBit(marks.kind(i))) {
                if (found++ == 0)
                    first = i;
                ++counts[static_cast<std::size_t>(marks.kind(i))];
            }
        if (found == 1) {
            const MarkKind k = marks.kind(first);
            return head +
                   QStringLiteral("<br><b>%1</b> at %2<br>%3")
                       .arg(markLabel(k),
                            formatTimestamp(static_cast<double>(marks.time(first)), resolution),
                            markExplanation(k));
        }
        if (found > 1) {
            QStringList parts;
            for (std::size_t k = 0; k < counts.size(); ++k)
                if (counts[k])
                    parts << QStringLiteral("%1 × %2").arg(counts[k]).arg(
                        markLabel(static_cast<MarkKind>(k)));
            return head + tr("<br>%1 marks within %2 here:<br>%3")
                              .arg(found)
                              .arg(formatDuration(2 * kMarkHoverPx * nsPerPx))
                              .arg(parts.join(QStringLiteral("<br>")));
        }
    }

    if (track.segmentCount() == 0 || t < static_cast<double>(track.segmentStart.front()))
        return head + tr("<br>no data yet");
    const std::size_t j = track.segmentAt(static_cast<core::TimeNs>(std::floor(t)));
    const ThreadState state = track.segmentState[j];
    const double start = static_cast<double>(track.segmentStart[j]);
    const double end = static_cast<double>(track.segmentEnd(j, ix.trace().endNs));
    if (t >= end && j + 1 == track.segmentCount())
        return head + tr("<br>after the end of the run");
    QString text =
        head + QStringLiteral("<br>%1<b>%2</b><br>")
                   .arg(colourSwatch(m_plottable->theme().stateColor(state)), stateLabel(state));
    text += tr("from %1 for %2")
                .arg(formatTimestamp(start, resolution), formatDuration(end - start, 4));

    // When the pixel folds several segments, say what it is made of.
    const auto &lane0 = ix.row(lane.index);
    const std::size_t ja = lane0.seek(column.beginNs);
    const std::size_t jb = lane0.seek(column.endNs, ja);
    if (jb > ja) {
        const auto totals = core::totalsWithin(lane0, column.beginNs, column.endNs);
        QStringList parts;
        for (std::size_t s = 0; s < core::kThreadStateCount; ++s)
            if (totals[s] > column.span() * 0.005)
                parts << QStringLiteral("%1 %2").arg(stateLabel(static_cast<ThreadState>(s)),
                                                     percent(totals[s], column.span()));
        text += tr("<br><i>this pixel (%1) folds %2 segments: %3</i>")
                    .arg(formatDuration(column.span()))
                    .arg(jb - ja + 1)
                    .arg(parts.join(QStringLiteral(", ")));
    }
    return text;
}

QString TimelineView::holderToolTip(const TimelineLane &lane, double t,
                                    const core::PixelGrid &column) const {
    const auto &ix = *m_plottable->index();
    const auto &holder = ix.holderLanes()[lane.index];
    const double resolution = std::max(1.0, column.span());
    QString text = QStringLiteral("<b>%1</b><br>").arg(lane.label.toHtmlEscaped());
    if (holder.starts.empty())
        return text;
    const std::size_t j = holder.lane.seek(t);
    const double start = static_cast<double>(holder.starts[j]);
    const double end = static_cast<double>(holder.lane.segmentEnd(j));
    const std::int32_t who = holder.holders[j];
    if (who < 0)
        text += tr("free");
    else
        text += colourSwatch(m_plottable->theme().holderColor(holder.colours[j])) +
                tr("held by <b>%1</b>")
                    .arg(QString::fromStdString(ix.trace().threads[who].info.name).toHtmlEscaped());
    text += tr("<br>from %1 for %2")
                .arg(formatTimestamp(start, resolution), formatDuration(end - start, 4));
    const std::size_t jb = holder.lane.seek(column.endNs, j);
    if (jb > holder.lane.seek(column.beginNs))
        text += tr("<br><i>this pixel (%1) folds %2 hand-overs</i>")
                    .arg(formatDuration(column.span()))
                    .arg(jb - holder.lane.seek(column.beginNs));
    return text;
}

QString TimelineView::busyToolTip(double t, const core::PixelGrid &column) const {
    const auto &ix = *m_plottable->index();
    const auto &busy = ix.busyLane();
    QString text = tr("<b>cores busy</b>");
    if (busy.empty())
        return text;
    const unsigned now = busy.value(busy.seek(t));
    const double mean = core::meanPerColumn(busy, column).front();
    text += tr("<br>%1 of %2 cores running Python code").arg(now).arg(ix.trace().cores);
    if (busy.seek(column.endNs) > busy.seek(column.beginNs))
        text += tr("<br><i>mean over this pixel (%1): %2</i>")
                    .arg(formatDuration(column.span()))
                    .arg(mean, 0, 'f', 2);
    return text;
}

bool TimelineView::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_drag == Drag::None ? toolTipAt(help->pos()) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QCustomPlot::event(event);
}

void TimelineView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange && m_themeMode == ThemeMode::FollowPalette &&
        !m_explicitTheme)
        applyTheme();
    QCustomPlot::changeEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event) {
    const QPointF pos = event->position();
    if (m_plottable->index() && inChart(pos)) {
        const bool band =
            event->button() == Qt::RightButton ||
            (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
        if (band) {
            m_drag = Drag::Band;
            if (!m_band)
                m_band = new QRubberBand(QRubberBand::Rectangle, this);
            m_band->setGeometry(
                QRect(QPoint(int(pos.x()), axisRect()->top()), QSize(1, axisRect()->height())));
            m_band->show();
        } else if (event->button() == Qt::LeftButton) {
            m_drag = Drag::Pan;
        }
        m_pressX = pos.x();
        m_pressWindow = m_zoom->window();
        m_dragMoved = false;
        QToolTip::hideText();
    }
    QCustomPlot::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event) {
    const double x = event->position().x();
    if (m_drag == Drag::Pan) {
        const double dx = x - m_pressX;
        if (!m_dragMoved && std::abs(dx) >= kDragThresholdPx) {
            m_dragMoved = true;
            m_zoom->record();
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragMoved)
            m_zoom->moveTo(m_pressWindow.shifted(-dx * m_pressWindow.span() / axisRect()->width()));
    } else if (m_drag == Drag::Band && m_band) {
        const int left = static_cast<int>(std::clamp(
            std::min(x, m_pressX), double(axisRect()->left()), double(axisRect()->right())));
        const int right = static_cast<int>(std::clamp(
            std::max(x, m_pressX), double(axisRect()->left()), double(axisRect()->right())));
        m_band->setGeometry(
            QRect(left, axisRect()->top(), std::max(1, right - left), axisRect()->height()));
        m_dragMoved = m_dragMoved || std::abs(x - m_pressX) >= kDragThresholdPx;
    }
    if (inChart(event->position()))
        emit hoverTimeChanged(timeAt(x));
    else
        emit hoverTimeChanged(std::numeric_limits<double>::quiet_NaN());
    QCustomPlot::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event) {
    const double x = event->position().x();
    if (m_drag == Drag::Band) {
        if (m_band)
            m_band->hide();
        if (m_dragMoved) {
            const double a = std::max(std::min(x, m_pressX), double(axisRect()->left()));
            const double b = std::min(std::max(x, m_pressX), double(axisRect()->right()));
            if (b - a >= kDragThresholdPx)
                m_zoom->zoomTo(core::TimeWindow{timeAt(a), timeAt(b)});
        } else if (event->button() == Qt::RightButton) {
            showContextMenu(event->position(), event->globalPosition().toPoint());
        }
    } else if (m_drag == Drag::Pan) {
        unsetCursor();
    }
    m_drag = Drag::None;
    QCustomPlot::mouseReleaseEvent(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && m_plottable->index() && inChart(event->position())) {
        m_zoom->zoomTo(m_zoom->window().zoomedAround(timeAt(event->position().x()), 0.5,
                                                     ZoomHistory::kMinSpanNs));
        m_drag = Drag::None;
        return;
    }
    QCustomPlot::mouseDoubleClickEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent *event) {
    if (!m_plottable->index() || !inChart(event->position())) {
        QCustomPlot::wheelEvent(event);
        return;
    }
    // One history entry per wheel gesture, not per notch.
    if (!m_wheelClock.isValid() || m_wheelClock.elapsed() > kGestureGapMs)
        m_zoom->record();
    m_wheelClock.restart();
    const QPoint angle = event->angleDelta();
    const core::TimeWindow w = m_zoom->window();
    const bool pan = angle.x() != 0 || (event->modifiers() & Qt::ShiftModifier);
    if (pan) {
        const double notches = (angle.x() != 0 ? angle.x() : angle.y()) / 120.0;
        m_zoom->moveTo(w.shifted(-notches * 0.1 * w.span()));
    } else {
        const double notches = angle.y() / 120.0;
        const double anchor = timeAt(event->position().x());
        m_zoom->moveTo(
            w.zoomedAround(anchor, std::pow(kWheelZoomPerNotch, notches), ZoomHistory::kMinSpanNs));
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event) {
    // The chart without a mouse: arrows pan (Shift: further), + and - zoom around the centre.
    const core::TimeWindow w = m_zoom->window();
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 0.5 : 0.1;
    switch (event->key()) {
    case Qt::Key_Left:
        m_zoom->moveTo(w.shifted(-step * w.span()));
        return;
    case Qt::Key_Right:
        m_zoom->moveTo(w.shifted(step * w.span()));
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_zoom->zoomBy(0.5);
        return;
    case Qt::Key_Minus:
        m_zoom->zoomBy(2.0);
        return;
    default:
        QCustomPlot::keyPressEvent(event);
    }
}

void TimelineView::leaveEvent(QEvent *event) {
    emit hoverTimeChanged(std::numeric_limits<double>::quiet_NaN());
    QCustomPlot::leaveEvent(event);
}

QMenu *TimelineView::contextMenuAt(const QPointF &pos) {
    auto *menu = new QMenu(this);
    const int note = m_annotations->annotationAt(pos);
    const TimelineLane *lane = m_plottable->layout().laneAt(yAxis->pixelToCoord(pos.y()));
    if (note >= 0) {
        const QString text = QString::fromStdString(annotations()[note].text);
        QAction *remove = menu->addAction(
            tr("Remove Annotation “%1”")
                .arg(QFontMetrics(menu->font()).elidedText(text, Qt::ElideRight, 240)));
        remove->setObjectName(QStringLiteral("removeAnnotation"));
        connect(remove, &QAction::triggered, this, [this, note] { removeAnnotation(note); });
        menu->addSeparator();
    } else if (lane && lane->kind == TimelineLane::Kind::Thread && inChart(pos) && index()) {
        const QString row = QString::fromStdString(index()->trace().threads[lane->index].info.name);
        const core::TimeNs at = annotationTimeAt(pos.x());
        QAction *annotate = menu->addAction(tr("Annotate…"));
        annotate->setObjectName(QStringLiteral("annotate"));
        annotate->setToolTip(tr("A text callout with an arrow to this moment on %1").arg(row));
        connect(annotate, &QAction::triggered, this, [this, row, at] { askAnnotation(row, at); });
        menu->addSeparator();
    }
    menu->addAction(m_zoom->backAction());
    menu->addAction(m_zoom->fitAction());
    menu->addSeparator();
    menu->addAction(m_zoom->zoomInAction());
    menu->addAction(m_zoom->zoomOutAction());
    return menu;
}

void TimelineView::showContextMenu(const QPointF &pos, const QPoint &globalPos) {
    QMenu *menu = contextMenuAt(pos);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

} // namespace gilscope::ui
