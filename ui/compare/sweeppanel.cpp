#include "compare/sweeppanel.h"

#include "lessons/lessonscatalog.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "timeline/timeformat.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gilscope::ui {

namespace {

constexpr int kMaxWholeValues = 64; // a sweep simulates every one of them
const QColor kMarker(0xd0, 0x1c, 0x8b);

QColor curveColour(SweepPanel::Chart c, bool dark) {
    switch (c) {
    case SweepPanel::Makespan:
        return dark ? QColor(0x62, 0xa0, 0xea) : QColor(0x1a, 0x5f, 0xb4);
    case SweepPanel::Speedup:
        return dark ? QColor(0x3f, 0xbf, 0x5a) : QColor(0x2e, 0x9e, 0x44);
    case SweepPanel::IoLatency:
        return dark ? QColor(0xff, 0xa3, 0x48) : QColor(0xc2, 0x5b, 0x00);
    }
    return {};
}

QString chartTitleText(SweepPanel::Chart c) {
    switch (c) {
    case SweepPanel::Makespan:
        return QObject::tr("Makespan");
    case SweepPanel::Speedup:
        return QObject::tr("Speed-up against one thread");
    case SweepPanel::IoLatency:
        return QObject::tr("I/O latency p99");
    }
    return {};
}

double figure(const core::Metrics &m, SweepPanel::Chart c) {
    switch (c) {
    case SweepPanel::Makespan:
        return m.makespan_ms;
    case SweepPanel::Speedup:
        return m.speedup;
    case SweepPanel::IoLatency:
        return m.io.latency_ms_p99;
    }
    return 0;
}

bool sameValue(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

QString number(double v) {
    return QString::number(v, 'g', 10);
}

QString groupNoun(const core::Scenario &s, core::WorkerKind kind) {
    const QString what = kind == core::WorkerKind::Cpu  ? QObject::tr("CPU-bound")
                         : kind == core::WorkerKind::Io ? QObject::tr("I/O-bound")
                                                        : QObject::tr("mixed");
    switch (s.executor) {
    case core::Executor::Threading:
        return QObject::tr("%1 threads").arg(what);
    case core::Executor::Asyncio:
        return QObject::tr("%1 coroutines").arg(what);
    default:
        return QObject::tr("%1 workers").arg(what);
    }
}

} // namespace

double SweepPanel::valueOf(const core::Scenario &scenario, const QString &key) {
    QJsonValue v = QJsonDocument::fromJson(core::scenarioToJson(scenario)).object();
    for (const QString &part : key.split(QLatin1Char('.'))) {
        bool index = false;
        const int i = part.toInt(&index);
        if (index && v.isArray())
            v = v.toArray().at(i);
        else if (v.isObject())
            v = v.toObject().value(part);
        else
            return std::numeric_limits<double>::quiet_NaN();
    }
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

std::vector<SweepPanel::Parameter> SweepPanel::parametersFor(const core::Scenario &s) {
    std::vector<Parameter> out;
    for (std::size_t i = 0; i < s.workers.size(); ++i) {
        const core::WorkerGroup &w = s.workers[i];
        Parameter p;
        p.key = QStringLiteral("workers.%1.count").arg(i);
        const QString name =
            QString::fromStdString(w.name.empty() ? std::string(core::toString(w.kind)) : w.name);
        p.label = QObject::tr("%1 (%2)").arg(groupNoun(s, w.kind), name);
        p.whole = true;
        p.from = 1;
        p.to = std::clamp(std::max({8, 2 * w.count, 2 * s.cores}), 2, 16);
        if (w.count > p.to)
            p.to = std::min(w.count, kMaxWholeValues);
        out.push_back(p);
    }
    out.push_back(Parameter{QStringLiteral("cores"), QObject::tr("cores"), true, 1,
                            static_cast<double>(std::clamp(2 * s.cores, 4, 16)), 10});
    if (s.interpreter == core::Interpreter::Gil)
        out.push_back(Parameter{QStringLiteral("params.switch_interval_ms"),
                                QObject::tr("switch interval (ms)"), false, 0.1, 50, 10});
    if (s.interpreter == core::Interpreter::FreeThreaded)
        out.push_back(Parameter{QStringLiteral("params.ft_slowdown"),
                                QObject::tr("free-threaded slowdown"), false, 1.0, 2.0, 6});
    return out;
}

SweepPanel::SweepPanel(QWidget *parent)
    : QWidget(parent)
    , m_parameterBox(new QComboBox)
    , m_from(new QDoubleSpinBox)
    , m_to(new QDoubleSpinBox)
    , m_points(new QSpinBox)
    , m_pointsLabel(new QLabel(tr("points")))
    , m_status(new QLabel) {
    setObjectName(QStringLiteral("sweep"));
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SweepPanel::start);

    m_parameterBox->setObjectName(QStringLiteral("parameter"));
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_points->setObjectName(QStringLiteral("points"));
    m_points->setRange(2, 40);
    m_points->setValue(10);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Vary")));
    controls->addWidget(m_parameterBox);
    controls->addWidget(new QLabel(tr("from")));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to")));
    controls->addWidget(m_to);
    controls->addWidget(m_points);
    controls->addWidget(m_pointsLabel);
    controls->addStretch(1);
    controls->addWidget(m_status);

    auto *charts = new QHBoxLayout;
    for (int c = 0; c < kChartCount; ++c) {
        auto *chart = new QCustomPlot;
        chart->setObjectName(QStringLiteral("sweepChart%1").arg(c));
        chart->setMinimumSize(200, 240); // three side by side fit a 1024-pixel screen
        chart->plotLayout()->insertRow(0);
        auto *title = new QCPTextElement(chart, chartTitleText(static_cast<Chart>(c)));
        QFont f = font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.1);
        title->setFont(f);
        chart->plotLayout()->addElement(0, 0, title);
        auto *curve = chart->addGraph();
        curve->setName(tr("sweep"));
        curve->setLineStyle(QCPGraph::lsLine);
        auto *marker = chart->addGraph();
        marker->setName(tr("this scenario"));
        marker->setLineStyle(QCPGraph::lsNone);
        marker->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kMarker, 3), Qt::NoBrush, 17));
        chart->setAntialiasedElements(QCP::aeAll);
        charts->addWidget(chart, 1);
        m_charts[static_cast<std::size_t>(c)] = chart;
        styleChart(chart);
        connect(chart, &QCustomPlot::plottableClick, this,
                [this, curve](QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *) {
                    if (plottable == curve)
                        pointClicked(dataIndex);
                });
    }

    auto *column = new QVBoxLayout(this);
    column->addLayout(controls);
    column->addLayout(charts, 1);

    connect(m_parameterBox, &QComboBox::currentIndexChanged, this, &SweepPanel::parameterPicked);
    for (QDoubleSpinBox *box : {m_from, m_to})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SweepPanel::rangeEdited);
    connect(m_points, &QSpinBox::valueChanged, this, &SweepPanel::rangeEdited);
}

SweepPanel::~SweepPanel() {
    if (m_cancel)
        m_cancel->store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

QCPGraph *SweepPanel::curve(Chart c) const {
    return chart(c)->graph(0);
}
QCPGraph *SweepPanel::marker(Chart c) const {
    return chart(c)->graph(1);
}

QString SweepPanel::errorText() const {
    return m_hasResult ? QString::fromStdString(m_result.error()) : QString();
}

void SweepPanel::setScenario(const core::Scenario &scenario) {
    m_scenario = scenario;
    m_parameters = parametersFor(scenario);
    const auto keep = std::find_if(m_parameters.begin(), m_parameters.end(),
                                   [this](const Parameter &p) { return p.key == m_parameter.key; });
    if (keep == m_parameters.end()) {
        // First choice: a thread count small enough to sweep whole, else the switch interval.
        auto pick = std::find_if(m_parameters.begin(), m_parameters.end(), [&](const Parameter &p) {
            return p.key.startsWith(QLatin1String("workers.")) && valueOf(scenario, p.key) <= 16;
        });
        if (pick == m_parameters.end())
            pick = std::find_if(m_parameters.begin(), m_parameters.end(),
                                [](const Parameter &p) { return !p.whole; });
        if (pick == m_parameters.end())
            pick = m_parameters.begin();
        m_parameter = *pick;
    } else {
        // Same key: the range the user chose stays; the label may have changed.
        m_parameter.label = keep->label;
    }
    rebuildParameterBox();
    schedule();
}

bool SweepPanel::setSweep(const QString &key, double from, double to, int points) {
    const auto it = std::find_if(m_parameters.begin(), m_parameters.end(),
                                 [&](const Parameter &p) { return p.key == key; });
    if (it == m_parameters.end() || !(from > 0 && to >= from))
        return false;
    m_parameter = *it;
    m_parameter.from = from;
    m_parameter.to = to;
    m_parameter.points = points;
    rebuildParameterBox();
    schedule();
    return true;
}

void SweepPanel::rebuildParameterBox() {
    m_updating = true;
    m_parameterBox->clear();
    for (const Parameter &p : m_parameters)
        m_parameterBox->addItem(p.label, p.key);
    m_parameterBox->setCurrentIndex(m_parameterBox->findData(m_parameter.key));
    const int decimals = m_parameter.whole ? 0 : 2;
    for (QDoubleSpinBox *box : {m_from, m_to}) {
        box->setDecimals(decimals);
        box->setRange(m_parameter.whole ? 1 : 0.01, m_parameter.whole ? 256 : 10000);
        box->setSingleStep(m_parameter.whole ? 1 : 0.1);
    }
    m_from->setValue(m_parameter.from);
    m_to->setValue(m_parameter.to);
    m_points->setValue(m_parameter.points);
    m_points->setVisible(!m_parameter.whole);
    m_pointsLabel->setVisible(!m_parameter.whole);
    m_updating = false;
}

void SweepPanel::parameterPicked() {
    if (m_updating)
        return;
    const QString key = m_parameterBox->currentData().toString();
    for (const Parameter &p : m_parameters)
        if (p.key == key)
            m_parameter = p;
    rebuildParameterBox();
    schedule();
}

void SweepPanel::rangeEdited() {
    if (m_updating)
        return;
    m_parameter.from = m_from->value();
    m_parameter.to = std::max(m_to->value(), m_from->value());
    m_parameter.points = m_points->value();
    schedule();
}

void SweepPanel::schedule() {
    if (m_cancel)
        m_cancel->store(true);
    m_busy = true;
    m_status->setText(tr("simulating…"));
    m_debounce.start();
}

void SweepPanel::start() {
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    Parameter p = m_parameter;
    if (p.whole && p.to - p.from + 1 > kMaxWholeValues)
        p.to = p.from + kMaxWholeValues - 1;
    QString specText = QStringLiteral("%1=%2:%3").arg(p.key, number(p.from), number(p.to));
    if (!p.whole)
        specText += QStringLiteral(":%1").arg(p.points);
    const std::string spec = specText.toStdString();
    const core::Scenario scenario = m_scenario;
    const double current = valueOf(scenario, p.key);
    const int threads = std::max(1, QThread::idealThreadCount());
    auto *watcher = new QFutureWatcher<Job>(this);
    connect(watcher, &QFutureWatcher<Job>::finished, this,
            [this, watcher, generation] { finished(watcher, generation); });
    watcher->setFuture(QtConcurrent::run(&m_pool, [=, cancel = m_cancel] {
        Job job;
        job.result = core::sweep(scenario, spec, threads, cancel.get());
        const bool among = std::any_of(
            job.result->points.begin(), job.result->points.end(),
            [current](const core::SweepPoint &pt) { return sameValue(pt.value, current); });
        if (job.result.ok() && !among && !cancel->load()) {
            // The scenario's own value lies between the points: run it too, to mark it.
            const auto run =
                core::prepareRun(scenario, cancel.get(), core::RunParts::TraceAndMetrics);
            if (run.ok())
                job.current = (*run)->metrics;
        }
        return job;
    }));
}

void SweepPanel::finished(QFutureWatcher<Job> *watcher, quint64 generation) {
    watcher->deleteLater();
    if (generation != m_generation || m_debounce.isActive())
        return; // superseded
    const Job job = watcher->result();
    m_result = job.result;
    m_currentMetrics = job.current;
    m_current = valueOf(m_scenario, m_parameter.key);
    m_hasResult = true;
    m_busy = false;
    m_status->setText(m_result.ok()
                          ? tr("%n run(s)", nullptr, static_cast<int>(m_result->points.size()))
                          : QString::fromStdString(m_result.error()));
    showResult();
    emit sweepReady();
}

void SweepPanel::styleChart(QCustomPlot *chart) {
    const TimelineTheme &t = m_theme;
    chart->setBackground(t.background);
    for (QCPAxis *axis : {chart->xAxis, chart->yAxis}) {
        axis->setBasePen(QPen(t.axis));
        axis->setTickPen(QPen(t.axis));
        axis->setSubTickPen(QPen(t.axis));
        axis->setTickLabelColor(t.text);
        axis->setLabelColor(t.axis);
        axis->grid()->setPen(QPen(t.grid, 1));
    }
    if (auto *title = qobject_cast<QCPTextElement *>(chart->plotLayout()->element(0, 0)))
        title->setTextColor(t.text);
}

void SweepPanel::setTheme(const TimelineTheme &theme) {
    m_theme = theme;
    for (QCustomPlot *chart : m_charts)
        styleChart(chart);
    showResult();
}

void SweepPanel::showResult() {
    const bool ok = m_hasResult && m_result.ok();
    const bool anyIo =
        ok && std::any_of(m_result->points.begin(), m_result->points.end(),
                          [](const core::SweepPoint &p) { return p.metrics.io.ops > 0; });
    for (int c = 0; c < kChartCount; ++c)
        drawChart(static_cast<Chart>(c), ok, anyIo);
}

void SweepPanel::drawChart(Chart which, bool ok, bool anyIo) {
    QCustomPlot *plot = chart(which);
    plot->clearItems();
    while (plot->graphCount() > 2)
        plot->removeGraph(plot->graphCount() - 1);
    QCPGraph *line = curve(which);
    QCPGraph *mark = marker(which);
    const QColor colour = curveColour(which, m_theme.dark);
    line->setPen(QPen(colour, 2.5));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 7));
    QVector<double> xs, ys;
    double markY = std::numeric_limits<double>::quiet_NaN();
    if (ok)
        for (const core::SweepPoint &p : m_result->points) {
            xs << p.value;
            ys << figure(p.metrics, which);
            if (sameValue(p.value, m_current))
                markY = figure(p.metrics, which);
        }
    if (ok && std::isnan(markY) && m_currentMetrics)
        markY = figure(*m_currentMetrics, which);
    line->setData(xs, ys, true);
    mark->data()->clear();
    if (!std::isnan(markY))
        mark->addData(m_current, markY);
    // Without I/O the latency chart has nothing to say.
    const bool shown = which != IoLatency || anyIo;
    line->setVisible(shown);
    mark->setVisible(shown);
    const YScale y = setScales(plot, which, ys);

    if (ok) {
        double lo = xs.isEmpty() ? 1 : xs.front(), hi = xs.isEmpty() ? 2 : xs.back();
        if (!mark->data()->isEmpty()) {
            lo = std::min(lo, m_current);
            hi = std::max(hi, m_current);
        }
        if (m_parameter.whole)
            plot->xAxis->setRange(lo - 0.5, hi + 0.5);
        else
            plot->xAxis->setRange(lo / 1.3, hi * 1.3);
        double top = 0;
        for (double v : ys)
            top = std::max(top, v);
        if (!std::isnan(markY))
            top = std::max(top, markY);
        plot->legend->setVisible(false);
        if (which == Speedup)
            top = std::max(top, addSpeedupGuides(plot, line, xs));
        if (y.log)
            plot->yAxis->setRange(y.low / 2, y.high * 3);
        else // room above the data for the legend and the marker's label
            plot->yAxis->setRange(0, top > 0 ? top * (plot->legend->visible() ? 1.4 : 1.22) : 1);
        if (!std::isnan(markY) && shown)
            labelCurrentValue(plot, markY);
        if (which == IoLatency && !anyIo) {
            auto *none = new QCPItemText(plot);
            none->position->setType(QCPItemPosition::ptAxisRectRatio);
            none->position->setCoords(0.5, 0.5);
            none->setText(tr("This workload does no I/O"));
            none->setColor(m_theme.axis);
        }
    }
    plot->legend->setTextColor(m_theme.text);
    plot->legend->setBrush(m_theme.background);
    plot->legend->setBorderPen(QPen(m_theme.grid));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->replot();
}

SweepPanel::YScale SweepPanel::setScales(QCustomPlot *plot, Chart which,
                                         const QVector<double> &ys) {
    plot->xAxis->setLabel(m_parameter.label);
    if (m_parameter.whole) {
        plot->xAxis->setScaleType(QCPAxis::stLinear);
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        plot->xAxis->setTicker(ticker);
    } else {
        plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    plot->yAxis->setLabel(which == Speedup ? tr("×") : tr("ms"));
    // Latency follows the switch interval over decades: a log scale shows the proportion.
    YScale y;
    for (double v : ys)
        if (v > 0) {
            y.low = y.low > 0 ? std::min(y.low, v) : v;
            y.high = std::max(y.high, v);
        }
    y.log = which == IoLatency && !m_parameter.whole && y.low > 0 && y.high / y.low > 100;
    plot->yAxis->setScaleType(y.log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (y.log)
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    return y;
}

double SweepPanel::addSpeedupGuides(QCustomPlot *plot, QCPGraph *line, const QVector<double> &xs) {
    double top = 0;
    // Perfect scaling, for scale: what the hardware could give.
    const bool countOfCpu = m_parameter.key.startsWith(QLatin1String("workers.")) &&
                            m_scenario.workers.size() == 1 &&
                            m_scenario.workers.front().kind == core::WorkerKind::Cpu;
    if (countOfCpu) {
        auto *ideal = plot->addGraph();
        ideal->setName(tr("ideal: min(threads, cores)"));
        ideal->setPen(QPen(m_theme.axis, 1.5, Qt::DashLine));
        for (double x : xs)
            ideal->addData(x, std::min(x, static_cast<double>(m_scenario.cores)));
        top = std::min<double>(xs.isEmpty() ? 1 : xs.back(), m_scenario.cores);
        plot->legend->setVisible(true);
        plot->legend->removeItem(plot->legend->itemWithPlottable(line));
    }
    auto *one = new QCPItemStraightLine(plot);
    one->point1->setCoords(1, 1);
    one->point2->setCoords(2, 1);
    one->setPen(QPen(m_theme.grid.darker(130), 1, Qt::DotLine));
    return top;
}

void SweepPanel::labelCurrentValue(QCustomPlot *plot, double y) {
    auto *label = new QCPItemText(plot);
    label->position->setCoords(m_current, y);
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    label->setPadding(QMargins(0, 0, 0, 12));
    label->setColor(kMarker);
    QFont f = font();
    f.setBold(true);
    label->setFont(f);
    label->setText(
        tr("this scenario: %1")
            .arg(m_parameter.whole ? number(m_current) : QString::number(m_current, 'g', 3)));
}

void SweepPanel::pointClicked(int index) {
    if (!m_result.ok() || index < 0 || index >= static_cast<int>(m_result->points.size()))
        return;
    const double value = m_result->points[static_cast<std::size_t>(index)].value;
    const auto parsed =
        core::parseScenarioJson(core::scenarioToJson(m_scenario), "sweep",
                                {m_result->key + "=" + number(value).toStdString()});
    if (parsed.ok())
        emit valueChosen(*parsed);
}

} // namespace gilscope::ui
