#include "options.h"

namespace gilscope::app {

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(QStringLiteral(
        "GIL Scope: see how Python threads are scheduled under the Global Interpreter Lock.\n"
        "Without an output option it opens the window: on FILE (a scenario or a trace), on\n"
        "--scenario FILE, --preset NAME or --load-trace TRACE, else on the start page. With an\n"
        "output option (--metrics, --trace, --csv, --export, --advise, --sweep, --compare,\n"
        "--as-scenario) it runs without a window and writes the output.\n"
        "\n"
        "Commands:\n"
        "  gilscope record [OPTIONS] SCRIPT.py [ARGS...]\n"
        "      Run a Python script and write a trace of its threads: sampled from /proc, no\n"
        "      slowdown (Linux; --instrument records with the recorder's hooks instead).\n"
        "  gilscope attach PID [OPTIONS]\n"
        "      Sample a running Python process from /proc and write a trace of its threads.\n"
        "  gilscope calibrate [OPTIONS]\n"
        "      Measure this machine with real Pythons and save a machine profile.\n"
        "  gilscope help [COMMAND]\n"
        "      This help, or a command's (the same as gilscope COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("FILE", "A scenario or trace JSON file to open in the window.",
                                 "[FILE]");
    parser.addOption({"list-presets", "Print the built-in presets, one name per line."});
    parser.addOption({"scenario",
                      "The scenario in FILE (- for standard input): simulated for the outputs, or "
                      "opened in the window.",
                      "FILE"});
    parser.addOption({"preset",
                      "The built-in preset NAME (see --list-presets): simulated for the outputs, "
                      "or opened in the window.",
                      "NAME"});
    parser.addOption({"set",
                      "Change one scenario value by dotted path, e.g. cores=1, "
                      "workers.0.count=4, params.switch_interval_ms=1. Repeatable.",
                      "KEY=VALUE"});
    parser.addOption({"machine",
                      "Use the costs measured by gilscope calibrate: a profile NAME or FILE "
                      "(the scenario's own params still win).",
                      "NAME"});
    parser.addOption({"list-machines", "Print the saved machine profiles and their costs."});
    parser.addOption({"as-scenario",
                      "With --load-trace: write the scenario that simulates the recording "
                      "(same interpreter, cores, switch interval and thread mix) to FILE.",
                      "FILE"});
    parser.addOption({"load-trace",
                      "Instead of simulating, read a trace JSON (from GIL Scope or "
                      "a recorder; - for standard input) and compute its metrics.",
                      "TRACE"});
    parser.addOption(
        {"metrics", "Write the run's metrics as JSON to OUT (- for standard output).", "OUT"});
    parser.addOption({"trace",
                      "Write the trace as Chrome trace-event JSON, or as Perfetto's protobuf "
                      "for OUT.pftrace (both open in Perfetto UI).",
                      "OUT.json|OUT.pftrace"});
    parser.addOption({"csv",
                      "Write the trace's segments as CSV: thread,state,start_ns,end_ns "
                      "(with --sweep: one row per point).",
                      "OUT.csv"});
    parser.addOption({"advise", "Simulate the workload under every executor and interpreter and "
                                "write the best fit and every run's metrics to --metrics."});
    parser.addOption({"sweep",
                      "Vary one value: threads=1:16, switch_interval_ms=0.1:50[:POINTS] "
                      "or any numeric dotted path; write the curve to --csv.",
                      "KEY=FROM:TO"});
    parser.addOption({"export",
                      "Draw the timeline into an image (PNG, SVG or PDF) or play it as a video "
                      "(MP4, WebM or GIF; encoded by ffmpeg), by the extension.",
                      "OUT.png|OUT.svg|OUT.pdf|OUT.mp4|OUT.webm|OUT.gif"});
    parser.addOption({"duration",
                      "Video: seconds the --range takes to play (0.2 to 600). Default 10.",
                      "SECONDS"});
    parser.addOption({"fps", "Video: frames per second, 1 to 60. Default 30.", "N"});
    parser.addOption({"layout",
                      "Video: the timeline, the scheduler stage (threads, GIL token, cores, "
                      "waiters) or both, the stage under the timeline. Default both.",
                      "timeline|stage|both"});
    parser.addOption({"playhead",
                      "Video: the timeline draws itself up to the playhead (reveal) or is "
                      "whole with the playhead sweeping over it (sweep). Default reveal.",
                      "reveal|sweep"});
    parser.addOption(
        {"size", "Export size in pixels (a PDF page at 96 per inch). Default 1920x1080.", "WxH"});
    parser.addOption({"scale",
                      "PNG pixels per export pixel, 1 to 4 (2: a 1920x1080 export is "
                      "3840x2160 pixels). Default 1.",
                      "S"});
    parser.addOption(
        {"theme", "Export colours: light or dark (slide themes). Default light.", "light|dark"});
    parser.addOption({"range",
                      "Export only this time range, e.g. 0:50ms or 1.2s:1.25s "
                      "(units ns, us, ms, s). Default: the whole run.",
                      "START:END"});
    parser.addOption({"title", "A title above the exported chart.", "TEXT"});
    parser.addOption({"caption", "Add the run's headline figures under the exported chart."});
    parser.addOption({"annotate",
                      "A callout with an arrow to a time on a thread row, e.g. "
                      "\"cpu-1@20.5ms:failed wake-up\" (TIME in ns, us, ms or s). Repeatable; "
                      "drawn with the scenario's own annotations.",
                      "ROW@TIME:TEXT"});
    parser.addOption({"no-legend", "Leave the legend out of the export."});
    parser.addOption({"no-holder-lane", "Leave the \"GIL holder\" lane out of the export."});
    parser.addOption({"no-cores-lane", "Leave the \"cores busy\" lane out of the export."});
    parser.addOption({"compare",
                      "Compare two scenarios (files or preset names), A above B on one "
                      "time axis, with their figures: --compare A.json B.json "
                      "--export OUT.png.",
                      "A"});
}

} // namespace gilscope::app
