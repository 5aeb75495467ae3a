#include "record/recordingrun.h"

#include "sampling/samplingsession.h"
#include "sampling/threadnamehook.h"

#include <QFileInfo>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace gilscope::ui {

namespace {

constexpr int kWatchMs = 200;

// The recorder's closing summary goes to stderr too; it says nothing about a failure.
bool isErrorLine(const QString &line) {
    const QString text = line.trimmed();
    return !text.isEmpty() && !text.startsWith(QLatin1String("gilscope-record: wrote "));
}

} // namespace

RecordingRun::RecordingRun(QObject *parent)
    : QObject(parent) {
    m_watch.setInterval(kWatchMs);
    connect(&m_watch, &QTimer::timeout, this, &RecordingRun::escalate);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readOutput(false); });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readOutput(true); });
    connect(&m_process, &QProcess::finished, this, &RecordingRun::processFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &RecordingRun::processFailed);
    connect(&m_process, &QProcess::started, this, &RecordingRun::processStarted);
    m_live.setInterval(kLiveTimelineMs);
    connect(&m_live, &QTimer::timeout, this, [this] {
        if (m_sampler)
            if (auto trace = m_sampler->snapshot())
                emit liveTrace(trace);
    });
}

RecordingRun::~RecordingRun() {
    if (isRunning()) {
        m_process.disconnect(this);
        signalGroup(SIGKILL);
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QStringList RecordingRun::commandLine() const {
    if (m_request.sample) {
        // The script as it is; a switch interval is set before it runs, as the recorder would.
        QStringList args{m_request.python};
        if (m_request.switchIntervalMs > 0)
            args << QStringLiteral("-c")
                 << QStringLiteral("import sys, runpy; sys.argv = sys.argv[1:]; "
                                   "getattr(sys, 'setswitchinterval', lambda s: None)(%1); "
                                   "runpy.run_path(sys.argv[0], run_name='__main__')")
                        .arg(QString::number(m_request.switchIntervalMs / 1000, 'g', 12));
        return args << m_request.script << m_request.arguments;
    }
    QStringList args{m_request.python, m_request.recorder, QStringLiteral("--out"),
                     m_request.tracePath};
    if (m_request.switchIntervalMs > 0)
        args << QStringLiteral("--switch-interval")
             << QString::number(m_request.switchIntervalMs, 'g', 12);
    args << QStringLiteral("--") << m_request.script << m_request.arguments;
    return args;
}

void RecordingRun::start(const Request &request) {
    Q_ASSERT(!isRunning());
    m_request = request;
    m_pending[0].clear();
    m_pending[1].clear();
    m_lastErrorLine.clear();
    m_cancelling = m_interruptedTwice = m_killed = false;
    m_done = false;
    // "Written" means changed since now: an older file at the same path does not count.
    const QFileInfo before(request.tracePath);
    m_traceExisted = before.exists();
    m_traceModified = before.lastModified();
    m_traceSize = before.size();

    const QStringList command = commandLine();
    m_process.setProgram(command.first());
    m_process.setArguments(command.mid(1));
    m_process.setWorkingDirectory(QFileInfo(request.script).absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1")); // lines as they come
    m_sampler.reset();
    m_names.reset();
    if (request.sample) {
        m_names = std::make_unique<core::ThreadNameHook>();
        if (m_names->ok())
            m_names->addTo(env);
        m_sampler = std::make_unique<core::BackgroundSampler>(request.rateHz);
    }
    m_process.setProcessEnvironment(env);
#ifdef Q_OS_UNIX
    m_process.setChildProcessModifier([] {
        // Python keeps an inherited "ignore SIGINT" (a GUI started in the background has one),
        // and the recorder needs its KeyboardInterrupt. Its own group, so that an interrupt
        // reaches processes the script forks, as Ctrl-C in a terminal would.
        std::signal(SIGINT, SIG_DFL);
        ::setpgid(0, 0);
    });
#endif
    m_clock.start();
    m_process.start();
}

void RecordingRun::processStarted() {
    if (!m_sampler)
        return;
    m_sampler->start(static_cast<int>(m_process.processId()));
    m_live.start();
}

// Sampling: the script has ended; the trace of what was sampled goes to the trace path. The
// error, or empty.
QString RecordingRun::finishSampling() {
    m_live.stop();
    if (!m_sampler)
        return {};
    const auto saved =
        m_sampler->write(m_request.tracePath, m_names ? m_names->namesFile() : QString(),
                         QFileInfo(m_request.script).fileName().toStdString());
    m_sampler.reset();
    m_names.reset();
    return saved.ok() ? QString() : QString::fromStdString(saved.error());
}

void RecordingRun::cancel() {
    if (!isRunning() || m_cancelling)
        return;
    m_cancelling = true;
    m_sinceCancel.start();
    signalGroup(SIGINT);
    m_watch.start();
}

void RecordingRun::escalate() {
    if (!isRunning()) {
        m_watch.stop();
        return;
    }
    // Once the trace is there, what keeps the process alive is Python joining the script's
    // threads at exit: nothing more to save.
    if (traceWrittenSinceStart() || m_sinceCancel.elapsed() >= kKillAfterMs) {
        m_killed = true;
        m_watch.stop();
        signalGroup(SIGKILL);
        m_process.kill();
        return;
    }
    if (!m_interruptedTwice && m_sinceCancel.elapsed() >= kSecondInterruptMs) {
        m_interruptedTwice = true;
        signalGroup(SIGINT);
    }
}

void RecordingRun::signalGroup(int signal) {
#ifdef Q_OS_UNIX
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), signal);
#else
    Q_UNUSED(signal);
    m_process.kill();
#endif
}

bool RecordingRun::traceWrittenSinceStart() const {
    const QFileInfo now(m_request.tracePath);
    if (!now.exists())
        return false;
    return !m_traceExisted || now.lastModified() != m_traceModified || now.size() != m_traceSize;
}

void RecordingRun::readOutput(bool fromStderr) {
    QByteArray &pending = m_pending[fromStderr ? 1 : 0];
    pending += fromStderr ? m_process.readAllStandardError() : m_process.readAllStandardOutput();
    qsizetype newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
        QString line = QString::fromLocal8Bit(pending.left(newline));
        pending.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (fromStderr && isErrorLine(line))
            m_lastErrorLine = line.trimmed();
        emit outputLine(line, fromStderr);
    }
}

void RecordingRun::flushOutput() {
    readOutput(false);
    readOutput(true);
    for (int i = 0; i < 2; ++i) {
        if (m_pending[i].isEmpty())
            continue;
        const QString line = QString::fromLocal8Bit(m_pending[i]);
        m_pending[i].clear();
        if (i == 1 && isErrorLine(line))
            m_lastErrorLine = line.trimmed();
        emit outputLine(line, i == 1);
    }
}

void RecordingRun::processFinished(int exitCode, QProcess::ExitStatus status) {
    if (m_done)
        return;
    m_done = true;
    m_watch.stop();
    flushOutput();
    const QString samplingError = finishSampling();
    Outcome outcome;
    outcome.started = true;
    outcome.cancelled = m_cancelling;
    outcome.killed = m_killed;
    outcome.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    outcome.traceWritten = traceWrittenSinceStart();
    outcome.lastErrorLine = m_lastErrorLine;
    if (status == QProcess::CrashExit && !m_killed)
        outcome.error = tr("%1 stopped abnormally").arg(QFileInfo(m_request.python).fileName());
    if (!samplingError.isEmpty())
        outcome.lastErrorLine = samplingError;
    emit finished(outcome);
}

void RecordingRun::processFailed(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart || m_done)
        return;
    m_done = true;
    m_watch.stop();
    m_live.stop();
    m_sampler.reset();
    m_names.reset();
    Outcome outcome;
    outcome.error = tr("cannot run %1: %2").arg(m_request.python, m_process.errorString());
    emit finished(outcome);
}

} // namespace gilscope::ui
