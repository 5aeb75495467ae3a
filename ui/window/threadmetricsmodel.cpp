#include "window/threadmetricsmodel.h"

#include "slide/timelinetheme.h"
#include "timeline/timeformat.h"

#include <algorithm>

namespace gilscope::ui {

namespace {
// The steps' states, on the tooltip only where the thread spent time in them.
QString stepStates(const core::ThreadMetrics &t) {
    using core::ThreadState;
    QString out;
    const std::pair<ThreadState, double> rows[] = {{ThreadState::Native, t.native_ms},
                                                   {ThreadState::LockWait, t.lock_wait_ms},
                                                   {ThreadState::QueueWait, t.queue_wait_ms}};
    for (const auto &[state, ms] : rows)
        if (ms > 0)
            out += QStringLiteral("<br>%1: %2").arg(stateLabel(state), formatDuration(ms * 1e6));
    return out;
}
} // namespace

namespace {
QString share(double part, double whole) {
    return whole > 0 ? QStringLiteral("%1 %").arg(100.0 * part / whole, 0, 'f', 0)
                     : QStringLiteral("–");
}
} // namespace

ThreadMetricsModel::ThreadMetricsModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ThreadMetricsModel::setMetrics(const core::Metrics &metrics) {
    beginResetModel();
    m_threads = metrics.threads;
    m_makespanMs = metrics.makespan_ms;
    const auto any = [this](auto spent) {
        return std::any_of(m_threads.begin(), m_threads.end(), spent);
    };
    m_columns = {Thread, States, Running};
    if (any([](const core::ThreadMetrics &t) { return t.native_ms > 0; }))
        m_columns.push_back(Native);
    m_columns.push_back(Waiting);
    if (any([](const core::ThreadMetrics &t) { return t.lock_wait_ms + t.queue_wait_ms > 0; }))
        m_columns.push_back(Lock);
    m_columns.push_back(Io);
    endResetModel();
}

int ThreadMetricsModel::sectionOf(Column column) const {
    const auto at = std::find(m_columns.begin(), m_columns.end(), column);
    return at == m_columns.end() ? -1 : static_cast<int>(at - m_columns.begin());
}

int ThreadMetricsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_threads.size());
}

int ThreadMetricsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ThreadMetricsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Column column = m_columns[static_cast<std::size_t>(index.column())];
    const auto &t = m_threads[static_cast<std::size_t>(index.row())];
    const double total = m_makespanMs;
    if (role == StateTimesRole)
        return QVariantList{t.running_ms,  t.waiting_ms, t.ready_ms,     t.io_ms,
                            t.starting_ms, t.native_ms,  t.lock_wait_ms, t.queue_wait_ms};
    if (role == MakespanRole)
        return total;
    if (role == Qt::ToolTipRole) {
        using core::ThreadState;
        return tr("<b>%1</b> (%2)<br>%3: %4<br>%5: %6<br>%7: %8<br>%9: %10<br>%11: %12")
                   .arg(QString::fromStdString(t.name).toHtmlEscaped(),
                        QString::fromStdString(t.kind))
                   .arg(stateLabel(ThreadState::Running), formatDuration(t.running_ms * 1e6))
                   .arg(stateLabel(ThreadState::WaitingForGil), formatDuration(t.waiting_ms * 1e6))
                   .arg(stateLabel(ThreadState::Ready), formatDuration(t.ready_ms * 1e6))
                   .arg(stateLabel(ThreadState::Io), formatDuration(t.io_ms * 1e6))
                   .arg(stateLabel(ThreadState::Starting), formatDuration(t.starting_ms * 1e6)) +
               stepStates(t);
    }
    // The bar column is drawn by a delegate: a screen reader gets its numbers as text.
    if (role == Qt::AccessibleTextRole && column == States) {
        using core::ThreadState;
        QString words =
            tr("%1 %2, %3 %4, %5 %6, %7 %8")
                .arg(stateLabel(ThreadState::Running), formatDuration(t.running_ms * 1e6))
                .arg(stateLabel(ThreadState::WaitingForGil), formatDuration(t.waiting_ms * 1e6))
                .arg(stateLabel(ThreadState::Ready), formatDuration(t.ready_ms * 1e6))
                .arg(stateLabel(ThreadState::Io), formatDuration(t.io_ms * 1e6));
        // C code and waits for locks and queues are no Python and no GIL waits: said apart.
        const std::pair<ThreadState, double> apart[] = {{ThreadState::Native, t.native_ms},
                                                        {ThreadState::LockWait, t.lock_wait_ms},
                                                        {ThreadState::QueueWait, t.queue_wait_ms}};
        for (const auto &[state, ms] : apart)
            if (ms > 0)
                words += QStringLiteral(", %1 %2").arg(stateLabel(state), formatDuration(ms * 1e6));
        return words;
    }
    if (role == Qt::TextAlignmentRole && column >= Running)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Thread:
        return QString::fromStdString(t.name);
    case States:
        return {};
    case Running:
        return share(t.running_ms, total);
    case Native:
        return share(t.native_ms, total);
    case Waiting:
        return share(t.waiting_ms + t.ready_ms, total);
    case Lock:
        return share(t.lock_wait_ms + t.queue_wait_ms, total);
    case Io:
        return share(t.io_ms, total);
    }
    return {};
}

QVariant ThreadMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const Column column = m_columns[static_cast<std::size_t>(section)];
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Thread:
            return {};
        case States:
            return tr("Time in each state over the whole run");
        case Running:
            return tr("Share of the run spent running Python code");
        case Native:
            return tr("Share spent in C code that released the GIL (hashlib, zlib, numpy…): on a "
                      "core, without the GIL");
        case Waiting:
            return tr("Share spent waiting for the GIL or for a free core");
        case Lock:
            return tr("Share spent waiting for a lock, a queue or an event (threading.Lock, "
                      "queue.Queue, Event, Condition), not for the GIL");
        case Io:
            return tr("Share spent in blocking calls");
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Thread:
        return tr("Thread");
    case States:
        // With another column, the dock's usual width has room for a short header only.
        return m_columns.size() > 5 ? tr("Time") : tr("Time in state");
    case Running:
        return tr("Run");
    case Native:
        return tr("C");
    case Waiting:
        return tr("Wait");
    case Lock:
        return tr("Lock");
    case Io:
        return tr("I/O");
    }
    return {};
}

} // namespace gilscope::ui
