#pragma once

#include "trace/trace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace gilscope::core {
class BackgroundSampler;
class ThreadNameHook;
} // namespace gilscope::core

namespace gilscope::ui {

// How often a timeline recorded live (a sampled recording, an attached process) is redrawn.
inline constexpr int kLiveTimelineMs = 250;

// One run of the recorder (gilscope_record.py) under a Python interpreter, as a child process
// that never blocks the GUI thread -- or, with Request::sample, of the script itself, unmodified,
// sampled from /proc by a thread of ours (Linux), the trace so far offered four times a second
// (liveTrace) and written when the script ends. Its output arrives line by line. cancel() stops it
// the way Ctrl-C in a terminal does -- SIGINT to its process group, so the recorder stops the
// script and still writes the trace of the run so far -- and kills it only when that does not end
// it.
class RecordingRun : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString python;   // the interpreter
        QString recorder; // gilscope_record.py
        QString script;
        QStringList arguments; // the script's
        QString tracePath;
        double switchIntervalMs = 0; // 0: the interpreter's own
        bool sample = false;         // sample from /proc instead of instrumenting
        double rateHz = 1000;        // samples per second
    };

    struct Outcome {
        bool started = false;   // the interpreter ran at all
        bool cancelled = false; // cancel() was called
        bool killed = false;    // it outlived the interrupts
        int exitCode = -1;      // the recorder's: the script's status, 130 after an interrupt
        bool traceWritten = false;
        QString error;         // why it could not start
        QString lastErrorLine; // the last line on stderr but the recorder's summary: the reason
    };

    // A script whose non-daemon threads keep running ignores the first interrupt while the
    // recorder joins them; the second one makes it write the trace.
    static constexpr int kSecondInterruptMs = 3000;
    static constexpr int kKillAfterMs = 10000;

    explicit RecordingRun(QObject *parent = nullptr);
    ~RecordingRun() override; // kills a run still going

    void start(const Request &request);
    void cancel();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isCancelling() const { return m_cancelling; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    const Request &request() const { return m_request; }
    // The recorder's command line: interpreter first.
    QStringList commandLine() const;

signals:
    void outputLine(const QString &line, bool fromStderr);
    void finished(const gilscope::ui::RecordingRun::Outcome &outcome);
    // Sampling only: the trace so far.
    void liveTrace(gilscope::core::TracePtr trace);

private:
    void readOutput(bool fromStderr);
    void flushOutput();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processFailed(QProcess::ProcessError error);
    void escalate();
    void signalGroup(int signal);
    bool traceWrittenSinceStart() const;

    void processStarted();
    QString finishSampling();

    QProcess m_process;
    Request m_request;
    std::unique_ptr<core::ThreadNameHook> m_names;
    std::unique_ptr<core::BackgroundSampler> m_sampler;
    QTimer m_live;
    QElapsedTimer m_clock;
    QTimer m_watch; // while cancelling: looks for the trace, interrupts again, kills
    QElapsedTimer m_sinceCancel;
    QByteArray m_pending[2]; // partial lines of stdout, stderr
    QString m_lastErrorLine;
    bool m_traceExisted = false;
    QDateTime m_traceModified;
    qint64 m_traceSize = -1;
    bool m_cancelling = false;
    bool m_interruptedTwice = false;
    bool m_killed = false;
    bool m_done = true;
};

} // namespace gilscope::ui
