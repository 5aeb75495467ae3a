#include "launchplan.h"

#include "options.h"

#include <QCommandLineParser>

namespace gilscope::app {

namespace {

// The options that only say what to open: without any other option the window opens on it.
const QStringList kWindowOptions = {"scenario", "preset", "load-trace", "set", "machine"};
// Options that draw: a headless run with them needs a QApplication.
const QStringList kDrawingOptions = {"export", "compare"};

LaunchPlan badUsage(const QString &error) {
    LaunchPlan plan;
    plan.mode = LaunchPlan::Mode::BadUsage;
    plan.error = error;
    return plan;
}

LaunchPlan headless(const QStringList &arguments, bool draws) {
    LaunchPlan plan;
    plan.mode = LaunchPlan::Mode::Headless;
    plan.arguments = arguments;
    plan.draws = draws;
    return plan;
}

// "gilscope help [COMMAND]": the same text as --help and COMMAND --help.
LaunchPlan planHelp(const QString &program, const QStringList &topics) {
    if (topics.isEmpty())
        return headless({program, "--help"}, false);
    if (topics.size() > 1)
        return badUsage("help takes one command: gilscope help record|attach|calibrate");
    const QString &topic = topics.first();
    LaunchPlan plan;
    plan.arguments = {program, topic, "--help"};
    if (topic == "record")
        plan.mode = LaunchPlan::Mode::Record;
    else if (topic == "attach")
        plan.mode = LaunchPlan::Mode::Attach;
    else if (topic == "calibrate")
        plan.mode = LaunchPlan::Mode::Calibrate;
    else
        return badUsage("help: no command \"" + topic +
                        "\"; the commands are record, attach and calibrate");
    return plan;
}

} // namespace

LaunchPlan planLaunch(const QStringList &arguments) {
    const QString program = arguments.value(0, QStringLiteral("gilscope"));
    const QString first = arguments.value(1);
    if (first == "record" || first == "attach" || first == "calibrate") {
        LaunchPlan plan;
        plan.mode = first == "record"   ? LaunchPlan::Mode::Record
                    : first == "attach" ? LaunchPlan::Mode::Attach
                                        : LaunchPlan::Mode::Calibrate;
        plan.arguments = arguments;
        return plan;
    }
    if (first == "help")
        return planHelp(program, arguments.mid(2));

    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{program} + arguments.mid(1)))
        return badUsage(parser.errorText() + " (see gilscope --help)");

    bool onlyWindowOptions = true;
    bool draws = false;
    for (const QString &name : parser.optionNames()) {
        // optionNames() gives the names as typed: "h" for -h, "list-presets" for --list-presets.
        if (!kWindowOptions.contains(name))
            onlyWindowOptions = false;
        if (kDrawingOptions.contains(name))
            draws = true;
    }
    if (!onlyWindowOptions)
        return headless(arguments, draws);

    LaunchPlan plan;
    plan.mode = LaunchPlan::Mode::Window;
    plan.arguments = arguments;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return badUsage("the window opens one file, got " + QString::number(positional.size()) +
                        ": " + positional.join(' ') + " (see gilscope --help)");
    plan.file = positional.value(0);
    plan.scenarioFile = parser.value("scenario");
    plan.preset = parser.value("preset");
    plan.traceFile = parser.value("load-trace");
    const int sources = int(!plan.file.isEmpty()) + int(parser.isSet("scenario")) +
                        int(parser.isSet("preset")) + int(parser.isSet("load-trace"));
    if (sources > 1)
        return badUsage("give one of FILE, --scenario FILE, --preset NAME or --load-trace TRACE");
    if (parser.values("scenario").size() > 1 || parser.values("preset").size() > 1 ||
        parser.values("load-trace").size() > 1)
        return badUsage("give one of FILE, --scenario FILE, --preset NAME or --load-trace TRACE");
    if (plan.scenarioFile == "-")
        return badUsage("--scenario -: the window cannot read standard input; give a file, or "
                        "an output option such as --metrics -");
    const bool changes = parser.isSet("set") || parser.isSet("machine");
    if (changes && !parser.isSet("scenario") && !parser.isSet("preset"))
        return badUsage(
            QStringLiteral("--%1 changes a scenario: add --scenario FILE or --preset NAME")
                .arg(parser.isSet("set") ? "set" : "machine"));
    if (parser.isSet("machine"))
        plan.overrides.push_back("machine=" + parser.value("machine").toStdString());
    for (const QString &s : parser.values("set"))
        plan.overrides.push_back(s.toStdString());
    return plan;
}

} // namespace gilscope::app
