// Window or command line: the decision made from parsed options before anything starts, and the
// binary's answers to help requests and typos.
#include "support.h"

#include "launchplan.h"

using gilscope::app::LaunchPlan;
using gilscope::app::planLaunch;

namespace {

LaunchPlan plan(const QStringList &args) {
    return planLaunch(QStringList{"gilscope"} + args);
}

using clitest::Output;

Output run(const QStringList &args) {
    return clitest::gilscopeWithoutDisplay(args);
}

} // namespace

TEST_CASE("a preset without an output option opens the window on that preset") {
    const LaunchPlan p = plan({"--preset", "r6-convoy-1cpu"});
    CHECK(p.mode == LaunchPlan::Mode::Window);
    CHECK(p.preset == "r6-convoy-1cpu");
    CHECK(p.file.isEmpty());
    CHECK(p.overrides.empty());
}

TEST_CASE("a scenario file with changes opens the window on the changed scenario") {
    const LaunchPlan p =
        plan({"--scenario", "talk.json", "--machine", "laptop", "--set", "cores=1"});
    CHECK(p.mode == LaunchPlan::Mode::Window);
    CHECK(p.scenarioFile == "talk.json");
    CHECK(p.file.isEmpty());
    CHECK(p.overrides == std::vector<std::string>{"machine=laptop", "cores=1"});
}

TEST_CASE("a bare file and a loaded trace open in the window") {
    CHECK(plan({"talk.json"}).file == "talk.json");
    CHECK(plan({"talk.json"}).mode == LaunchPlan::Mode::Window);
    CHECK(plan({"--load-trace", "run.trace.json"}).traceFile == "run.trace.json");
    const LaunchPlan none = plan({});
    CHECK(none.mode == LaunchPlan::Mode::Window);
    CHECK((none.file + none.preset + none.scenarioFile + none.traceFile).isEmpty());
}

TEST_CASE("any output option runs without a window; only drawing ones need widgets") {
    const LaunchPlan metrics = plan({"--preset", "r6-convoy-1cpu", "--metrics", "-"});
    CHECK(metrics.mode == LaunchPlan::Mode::Headless);
    CHECK_FALSE(metrics.draws);
    CHECK(metrics.arguments ==
          QStringList{"gilscope", "--preset", "r6-convoy-1cpu", "--metrics", "-"});
    CHECK(plan({"--preset", "x", "--export", "x.png"}).draws);
    CHECK(plan({"--compare", "a", "b", "--export", "x.png"}).draws);
    for (const QStringList &args :
         {QStringList{"-h"}, QStringList{"--help"}, QStringList{"--version"},
          QStringList{"--list-presets"}, QStringList{"--preset", "x", "--title", "T"},
          QStringList{"--help-all"}})
        CHECK(plan(args).mode == LaunchPlan::Mode::Headless);
}

TEST_CASE("an unknown option or a missing value is bad usage, never a file to open") {
    const LaunchPlan bogus = plan({"--bogus"});
    CHECK(bogus.mode == LaunchPlan::Mode::BadUsage);
    CHECK(bogus.error == "Unknown option 'bogus'. (see gilscope --help)");
    const LaunchPlan missing = plan({"--preset"});
    CHECK(missing.mode == LaunchPlan::Mode::BadUsage);
    CHECK(missing.error == "Missing value after '--preset'. (see gilscope --help)");
}

TEST_CASE("the window opens one thing, and changes need a scenario to change") {
    CHECK(plan({"a.json", "b.json"}).error ==
          "the window opens one file, got 2: a.json b.json (see gilscope --help)");
    CHECK(plan({"a.json", "--preset", "r6-convoy-1cpu"}).error ==
          "give one of FILE, --scenario FILE, --preset NAME or --load-trace TRACE");
    CHECK(plan({"--set", "cores=1"}).error ==
          "--set changes a scenario: add --scenario FILE or --preset NAME");
    CHECK(plan({"--machine", "laptop", "t.json"}).error ==
          "--machine changes a scenario: add --scenario FILE or --preset NAME");
    CHECK(plan({"--scenario", "-"}).mode == LaunchPlan::Mode::BadUsage);
}

TEST_CASE("help for a command is that command's own help") {
    const LaunchPlan record = plan({"help", "record"});
    CHECK(record.mode == LaunchPlan::Mode::Record);
    CHECK(record.arguments == QStringList{"gilscope", "record", "--help"});
    CHECK(plan({"help", "calibrate"}).mode == LaunchPlan::Mode::Calibrate);
    CHECK(plan({"help"}).arguments == QStringList{"gilscope", "--help"});
    CHECK(plan({"help", "play"}).error ==
          "help: no command \"play\"; the commands are record, attach and calibrate");
    CHECK(plan({"record", "--help"}).mode == LaunchPlan::Mode::Record);
}

TEST_CASE("the binary rejects an unknown option with exit 2 and opens nothing") {
    const Output r = run({"--bogus"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "gilscope: Unknown option 'bogus'. (see gilscope --help)");
}

TEST_CASE("the binary names an unknown preset before any window or display is needed") {
    const Output r = run({"--preset", "no-such-preset"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.startsWith("gilscope: unknown preset \"no-such-preset\" (known: "));
}

TEST_CASE("help lists every command, and help COMMAND equals COMMAND --help") {
    const Output help = run({"--help"});
    REQUIRE(help.exitCode == 0);
    CHECK(help.text().startsWith("Usage: gilscope [options] [FILE]\n"));
    for (const char *command :
         {"gilscope record [OPTIONS] SCRIPT.py", "gilscope calibrate", "gilscope help [COMMAND]"})
        CHECK(help.text().contains(QString::fromLatin1(command)));
    CHECK(run({"help"}).out == help.out);
    for (const char *command : {"record", "calibrate"}) {
        const Output viaHelp = run({"help", command});
        const Output own = run({command, "--help"});
        CHECK(viaHelp.exitCode == 0);
        CHECK(viaHelp.text().startsWith(QStringLiteral("Usage: gilscope %1 ").arg(command)));
        CHECK(viaHelp.out == own.out);
    }
    const Output bad = run({"help", "play"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err ==
          "gilscope: help: no command \"play\"; the commands are record, attach and calibrate");
}
