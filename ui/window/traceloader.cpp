#include "window/traceloader.h"

#include "trace/tracejson.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace gilscope::ui {

TraceLoader::TraceLoader(QObject *parent)
    : QObject(parent) {
    m_pool.setMaxThreadCount(1);
    m_progress.setInterval(50);
    connect(&m_progress, &QTimer::timeout, this, [this] {
        if (m_job)
            emit progress(m_job->permille.load(std::memory_order_relaxed));
    });
}

TraceLoader::~TraceLoader() {
    if (m_job)
        m_job->cancel = true;
    m_pool.waitForDone();
}

TraceLoader::Outcome TraceLoader::work(QString path, std::shared_ptr<Job> job) {
    const core::LoadControl control{&job->cancel, &job->permille};
    const auto load = core::loadTraceFile(path, core::DashMeans::File, control);
    if (!load.ok())
        return {nullptr, QString::fromStdString(load.error())};
    auto run = core::prepareRun(*load, QFileInfo(path).completeBaseName().toStdString(),
                                &job->cancel, core::RunParts::Everything);
    if (!run.ok())
        return {nullptr, QString::fromStdString(run.error())};
    return {*run, {}};
}

void TraceLoader::load(const QString &path) {
    cancel();
    auto job = std::make_shared<Job>();
    m_job = job;
    m_path = path;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, job, watcher] { finished(job, watcher); });
    watcher->setFuture(QtConcurrent::run(&m_pool, &TraceLoader::work, path, job));
    m_progress.start();
    emit progress(0);
}

void TraceLoader::cancel() {
    if (!m_job)
        return;
    m_job->cancel = true;
    m_job.reset();
    m_progress.stop();
    emit cancelled(m_path);
}

void TraceLoader::finished(const std::shared_ptr<Job> &job, QFutureWatcher<Outcome> *watcher) {
    const Outcome outcome = watcher->result();
    watcher->deleteLater();
    if (job != m_job)
        return; // cancelled or replaced: already reported
    m_job.reset();
    m_progress.stop();
    if (outcome.run)
        emit loaded(outcome.run, m_path);
    else
        emit failed(m_path, outcome.error);
}

} // namespace gilscope::ui
