#include "commandline.h"

#include "advisor.h"
#include "metrics.h"
#include "sweep.h"
#include "metricsjson.h"
#include "presets.h"
#include "scenariojson.h"
#include "simulate.h"
#include "tracejson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <thread>

namespace gilscope::app {

namespace {

const QStringList kHeadlessFlags = {"--list-presets", "--metrics", "--trace", "--csv", "--advise", "--sweep",
                                    "--help", "-h", "--version", "-v"};

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        "GIL Scope: see how Python threads are scheduled under the Global Interpreter Lock.\n"
        "Without output options it opens the window (with FILE, that scenario).");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("FILE", "A scenario JSON file to open in the window.", "[FILE]");
    parser.addOption({"list-presets", "Print the built-in presets, one name per line."});
    parser.addOption({"scenario", "Simulate the scenario in FILE.", "FILE"});
    parser.addOption({"preset", "Simulate the built-in preset NAME.", "NAME"});
    parser.addOption({"set", "Change one scenario value by dotted path, e.g. cores=1, "
                             "workers.0.count=4, params.switch_interval_ms=1. Repeatable.",
                      "KEY=VALUE"});
    parser.addOption({"load-trace", "Instead of simulating, read a trace JSON (from GIL Scope or "
                                    "a recorder) and compute its metrics.", "TRACE"});
    parser.addOption({"metrics", "Write the run's metrics as JSON to OUT (- for standard output).",
                      "OUT"});
    parser.addOption({"trace", "Write the trace as Chrome trace-event JSON (opens in Perfetto UI).",
                      "OUT.json"});
    parser.addOption({"csv", "Write the trace's segments as CSV: thread,state,start_ns,end_ns "
                             "(with --sweep: one row per point).",
                      "OUT.csv"});
    parser.addOption({"advise", "Simulate the workload under every executor and interpreter and "
                                "write the best fit and every run's metrics to --metrics."});
    parser.addOption({"sweep", "Vary one value: threads=1:16, switch_interval_ms=0.1:50[:POINTS] "
                               "or any numeric dotted path; write the curve to --csv.",
                      "KEY=FROM:TO"});
}

int badInput(const std::string &message) {
    std::fprintf(stderr, "gilscope: %s\n", message.c_str());
    return 2;
}

bool writeOutput(const QString &path, const QByteArray &data, std::string *error) {
    if (path == "-") {
        std::fwrite(data.constData(), 1, static_cast<std::size_t>(data.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    // Atomic: a failed write leaves any previous file untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = path.toStdString() + ": cannot write: " + file.errorString().toStdString();
        return false;
    }
    return true;
}

int writeOutputs(const QCommandLineParser &parser, const core::Trace &trace) {
    std::string error;
    if (parser.isSet("metrics") &&
        !writeOutput(parser.value("metrics"), core::metricsToJson(core::computeMetrics(trace)), &error))
        return badInput(error);
    if (parser.isSet("trace") && !writeOutput(parser.value("trace"), core::traceToChromeJson(trace), &error))
        return badInput(error);
    if (parser.isSet("csv") && !writeOutput(parser.value("csv"), core::traceToCsv(trace), &error))
        return badInput(error);
    return 0;
}

int writeAdvice(const QCommandLineParser &parser, const core::Advice &advice) {
    if (!parser.isSet("metrics"))
        return badInput("--advise writes its result to --metrics OUT.json (or - for standard output)");
    QJsonArray runs;
    for (const auto &run : advice.runs) {
        QJsonObject m = run.trace ? core::metricsToJsonObject(run.metrics) : QJsonObject{};
        m["executor"] = QString::fromUtf8(core::toString(run.executor).data());
        m["interpreter"] = QString::fromUtf8(core::toString(run.interpreter).data());
        if (!run.error.empty())
            m["error"] = QString::fromStdString(run.error);
        runs.append(m);
    }
    QJsonObject best;
    if (advice.best >= 0) {
        const auto &b = advice.runs[static_cast<std::size_t>(advice.best)];
        best = {{"executor", QString::fromUtf8(core::toString(b.executor).data())},
                {"interpreter", QString::fromUtf8(core::toString(b.interpreter).data())},
                {"reason", QString::fromStdString(advice.reason)}};
    }
    const QByteArray json = QJsonDocument(QJsonObject{{"best", best}, {"runs", runs}}).toJson(QJsonDocument::Indented);
    std::string error;
    if (!writeOutput(parser.value("metrics"), json, &error))
        return badInput(error);
    return 0;
}

} // namespace

bool wantsHeadless(const QStringList &arguments) {
    for (const QString &arg : arguments.mid(1))
        for (const QString &flag : kHeadlessFlags)
            if (arg == flag || arg.startsWith(flag + "="))
                return true;
    return false;
}

int runHeadless(const QStringList &arguments) {
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return badInput(parser.errorText().toStdString() + " (see gilscope --help)");
    if (parser.isSet("help")) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (parser.isSet("version")) {
        std::printf("gilscope %s\n", GILSCOPE_VERSION);
        return 0;
    }
    if (parser.isSet("list-presets")) {
        for (const auto &name : core::presetNames())
            std::printf("%s\n", name.c_str());
        return 0;
    }

    const bool fromFile = parser.isSet("scenario");
    const bool fromPreset = parser.isSet("preset");
    const bool fromTrace = parser.isSet("load-trace");
    if (int(fromFile) + int(fromPreset) + int(fromTrace) != 1)
        return badInput("give exactly one of --scenario FILE, --preset NAME or --load-trace TRACE");
    if (fromTrace) {
        if (parser.isSet("set"))
            return badInput("--set changes a scenario; a loaded trace has none");
        const auto load = core::loadTraceFile(parser.value("load-trace"));
        if (!load.ok())
            return badInput(load.error);
        return writeOutputs(parser, *load.trace);
    }
    std::vector<std::string> overrides;
    for (const QString &s : parser.values("set"))
        overrides.push_back(s.toStdString());

    core::ScenarioParse parsed;
    if (fromFile) {
        parsed = core::loadScenarioFile(parser.value("scenario"), overrides);
    } else {
        const std::string name = parser.value("preset").toStdString();
        std::string error;
        if (!core::loadPreset(name, &error))
            return badInput(error);
        QFile preset(":/presets/" + parser.value("preset") + ".json");
        preset.open(QIODevice::ReadOnly);
        parsed = core::parseScenarioJson(preset.readAll(), "preset " + name, overrides);
    }
    if (!parsed.ok())
        return badInput(parsed.error);
    const std::string source =
        fromFile ? parser.value("scenario").toStdString() : "preset " + parser.value("preset").toStdString();

    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    if (parser.isSet("advise"))
        return writeAdvice(parser, core::advise(*parsed.scenario, static_cast<int>(threads)));
    if (parser.isSet("sweep")) {
        const auto result = core::sweep(*parsed.scenario, parser.value("sweep").toStdString(),
                                        static_cast<int>(threads));
        if (!result.ok())
            return badInput(source + ": " + result.error);
        if (!parser.isSet("csv"))
            return badInput("--sweep writes its curve to --csv OUT.csv (or - for standard output)");
        std::string error;
        if (!writeOutput(parser.value("csv"), QByteArray::fromStdString(core::sweepToCsv(result)), &error))
            return badInput(error);
        return 0;
    }

    const auto outcome = core::simulate(*parsed.scenario);
    if (!outcome.ok())
        return badInput(source + ": " + outcome.error);

    return writeOutputs(parser, *outcome.trace);
}

} // namespace gilscope::app
