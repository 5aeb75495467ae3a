#pragma once

#include "run/preparedrun.h"
#include "slide/timelinetheme.h"

#include <QWidget>

#include <map>

class QFormLayout;
class QLabel;
class QTableView;

namespace gilscope::ui {

class StateBarDelegate;
class ThreadMetricsModel;

// The run in numbers: makespan, speed-up against one thread doing all the work, peak memory, GIL
// switches and failed acquires per second, I/O latency percentiles, and per thread a stacked bar of
// time in each state.
class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget *parent = nullptr);

    void setResult(const core::PreparedRunPtr &result);
    void setTheme(const TimelineTheme &theme);
    // The text shown for a figure: "makespan", "speedup", "memory", "switches", "failed",
    // "ioP50", "ioP99", "ioRate", "hold", "events", "lockWaits", "queues".
    QString valueText(const QString &key) const;
    ThreadMetricsModel *threadModel() const { return m_model; }

private:
    void addValue(QFormLayout *form, const QString &key, const QString &label, const QString &help);
    void set(const QString &key, const QString &text, const QString &tip = {});

    std::map<QString, QLabel *> m_values;
    ThreadMetricsModel *m_model;
    StateBarDelegate *m_delegate;
    QTableView *m_table;
};

} // namespace gilscope::ui
