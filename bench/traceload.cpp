// Prints how fast trace files load and how large they are: a preset's trace written as Chrome
// JSON and as Perfetto protobuf (.pftrace), then read back the way --load-trace and File → Open
// read them (file read, parse into the columnar trace, metrics).
// Targets (issue 13): JSON loads >= 10x faster than Python's json.load of the same file, at
// peak memory <= 1.5x its size (measure that with /usr/bin/time -v gilscope --load-trace);
// <= 16 bytes per event in .pftrace.
//
//   traceload [PRESET] [--set KEY=VALUE ...] [--keep DIR]   (default r2-legacy-2cpu-1core)
#include "catalog/presets.h"
#include "files/outputfile.h"
#include "run/preparedrun.h"
#include "trace/tracejson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>

using namespace gilscope;

namespace {

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

void measure(const core::Trace &trace, const QString &path, core::TraceFormat format) {
    const auto written = core::streamOutputFile(
        path, [&](core::ByteSink &sink) { core::writeTrace(trace, format, sink); });
    if (!written.ok()) {
        std::printf("%s\n", written.error().c_str());
        return;
    }
    const double bytes = static_cast<double>(QFile(path).size());
    double best = 1e300;
    core::TracePtr back;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto load = core::loadTraceFile(path);
        if (!load.ok()) {
            std::printf("%s\n", load.error().c_str());
            return;
        }
        const auto run = core::prepareRun(*load, "bench", nullptr, core::RunParts::TraceAndMetrics);
        best = std::min(best, msSince(t0));
        back = *load;
    }
    const double events = static_cast<double>(trace.eventCount());
    std::printf("%-8s %8.1f MB  %6.1f bytes/event  load + metrics %7.0f ms  %7.0f MB/s  %s\n",
                format == core::TraceFormat::Perfetto ? "pftrace" : "json", bytes / 1e6,
                bytes / events, best, bytes / 1e6 / (best / 1000), qPrintable(path));
    if (back->eventCount() != trace.eventCount())
        std::printf("  read back %zu events of %zu!\n", back->eventCount(), trace.eventCount());
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    std::string preset = "r2-legacy-2cpu-1core";
    std::vector<std::string> overrides;
    QString keep;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--set" && i + 1 < args.size())
            overrides.push_back(args[++i].toStdString());
        else if (args[i] == "--keep" && i + 1 < args.size())
            keep = args[++i];
        else
            preset = args[i].toStdString();
    }
    const auto scenario = core::loadPreset(preset, overrides);
    if (!scenario.ok()) {
        std::printf("%s\n", scenario.error().c_str());
        return 1;
    }
    const auto run = core::prepareRun(*scenario, nullptr, core::RunParts::TraceAndMetrics);
    if (!run.ok()) {
        std::printf("%s\n", run.error().c_str());
        return 1;
    }
    const core::Trace &trace = (*run)->trace();
    std::printf("%s: %zu events (%zu segments, %zu marks), %zu rows\n", preset.c_str(),
                trace.eventCount(), trace.segmentCount(), trace.markCount(), trace.threads.size());
    QTemporaryDir temp;
    const QDir dir(keep.isEmpty() ? temp.path() : keep);
    measure(trace, dir.filePath("trace.json"), core::TraceFormat::ChromeJson);
    measure(trace, dir.filePath("trace.pftrace"), core::TraceFormat::Perfetto);
    return 0;
}
