#include "compare/advisorpanel.h"

#include "lessons/lessonscatalog.h"
#include "scenario/scenariojson.h"
#include "timeline/timeaxisticker.h"
#include "timeline/timeformat.h"

#include <qcustomplot.h>

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace gilscope::ui {

namespace {

constexpr core::Interpreter kGroups[] = {core::Interpreter::Gil, core::Interpreter::FreeThreaded,
                                         core::Interpreter::LegacyGil};

int groupOf(core::Interpreter i) {
    return static_cast<int>(std::find(std::begin(kGroups), std::end(kGroups), i) -
                            std::begin(kGroups));
}

QColor groupColour(int group, bool dark) {
    switch (group) {
    case 0:
        return dark ? QColor(0x62, 0xa0, 0xea) : QColor(0x1a, 0x5f, 0xb4);
    case 1:
        return dark ? QColor(0xff, 0xa3, 0x48) : QColor(0xe6, 0x61, 0x00);
    default:
        return dark ? QColor(0x77, 0x76, 0x7b) : QColor(0xb0, 0xaf, 0xab);
    }
}

QString groupLabel(int group) {
    switch (group) {
    case 0:
        return QObject::tr("3.2+ GIL");
    case 1:
        return QObject::tr("free-threaded");
    default:
        return QObject::tr("legacy GIL (for comparison, never advised)");
    }
}

// A value label goes inside its bar from this share of the longest bar on.
constexpr double kInsideFrom = 0.55;

// Bars top to bottom in the advice's order, a gap between interpreters.
double keyOfRun(const std::vector<core::AdvisorRun> &runs, int run) {
    return run + groupOf(runs[static_cast<std::size_t>(run)].interpreter);
}

// The first run of an interpreter's group, or -1.
int firstRunOf(const std::vector<core::AdvisorRun> &runs, int group) {
    for (int i = 0; i < static_cast<int>(runs.size()); ++i)
        if (groupOf(runs[static_cast<std::size_t>(i)].interpreter) == group)
            return i;
    return -1;
}

// "threading on a free-threaded build": the interpreter as the build a reader would install.
QString onBuild(core::Interpreter interpreter) {
    switch (interpreter) {
    case core::Interpreter::Gil:
        return QObject::tr("on a standard build (3.2+ GIL)");
    case core::Interpreter::FreeThreaded:
        return QObject::tr("on a free-threaded build (3.13t+)");
    case core::Interpreter::LegacyGil:
        return QObject::tr("under the legacy GIL (2.x)");
    }
    return {};
}

QCPTextElement *chartTitle(QCustomPlot *chart) {
    return qobject_cast<QCPTextElement *>(chart->plotLayout()->element(0, 0));
}

} // namespace

AdvisorPanel::AdvisorPanel(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel)
    , m_reason(new QLabel)
    , m_status(new QLabel)
    , m_makespan(new QCustomPlot)
    , m_latency(new QCustomPlot) {
    setObjectName(QStringLiteral("advisor"));
    // One advice at a time, fanned out inside core::advise; the window's own runs keep a core.
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AdvisorPanel::start);

    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setTextFormat(Qt::RichText);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_verdict->setFont(big);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::RichText);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_makespan->setObjectName(QStringLiteral("makespanChart"));
    m_latency->setObjectName(QStringLiteral("latencyChart"));

    auto *column = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    head->addWidget(m_verdict, 1);
    head->addWidget(m_status, 0, Qt::AlignRight | Qt::AlignBottom);
    column->addLayout(head);
    column->addWidget(m_reason);
    auto *charts = new QHBoxLayout;
    for (QCustomPlot *chart : {m_makespan, m_latency}) {
        chart->setMinimumSize(240, 300); // two side by side fit a 1024-pixel screen
        chart->plotLayout()->insertRow(0);
        auto *title =
            new QCPTextElement(chart, chart == m_latency ? tr("I/O latency p99 (shorter is better)")
                                                         : tr("Makespan (shorter is better)"));
        QFont titleFont = font();
        titleFont.setBold(true);
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
        title->setFont(titleFont);
        chart->plotLayout()->addElement(0, 0, title);
        styleChart(chart);
        charts->addWidget(chart, 1);
        // A click anywhere on a run's row opens it: short bars are hard to hit.
        chart->setCursor(Qt::PointingHandCursor);
        connect(chart, &QCustomPlot::mousePress, this,
                [this](QMouseEvent *e) { m_pressPos = e->position(); });
        connect(chart, &QCustomPlot::mouseRelease, this, [this, chart](QMouseEvent *e) {
            if (e->button() != Qt::LeftButton || (e->position() - m_pressPos).manhattanLength() > 4)
                return;
            const int run = runAt(chart, e->position());
            if (run >= 0)
                emit runChosen(scenarioOfRun(run));
        });
    }
    column->addLayout(charts, 1);
    m_verdict->setText(tr("Advisor"));
    m_reason->setText(tr("Simulates this workload with every executor on every interpreter."));
}

AdvisorPanel::~AdvisorPanel() {
    if (m_cancel)
        m_cancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

void AdvisorPanel::setScenario(const core::Scenario &scenario) {
    const bool sameWork = (m_hasAdvice || m_busy) && core::sameWorkload(scenario, m_scenario);
    m_scenario = scenario;
    if (sameWork) {
        if (m_hasAdvice && !m_busy)
            showAdvice(); // the marked run may have changed
        return;
    }
    if (m_cancel)
        m_cancel->store(true);
    m_pending = true;
    setBusy(true);
    m_debounce.start();
}

void AdvisorPanel::start() {
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    m_pending = false;
    auto *watcher = new QFutureWatcher<core::Advice>(this);
    connect(watcher, &QFutureWatcher<core::Advice>::finished, this,
            [this, watcher, generation] { finished(watcher, generation); });
    const int threads = std::max(1, QThread::idealThreadCount());
    const core::Scenario scenario = m_scenario;
    watcher->setFuture(QtConcurrent::run(&m_pool, [scenario, threads, cancel = m_cancel] {
        return core::advise(scenario, threads, cancel.get());
    }));
    m_status->setText(tr("simulating %1 runs…").arg(kRuns));
}

void AdvisorPanel::finished(QFutureWatcher<core::Advice> *watcher, quint64 generation) {
    watcher->deleteLater();
    if (generation != m_generation || m_pending)
        return; // a newer workload is on its way
    m_advice = watcher->result();
    m_advised = m_scenario;
    m_hasAdvice = true;
    setBusy(false);
    showAdvice();
    emit adviceReady();
}

void AdvisorPanel::setBusy(bool busy) {
    m_busy = busy;
    if (!busy)
        m_status->clear();
}

core::Scenario AdvisorPanel::scenarioOfRun(int run) const {
    core::Scenario s = m_hasAdvice ? m_advised : m_scenario;
    if (run >= 0 && run < static_cast<int>(m_advice.runs.size())) {
        s.executor = m_advice.runs[static_cast<std::size_t>(run)].executor;
        s.interpreter = m_advice.runs[static_cast<std::size_t>(run)].interpreter;
    }
    return s;
}

int AdvisorPanel::currentRun() const {
    for (std::size_t i = 0; i < m_advice.runs.size(); ++i)
        if (m_advice.runs[i].executor == m_scenario.executor &&
            m_advice.runs[i].interpreter == m_scenario.interpreter)
            return static_cast<int>(i);
    return -1;
}

QString AdvisorPanel::bestFitText() const {
    if (!m_hasAdvice)
        return {};
    if (m_advice.best < 0)
        return tr("No fit: %1").arg(QString::fromStdString(m_advice.reason));
    const auto &best = m_advice.runs[static_cast<std::size_t>(m_advice.best)];
    return tr("Best fit: %1 %2 — %3")
        .arg(core::executorTitle(best.executor), onBuild(best.interpreter),
             QString::fromStdString(m_advice.reason));
}

QString AdvisorPanel::statusText() const {
    return m_status->text();
}

void AdvisorPanel::showAdvice() {
    if (m_advice.best >= 0) {
        const auto &best = m_advice.runs[static_cast<std::size_t>(m_advice.best)];
        m_verdict->setText(tr("Best fit: <b>%1</b> %2")
                               .arg(core::executorTitle(best.executor), onBuild(best.interpreter)));
        QString reason =
            QString::fromStdString(m_advice.reason).toHtmlEscaped() + QStringLiteral(".");
        // The advice weighs makespan; say so when the pick makes I/O wait much longer.
        const core::AdvisorRun *quickest = nullptr;
        for (const auto &r : m_advice.runs)
            if (r.trace && r.plainness >= 0 && r.metrics.io.ops > 0 &&
                (!quickest || r.metrics.io.latency_ms_p99 < quickest->metrics.io.latency_ms_p99))
                quickest = &r;
        if (best.metrics.io.ops > 0 && quickest &&
            best.metrics.io.latency_ms_p99 > 3 * quickest->metrics.io.latency_ms_p99 &&
            best.metrics.io.latency_ms_p99 - quickest->metrics.io.latency_ms_p99 > 0.1)
            reason +=
                tr("<br><b>But</b> its I/O waits %1 (p99) against %2 with %3 %4: see the "
                   "latency chart.")
                    .arg(formatDuration(best.metrics.io.latency_ms_p99 * 1e6),
                         formatDuration(quickest->metrics.io.latency_ms_p99 * 1e6),
                         core::executorTitle(quickest->executor), onBuild(quickest->interpreter));
        reason +=
            tr("<br><span style=\"color:gray\">Click a bar to open that run's timeline.</span>");
        m_reason->setText(reason);
    } else {
        m_verdict->setText(tr("No fit"));
        m_reason->setText(QString::fromStdString(m_advice.reason).toHtmlEscaped());
    }
    fillChart(m_makespan, false);
    fillChart(m_latency, true);
}

void AdvisorPanel::styleChart(QCustomPlot *chart) {
    const TimelineTheme &t = m_theme;
    chart->setBackground(t.background);
    chart->setAntialiasedElements(QCP::aeAll);
    for (QCPAxis *axis : {chart->xAxis, chart->yAxis}) {
        axis->setBasePen(QPen(t.axis));
        axis->setTickPen(QPen(t.axis));
        axis->setSubTickPen(QPen(t.axis));
        axis->setTickLabelColor(t.text);
        axis->setLabelColor(t.axis);
        axis->grid()->setPen(QPen(t.grid, 1));
    }
    chart->yAxis->grid()->setVisible(false);
    chart->yAxis->setTickLength(0, 0);
    chart->yAxis->setSubTicks(false);
    chart->yAxis->setRangeReversed(true);
    chart->legend->setTextColor(t.text);
    chart->legend->setBrush(
        QColor(t.background.red(), t.background.green(), t.background.blue(), 230));
    chart->legend->setBorderPen(QPen(t.grid));
    if (QCPTextElement *title = chartTitle(chart))
        title->setTextColor(t.text);
}

void AdvisorPanel::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    for (QCustomPlot *chart : {m_makespan, m_latency})
        styleChart(chart);
    if (m_hasAdvice)
        showAdvice();
    else
        for (QCustomPlot *chart : {m_makespan, m_latency})
            chart->replot();
}

void AdvisorPanel::fillChart(QCustomPlot *chart, bool latency) {
    chart->clearPlottables();
    chart->clearItems();

    const auto &runs = m_advice.runs;
    auto valueOf = [latency](const core::AdvisorRun &r) { // ns, for the time axis
        return 1e6 * (latency ? r.metrics.io.latency_ms_p99 : r.metrics.makespan_ms);
    };
    const bool anyIo =
        std::any_of(runs.begin(), runs.end(), [](const auto &r) { return r.metrics.io.ops > 0; });
    double top = 0;
    for (const auto &r : runs)
        if (r.trace)
            top = std::max(top, valueOf(r));

    const int best = m_advice.best;
    const int current = currentRun();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int g = 0; g < 3; ++g) {
        auto *bars = new QCPBars(chart->yAxis, chart->xAxis);
        bars->setName(groupLabel(g));
        bars->setWidth(0.72);
        bars->setPen(Qt::NoPen);
        bars->setBrush(groupColour(g, m_theme.dark));
        for (int i = 0; i < static_cast<int>(runs.size()); ++i) {
            const auto &r = runs[static_cast<std::size_t>(i)];
            if (groupOf(r.interpreter) != g)
                continue;
            const double v = r.trace ? valueOf(r) : 0.0;
            bars->addData(keyOfRun(runs, i), v);
            ticker->addTick(keyOfRun(runs, i), core::executorTitle(r.executor));

            if (latency && !anyIo)
                continue; // nothing to label: the chart says there is no I/O
            // Values beside their bars, or inside the long ones so nothing runs off the chart.
            auto *label = new QCPItemText(chart);
            label->position->setAxes(chart->xAxis, chart->yAxis);
            label->position->setCoords(v, keyOfRun(runs, i));
            const bool inside = v > kInsideFrom * top;
            label->setPositionAlignment((inside ? Qt::AlignRight : Qt::AlignLeft) |
                                        Qt::AlignVCenter);
            label->setPadding(inside ? QMargins(0, 0, 7, 0) : QMargins(6, 0, 0, 0));
            label->setColor(inside && g != 2 ? QColor(Qt::white) : m_theme.text);
            QStringList parts;
            if (!r.trace)
                parts << tr("failed");
            else if (!latency || r.metrics.io.ops > 0)
                parts << formatDuration(v);
            QFont f = font();
            if (i == best) {
                parts << tr("★ best fit");
                f.setBold(true);
            }
            if (i == current)
                parts << tr("◀ shown");
            label->setFont(f);
            label->setText(parts.join(QStringLiteral("   ")));
        }
        // The best fit gets an outline in the text colour, on top of its interpreter's colour.
        if (best >= 0 && groupOf(runs[static_cast<std::size_t>(best)].interpreter) == g) {
            auto *outline = new QCPBars(chart->yAxis, chart->xAxis);
            outline->setWidth(0.72);
            outline->setPen(QPen(m_theme.text, 2.5));
            outline->setBrush(Qt::NoBrush);
            const auto &b = runs[static_cast<std::size_t>(best)];
            outline->addData(keyOfRun(runs, best), b.trace ? valueOf(b) : 0.0);
            outline->setSelectable(QCP::stNone);
            outline->removeFromLegend();
            outline->setProperty("outline", true);
        }
    }
    chart->yAxis->setTicker(ticker);
    chart->yAxis->setRange(
        -1.6, runs.empty() ? 1.0 : keyOfRun(runs, static_cast<int>(runs.size()) - 1) + 0.7);
    chart->xAxis->setRange(0, top > 0 ? top * 1.12 : 1.0);
    chart->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new TimeAxisTicker));
    chart->xAxis->setTickLabels(!latency || anyIo);
    chart->xAxis->setLabel(latency ? tr("from I/O completion to running again")
                                   : tr("until every worker is done"));
    chart->legend->setVisible(false);
    // Each interpreter's bars under a heading in its colour.
    for (int g = 0; g < 3; ++g) {
        const int first = firstRunOf(runs, g);
        if (first < 0)
            continue;
        auto *heading = new QCPItemText(chart);
        heading->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        heading->position->setTypeY(QCPItemPosition::ptPlotCoords);
        heading->position->setAxisRect(chart->axisRect());
        heading->position->setAxes(chart->xAxis, chart->yAxis);
        heading->position->setCoords(0, keyOfRun(runs, first) - 0.95);
        heading->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        heading->setPadding(QMargins(4, 0, 0, 0));
        heading->setColor(groupColour(g, m_theme.dark).darker(g == 2 ? 160 : 110));
        QFont f = font();
        f.setBold(true);
        heading->setFont(f);
        heading->setText(groupLabel(g));
    }
    if (latency && !anyIo) {
        auto *none = new QCPItemText(chart);
        none->position->setType(QCPItemPosition::ptAxisRectRatio);
        none->position->setCoords(0.5, 0.5);
        none->setText(tr("This workload does no I/O"));
        none->setColor(m_theme.axis);
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        none->setFont(f);
    }
    chart->replot();
}

int AdvisorPanel::barCount(QCustomPlot *chart) {
    int n = 0;
    for (int i = 0; i < chart->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(chart->plottable(i));
            bars && !bars->property("outline").toBool())
            n += bars->data()->size();
    return n;
}

QPointF AdvisorPanel::barCentre(QCustomPlot *chart, int run) const {
    if (run < 0 || run >= static_cast<int>(m_advice.runs.size()))
        return {};
    const double key = keyOfRun(m_advice.runs, run);
    for (int i = 0; i < chart->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(chart->plottable(i));
        if (!bars || bars->property("outline").toBool())
            continue;
        const auto it = bars->data()->findBegin(key, false);
        if (it != bars->data()->constEnd() && it->key == key) {
            const double x =
                (chart->xAxis->coordToPixel(0) + chart->xAxis->coordToPixel(it->value)) / 2;
            return {std::max(x, chart->xAxis->coordToPixel(0) + 1),
                    chart->yAxis->coordToPixel(key)};
        }
    }
    return {};
}

int AdvisorPanel::runAt(QCustomPlot *chart, QPointF pos) const {
    if (!m_hasAdvice)
        return -1;
    const QRect area = chart->axisRect()->rect();
    if (pos.y() < area.top() || pos.y() > area.bottom() || pos.x() > area.right())
        return -1;
    const double key = chart->yAxis->pixelToCoord(pos.y());
    for (int run = 0; run < static_cast<int>(m_advice.runs.size()); ++run)
        if (std::abs(key - keyOfRun(m_advice.runs, run)) <= 0.45)
            return run;
    return -1; // between rows, or the gap between interpreters
}

} // namespace gilscope::ui
