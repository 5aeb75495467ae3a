#pragma once

#include "run/preparedrun.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

template <typename T> class QFutureWatcher;

namespace gilscope::ui {

// Opens a trace file for the window on a worker thread: reads it (core::loadTraceFile follows
// the read and stops when asked) and prepares it (index, metrics), so that a file of any size
// leaves the window responsive and the run on screen stays there until the new one is ready.
// One load at a time: a new one cancels the one under way, whose result is then dropped.
class TraceLoader : public QObject {
    Q_OBJECT
public:
    explicit TraceLoader(QObject *parent = nullptr);
    // Cancels a load under way and waits for its thread.
    ~TraceLoader() override;

    void load(const QString &path);
    // The load under way ends as cancelled(), whatever its worker had got to.
    void cancel();
    bool isLoading() const { return m_job != nullptr; }
    QString path() const { return m_path; }

signals:
    void loaded(gilscope::core::PreparedRunPtr run, const QString &path);
    void failed(const QString &path, const QString &message);
    void cancelled(const QString &path);
    // Permille of the file read, every few dozen milliseconds while loading.
    void progress(int permille);

private:
    struct Job {
        std::atomic<bool> cancel{false};
        std::atomic<int> permille{0};
    };
    struct Outcome {
        core::PreparedRunPtr run;
        QString error;
    };
    static Outcome work(QString path, std::shared_ptr<Job> job);
    void finished(const std::shared_ptr<Job> &job, QFutureWatcher<Outcome> *watcher);

    QThreadPool m_pool;
    QTimer m_progress;
    std::shared_ptr<Job> m_job; // the load under way, if any
    QString m_path;
};

} // namespace gilscope::ui
