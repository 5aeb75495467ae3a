#pragma once

#include "analysis/advisor.h"
#include "scenario/scenario.h"
#include "slide/timelinetheme.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QCPBars;
class QCustomPlot;
class QLabel;

template <typename T> class QFutureWatcher;

namespace gilscope::ui {

// "Which executor fits my workload?": simulates the current workload under every executor and
// interpreter in the background (core::advise), shows bar charts of makespan and I/O latency
// p99, and names the best fit with its reason. A new workload cancels the runs still going.
// Clicking a bar asks for that run's scenario to be opened.
class AdvisorPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 200;
    // 4 executors on each current build; threading and multiprocessing under the legacy GIL.
    static constexpr int kRuns = 10;

    explicit AdvisorPanel(QWidget *parent = nullptr);
    ~AdvisorPanel() override;

    // The workload to advise on. Only its executor and interpreter changed: no new runs, the
    // bar of the scenario shown is marked instead.
    void setScenario(const core::Scenario &scenario);
    const core::Scenario &scenario() const { return m_scenario; }
    bool isBusy() const { return m_busy; }
    bool hasAdvice() const { return m_hasAdvice; }
    // The last finished advice.
    const core::Advice &advice() const { return m_advice; }
    // The scenario of one run of the grid: the workload with that executor and interpreter.
    core::Scenario scenarioOfRun(int run) const;

    QCustomPlot *makespanChart() const { return m_makespan; }
    QCustomPlot *latencyChart() const { return m_latency; }
    // Bars drawn in a chart (every run of the grid: kRuns once advice is in).
    static int barCount(QCustomPlot *chart);
    // Where a run's bar is, in the chart's widget pixels (its middle).
    QPointF barCentre(QCustomPlot *chart, int run) const;
    // The run whose row is at `pos` (widget pixels of the chart, the bar or its label), or -1.
    int runAt(QCustomPlot *chart, QPointF pos) const;
    // The verdict as plain text: "Best fit: … — reason".
    QString bestFitText() const;
    QString statusText() const;

    void setTheme(const TimelineTheme &theme);

signals:
    void adviceReady();
    void runChosen(const gilscope::core::Scenario &scenario);

private:
    void start();
    void finished(QFutureWatcher<core::Advice> *watcher, quint64 generation);
    void setBusy(bool busy);
    void showAdvice();
    void fillChart(QCustomPlot *chart, bool latency);
    void styleChart(QCustomPlot *chart);
    int currentRun() const;

    core::Scenario m_scenario;
    core::Advice m_advice;
    core::Scenario m_advised; // the workload m_advice is for
    bool m_hasAdvice = false;
    bool m_busy = false;
    bool m_pending = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThreadPool m_pool;
    QTimer m_debounce;
    TimelineTheme m_theme = TimelineTheme::screenLight();
    QLabel *m_verdict;
    QLabel *m_reason;
    QLabel *m_status;
    QCustomPlot *m_makespan;
    QCustomPlot *m_latency;
    QPointF m_pressPos;
};

} // namespace gilscope::ui
