#pragma once

#include "run/preparedrun.h"
#include "scenario/scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

template <typename T> class QFutureWatcher;

namespace gilscope::ui {

// Owns the current Scenario and keeps a simulation of it coming: every change schedules a run
// on a worker thread (simulate, build the TraceIndex, compute the metrics), so nothing on the
// UI thread grows with the trace.
//
// Changes are throttled: the first change after a quiet spell starts at once, later ones at
// most every kThrottleMs, so a dragged slider yields a stream of frames. A run still young when
// the next change comes is left to finish (the chart follows the slider); an older one is
// cancelled through simulate()'s cancel flag. Results carry a generation number: one older
// than what is already shown is stale and dropped, as are cancelled runs.
class SimulationController : public QObject {
    Q_OBJECT
public:
    static constexpr int kThrottleMs = 30;
    static constexpr int kCancelAfterMs = 150;

    explicit SimulationController(QObject *parent = nullptr);
    ~SimulationController() override;

    const core::Scenario &scenario() const { return m_scenario; }
    void setScenario(const core::Scenario &scenario);
    // Annotations are notes on the picture: the scenario keeps them, nothing is simulated again.
    void setAnnotations(std::vector<core::Annotation> annotations) {
        m_scenario.annotations = std::move(annotations);
    }
    void rerun();

    core::PreparedRunPtr result() const { return m_result; }
    bool isBusy() const { return !m_runs.empty() || m_dirty; }
    quint64 requestedGeneration() const { return m_generation; }
    // The generation of the result or failure last reported.
    quint64 shownGeneration() const { return m_shown; }

signals:
    // `generation` counts requests: a later result always has a larger one.
    void resultReady(gilscope::core::PreparedRunPtr result, quint64 generation);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    struct Outcome {
        core::PreparedRunPtr result;
        QString error;
        bool cancelled = false;
    };
    struct Run {
        quint64 generation = 0;
        std::shared_ptr<std::atomic<bool>> cancel;
        QFutureWatcher<Outcome> *watcher = nullptr;
        QElapsedTimer age;
    };

    static Outcome work(core::Scenario scenario, std::shared_ptr<std::atomic<bool>> cancel);
    void schedule();
    void onTimer();
    void start();
    void finished(Run *run);
    void setBusy(bool busy);

    core::Scenario m_scenario;
    QThreadPool m_pool;
    QTimer m_timer;
    QElapsedTimer m_sinceStart;
    bool m_dirty = false;
    bool m_busy = false;
    quint64 m_generation = 0;
    quint64 m_shown = 0;
    std::vector<std::unique_ptr<Run>> m_runs;
    core::PreparedRunPtr m_result;
};

} // namespace gilscope::ui
