#include "lessons/lessonscatalog.h"

#include "catalog/presets.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace gilscope::ui {

namespace {

const QString kBeazley =
    QStringLiteral("David Beazley, “Understanding the Python GIL”, PyCon 2010");
const QString kSkvortsov = QStringLiteral(
    "Victor Skvortsov, “Python behind the scenes #13: the GIL and its effects on Python "
    "multithreading”, CPython 3.9 on 2 cores");

const QString kMeasured = QObject::tr("CPython 3.12 on a 2-core Linux machine, medians of 5 runs "
                                      "(resources/recorder/workloads)");

struct Reference {
    const char *tag;
    QString figure;
    QString source;
};

// The published figure each preset reproduces (REFERENCE_RESULTS.md). Kept beside the
// presets' own descriptions so a card can show the figure and its source on a line of their own.
const std::map<QString, Reference> &references() {
    static const std::map<QString, Reference> table = {
        {QStringLiteral("r1-legacy-2cpu-4cores"),
         {"R1", QObject::tr("2 threads took 15.4 s against 7.8 s sequential: about 2× slower"),
          kBeazley}},
        {QStringLiteral("r1-legacy-4cpu-4cores"),
         {"R1", QObject::tr("4 threads took 15.7 s against 7.8 s sequential"), kBeazley}},
        {QStringLiteral("r2-legacy-2cpu-1core"),
         {"R2", QObject::tr("one core: 2 threads about 11.3 s against 7.8 s (1.45×)"), kBeazley}},
        {QStringLiteral("r3-gil-2cpu-4cores"),
         {"R3", QObject::tr("new GIL, 2 threads: +3.5 % against sequential"), kBeazley}},
        {QStringLiteral("r3-gil-4cpu-4cores"),
         {"R3", QObject::tr("new GIL, 4 threads: +7 % against sequential"), kBeazley}},
        {QStringLiteral("r4-gil-countdown-2cores"),
         {"R4", QObject::tr("6.52 / 6.57 / 6.59 / 6.58 s for 1 / 2 / 4 / 8 threads: flat"),
          kSkvortsov}},
        {QStringLiteral("r5-gil-countdown-10us"),
         {"R5", QObject::tr("10 µs interval: 4 threads took 19.15 s instead of 6.59 s"),
          kSkvortsov}},
        {QStringLiteral("r6-convoy-1cpu"),
         {"R6", QObject::tr("echo server: ~30k requests/s alone, ~100/s beside one CPU thread"),
          kSkvortsov}},
        {QStringLiteral("r6-convoy-2cpu"),
         {"R6", QObject::tr("echo server: ~50 requests/s beside 2 CPU threads"), kSkvortsov}},
        {QStringLiteral("r6-convoy-4cpu"),
         {"R6", QObject::tr("echo server: ~30 requests/s beside 4 CPU threads"), kSkvortsov}},
        {QStringLiteral("r6-convoy-process"),
         {"R6", QObject::tr("echo server: ~20k requests/s with the CPU work in another process"),
          kSkvortsov}},
        {QStringLiteral("r7-convoy-0.5ms"),
         {"R7", QObject::tr("5 / 50 / 100 / 500 / 3.2k requests/s at 100 / 10 / 5 / 1 / 0.1 ms"),
          kSkvortsov}},
        {QStringLiteral("free-threaded-3.13t"),
         {"R8", QObject::tr("about 40 % single-thread slowdown without the GIL in 3.13t"),
          QStringLiteral("Python 3.13 free-threading HOWTO; PEP 703")}},
        {QStringLiteral("free-threaded-3.14t"),
         {"R8", QObject::tr("5–10 % single-thread slowdown in 3.14t"),
          QStringLiteral("What's New in Python 3.14; PEP 703")}},
        {QStringLiteral("native-hashlib-2threads"),
         {"", QObject::tr("2 threads hashing 16 MB buffers: 1.91× faster than one"), kMeasured}},
        {QStringLiteral("native-hashlib-4threads"),
         {"", QObject::tr("4 threads on 2 cores: 1.92×, the core count"), kMeasured}},
        {QStringLiteral("asyncio-to-thread"),
         {"",
          QObject::tr("largest sleep lateness 37 ms with the burst inline, 6.7 ms in to_thread"),
          kMeasured}},
        {QStringLiteral("lock-convoy"),
         {"",
          QObject::tr("4 threads, a counter under a threading.Lock: 0.96–1.13× with nothing to "
                      "check inside the lock, 0.68× with a call inside"),
          kMeasured}},
        {QStringLiteral("queue-pipeline"),
         {"", QObject::tr("3,204 items/s, an item waits 3.4 ms in the queue (p50)"), kMeasured}},
        {QStringLiteral("multiprocessing-4cpu"),
         {"R9", QObject::tr("process start: fork ~1.5 ms, forkserver ~10 ms, spawn ~35 ms"),
          QObject::tr("typical Linux measurements")}},
    };
    return table;
}

// The lessons of the "Real programs" chapter: what to look at, in two or three sentences.
const std::map<QString, QString> &lessons() {
    static const std::map<QString, QString> table = {
        {QStringLiteral("native-hashlib-2threads"),
         QObject::tr("C extensions release the GIL. Look at the teal stretches: both threads are "
                     "in C code at the same time, one on each core, and each holds the GIL only "
                     "for a moment around a call. The run takes half the sequential time: "
                     "threads scale when the work is in such C code.")},
        {QStringLiteral("lock-convoy"),
         QObject::tr("A lock convoy. Look at the rust stretches: one thread holds the lock, the "
                     "others sleep on it, and the releaser takes it straight back before a "
                     "woken waiter has the GIL, so the threads take turns and the run is slower "
                     "than one thread. Under Worker Groups, untick “checks for a GIL hand-over” "
                     "on the step inside the lock and the convoy is gone.")},
        {QStringLiteral("asyncio-to-thread"),
         QObject::tr("asyncio.to_thread rescues the event loop. Look at the asyncio_0 row: the "
                     "50 ms burst runs there, on the loop's thread pool, while the sleepers keep "
                     "waking every millisecond, late by at most a switch interval. Compare "
                     "asyncio-200io-1cpu, where the same burst inline stops every coroutine.")},
    };
    return table;
}

bool hasKind(const core::Scenario &s, core::WorkerKind kind) {
    return std::any_of(s.workers.begin(), s.workers.end(), [kind](const core::WorkerGroup &w) {
        return w.kind == kind && w.count > 0;
    });
}

int sectionOf(const core::Scenario &s, bool tagged) {
    using core::Executor;
    using core::Interpreter;
    if (core::usesWorkerExtensions(s))
        return 5; // steps: C code, locks, queues, pools
    if (s.interpreter == Interpreter::LegacyGil)
        return 0;
    if (s.interpreter == Interpreter::FreeThreaded)
        return 4;
    const bool io = hasKind(s, core::WorkerKind::Io) || hasKind(s, core::WorkerKind::Mixed);
    const bool cpu = hasKind(s, core::WorkerKind::Cpu);
    if (io && cpu && s.executor != Executor::Asyncio)
        return 2;
    // Untagged threading presets are the executors' baseline (threading-4cpu beside
    // multiprocessing-4cpu), not a lesson about the GIL's hand-over.
    if (s.executor == Executor::Threading && tagged)
        return 1;
    return 3;
}

} // namespace

QStringList lessonSections() {
    return {QObject::tr("Python 2's GIL: the battle"),
            QObject::tr("The 3.2+ GIL: taking turns"),
            QObject::tr("The convoy effect"),
            QObject::tr("Processes, subinterpreters, asyncio"),
            QObject::tr("No GIL: free-threaded builds"),
            QObject::tr("Real programs: C code, locks, queues")};
}

QString lessonSectionBlurb(int section) {
    switch (section) {
    case 0:
        return QObject::tr(
            "Every 100 ticks the holder lets go and grabs the GIL straight back; a rival "
            "woken on another core finds it taken again. Two threads end up slower than one.");
    case 1:
        return QObject::tr(
            "Since 3.2 a waiter asks for the GIL after a 5 ms switch interval and the holder "
            "hands it over: no battle, no speed-up.");
    case 2:
        return QObject::tr(
            "An I/O thread returning from a blocking call waits up to a switch interval behind "
            "CPU-bound threads, on every call.");
    case 3:
        return QObject::tr(
            "One GIL each (processes, subinterpreters) runs CPU-bound work in parallel; one "
            "event loop overlaps waits but stalls on CPU bursts.");
    case 4:
        return QObject::tr(
            "Without a GIL threads run in parallel, each a little slower than on a standard "
            "build.");
    case 5:
        return QObject::tr(
            "C code that releases the GIL runs on every core; a lock or a queue makes threads "
            "wait for each other; asyncio can hand a burst to a thread pool.");
    }
    return {};
}

LessonPreset lessonPreset(const QString &id, const core::Scenario &scenario) {
    LessonPreset p;
    p.id = id;
    p.scenario = scenario;
    p.title = QString::fromStdString(scenario.name);
    // "(R1)" in a preset's name names the reference result; the card shows it as a badge.
    static const QRegularExpression tag(QStringLiteral("\\s*\\((R\\d+)\\)\\s*$"));
    const auto match = tag.match(p.title);
    if (match.hasMatch()) {
        p.referenceTag = match.captured(1);
        p.title = p.title.left(match.capturedStart()).trimmed();
    }
    p.lookFor = QString::fromStdString(scenario.description);
    if (auto it = lessons().find(id); it != lessons().end())
        p.lesson = it->second;
    const auto &table = references();
    if (auto it = table.find(id); it != table.end()) {
        if (p.referenceTag.isEmpty())
            p.referenceTag = QString::fromLatin1(it->second.tag);
        p.referenceFigure = it->second.figure;
        p.referenceSource = it->second.source;
    }
    p.section =
        sectionOf(scenario, !p.referenceTag.isEmpty() && p.referenceTag != QLatin1String("R9"));
    return p;
}

std::vector<LessonPreset> lessonPresets(QStringList *errors) {
    std::vector<LessonPreset> out;
    for (const std::string &name : core::presetNames()) {
        const auto scenario = core::loadPreset(name);
        if (!scenario) {
            if (errors)
                errors->append(QString::fromStdString(scenario.error()));
            continue;
        }
        out.push_back(lessonPreset(QString::fromStdString(name), *scenario));
    }
    std::stable_sort(out.begin(), out.end(), [](const LessonPreset &a, const LessonPreset &b) {
        return a.section != b.section ? a.section < b.section : a.id < b.id;
    });
    return out;
}

QString scenarioSummary(const core::Scenario &s) {
    const int threads = s.threadCount();
    QString what =
        s.executor == core::Executor::Asyncio     ? QObject::tr("%n coroutine(s)", nullptr, threads)
        : s.executor == core::Executor::Threading ? QObject::tr("%n thread(s)", nullptr, threads)
                                                  : QObject::tr("%n worker(s)", nullptr, threads);
    return QStringLiteral("%1 · %2 · %3 · %4")
        .arg(core::interpreterTitle(s.interpreter), core::executorTitle(s.executor),
             QObject::tr("%n core(s)", nullptr, s.cores), what);
}

QString presetIdForName(const std::string &name) {
    for (const std::string &id : core::presetNames()) {
        const auto scenario = core::loadPreset(id);
        if (scenario && scenario->name == name)
            return QString::fromStdString(id);
    }
    return {};
}

QString counterpartPreset(const QString &id) {
    static const std::map<QString, QString> pairs = {
        {QStringLiteral("r1-legacy-2cpu-4cores"), QStringLiteral("r3-gil-2cpu-4cores")},
        {QStringLiteral("r3-gil-2cpu-4cores"), QStringLiteral("r1-legacy-2cpu-4cores")},
        {QStringLiteral("r1-legacy-4cpu-4cores"), QStringLiteral("r3-gil-4cpu-4cores")},
        {QStringLiteral("r3-gil-4cpu-4cores"), QStringLiteral("r1-legacy-4cpu-4cores")},
        {QStringLiteral("r2-legacy-2cpu-1core"), QStringLiteral("r1-legacy-2cpu-4cores")},
        {QStringLiteral("r4-gil-countdown-2cores"), QStringLiteral("r5-gil-countdown-10us")},
        {QStringLiteral("r5-gil-countdown-10us"), QStringLiteral("r4-gil-countdown-2cores")},
        {QStringLiteral("r6-convoy-1cpu"), QStringLiteral("r7-convoy-0.5ms")},
        {QStringLiteral("r7-convoy-0.5ms"), QStringLiteral("r6-convoy-1cpu")},
        {QStringLiteral("r6-convoy-2cpu"), QStringLiteral("r6-convoy-1cpu")},
        {QStringLiteral("r6-convoy-4cpu"), QStringLiteral("r6-convoy-1cpu")},
        {QStringLiteral("r6-convoy-process"), QStringLiteral("r6-convoy-1cpu")},
        {QStringLiteral("legacy-io-starvation"), QStringLiteral("r6-convoy-1cpu")},
        {QStringLiteral("threading-4cpu"), QStringLiteral("multiprocessing-4cpu")},
        {QStringLiteral("multiprocessing-4cpu"), QStringLiteral("threading-4cpu")},
        {QStringLiteral("subinterpreters-4cpu"), QStringLiteral("multiprocessing-4cpu")},
        {QStringLiteral("native-hashlib-2threads"), QStringLiteral("native-hashlib-4threads")},
        {QStringLiteral("native-hashlib-4threads"), QStringLiteral("native-hashlib-2threads")},
        {QStringLiteral("asyncio-to-thread"), QStringLiteral("asyncio-200io-1cpu")},
        {QStringLiteral("asyncio-200io-1cpu"), QStringLiteral("asyncio-to-thread")},
        {QStringLiteral("free-threaded-3.13t"), QStringLiteral("free-threaded-3.14t")},
        {QStringLiteral("free-threaded-3.14t"), QStringLiteral("free-threaded-3.13t")},
    };
    auto it = pairs.find(id);
    return it == pairs.end() ? QString() : it->second;
}

} // namespace gilscope::ui
