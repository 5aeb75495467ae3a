#include "window/metricspanel.h"

#include "timeline/timeformat.h"
#include "window/statebardelegate.h"
#include "window/threadmetricsmodel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace gilscope::ui {

namespace {
QString perSecond(double v) {
    return QObject::tr("%1 /s").arg(QLocale().toString(v, 'f', v < 10 ? 1 : 0));
}
QString ms(double v) {
    return formatDuration(v * 1e6);
}
QString megabytes(double v) {
    return QObject::tr("%1 MB").arg(QLocale().toString(v, 'f', v < 100 ? 1 : 0));
}
} // namespace

MetricsPanel::MetricsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ThreadMetricsModel(this))
    , m_delegate(new StateBarDelegate(this))
    , m_table(new QTableView) {
    setObjectName(QStringLiteral("metrics"));
    auto *column = new QVBoxLayout(this);

    auto *runBox = new QGroupBox(tr("Run"));
    auto *form = new QFormLayout(runBox);
    addValue(form, QStringLiteral("makespan"), tr("Makespan:"),
             tr("Simulated time until every thread is done"));
    addValue(form, QStringLiteral("speedup"), tr("Speed-up:"),
             tr("Sequential time (one thread doing all the work) divided by the makespan"));
    addValue(form, QStringLiteral("memory"), tr("Peak memory:"),
             tr("The most resident memory the run holds at once, as the model counts it: the "
                "main process, each worker process or interpreter, each started thread, and the "
                "copies of data that processes make (README, \"Memory and data\")"));
    addValue(form, QStringLiteral("events"), tr("Events:"), tr("Segments and marks in the trace"));
    column->addWidget(runBox);

    auto *gilBox = new QGroupBox(tr("GIL"));
    auto *gilForm = new QFormLayout(gilBox);
    addValue(gilForm, QStringLiteral("switches"), tr("Switches:"),
             tr("Times a different thread of the same GIL started running, per simulated second"));
    addValue(gilForm, QStringLiteral("failed"), tr("Failed acquires:"),
             tr("Wake-ups that found the GIL taken again, per simulated second (Beazley's yellow "
                "and red)"));
    addValue(gilForm, QStringLiteral("hold"), tr("Hold time:"),
             tr("Median and 90th percentile of uninterrupted running stretches"));
    column->addWidget(gilBox);

    auto *ioBox = new QGroupBox(tr("I/O"));
    auto *ioForm = new QFormLayout(ioBox);
    addValue(
        ioForm, QStringLiteral("ioP50"), tr("Latency p50:"),
        tr("From a blocking call's completion until its thread runs Python code again (median)"));
    addValue(ioForm, QStringLiteral("ioP99"), tr("Latency p99:"), tr("The same, 99th percentile"));
    addValue(ioForm, QStringLiteral("ioRate"), tr("Throughput:"),
             tr("Blocking calls completed per simulated second by the I/O-bound threads while "
                "the CPU-bound ones ran beside them: the request rate their clients see"));
    column->addWidget(ioBox);

    auto *syncBox = new QGroupBox(tr("Locks and queues"));
    auto *syncForm = new QFormLayout(syncBox);
    addValue(syncForm, QStringLiteral("lockWaits"), tr("Lock waits:"),
             tr("Times a thread slept on a threading.Lock, the time all of them took, and the "
                "median wait"));
    addValue(syncForm, QStringLiteral("queues"), tr("Queues:"),
             tr("Items through each queue per simulated second (first put to last get), and how "
                "long an item waited in the queue (median)"));
    column->addWidget(syncBox);

    auto *threadsBox = new QGroupBox(tr("Threads"));
    auto *threadsLayout = new QVBoxLayout(threadsBox);
    m_table->setObjectName(QStringLiteral("threadTable"));
    m_table->setAccessibleName(tr("Threads"));
    m_table->setAccessibleDescription(
        tr("One row per thread: its time running, waiting for the GIL or a core, and in I/O"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ThreadMetricsModel::States, m_delegate);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ThreadMetricsModel::States,
                                                      QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    threadsLayout->addWidget(m_table);
    column->addWidget(threadsBox, 1);
}

void MetricsPanel::addValue(QFormLayout *form, const QString &key, const QString &label,
                            const QString &help) {
    auto *value = new QLabel(QStringLiteral("–"));
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setToolTip(help);
    auto *name = new QLabel(label);
    name->setToolTip(help);
    form->addRow(name, value);
    m_values[key] = value;
}

void MetricsPanel::set(const QString &key, const QString &text, const QString &tip) {
    QLabel *label = m_values.at(key);
    label->setText(text);
    if (!tip.isEmpty())
        label->setToolTip(tip);
}

QString MetricsPanel::valueText(const QString &key) const {
    auto it = m_values.find(key);
    return it == m_values.end() ? QString() : it->second->text();
}

void MetricsPanel::setTheme(const TimelineTheme &theme) {
    m_delegate->setTheme(theme);
    m_table->viewport()->update();
}

void MetricsPanel::setResult(const core::PreparedRunPtr &result) {
    if (!result)
        return;
    const core::Metrics &m = result->metrics;
    set(QStringLiteral("makespan"), formatDuration(m.makespan_ms * 1e6, 4));
    QString verdict;
    if (m.speedup > 1.03)
        verdict = tr("faster than one thread");
    else if (m.speedup < 0.97)
        verdict = tr("slower than one thread");
    else
        verdict = tr("same as one thread");
    set(QStringLiteral("speedup"),
        tr("<b>%1×</b> <span style=\"color:gray\">%2</span>")
            .arg(m.speedup, 0, 'f', 2)
            .arg(verdict),
        tr("Sequential %1 / makespan %2").arg(ms(m.sequential_ms), ms(m.makespan_ms)));
    if (m.memory.known() && !m.memory.breakdown) {
        set(QStringLiteral("memory"), megabytes(m.memory.peakMb),
            tr("The simulation's peak, as its trace file keeps it"));
    } else if (m.memory.known()) {
        set(QStringLiteral("memory"),
            tr("%1 <span style=\"color:gray\">%2 interpreters, %3 threads</span>")
                .arg(megabytes(m.memory.peakMb))
                .arg(m.memory.processes + 1)
                .arg(m.memory.threads),
            tr("At %1: interpreters %2, threads %3, data %4")
                .arg(ms(static_cast<double>(m.memory.atNs) / 1e6),
                     megabytes(m.memory.interpretersMb), megabytes(m.memory.threadsMb),
                     megabytes(m.memory.dataMb)));
    } else {
        set(QStringLiteral("memory"), QStringLiteral("–"),
            tr("Not known: a recording's memory is not in its trace"));
    }
    set(QStringLiteral("events"), QLocale().toString(static_cast<qlonglong>(m.events)));
    set(QStringLiteral("switches"), perSecond(m.gil.switches_per_s),
        tr("%1 switches in all").arg(QLocale().toString(m.gil.switches)));
    set(QStringLiteral("failed"), perSecond(m.gil.failed_acquires_per_s),
        tr("%1 failed acquires in all").arg(QLocale().toString(m.gil.failed_acquires)));
    set(QStringLiteral("hold"),
        m.gil.acquires > 0 ? tr("%1 (p90 %2)").arg(ms(m.gil.hold_ms_p50), ms(m.gil.hold_ms_p90))
                           : QStringLiteral("–"));
    const bool io = m.io.ops > 0;
    set(QStringLiteral("ioP50"), io ? ms(m.io.latency_ms_p50) : QStringLiteral("–"));
    set(QStringLiteral("ioP99"), io ? ms(m.io.latency_ms_p99) : QStringLiteral("–"));
    set(QStringLiteral("ioRate"), io ? perSecond(m.io.serving_ops_per_s) : QStringLiteral("–"),
        tr("%1 blocking calls in all; %2 over the whole run")
            .arg(QLocale().toString(m.io.ops), perSecond(m.io.ops_per_s)));
    set(QStringLiteral("lockWaits"),
        m.locks.waits > 0 ? tr("%1, %2 in all (p50 %3)")
                                .arg(QLocale().toString(m.locks.waits), ms(m.locks.wait_ms_total),
                                     ms(m.locks.wait_ms_p50))
                          : QStringLiteral("–"));
    QStringList queues;
    for (const auto &q : m.queues)
        queues << tr("%1: %2, wait p50 %3")
                      .arg(QString::fromStdString(q.name).toHtmlEscaped(), perSecond(q.items_per_s),
                           ms(q.wait_ms_p50));
    set(QStringLiteral("queues"),
        queues.isEmpty() ? QStringLiteral("–") : queues.join(QStringLiteral("<br>")));
    m_model->setMetrics(m);
}

} // namespace gilscope::ui
