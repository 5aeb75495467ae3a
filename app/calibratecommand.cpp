#include "calibratecommand.h"

#include "catalog/machineprofile.h"
#include "files/outputfile.h"
#include "python/calibration.h"
#include "python/cpuload.h"
#include "python/pythoninstalls.h"
#include "recordcommand.h"
#include "trace/tracejson.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <cstdio>

namespace gilscope::app {

namespace {

int fail(const std::string &message, int status = 2) {
    std::fprintf(stderr, "gilscope calibrate: %s\n", message.c_str());
    return status;
}

void progress(const QString &text) {
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        "Measure this machine with real Python interpreters and fit GIL Scope's machine costs "
        "(wake-up latency, signal cost, timer slack, eval-breaker delay; for Python 2 the tick "
        "cost and cross-core contention). Saves a machine profile that scenarios name with "
        "\"machine\": NAME, or --machine NAME on the command line. Takes 10-20 s (python3 and "
        "2.7, with recorded checks); keep the machine otherwise idle.");
    parser.addHelpOption();
    parser.addOption({"python",
                      "An interpreter to measure with; repeatable (default: python3 on PATH and "
                      "the newest Python 2.7 found on PATH or in pyenv).",
                      "PATH"});
    parser.addOption({"name", "The profile's name (default: this host's name).", "NAME"});
    parser.addOption(
        {"out", "Write the profile to FILE instead of the profile directory.", "FILE"});
    parser.addOption(
        {"repeat", "Runs per countdown measurement, the median kept (default 3).", "N"});
    parser.addOption({"quick", "Shorter measurements: a rough profile in a few seconds."});
}

struct ProcessOutput {
    bool ok = false;
    QByteArray out;
    QString error;
};

ProcessOutput runPython(const QString &python, const QStringList &args) {
    QProcess process;
    process.start(python, args);
    if (!process.waitForStarted(20'000))
        return {false, {}, "cannot run " + python + ": " + process.errorString()};
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return {false,
                {},
                python + " " + args.join(' ') + " failed (exit " +
                    QString::number(process.exitCode()) + ")" +
                    (err.isEmpty() ? "" : ": " + err.right(400))};
    }
    return {true, process.readAllStandardOutput(), {}};
}

// The interpreters to measure with: the ones asked for, else python3 and a 2.7 if there is one.
std::vector<core::PythonInstall> choosePythons(const QStringList &asked, std::string *error) {
    std::vector<core::PythonInstall> chosen;
    if (!asked.isEmpty()) {
        for (const QString &name : asked) {
            const QString path = core::resolvePythonPath(name);
            if (path.isEmpty()) {
                *error = (name.contains('/') ? name + ": no such Python interpreter"
                                             : name + " not found on PATH; give --python PATH")
                             .toStdString();
                return {};
            }
            const auto py = core::probePython(path);
            if (!py) {
                *error = py.error();
                return {};
            }
            chosen.push_back(*py);
        }
        return chosen;
    }
    const QString python3 = core::resolvePythonPath("python3");
    if (!python3.isEmpty())
        if (const auto py = core::probePython(python3))
            chosen.push_back(*py);
    std::optional<core::PythonInstall> legacy;
    for (const auto &py : core::findPythonInstalls())
        if (py.major == 2)
            legacy = py;
    if (legacy)
        chosen.push_back(*legacy);
    if (chosen.empty())
        *error = "no Python found (python3 on PATH, or 2.7/3.x in pyenv); give --python PATH";
    return chosen;
}

// Why `path` could not take the profile, tried before the measuring: "" when it can. The profile
// is saved the way every output is, so that is what is tried.
std::string unwritableReason(const QString &path) {
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return path.toStdString() + ": cannot create the directory " + dir.toStdString();
    return core::OutputFile::probe(path).error();
}

struct RecordedCheck {
    QString what;
    QString workload;
    QStringList workloadArgs;
    double switchIntervalMs = 0;
};

// What the command line asked for, checked.
struct CalibrateRequest {
    QStringList pythons;
    bool chosenByUser = false, quick = false, namedByOut = false;
    int repeat = 3;
    core::MachineProfile profile; // its name
    QString target;               // the absolute path the profile is saved to
};

// The request, or the message to fail with; `helpShown` when --help was answered.
core::Result<CalibrateRequest> parseRequest(const QStringList &arguments, bool &helpShown) {
    QCommandLineParser parser;
    addOptions(parser);
    QStringList forParser = arguments.mid(0, 1) + arguments.mid(2);
    if (forParser.isEmpty())
        forParser << "gilscope";
    if (!parser.parse(forParser))
        return core::Error{parser.errorText().toStdString() + " (see gilscope calibrate --help)"};
    if (parser.isSet("help") || parser.isSet("help-all")) {
        QString help = parser.helpText();
        help.replace(QRegularExpression("^Usage: \\S+"), "Usage: gilscope calibrate");
        std::fputs(help.toLocal8Bit().constData(), stdout);
        helpShown = true;
        return CalibrateRequest{};
    }
    if (!parser.positionalArguments().isEmpty())
        return core::Error{"unexpected argument " +
                           parser.positionalArguments().first().toStdString() +
                           " (see gilscope calibrate --help)"};
    if (parser.isSet("name") && parser.isSet("out"))
        return core::Error{"give --name (saved among the profiles) or --out FILE, not both"};
    CalibrateRequest request;
    if (parser.isSet("repeat")) {
        bool ok = false;
        request.repeat = parser.value("repeat").toInt(&ok);
        if (!ok || request.repeat < 1 || request.repeat > 50)
            return core::Error{"--repeat: expected a count from 1 to 50, got " +
                               parser.value("repeat").toStdString()};
    }
    request.quick = parser.isSet("quick");
    request.pythons = parser.values("python");
    request.chosenByUser = parser.isSet("python");

    // Where the profile goes, checked before minutes of measuring.
    request.namedByOut = parser.isSet("out");
    if (request.namedByOut) {
        request.target = parser.value("out");
        request.profile.name = QFileInfo(request.target).completeBaseName().toStdString();
    } else {
        const std::string name = parser.isSet("name") ? parser.value("name").toStdString()
                                                      : QSysInfo::machineHostName().toStdString();
        if (!core::isValidProfileName(name))
            return core::Error{"--name " + name + ": use letters, digits, '.', '_' and '-'"};
        if (QString::fromStdString(name).endsWith(".json"))
            return core::Error{"--name " + name +
                               ": a name, not a file (leave out .json, or give --out FILE)"};
        request.profile.name = name;
        request.target = core::MachineProfileStore::standard().pathFor(name);
    }
    request.target = QFileInfo(request.target).absoluteFilePath();
    if (const std::string why = unwritableReason(request.target); !why.empty())
        return core::Error{why};
    return request;
}

// Each interpreter's calibration measurements, with the path it ran from. An interpreter the user
// named must work; one picked for them may be skipped (with a line saying why). `badInput`: the
// failure is the user's choice (a free-threaded build), not a measurement.
struct MeasuredPython {
    core::CalibrationMeasurement measurement;
    QString path;
};
core::Result<std::vector<MeasuredPython>>
measurePythons(const std::vector<core::PythonInstall> &pythons, const CalibrateRequest &request,
               const core::RecorderFiles &files, bool &badInput) {
    std::vector<MeasuredPython> runs;
    for (const auto &py : pythons) {
        progress("Measuring Python " + py.version() + " (" + py.path +
                 "): countdown on 1, 2 and 4 threads, wake-ups, sleeps…");
        QStringList args{files.calibrator(), "--repeat", QString::number(request.repeat)};
        if (request.quick)
            args << "--quick";
        const ProcessOutput out = runPython(py.path, args);
        core::Result<core::CalibrationMeasurement> measured = core::Error{out.error.toStdString()};
        if (out.ok) {
            const QList<QByteArray> lines = out.out.trimmed().split('\n');
            measured = core::parseCalibrationJson(lines.value(lines.size() - 1));
        }
        badInput = measured && measured->freeThreaded;
        if (badInput)
            return core::Error{"Python " + py.version().toStdString() + " at " +
                               py.path.toStdString() +
                               " is a free-threaded build: the costs are fitted to GIL builds; "
                               "give a standard one with --python"};
        if (!measured) {
            if (request.chosenByUser || pythons.size() == 1)
                return core::Error{"Python " + py.version().toStdString() + ": " +
                                   measured.error()};
            progress("skipped Python " + py.version() + ": " +
                     QString::fromStdString(measured.error()));
            continue;
        }
        runs.push_back({*measured, py.path});
    }
    if (runs.empty())
        return core::Error{"no interpreter could be measured"};
    return runs;
}

// Recorded checks with the last 3.2+ interpreter given: the model's holds and convoy latency
// against the real ones, with the fitted costs. Added to the fit's checks (or its notes when a
// check cannot run).
void addRecordedChecks(const std::vector<MeasuredPython> &runs, const CalibrateRequest &request,
                       const core::RecorderFiles &files, core::CalibrationFit &fit) {
    const MeasuredPython *modern = nullptr;
    for (const auto &run : runs)
        if (!run.measurement.legacyGil)
            modern = &run;
    if (!modern)
        return;
    const std::string python = modern->measurement.python;
    QTemporaryDir scratch;
    const double seconds = request.quick ? 0.3 : 1.0;
    // The recorder slows tight loops 4-13x: a count that runs ~0.1 s unrecorded.
    const long long total = static_cast<long long>(0.1 / (modern->measurement.loopNs * 1e-9));
    const std::vector<RecordedCheck> checks{
        {"2-thread countdown, median hold",
         "countdown.py",
         {"--threads", "2", "--total", QString::number(total)},
         0},
        {"echo convoy at 5 ms, median I/O latency",
         "echo_convoy.py",
         {"--cpu-threads", "1", "--seconds", QString::number(seconds)},
         5.0},
        {"echo convoy at 0.5 ms, median I/O latency",
         "echo_convoy.py",
         {"--cpu-threads", "1", "--seconds", QString::number(seconds)},
         0.5},
    };
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const RecordedCheck &check = checks[i];
        progress("Recording " + check.workload + " with Python " + QString::fromStdString(python) +
                 "…");
        const QString trace = scratch.filePath(QString("check-%1.json").arg(i));
        QStringList args{files.recorder(), "--out", trace};
        if (check.switchIntervalMs > 0)
            args << "--switch-interval" << QString::number(check.switchIntervalMs);
        args << "--" << files.workload(check.workload) << check.workloadArgs;
        const ProcessOutput out = runPython(modern->path, args);
        if (!out.ok) {
            fit.notes.push_back("check skipped: " + out.error.toStdString());
            continue;
        }
        const auto loaded = core::loadTraceFile(trace);
        if (!loaded.ok()) {
            fit.notes.push_back("check skipped: " + loaded.error());
            continue;
        }
        const core::Metrics real = core::mainProcessMetrics(**loaded);
        const auto simulated = core::simulatedEquivalentMetrics(**loaded, fit.profile);
        if (!simulated) {
            fit.notes.push_back("check skipped: " + simulated.error());
            continue;
        }
        const bool hold = check.switchIntervalMs == 0;
        fit.profile.checks.push_back(
            {"Python " + python + ": " + check.what.toStdString() + " (recorded)", "ms",
             hold ? real.gil.hold_ms_p50 : real.io.latency_ms_p50,
             hold ? simulated->gil.hold_ms_p50 : simulated->io.latency_ms_p50});
    }
}

// The report: what was fitted, how well it reproduces the measurements.
void printReport(const core::CalibrationFit &fit) {
    const core::TimingParams defaults;
    std::printf("Machine profile \"%s\": %s\n", fit.profile.name.c_str(),
                fit.profile.description.c_str());
    std::printf("\n%-22s %12s %12s\n", "parameter", "default", "this machine");
    for (const auto &[key, value] : fit.profile.params)
        std::printf("%-22s %12g %12g\n", key.c_str(), core::machineParamValue(defaults, key),
                    value);
    std::printf("\n%-70s %10s %10s\n", "check", "measured", "simulated");
    for (const auto &c : fit.profile.checks)
        std::printf("%-70s %9.3f%s %9.3f%s\n", c.what.c_str(), c.measured,
                    c.unit == "x" ? "x" : " ", c.simulated, c.unit == "x" ? "x" : " ");
    for (const auto &note : fit.notes)
        std::printf("note: %s\n", note.c_str());
}

} // namespace

int runCalibrate(const QStringList &arguments) {
    bool helpShown = false;
    const auto request = parseRequest(arguments, helpShown);
    if (!request)
        return fail(request.error());
    if (helpShown)
        return 0;
    const auto files = recorderFiles(arguments.value(0));
    if (!files.ok())
        return fail(files.error());
    std::string error;
    const auto pythons = choosePythons(request->pythons, &error);
    if (pythons.empty())
        return fail(error);

    // Calibrating on a busy machine measures the other processes.
    const double busy = core::busyCpuShare(std::chrono::milliseconds(500));
    if (busy > 0.25)
        progress(QString("warning: other processes keep %1% of the CPUs busy; hand-offs measured "
                         "now will be longer than on an idle machine")
                     .arg(std::lround(busy * 100)));

    bool badInput = false;
    const auto runs = measurePythons(pythons, *request, *files, badInput);
    if (!runs)
        return fail(runs.error(), badInput ? 2 : 1);
    std::vector<core::CalibrationMeasurement> measurements;
    int cores = QThread::idealThreadCount();
    for (const auto &run : *runs) {
        measurements.push_back(run.measurement);
        if (run.measurement.cores > 0)
            cores = run.measurement.cores;
    }
    progress(QString("Fitting the model (%1 cores)…").arg(cores));
    core::CalibrationFit fit = core::fitMachineProfile(measurements, cores);
    fit.profile.name = request->profile.name;
    addRecordedChecks(*runs, *request, *files, fit);

    QStringList measuredWith;
    for (const auto &m : measurements)
        measuredWith << QString::fromStdString(m.python);
    fit.profile.description =
        QString("%1 cores, measured with Python %2 on %3")
            .arg(cores)
            .arg(measuredWith.join(" and "), QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
            .toStdString();

    const auto saved = core::saveMachineProfile(fit.profile, request->target);
    printReport(fit);
    if (!saved) {
        // Minutes of measuring are not thrown away: the profile goes to standard output.
        std::printf("\n%s", core::machineProfileToJson(fit.profile).constData());
        return fail(saved.error() + " (the profile is printed above)");
    }
    const std::string use = request->namedByOut ? request->target.toStdString() : fit.profile.name;
    std::printf("\nSaved %s\nUse it: \"machine\": \"%s\" in a scenario, or gilscope --preset NAME "
                "--machine %s --metrics -\n",
                request->target.toLocal8Bit().constData(), use.c_str(), use.c_str());
    return 0;
}

} // namespace gilscope::app
