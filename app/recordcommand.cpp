#include "recordcommand.h"

#include "python/pythoninstalls.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace gilscope::app {

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "gilscope record: %s\n", message.toLocal8Bit().constData());
    return 2;
}

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        "Run a Python script under the GIL Scope recorder and write a trace of when each thread "
        "ran, waited for the GIL and blocked in I/O (Chrome trace-event JSON; GIL Scope and "
        "Perfetto open it).\nOptions go before the script; everything after it is the script's.");
    parser.addHelpOption();
    parser.addOption(
        {"python", "The Python to run the script with (default: python3 on PATH).", "PATH"});
    parser.addOption(
        {"out", "Where to write the trace (default: SCRIPT.trace.json here).", "TRACE.json"});
    parser.addOption({"switch-interval",
                      "sys.setswitchinterval before the script starts, in ms (Python 3).", "MS"});
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

// While the recorder runs, Ctrl-C belongs to it: the recorder stops the script and still writes
// the trace, and we return its status instead of dying first.
class IgnoreInterrupts {
public:
#ifdef Q_OS_UNIX
    IgnoreInterrupts() {
        m_previous = std::signal(SIGINT, SIG_IGN);
    }
    ~IgnoreInterrupts() {
        std::signal(SIGINT, m_previous);
    }

private:
    void (*m_previous)(int) = SIG_DFL;
#endif
};

} // namespace

core::Result<core::RecorderFiles> recorderFiles(const QString &program) {
#ifdef GILSCOPE_SOURCE_DIR
    const QString sourceDir = QStringLiteral(GILSCOPE_SOURCE_DIR);
#else
    const QString sourceDir;
#endif
    return core::findRecorderFiles(binaryDir(program), sourceDir);
}

int runRecord(const QStringList &arguments) {
    QCommandLineParser parser;
    addOptions(parser);
    // The parser sees "gilscope [options] SCRIPT [ARGS]": drop the subcommand.
    QStringList forParser = arguments.mid(0, 1) + arguments.mid(2);
    if (forParser.isEmpty())
        forParser << "gilscope";
    if (!parser.parse(forParser))
        return fail(parser.errorText() + " (see gilscope record --help)");
    if (parser.isSet("help")) {
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

    const auto files = recorderFiles(arguments.value(0));
    if (!files.ok())
        return fail(QString::fromStdString(files.error()));
    const QString recorder = files->recorder();

    const QString wanted = parser.isSet("python") ? parser.value("python") : QString("python3");
    const QString python = core::resolvePythonPath(wanted);
    if (python.isEmpty())
        return fail(wanted.contains('/') ? wanted + ": no such Python interpreter"
                                         : wanted + " not found on PATH; give --python PATH");

    QProcess process;
    process.setProgram(python);
    process.setArguments(QStringList{recorder} + recorderArgs + QStringList{"--"} + positional);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
#ifdef Q_OS_UNIX
    // An ignored SIGINT survives exec, and Python would then leave it ignored: restore it.
    process.setChildProcessModifier([] { std::signal(SIGINT, SIG_DFL); });
#endif
    IgnoreInterrupts ignore;
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
    return process.exitCode();
}

} // namespace gilscope::app
