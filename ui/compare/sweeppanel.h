#pragma once

#include "analysis/sweep.h"
#include "scenario/scenario.h"
#include "slide/timelinetheme.h"
#include "trace/metrics.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <array>
#include <atomic>
#include <memory>
#include <optional>

class QCPGraph;
class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

template <typename T> class QFutureWatcher;

namespace gilscope::ui {

// How the current scenario's makespan, speed-up and I/O latency change with one value: a
// worker group's thread count (every whole number from … to), the cores, or the switch interval
// (log-spaced). core::sweep runs in the background; a new scenario or range cancels it. The
// scenario's own value is marked on every chart; clicking a point asks for that variant.
class SweepPanel : public QWidget {
    Q_OBJECT
public:
    enum Chart { Makespan, Speedup, IoLatency };
    static constexpr int kChartCount = 3;
    static constexpr int kDebounceMs = 200;

    // One thing the panel can vary.
    struct Parameter {
        QString key;   // dotted scenario path, as core::sweep takes it
        QString label; // "CPU threads (cpu)", "switch interval"
        bool whole = true;
        double from = 1, to = 8;
        int points = 10;
    };

    explicit SweepPanel(QWidget *parent = nullptr);
    ~SweepPanel() override;

    // Keeps the varied key and range when the new scenario still has it.
    void setScenario(const core::Scenario &scenario);
    const core::Scenario &scenario() const { return m_scenario; }
    // Varies `key` from `from` to `to` (whole keys: every whole number; others: `points`
    // log-spaced values). The key must be one of parameters().
    bool setSweep(const QString &key, double from, double to, int points = 10);
    QString key() const { return m_parameter.key; }
    const std::vector<Parameter> &parameters() const { return m_parameters; }

    bool isBusy() const { return m_busy; }
    bool hasResult() const { return m_hasResult; }
    const core::Result<core::SweepResult> &result() const { return m_result; }
    // The scenario's own value of the varied key.
    double currentValue() const { return m_current; }
    QString errorText() const;

    QCustomPlot *chart(Chart c) const { return m_charts[static_cast<std::size_t>(c)]; }
    // One point per swept value.
    QCPGraph *curve(Chart c) const;
    // One point: the scenario's own value.
    QCPGraph *marker(Chart c) const;

    void setTheme(const TimelineTheme &theme);

    // The scenario's value of a dotted path (NaN when there is none).
    static double valueOf(const core::Scenario &scenario, const QString &key);
    // What can be varied in this scenario, with sensible ranges.
    static std::vector<Parameter> parametersFor(const core::Scenario &scenario);

signals:
    void sweepReady();
    void valueChosen(const gilscope::core::Scenario &scenario);

private:
    struct Job {
        core::Result<core::SweepResult> result = core::Error{"not run"};
        std::optional<core::Metrics> current; // when the scenario's value is not among the points
    };
    void rebuildParameterBox();
    void parameterPicked();
    void rangeEdited();
    void schedule();
    void start();
    void finished(QFutureWatcher<Job> *watcher, quint64 generation);
    void showResult();
    void drawChart(Chart which, bool ok, bool anyIo);
    // The y axis: log where latency spans decades, else linear; the data's positive extent.
    struct YScale {
        bool log = false;
        double low = 0, high = 0;
    };
    YScale setScales(QCustomPlot *plot, Chart which, const QVector<double> &ys);
    // The 1x line and, for a CPU thread count, the ideal min(threads, cores); returns its top.
    double addSpeedupGuides(QCustomPlot *plot, QCPGraph *line, const QVector<double> &xs);
    void labelCurrentValue(QCustomPlot *plot, double y);
    void styleChart(QCustomPlot *chart);
    void pointClicked(int index);

    core::Scenario m_scenario;
    std::vector<Parameter> m_parameters;
    Parameter m_parameter;
    core::Result<core::SweepResult> m_result = core::Error{"not run"};
    std::optional<core::Metrics> m_currentMetrics;
    double m_current = 0;
    bool m_hasResult = false;
    bool m_busy = false;
    bool m_updating = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThreadPool m_pool;
    QTimer m_debounce;
    TimelineTheme m_theme = TimelineTheme::screenLight();
    QComboBox *m_parameterBox;
    QDoubleSpinBox *m_from;
    QDoubleSpinBox *m_to;
    QSpinBox *m_points;
    QLabel *m_pointsLabel;
    QLabel *m_status;
    std::array<QCustomPlot *, kChartCount> m_charts{};
};

} // namespace gilscope::ui
