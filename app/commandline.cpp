#include "commandline.h"

#include "options.h"

#include "analysis/advisor.h"
#include "analysis/sweep.h"
#include "catalog/machineprofile.h"
#include "catalog/presets.h"
#include "compare/compareview.h"
#include "engine/simulate.h"
#include "export/timelineexporter.h"
#include "files/inputfile.h"
#include "files/localpath.h"
#include "files/outputfile.h"
#include "pixels/traceindex.h"
#include "python/equivalentscenario.h"
#include "run/preparedrun.h"
#include "scenario/annotation.h"
#include "scenario/scenariojson.h"
#include "trace/metrics.h"
#include "trace/metricsjson.h"
#include "trace/timetext.h"
#include "trace/tracejson.h"
#include "video/videoexporter.h"

#include <qcustomplot.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <system_error>
#include <thread>

namespace gilscope::app {

namespace {

int badInput(const std::string &message) {
    std::fprintf(stderr, "gilscope: %s\n", message.c_str());
    return 2;
}

// Every output goes through core's OutputFile: a regular file is replaced whole or not at all, a
// device, a FIFO or "-" is written in place, and any failure is one line naming the file and the
// system's reason (exit 2).
bool streamOutput(const QString &path, const std::function<void(core::ByteSink &)> &produce,
                  std::string *error) {
    const auto written = core::streamOutputFile(path, produce);
    if (!written.ok())
        *error = written.error();
    return written.ok();
}

bool writeOutput(const QString &path, const QByteArray &data, std::string *error) {
    return streamOutput(
        path, [&](core::ByteSink &sink) { sink.write(data); }, error);
}

struct ExportRequest {
    QString path;
    ui::TimelineExport options;
    std::optional<ui::VideoExport> video; // an animated export: options is its chart
    std::optional<core::TimeWindow> range;
    bool caption = false;
    std::vector<core::Annotation> annotations; // --annotate, checked against the run's rows
};

// --range "0:50ms": read by core, as the export dialog reads its two fields.
std::optional<core::TimeWindow> parseRange(const QString &text, std::string *error) {
    const auto range = core::parseTimeRange(text.toStdString());
    if (!range.ok()) {
        *error = "--range: " + range.error();
        return std::nullopt;
    }
    return *range;
}

// The video options (--duration, --fps, --layout, --playhead): only with a video --export.
bool parseVideo(const QCommandLineParser &parser, std::optional<ui::VideoFormat> format,
                ExportRequest &r, std::string *error) {
    if (!format) {
        for (const char *option : {"duration", "fps", "layout", "playhead"})
            if (parser.isSet(option)) {
                *error = std::string("--") + option +
                         " shapes a video: use --export OUT.mp4|OUT.webm|OUT.gif";
                return false;
            }
        return true;
    }
    if (parser.isSet("scale")) {
        *error = "--scale applies to PNG images; a video is --size pixels";
        return false;
    }
    ui::VideoExport video;
    video.format = *format;
    auto number = [&](const char *option, double &out) {
        bool ok = false;
        const double v = parser.value(option).trimmed().toDouble(&ok);
        if (!ok) {
            *error = std::string("--") + option + ": expected a number, got \"" +
                     parser.value(option).toStdString() + "\"";
            return false;
        }
        out = v;
        return true;
    };
    if (parser.isSet("duration") && !number("duration", video.durationS))
        return false;
    if (parser.isSet("fps") && !number("fps", video.fps))
        return false;
    if (parser.isSet("fps") && video.fps == 0) {
        *error = "--fps: must be between 1 and 60, got 0";
        return false;
    }
    if (parser.isSet("layout")) {
        const auto layout = ui::videoLayoutFor(parser.value("layout"));
        if (!layout) {
            *error = "--layout: expected timeline, stage or both, got \"" +
                     parser.value("layout").toStdString() + "\"";
            return false;
        }
        video.layout = *layout;
    }
    if (parser.isSet("playhead")) {
        const auto playhead = ui::videoPlayheadFor(parser.value("playhead"));
        if (!playhead) {
            *error = "--playhead: expected reveal or sweep, got \"" +
                     parser.value("playhead").toStdString() + "\"";
            return false;
        }
        video.playhead = *playhead;
    }
    r.video = video;
    return true;
}

// Reads every export option; nothing is simulated before they are all known to be good.
std::optional<ExportRequest> parseExport(const QCommandLineParser &parser, std::string *error) {
    ExportRequest r;
    r.path = parser.value("export");
    const auto format = ui::exportFormatFor(r.path);
    const auto videoFormat = ui::videoFormatFor(r.path);
    if (!format && !videoFormat) {
        *error = r.path.toStdString() +
                 ": unknown format: use .png, .svg or .pdf for an image, .mp4, .webm or .gif for "
                 "a video";
        return std::nullopt;
    }
    if (format)
        r.options.format = *format;
    if (!parseVideo(parser, videoFormat, r, error))
        return std::nullopt;
    if (parser.isSet("size")) {
        const QString text = parser.value("size").trimmed();
        const QStringList wh =
            text.toLower().split(QRegularExpression(QStringLiteral("[x\u00d7]")));
        bool okW = false, okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH) {
            *error = "--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got \"" +
                     text.toStdString() + "\"";
            return std::nullopt;
        }
        r.options.size = QSize(w, h);
    }
    if (parser.isSet("scale")) {
        QString text = parser.value("scale").trimmed();
        if (text.endsWith('x') || text.endsWith(QChar(0x00d7)))
            text.chop(1);
        bool ok = false;
        const int scale = text.toInt(&ok);
        if (!ok) {
            *error = "--scale: expected a whole number from 1 to " +
                     std::to_string(ui::TimelineExport::kMaxScale) + ", got \"" +
                     parser.value("scale").toStdString() + "\"";
            return std::nullopt;
        }
        r.options.scale = scale;
    }
    const QString theme = parser.isSet("theme") ? parser.value("theme") : QStringLiteral("light");
    if (theme == "light")
        r.options.theme = ui::TimelineTheme::slideLight();
    else if (theme == "dark")
        r.options.theme = ui::TimelineTheme::slideDark();
    else {
        *error = "--theme: expected light or dark, got \"" + theme.toStdString() + "\"";
        return std::nullopt;
    }
    if (parser.isSet("range")) {
        r.range = parseRange(parser.value("range"), error);
        if (!r.range)
            return std::nullopt;
        r.options.window = *r.range;
    }
    r.options.title = parser.value("title");
    r.options.legend = !parser.isSet("no-legend");
    r.options.holderLanes = !parser.isSet("no-holder-lane");
    r.options.busyLane = !parser.isSet("no-cores-lane");
    r.caption = parser.isSet("caption");
    for (const QString &spec : parser.values("annotate")) {
        const auto note = core::parseAnnotation(spec.toStdString());
        if (!note.ok()) {
            *error = "--annotate: " + note.error();
            return std::nullopt;
        }
        r.annotations.push_back(*note);
    }
    if (r.video) {
        r.video->chart = r.options;
        if (const QString problem = r.video->check(); !problem.isEmpty()) {
            const char *option = problem.startsWith("duration") ? "--duration: "
                                 : problem.startsWith("fps")    ? "--fps: "
                                                                : "--size: ";
            *error = option + problem.toStdString();
            return std::nullopt;
        }
    }
    const QString problem = r.video ? QString() : r.options.check();
    if (!problem.isEmpty()) {
        *error = (problem.contains("scale") ? "--scale: " : "--size: ") + problem.toStdString();
        return std::nullopt;
    }
    if (!core::pathExists(core::absoluteFolderOf(r.path))) {
        *error = r.path.toStdString() + ": cannot write: the folder does not exist";
        return std::nullopt;
    }
    return r;
}

int writeExport(ExportRequest request, const core::PreparedRun &run) {
    const double end = static_cast<double>(run.trace().endNs);
    if (request.range && request.range->begin >= end)
        return badInput("--range: starts at " + std::to_string(request.range->begin / 1e6) +
                        " ms, after the run ends at " + std::to_string(end / 1e6) + " ms");
    if (request.caption)
        request.options.caption = ui::metricsCaption(run.metrics);
    // The scenario's own annotations may name rows a --set took away: left out, with a note.
    for (std::size_t i = 0; i < run.scenario.annotations.size(); ++i) {
        const core::Annotation &a = run.scenario.annotations[i];
        if (const std::string problem = core::annotationProblem(a, run.trace()); problem.empty())
            request.options.annotations.push_back(a);
        else
            std::fprintf(stderr, "gilscope: note: annotations.%zu left out: %s\n", i,
                         problem.c_str());
    }
    for (const core::Annotation &a : request.annotations) {
        if (const std::string problem = core::annotationProblem(a, run.trace()); !problem.empty())
            return badInput("--annotate: " + problem);
        request.options.annotations.push_back(a);
    }
    QString error;
    if (request.video) {
        request.video->chart = request.options;
        ui::VideoStats stats;
        if (!ui::exportVideo(run.index, *request.video, request.path, &error, {}, &stats))
            return badInput(error.toStdString());
        const QSize size = request.video->chart.size;
        std::printf("%s: %d frames of %dx%d at %g frames/s, made in %.1f s (%.1f frames/s)\n",
                    request.path.toLocal8Bit().constData(), stats.frames, size.width(),
                    size.height(), request.video->effectiveFps(), stats.seconds, stats.fps());
        return 0;
    }
    if (!ui::exportTimeline(run.index, request.options, request.path, &error))
        return badInput(error.toStdString());
    return 0;
}

int writeOutputs(const QCommandLineParser &parser, const core::PreparedRun &run) {
    const core::Trace &trace = run.trace();
    std::string error;
    if (parser.isSet("metrics") &&
        !writeOutput(parser.value("metrics"), core::metricsToJson(run.metrics), &error))
        return badInput(error);
    // Streamed: a trace of tens of millions of events is written without building it in memory.
    if (parser.isSet("trace") &&
        !streamOutput(
            parser.value("trace"),
            [&](core::ByteSink &sink) {
                core::writeTrace(trace, core::traceFormatForPath(parser.value("trace")), sink);
            },
            &error))
        return badInput(error);
    if (parser.isSet("csv") &&
        !streamOutput(
            parser.value("csv"), [&](core::ByteSink &sink) { core::writeCsv(trace, sink); },
            &error))
        return badInput(error);
    return 0;
}

int writeAdvice(const QCommandLineParser &parser, const core::Advice &advice) {
    if (!parser.isSet("metrics"))
        return badInput(
            "--advise writes its result to --metrics OUT.json (or - for standard output)");
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
    const QByteArray json =
        QJsonDocument(QJsonObject{{"best", best}, {"runs", runs}}).toJson(QJsonDocument::Indented);
    std::string error;
    if (!writeOutput(parser.value("metrics"), json, &error))
        return badInput(error);
    return 0;
}

} // namespace

void reserveStandardStreams() {
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        // Read-only: writing to it fails with EBADF, as writing to the closed stream would have.
        const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null >= 0 && null != fd) {
            ::dup2(null, fd); // dup2 clears close-on-exec on the copy: a child inherits it
            ::close(null);
        }
    }
}

int checkStandardOutput(int status) {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return status;
    const int error = errno != 0 ? errno : EIO;
    std::fprintf(stderr, "gilscope: standard output: cannot write: %s\n",
                 std::generic_category().message(error).c_str());
    return status == 0 ? 2 : status;
}

void quietQtMessages() {
    if (qEnvironmentVariableIntValue("GILSCOPE_DEBUG"))
        return;
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "gilscope: %s\n", qPrintable(message));
    });
}

namespace {

// --scenario FILE, --preset NAME or (for --compare) either: a file if it exists, else a preset.
// "-" as a file is standard input, its machine profiles looked for in the current folder first.
core::ScenarioParse loadScenario(const QString &fileOrPreset, bool preset,
                                 const std::vector<std::string> &overrides) {
    if (!preset && fileOrPreset == "-") {
        const auto json = core::readInputFile(fileOrPreset, core::InputLimit::scenario(),
                                              core::DashMeans::StandardInput);
        if (!json.ok())
            return core::Error{json.error()};
        return core::parseScenarioJson(
            *json, "standard input", overrides,
            core::MachineProfileStore::standard().lookingFirstIn(QDir::currentPath()));
    }
    if (!preset)
        return core::loadScenarioFile(fileOrPreset, overrides);
    return core::loadPreset(fileOrPreset.toStdString(), overrides);
}

int listMachines() {
    const core::MachineProfileStore store = core::MachineProfileStore::standard();
    const auto profiles = store.list();
    if (profiles.empty()) {
        std::printf("No machine profiles in %s; make one with: gilscope calibrate\n",
                    store.dirs().join(", ").toLocal8Bit().constData());
        return 0;
    }
    for (const auto &p : profiles) {
        std::printf("%s  (%s)\n", p.name.c_str(), p.description.c_str());
        for (const auto &[key, value] : p.params)
            std::printf("    %-20s %g\n", key.c_str(), value);
    }
    return 0;
}

// --load-trace T --as-scenario OUT.json [--machine NAME]: the scenario to simulate beside it.
int writeEquivalentScenario(const core::Trace &recording, const QCommandLineParser &parser) {
    core::Scenario scenario = core::equivalentScenario(recording);
    if (scenario.workers.empty())
        return badInput(parser.value("load-trace").toStdString() +
                        ": no thread of the main process ran Python code; nothing to simulate");
    QByteArray json = core::scenarioToJson(scenario);
    if (parser.isSet("machine")) {
        QString machine = parser.value("machine");
        const auto found = core::MachineProfileStore::standard().find(machine.toStdString());
        if (!found.ok())
            return badInput(found.error());
        // A path is kept absolute: the scenario file may be read from anywhere.
        if (machine.contains('/') || machine.endsWith(".json"))
            machine = QFileInfo(machine).absoluteFilePath();
        scenario.machine = machine.toStdString();
        core::applyMachineProfile(scenario.params, *found);
        json = core::scenarioToJson(scenario, *found);
    }
    std::string error;
    if (!writeOutput(parser.value("as-scenario"), json, &error))
        return badInput(error);
    return 0;
}

int runCompare(const QCommandLineParser &parser) {
    // --compare A B: A is the option's value, B the one positional argument after it.
    QStringList sides = parser.values("compare");
    sides += parser.positionalArguments();
    if (sides.size() != 2)
        return badInput("--compare takes two scenarios, files or preset names: --compare A.json "
                        "B.json --export OUT.png");
    if (parser.isSet("scenario") || parser.isSet("preset") || parser.isSet("load-trace") ||
        parser.isSet("set"))
        return badInput("--compare takes its two scenarios itself; leave out --scenario, --preset, "
                        "--load-trace and --set");
    if (parser.isSet("annotate"))
        return badInput("--annotate points at a row of one run; --compare draws two");
    if (!parser.isSet("export"))
        return badInput("--compare writes its image to --export OUT.png|OUT.svg|OUT.pdf");
    std::string error;
    auto request = parseExport(parser, &error);
    if (!request)
        return badInput(error);
    if (request->video)
        return badInput("--compare draws an image: use --export OUT.png|OUT.svg|OUT.pdf");

    core::PreparedRunPtr results[2];
    for (int i = 0; i < 2; ++i) {
        const QString &side = sides[i];
        const bool preset = !core::pathExists(side) && !side.endsWith(".json", Qt::CaseInsensitive);
        std::vector<std::string> overrides;
        if (parser.isSet("machine"))
            overrides.push_back("machine=" + parser.value("machine").toStdString());
        const core::ScenarioParse parsed = loadScenario(side, preset, overrides);
        if (!parsed.ok())
            return badInput(parsed.error());
        auto run = core::prepareRun(*parsed);
        if (!run.ok())
            return badInput((preset ? "preset " : "") + side.toStdString() + ": " + run.error());
        results[i] = std::move(*run);
    }
    const double end =
        static_cast<double>(std::max(results[0]->trace().endNs, results[1]->trace().endNs));
    if (request->range && request->range->begin >= end)
        return badInput("--range: starts at " + std::to_string(request->range->begin / 1e6) +
                        " ms, after both runs end (" + std::to_string(end / 1e6) + " ms)");

    const ui::TimelineExport &o = request->options;
    const QString title = o.title;
    const QByteArray data = ui::renderToFormat(
        o.format, o.size, o.scale, o.theme.background, title, [&](QCPPainter *painter) {
            ui::CompareView::paintTitled(painter, QRect(QPoint(0, 0), o.size), title, results[0],
                                         results[1], o.theme,
                                         request->range.value_or(core::TimeWindow{}));
        });
    if (data.isEmpty())
        return badInput(request->path.toStdString() + ": cannot draw the comparison");
    if (!writeOutput(request->path, data, &error))
        return badInput(error);
    return 0;
}

} // namespace

int runHeadless(const QStringList &arguments) {
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return badInput(parser.errorText().toStdString() + " (see gilscope --help)");
    if (parser.isSet("help") || parser.isSet("help-all")) {
        // Named as users type it, whatever path started us (the man page is made from this).
        QString help = parser.helpText();
        help.replace(QRegularExpression("^Usage: \\S+"), "Usage: gilscope");
        std::fputs(help.toLocal8Bit().constData(), stdout);
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
    if (parser.isSet("list-machines"))
        return listMachines();
    if (parser.isSet("compare"))
        return runCompare(parser);

    // Export options first: a typo in them must not cost a long simulation.
    std::optional<ExportRequest> exportRequest;
    if (parser.isSet("export") && (parser.isSet("advise") || parser.isSet("sweep")))
        return badInput("--export draws one run: leave out --advise and --sweep");
    if (parser.isSet("export")) {
        std::string error;
        exportRequest = parseExport(parser, &error);
        if (!exportRequest)
            return badInput(error);
    } else {
        for (const char *option :
             {"size", "scale", "theme", "range", "title", "caption", "annotate", "no-legend",
              "no-holder-lane", "no-cores-lane", "duration", "fps", "layout", "playhead"})
            if (parser.isSet(option))
                return badInput(std::string("--") + option +
                                " shapes an image or a video: add --export "
                                "OUT.png|OUT.svg|OUT.pdf|OUT.mp4|OUT.webm|OUT.gif");
    }
    // What to prepare: drawing needs the pixel index, the other outputs only the trace.
    const auto parts = exportRequest ? core::RunParts::Everything : core::RunParts::TraceAndMetrics;
    auto finish = [&](const core::Result<core::PreparedRunPtr> &run, const std::string &source) {
        if (!run.ok())
            return badInput(source + ": " + run.error());
        if (const int status = writeOutputs(parser, **run))
            return status;
        return exportRequest ? writeExport(*exportRequest, **run) : 0;
    };

    const bool fromFile = parser.isSet("scenario");
    const bool fromPreset = parser.isSet("preset");
    const bool fromTrace = parser.isSet("load-trace");
    if (int(fromFile) + int(fromPreset) + int(fromTrace) != 1)
        return badInput("give exactly one of --scenario FILE, --preset NAME or --load-trace TRACE");
    if (fromTrace) {
        if (parser.isSet("set"))
            return badInput("--set changes a scenario; a loaded trace has none");
        const auto load =
            core::loadTraceFile(parser.value("load-trace"), core::DashMeans::StandardInput);
        if (!load.ok())
            return badInput(load.error());
        // What the file held that cannot be shown, in one line (other tools' counters, flows).
        if (!(*load)->importNote.empty())
            std::fprintf(stderr, "%s: %s\n", qPrintable(parser.value("load-trace")),
                         (*load)->importNote.c_str());
        if (parser.isSet("as-scenario"))
            return writeEquivalentScenario(**load, parser);
        if (parser.isSet("machine"))
            return badInput("--machine changes a simulation; with --load-trace add --as-scenario "
                            "OUT.json to simulate the recording on that machine");
        const QString path = parser.value("load-trace");
        const std::string name = QFileInfo(path).completeBaseName().toStdString();
        return finish(core::prepareRun(load.value(), name, nullptr, parts), path.toStdString());
    }
    if (parser.isSet("as-scenario"))
        return badInput("--as-scenario turns a recording into a scenario: use it with "
                        "--load-trace TRACE.json");
    std::vector<std::string> overrides;
    if (parser.isSet("machine"))
        overrides.push_back("machine=" + parser.value("machine").toStdString());
    for (const QString &s : parser.values("set"))
        overrides.push_back(s.toStdString());

    const core::ScenarioParse parsed = loadScenario(
        fromFile ? parser.value("scenario") : parser.value("preset"), fromPreset, overrides);
    if (!parsed.ok())
        return badInput(parsed.error());
    const std::string source = fromFile ? parser.value("scenario").toStdString()
                                        : "preset " + parser.value("preset").toStdString();

    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    if (parser.isSet("advise"))
        return writeAdvice(parser, core::advise(*parsed, static_cast<int>(threads)));
    if (parser.isSet("sweep")) {
        const auto result =
            core::sweep(*parsed, parser.value("sweep").toStdString(), static_cast<int>(threads));
        if (!result.ok())
            return badInput(source + ": " + result.error());
        if (!parser.isSet("csv"))
            return badInput("--sweep writes its curve to --csv OUT.csv (or - for standard output)");
        std::string error;
        if (!writeOutput(parser.value("csv"), QByteArray::fromStdString(core::sweepToCsv(*result)),
                         &error))
            return badInput(error);
        return 0;
    }

    return finish(core::prepareRun(*parsed, nullptr, parts), source);
}

} // namespace gilscope::app
