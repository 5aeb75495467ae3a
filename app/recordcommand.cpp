#include "recordcommand.h"

#include "files/outputfile.h"
#include "python/pythoninstalls.h"
#include "samplecommand.h"
#include "sampling/samplingcheck.h"
#include "trace/tracejson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <optional>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#endif

namespace gilscope::app {

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "gilscope record: %s\n", message.toLocal8Bit().constData());
    return 2;
}

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        "Run a Python script and write a trace of when each thread ran, waited for the GIL, "
        "waited for a lock and blocked in I/O (Chrome trace-event JSON, or Perfetto's protobuf "
        "for OUT.pftrace; GIL Scope and Perfetto open both).\nBy default the "
        "script runs unmodified and its threads are sampled from /proc (Linux); --instrument "
        "records it with hooks instead.\nOptions go before the script; everything after it is "
        "the script's.");
    parser.addHelpOption();
    parser.addOption(
        {"python", "The Python to run the script with (default: python3 on PATH).", "PATH"});
    parser.addOption({"out",
                      "Where to write the trace (default: SCRIPT.trace.json here): Chrome JSON, "
                      "or Perfetto's protobuf for TRACE.pftrace.",
                      "TRACE.json"});
    parser.addOption({"switch-interval",
                      "sys.setswitchinterval before the script starts, in ms (Python 3).", "MS"});
    parser.addOption({"sample",
                      "Run the script unmodified and sample its threads from /proc (Linux): no "
                      "slowdown; tells GIL waits from lock waits and I/O (the default; where "
                      "/proc cannot be read, record falls back to --instrument and says so)."});
    parser.addOption({"instrument",
                      "Record with the instrumenting recorder (sys.monitoring / sys.settrace): "
                      "every GIL hand-off exactly, but tight loops run several times slower."});
    parser.addOption({"rate", "When sampling: samples per second (default 1000).", "HZ"});
    parser.addPositionalArgument("SCRIPT.py", "The script to run as __main__.");
    parser.addPositionalArgument("ARGS", "Its arguments.", "[ARGS...]");
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

QString binaryDir(const QString &program) {
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    QString path = program;
    if (!path.contains('/')) {
        const QString found = QStandardPaths::findExecutable(program);
        if (!found.isEmpty())
            path = found;
    }
    return QFileInfo(path).canonicalPath();
}

#ifdef Q_OS_UNIX

// The recorder runs in a process group of its own, so that a signal reaches it and the processes
// the script forks, once. SIGINT, SIGTERM and SIGHUP sent to gilscope are passed on to that
// group: the recorder stops the script, still writes the trace, and we return its status. A
// signal ignored when gilscope started (nohup, a background job of a script) stays ignored.
constexpr int kForwardedSignals[] = {SIGINT, SIGTERM, SIGHUP};

// How long the recorder gets, after a signal was passed on, to write the trace and leave before
// it is killed with the script's processes: a Python 2 main thread waiting on a lock (e.g. in
// multiprocessing's map) never sees the signal.
constexpr std::chrono::seconds kStopGrace{30};

// For the handler: the recorder's process group (0 while there is none) and the last signal
// passed on (0 when none was).
volatile std::sig_atomic_t g_childGroup = 0;
volatile std::sig_atomic_t g_forwarded = 0;

extern "C" void forwardSignal(int sig) {
    const int savedErrno = errno;
    g_forwarded = sig;
    if (g_childGroup > 0)
        ::kill(-static_cast<pid_t>(g_childGroup), sig);
    errno = savedErrno;
}

// Blocks the signals given for its lifetime.
class BlockSignals {
public:
    explicit BlockSignals(std::initializer_list<int> which) {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : which)
            sigaddset(&set, sig);
        pthread_sigmask(SIG_BLOCK, &set, &m_previous);
    }
    ~BlockSignals() { pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }
    BlockSignals(const BlockSignals &) = delete;
    BlockSignals &operator=(const BlockSignals &) = delete;
    const sigset_t &previous() const { return m_previous; }

private:
    sigset_t m_previous;
};

// Hands the terminal (standard input, when it is one and we are in the foreground) to the
// recorder's group, so that the script can read it and Ctrl-C and Ctrl-Z reach the script;
// takes it back when the script stops or ends.
class Terminal {
public:
    Terminal()
        : m_ours(inForeground()) {}
    bool ours() const { return m_ours; }
    // The child (before exec) and the parent both call this: whichever comes first wins the race.
    static void giveTo(pid_t group) {
        const BlockSignals quiet{SIGTTOU}; // asked from the background, which is allowed so
        ::tcsetpgrp(STDIN_FILENO, group);
    }
    void takeBack() const {
        if (m_ours)
            giveTo(::getpgrp());
    }
    static bool inForeground() {
        return ::isatty(STDIN_FILENO) && ::tcgetpgrp(STDIN_FILENO) == ::getpgrp();
    }

private:
    bool m_ours;
};

// Runs a program as a child in its own process group with the signals above passed on to it,
// and waits for it. Job control goes both ways: when Ctrl-Z stops the script, gilscope stops too
// (so the shell sees the job stop), and continues the script when it is continued.
class ChildRun {
public:
    struct Outcome {
        int exitCode = 0;
        int killedBy = 0;          // the signal that ended it, if one did
        bool stopTimedOut = false; // killed by us kStopGrace after a signal was passed on
        QString error;             // why it could not be started
    };

    ChildRun() {
        struct sigaction action {};
        action.sa_handler = forwardSignal;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(kForwardedSignals); ++i) {
            ::sigaction(kForwardedSignals[i], nullptr, &m_previous[i]);
            m_forwarding[i] = m_previous[i].sa_handler != SIG_IGN;
            if (m_forwarding[i])
                ::sigaction(kForwardedSignals[i], &action, nullptr);
        }
#ifdef __linux__
        // The script's processes that the recorder leaves behind become ours, so that we can
        // reap them and tell when none is left.
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
    }
    ~ChildRun() {
#ifdef __linux__
        ::prctl(PR_SET_CHILD_SUBREAPER, 0);
#endif
        for (std::size_t i = 0; i < std::size(kForwardedSignals); ++i)
            if (m_forwarding[i])
                ::sigaction(kForwardedSignals[i], &m_previous[i], nullptr);
        g_childGroup = 0;
    }
    ChildRun(const ChildRun &) = delete;
    ChildRun &operator=(const ChildRun &) = delete;

    // `started` is called with the child's pid as soon as it exists (before its exec).
    Outcome run(const QString &program, const QStringList &arguments,
                const std::function<void(pid_t)> &started = {}) {
        std::vector<QByteArray> storage{QFile::encodeName(program)};
        for (const QString &argument : arguments)
            storage.push_back(argument.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &bytes : storage)
            argv.push_back(bytes.data());
        argv.push_back(nullptr);

        // The child reports a failed exec on this pipe; a successful exec closes it.
        int report[2];
        if (::pipe2(report, O_CLOEXEC) != 0)
            return failure(errno);
        const pid_t parent = ::getpid();
        pid_t pid;
        {
            // No signal is passed on before the group exists.
            const BlockSignals hold{SIGINT, SIGTERM, SIGHUP};
            pid = ::fork();
            if (pid == 0)
                execChild(argv.data(), report[1], parent, hold.previous());
            if (pid > 0) {
                ::setpgid(pid, pid);
                if (m_terminal.ours())
                    Terminal::giveTo(pid);
                g_childGroup = pid;
            }
        }
        const int forkErrno = errno;
        if (pid > 0 && started)
            started(pid);
        ::close(report[1]);
        if (pid < 0) {
            ::close(report[0]);
            return failure(forkErrno);
        }
        int execErrno = 0;
        ssize_t got;
        do
            got = ::read(report[0], &execErrno, sizeof execErrno);
        while (got < 0 && errno == EINTR);
        ::close(report[0]);
        Outcome outcome;
        const int status = waitFor(pid, outcome);
        m_terminal.takeBack();
        if (got == static_cast<ssize_t>(sizeof execErrno)) {
            g_childGroup = 0;
            return failure(execErrno);
        }
        if (g_forwarded != 0)
            endStragglers(pid);
        g_childGroup = 0;
        if (WIFSIGNALED(status)) {
            outcome.killedBy = WTERMSIG(status);
            outcome.exitCode = 128 + outcome.killedBy;
        } else {
            outcome.exitCode = WEXITSTATUS(status);
        }
        return outcome;
    }

private:
    static Outcome failure(int error) {
        Outcome outcome;
        outcome.error = QString::fromLocal8Bit(std::strerror(error));
        return outcome;
    }

    // In the child, between fork and exec: only async-signal-safe calls.
    [[noreturn]] void execChild(char *const argv[], int report, pid_t parent,
                                const sigset_t &mask) {
        ::setpgid(0, 0);
        if (m_terminal.ours())
            Terminal::giveTo(::getpid());
        struct sigaction defaults {};
        defaults.sa_handler = SIG_DFL;
        sigemptyset(&defaults.sa_mask);
        for (std::size_t i = 0; i < std::size(kForwardedSignals); ++i)
            if (m_forwarding[i])
                ::sigaction(kForwardedSignals[i], &defaults, nullptr);
#ifdef __linux__
        // Should gilscope itself die (SIGKILL, a crash), the recorder is told to stop.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(128 + SIGTERM); // gilscope died before the line above
#else
        (void)parent;
#endif
        ::sigprocmask(SIG_SETMASK, &mask, nullptr);
        ::execvp(argv[0], argv);
        const int error = errno;
        [[maybe_unused]] const ssize_t written = ::write(report, &error, sizeof error);
        ::_exit(127);
    }

    // Polls rather than blocks, so that a recorder that does not stop after a signal was passed
    // on is noticed (a signal arriving just before a blocking wait would not be).
    int waitFor(pid_t pid, Outcome &outcome) {
        using Clock = std::chrono::steady_clock;
        std::optional<Clock::time_point> deadline;
        for (;;) {
            int status = 0;
            const pid_t done = ::waitpid(pid, &status, WUNTRACED | WNOHANG);
            if (done < 0) {
                if (errno == EINTR)
                    continue;
                return 0;
            }
            if (done == 0) {
                if (g_forwarded != 0 && !deadline)
                    deadline = Clock::now() + kStopGrace;
                if (deadline && !outcome.stopTimedOut && Clock::now() >= *deadline) {
                    outcome.stopTimedOut = true;
                    ::kill(-pid, SIGKILL);
                }
                ::usleep(20'000); // a signal cuts it short
                continue;
            }
            if (!WIFSTOPPED(status))
                return status;
            const int stop = WSTOPSIG(status);
            // Only the terminal's stops (Ctrl-Z, reading or writing from the background) are
            // the job's: a SIGSTOP may come from a debugger or a profiler attaching.
            if (stop != SIGTSTP && stop != SIGTTIN && stop != SIGTTOU)
                continue;
            m_terminal.takeBack();
            ::raise(SIGTSTP); // returns when the shell continues us (fg or bg)
            if (m_terminal.ours() && Terminal::inForeground())
                Terminal::giveTo(pid);
            ::kill(-pid, SIGCONT);
        }
    }

    // The script's own processes still in the group after the recorder left (it was told to
    // stop): SIGTERM, then SIGKILL for those still there 2 s later.
    static void endStragglers(pid_t group) {
        if (::kill(-group, SIGTERM) != 0)
            return; // nobody left
        for (int i = 0; i < 200; ++i) {
            if (groupGone(group))
                return;
            ::usleep(10'000);
        }
        ::kill(-group, SIGKILL);
        for (int i = 0; i < 100 && !groupGone(group); ++i)
            ::usleep(10'000);
    }

    // Reaps those of the group that became our children, then asks whether anyone is left.
    static bool groupGone(pid_t group) {
        while (::waitpid(-group, nullptr, WNOHANG) > 0) {
        }
        return ::kill(-group, 0) != 0;
    }

    Terminal m_terminal;
    struct sigaction m_previous[std::size(kForwardedSignals)];
    bool m_forwarding[std::size(kForwardedSignals)] = {};
};

#endif

} // namespace

namespace {
// The instrumenting recorder's Chrome JSON at `json` rewritten as Perfetto's protobuf at `out`;
// empty, or why not.
QString toPerfettoFile(const QString &json, const QString &out) {
    const auto load = core::loadTraceFile(json);
    if (!load.ok())
        return QString::fromStdString(load.error());
    auto file = core::OutputFile::open(out);
    if (!file.ok())
        return QString::fromStdString(file.error());
    core::writeTrace(**load, core::TraceFormat::Perfetto, **file);
    const auto done = (*file)->commit();
    return done.ok() ? QString() : QString::fromStdString(done.error());
}
} // namespace

core::Result<core::RecorderFiles> recorderFiles(const QString &program) {
#ifdef GILSCOPE_SOURCE_DIR
    const QString sourceDir = QStringLiteral(GILSCOPE_SOURCE_DIR);
#else
    const QString sourceDir;
#endif
    return core::findRecorderFiles(binaryDir(program), sourceDir);
}

#ifdef __linux__
namespace {
// `record --sample`: the script runs as `python SCRIPT ARGS`, untouched but for a sitecustomize
// that names threads, while a thread of ours samples it from /proc.
int recordSampled(const QString &python, const QStringList &positional,
                  const QCommandLineParser &parser, double rate) {
    const QString script = positional.first();
    const QString out = parser.isSet("out") ? parser.value("out")
                                            : QFileInfo(script).completeBaseName() + ".trace.json";
    QStringList pythonArgs;
    if (parser.isSet("switch-interval")) {
        const QString seconds =
            QString::number(parser.value("switch-interval").toDouble() / 1000, 'g', 12);
        pythonArgs << "-c"
                   << "import sys, runpy; sys.argv = sys.argv[1:]; "
                      "getattr(sys, 'setswitchinterval', lambda s: None)(" +
                          seconds + "); runpy.run_path(sys.argv[0], run_name='__main__')"
                   << positional;
    } else {
        pythonArgs = positional;
    }
    core::ThreadNameHook names;
    core::BackgroundSampler sampler(rate);
    if (names.ok())
        names.install();
    ChildRun child;
    const ChildRun::Outcome outcome =
        child.run(python, pythonArgs, [&](pid_t pid) { sampler.start(pid); });
    names.restore();
    if (!outcome.error.isEmpty())
        return fail("cannot run " + python + ": " + outcome.error);
    sampler.stop();
    const QString error = sampler.session()
                              ? writeSampledTrace(*sampler.session(), out, names.namesFile(),
                                                  QFileInfo(script).fileName())
                              : QString::fromStdString(sampler.write(out, {}, {}).error());
    if (!error.isEmpty())
        std::fprintf(stderr, "gilscope record: %s\n", error.toLocal8Bit().constData());
    if (outcome.stopTimedOut)
        std::fprintf(stderr,
                     "gilscope record: the script did not stop within %d s of the signal; "
                     "killed it and its processes (the trace has what was sampled)\n",
                     static_cast<int>(kStopGrace.count()));
    else if (outcome.killedBy != 0)
        std::fprintf(stderr, "gilscope record: %s was killed by signal %d (%s)\n",
                     python.toLocal8Bit().constData(), outcome.killedBy,
                     ::strsignal(outcome.killedBy));
    return error.isEmpty() ? outcome.exitCode : (outcome.exitCode ? outcome.exitCode : 1);
}
} // namespace
#endif

int runRecord(const QStringList &arguments) {
    QCommandLineParser parser;
    addOptions(parser);
    // The parser sees "gilscope [options] SCRIPT [ARGS]": drop the subcommand.
    QStringList forParser = arguments.mid(0, 1) + arguments.mid(2);
    if (forParser.isEmpty())
        forParser << "gilscope";
    if (!parser.parse(forParser))
        return fail(parser.errorText() + " (see gilscope record --help)");
    if (parser.isSet("help") || parser.isSet("help-all")) {
        QString help = parser.helpText();
        help.replace(QRegularExpression("^Usage: \\S+"), "Usage: gilscope record");
        std::fputs(help.toLocal8Bit().constData(), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail("no script given: gilscope record [OPTIONS] -- SCRIPT.py [ARGS...]");
    QStringList recorderArgs;
    if (parser.isSet("out"))
        recorderArgs << "--out" << parser.value("out");
    if (parser.isSet("switch-interval")) {
        bool ok = false;
        const double ms = parser.value("switch-interval").toDouble(&ok);
        if (!ok || !(ms > 0))
            return fail("--switch-interval: expected milliseconds > 0, got " +
                        parser.value("switch-interval"));
        recorderArgs << "--switch-interval" << QString::number(ms, 'g', 12);
    }
    const QString script = positional.first();
    if (!QFileInfo(script).isFile())
        return fail(script + ": no such script");
    const auto method = core::chooseRecordingMethod(
        parser.isSet("sample"), parser.isSet("instrument"), core::checkProcSampling());
    if (!method.ok())
        return fail(QString::fromStdString(method.error()));
    if (!method->note.empty())
        std::fprintf(stderr, "gilscope record: %s\n", method->note.c_str());
    [[maybe_unused]] const bool sample = method->sample;
    [[maybe_unused]] double rate = kDefaultSampleHz;
    if (parser.isSet("rate")) {
        bool ok = false;
        rate = parser.value("rate").toDouble(&ok);
        if (parser.isSet("instrument"))
            return fail("--rate goes with sampling, not --instrument");
        if (!ok || !(rate >= 1 && rate <= 20000))
            return fail("--rate: expected 1 to 20000 samples per second, got " +
                        parser.value("rate"));
    }
    const QString wanted = parser.isSet("python") ? parser.value("python") : QString("python3");
    const QString python = core::resolvePythonPath(wanted);
    if (python.isEmpty())
        return fail(wanted.contains('/') ? wanted + ": no such Python interpreter"
                                         : wanted + " not found on PATH; give --python PATH");
#ifdef __linux__
    if (sample)
        return recordSampled(python, positional, parser, rate);
#endif

    // The instrumenting recorder: gilscope_record.py runs the script.
    const auto files = recorderFiles(arguments.value(0));
    if (!files.ok())
        return fail(QString::fromStdString(files.error()));
    // The recorder writes Chrome JSON: a .pftrace is converted from it once it is written.
    // (Killed outright, gilscope leaves the JSON in the temporary folder.)
    std::optional<QTemporaryDir> jsonDir;
    const QString out = parser.value("out");
    if (parser.isSet("out") && core::traceFormatForPath(out) == core::TraceFormat::Perfetto) {
        if (const auto probe = core::OutputFile::probe(out); !probe.ok())
            return fail(QString::fromStdString(probe.error()));
        jsonDir.emplace();
        if (!jsonDir->isValid())
            return fail("cannot make a temporary folder for the recorder's JSON: " +
                        jsonDir->errorString());
        recorderArgs[recorderArgs.indexOf("--out") + 1] = jsonDir->filePath("trace.json");
    }
    const auto convert = [&](int status) {
        if (!jsonDir || !QFileInfo::exists(jsonDir->filePath("trace.json")))
            return status;
        const QString error = toPerfettoFile(jsonDir->filePath("trace.json"), out);
        if (error.isEmpty()) {
            std::fprintf(stderr, "gilscope record: trace in %s (Perfetto)\n",
                         out.toLocal8Bit().constData());
            return status;
        }
        std::fprintf(stderr, "gilscope record: %s\n", error.toLocal8Bit().constData());
        return status ? status : 1;
    };
    const QStringList pythonArgs =
        QStringList{files->recorder()} + recorderArgs + QStringList{"--"} + positional;
#ifdef Q_OS_UNIX
    ChildRun child;
    const ChildRun::Outcome outcome = child.run(python, pythonArgs);
    if (!outcome.error.isEmpty())
        return fail("cannot run " + python + ": " + outcome.error);
    if (outcome.stopTimedOut)
        std::fprintf(stderr,
                     "gilscope record: the recorder did not stop within %d s of the signal; "
                     "killed it and the script's processes (no trace written)\n",
                     static_cast<int>(kStopGrace.count()));
    else if (outcome.killedBy != 0)
        std::fprintf(stderr, "gilscope record: %s was killed by signal %d (%s)\n",
                     python.toLocal8Bit().constData(), outcome.killedBy,
                     ::strsignal(outcome.killedBy));
    return convert(outcome.exitCode);
#else
    QProcess process;
    process.setProgram(python);
    process.setArguments(pythonArgs);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start();
    if (!process.waitForStarted(-1))
        return fail("cannot run " + python + ": " + process.errorString());
    process.waitForFinished(-1);
    if (process.exitStatus() == QProcess::CrashExit) {
        std::fprintf(stderr, "gilscope record: %s stopped abnormally: %s\n",
                     python.toLocal8Bit().constData(),
                     process.errorString().toLocal8Bit().constData());
        return 1;
    }
    return convert(process.exitCode());
#endif
}

} // namespace gilscope::app
