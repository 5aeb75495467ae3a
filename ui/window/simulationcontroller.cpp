#include "window/simulationcontroller.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace gilscope::ui {

SimulationController::SimulationController(QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<core::PreparedRunPtr>();
    // Two workers at most: one live run and one being cancelled; the UI keeps a core.
    m_pool.setMaxThreadCount(2);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::onTimer);
}

SimulationController::~SimulationController() {
    for (auto &run : m_runs)
        run->cancel->store(true);
    for (auto &run : m_runs)
        run->watcher->waitForFinished();
    m_pool.waitForDone();
}

void SimulationController::setScenario(const core::Scenario &scenario) {
    m_scenario = scenario;
    schedule();
}

void SimulationController::rerun() {
    schedule();
}

void SimulationController::schedule() {
    if (!m_dirty)
        m_dirty = true;
    setBusy(true);
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceStart.isValid() ? m_sinceStart.elapsed() : kThrottleMs;
    // 0 ms still waits for the event loop, so edits made together make one run.
    m_timer.start(static_cast<int>(std::max<qint64>(0, kThrottleMs - since)));
}

void SimulationController::onTimer() {
    if (!m_dirty)
        return;
    for (const auto &run : m_runs) {
        if (run->cancel->load())
            continue;
        if (run->age.elapsed() < kCancelAfterMs) {
            // Young: likely to finish soon and show (finished() starts the next run). Look
            // again when it is old enough to cancel, in case it does not.
            m_timer.start(static_cast<int>(kCancelAfterMs - run->age.elapsed()) + 1);
            return;
        }
        run->cancel->store(true);
    }
    start();
}

void SimulationController::start() {
    m_dirty = false;
    m_sinceStart.start();
    auto run = std::make_unique<Run>();
    run->generation = ++m_generation;
    run->cancel = std::make_shared<std::atomic<bool>>(false);
    run->watcher = new QFutureWatcher<Outcome>(this);
    run->age.start();
    Run *raw = run.get();
    connect(run->watcher, &QFutureWatcherBase::finished, this, [this, raw] { finished(raw); });
    run->watcher->setFuture(
        QtConcurrent::run(&m_pool, &SimulationController::work, m_scenario, run->cancel));
    m_runs.push_back(std::move(run));
}

SimulationController::Outcome
SimulationController::work(core::Scenario scenario, std::shared_ptr<std::atomic<bool>> cancel) {
    Outcome out;
    auto run = core::prepareRun(scenario, cancel.get());
    if (cancel->load())
        out.cancelled = true;
    else if (!run.ok())
        out.error = QString::fromStdString(run.error());
    else
        out.result = std::move(*run);
    return out;
}

void SimulationController::finished(Run *run) {
    const Outcome outcome = run->watcher->result();
    const quint64 generation = run->generation;
    run->watcher->deleteLater();
    m_runs.erase(std::remove_if(m_runs.begin(), m_runs.end(),
                                [run](const auto &r) { return r.get() == run; }),
                 m_runs.end());

    if (outcome.cancelled || generation < m_shown) {
        // cancelled, or overtaken by a newer result already on screen
    } else if (outcome.result) {
        m_shown = generation;
        m_result = outcome.result;
        emit resultReady(m_result, generation);
    } else if (generation == m_generation) {
        m_shown = generation;
        emit failed(outcome.error);
    }

    if (m_dirty)
        m_timer.start(0); // the change that waited for this run goes next
    if (m_runs.empty() && !m_dirty)
        setBusy(false);
}

void SimulationController::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace gilscope::ui
