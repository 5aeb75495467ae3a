#include "samplecommand.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <cstdio>

namespace gilscope::app {

using core::BackgroundSampler;
using core::ThreadNameHook;

namespace {

int fail(const QString &message) {
    std::fprintf(stderr, "gilscope attach: %s\n", message.toLocal8Bit().constData());
    return 2;
}

std::atomic<bool> *g_attachStop = nullptr;
extern "C" void stopAttach(int) {
    if (g_attachStop)
        g_attachStop->store(true);
}

} // namespace

QString writeSampledTrace(core::SamplingSession &session, const QString &out,
                          const QString &namesFile, const QString &scenario) {
    const auto saved = core::saveSampledTrace(session, out, namesFile, scenario.toStdString());
    if (!saved.ok())
        return QString::fromStdString(saved.error());
    const auto &trace = *saved;
    const auto stats = session.stats();
    std::fprintf(stderr,
                 "gilscope: sampled %zu threads %ld times in %.2f s (%.0f Hz, %.1f %% of a core "
                 "reading /proc); trace in %s\n",
                 trace->threads.size(), stats.rounds, stats.seconds, stats.achievedHz,
                 stats.busyShare * 100, out.toLocal8Bit().constData());
    for (const auto &[pid, note] : session.sampler().gilNotes())
        std::fprintf(stderr, "gilscope: pid %d: GIL from %s\n", pid, note.c_str());
    return {};
}

int runAttach(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Sample a running Python process from /proc, without touching it, and write a trace of "
        "when each thread ran, waited for the GIL, waited for a lock or blocked in I/O.");
    parser.addHelpOption();
    parser.addOption({"duration", "Stop after S seconds (default: until it ends or Ctrl-C).", "S"});
    parser.addOption({"rate", "Samples per second (default 1000).", "HZ"});
    parser.addOption({"out",
                      "Where to write the trace (default: pid-PID.trace.json): Chrome JSON, or "
                      "Perfetto's protobuf for T.pftrace.",
                      "T.json|T.pftrace"});
    parser.addPositionalArgument("PID", "The process to watch.");
    QStringList forParser = arguments.mid(0, 1) + arguments.mid(2);
    if (forParser.isEmpty())
        forParser << "gilscope";
    if (!parser.parse(forParser))
        return fail(parser.errorText() + " (see gilscope attach --help)");
    if (parser.isSet("help") || parser.isSet("help-all")) {
        QString help = parser.helpText();
        help.replace(QRegularExpression("^Usage: \\S+"), "Usage: gilscope attach");
        std::fputs(help.toLocal8Bit().constData(), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    bool ok = false;
    const int pid = positional.value(0).toInt(&ok);
    if (positional.size() != 1 || !ok || pid <= 0)
        return fail(
            "expected one process id: gilscope attach PID [--duration S] [--out T.json|T.pftrace]");
    double duration = 0, rate = kDefaultSampleHz;
    if (parser.isSet("duration") &&
        (duration = parser.value("duration").toDouble(&ok), !ok || !(duration > 0)))
        return fail("--duration: expected seconds > 0, got " + parser.value("duration"));
    if (parser.isSet("rate") &&
        (rate = parser.value("rate").toDouble(&ok), !ok || !(rate >= 1 && rate <= 20000)))
        return fail("--rate: expected 1 to 20000 samples per second, got " + parser.value("rate"));
    const QString out =
        parser.isSet("out") ? parser.value("out") : QString("pid-%1.trace.json").arg(pid);

    auto sampler = core::ProcSampler::open(pid, {});
    if (!sampler.ok()) {
        std::fprintf(stderr, "gilscope attach: %s\n", sampler.error().c_str());
        return 1;
    }
    core::SamplingSession session(std::move(*sampler), rate);
    std::atomic<bool> stop{false};
    g_attachStop = &stop;
    struct sigaction action {
    }, oldInt{}, oldTerm{};
    action.sa_handler = stopAttach;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &oldInt);
    ::sigaction(SIGTERM, &action, &oldTerm);
    session.run(stop, duration);
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGTERM, &oldTerm, nullptr);
    g_attachStop = nullptr;
    if (session.sampler().finished() && session.stats().rounds <= 1) {
        std::fprintf(stderr, "gilscope attach: process %d ended before it could be sampled\n", pid);
        return 1;
    }
    if (session.sampler().finished())
        std::fprintf(stderr, "gilscope attach: process %d ended; writing what was sampled\n", pid);
    const QString error = writeSampledTrace(session, out, {}, QString("pid %1").arg(pid));
    if (!error.isEmpty()) {
        std::fprintf(stderr, "gilscope attach: %s\n", error.toLocal8Bit().constData());
        return 1;
    }
    return 0;
}

} // namespace gilscope::app
