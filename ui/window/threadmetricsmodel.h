#pragma once

#include "trace/metrics.h"

#include <QAbstractTableModel>

#include <array>

namespace gilscope::ui {

// One row per thread: its name and how its time splits between the states, for the metrics
// panel's table (the States column is drawn by StateBarDelegate).
class ThreadMetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The columns a table can have. Native (C code with the GIL released) and Lock (waits for a
    // lock, a queue or an event) are shown only when some thread spent time so; the others
    // always, in this order. sectionOf() says where a column is.
    enum Column { Thread, States, Running, Native, Waiting, Lock, Io };
    // Per state ms in the bar's order (running, waiting, ready, I/O, starting) as a QVariantList,
    // and the makespan they are drawn against.
    static constexpr int StateTimesRole = Qt::UserRole + 1;
    static constexpr int MakespanRole = Qt::UserRole + 2;

    explicit ThreadMetricsModel(QObject *parent = nullptr);

    void setMetrics(const core::Metrics &metrics);
    // The section showing `column`, -1 when it is not shown.
    int sectionOf(Column column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::ThreadMetrics> m_threads;
    double m_makespanMs = 0;
    std::vector<Column> m_columns{Thread, States, Running, Waiting, Io};
};

} // namespace gilscope::ui
