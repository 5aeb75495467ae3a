#include "harnesses.h"

#include "analysis/sweep.h"
#include "catalog/machineprofile.h"
#include "perfetto/pftrace.h"
#include "python/equivalentscenario.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"
#include "trace/metrics.h"
#include "trace/tracejson.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace gilscope::fuzz {

namespace {

// Small enough that a run ends in a fraction of a second even under the sanitizers, large enough
// for what grows with the workload to grow (12,500 asyncio rounds at 8 events each).
constexpr double kEventCap = 100'000;
constexpr double kTimeLimitS = 10;

// A small scenario for --set patches and sweeps: CPU and I/O threads, and a cap and a time limit
// that keep a sweep of 256 points to a second or two even under the sanitizers.
const char *kSmallScenario = R"({"name": "fuzz", "interpreter": "gil", "executor": "threading",
 "cores": 2, "seed": 1, "params": {"max_events": 2000, "time_limit_s": 1},
 "workers": [{"kind": "cpu", "count": 2, "cpu_ms": 2},
             {"kind": "io", "count": 1, "ops": 3, "cpu_ms": 0.1, "io_ms": 0.5}]})";

QByteArray bytes(const std::uint8_t *data, std::size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Machine profiles are looked up in a folder of our own holding one profile, "fuzzbox": never
// in the user's, so that runs do not depend on the machine.
const core::MachineProfileStore &store() {
    static const auto dir = [] {
        auto made = std::make_unique<QTemporaryDir>();
        core::MachineProfile box = core::modelDefaultCosts();
        box.name = "fuzzbox";
        box.description = "the fuzz harnesses' machine";
        QFile f(made->filePath("fuzzbox.json"));
        if (!f.open(QIODevice::WriteOnly) || f.write(core::machineProfileToJson(box)) < 0)
            fail("cannot write the fuzz machine profile in " + made->path().toStdString());
        return made;
    }();
    static const core::MachineProfileStore machines(QStringList{dir->path()});
    return machines;
}

// A machine given as a path reads that file: devices and FIFOs there are the file readers'
// business (and would hang or exhaust the fuzzer), not the parsers'.
bool namesMachineFile(const QString &machine) {
    return machine.contains('/') || machine.endsWith(".json");
}
bool namesMachineFile(const QByteArray &scenarioJson) {
    const QJsonDocument doc = QJsonDocument::fromJson(scenarioJson);
    return doc.isObject() && namesMachineFile(doc.object().value("machine").toString());
}
bool namesMachineFile(const std::vector<std::string> &patches) {
    for (const std::string &patch : patches)
        if (patch.starts_with("machine=") &&
            namesMachineFile(QString::fromStdString(patch.substr(8))))
            return true;
    return false;
}

// What every error message promises: it says something, and numbers in it are short (a value
// such as 1e308 is not spelled out in 309 digits). Long runs of digits the input itself holds
// (echoed in "unknown key ...") are no fault of the message.
void checkMessage(const std::string &message, const QByteArray &input, const char *from) {
    if (message.empty())
        fail(std::string(from) + ": an empty error message");
    // The input as the JSON reader sees it: \u0030-\u0039 are digits, and other escapes such as
    // \6 stand for the character itself.
    QByteArray echoed = input;
    for (char d = '0'; d <= '9'; ++d)
        echoed.replace(QByteArray("\\u003") + d, QByteArray(1, d));
    echoed.replace('\\', QByteArray());
    std::size_t run = 0;
    for (std::size_t i = 0; i <= message.size(); ++i) {
        if (i < message.size() && message[i] >= '0' && message[i] <= '9') {
            ++run;
            continue;
        }
        if (run > 24 && !echoed.contains(QByteArray::fromStdString(message.substr(i - run, run))))
            fail(std::string(from) + ": a number of " + std::to_string(run) +
                 " digits in the error \"" + message.substr(0, 300) + "...\"");
        run = 0;
    }
}

void checkMetrics(const core::Metrics &m, const char *from) {
    for (double v : {m.makespan_ms, m.sequential_ms, m.speedup})
        if (!(v >= 0) || !std::isfinite(v))
            fail(std::string(from) + ": metrics out of range: makespan_ms " +
                 std::to_string(m.makespan_ms) + ", sequential_ms " +
                 std::to_string(m.sequential_ms) + ", speedup " + std::to_string(m.speedup));
}

// A scenario that was read is written back and read again into the same scenario.
void checkRoundTrip(const core::Scenario &scenario, const char *from) {
    const QByteArray json = core::scenarioToJson(scenario);
    const auto again = core::parseScenarioJson(json, "round trip", {}, store());
    if (!again.ok())
        fail(std::string(from) + ": the scenario as written back is refused: " + again.error() +
             "\n" + json.toStdString());
    if (!core::sameScenario(scenario, *again))
        fail(std::string(from) + ": the scenario written back reads as another scenario:\n" +
             json.toStdString());
}

std::vector<std::string> lines(const QByteArray &text) {
    std::vector<std::string> out;
    for (const QByteArray &line : text.split('\n'))
        if (!line.isEmpty())
            out.push_back(line.toStdString());
    return out;
}

// "--set KEY=VALUE: X is not an object" when X is an array and KEY goes on from X with an index
// (workers.2147483648.count): the patch used the array rightly, and the index is what is wrong.
void checkNotAnObjectClaim(const std::string &message) {
    const std::string claim = " is not an object";
    const auto set = message.find("--set ");
    const auto colon = message.rfind(": ");
    if (!message.ends_with(claim) || set == std::string::npos || colon == std::string::npos ||
        colon < set)
        return;
    const std::string patch = message.substr(set + 6, colon - set - 6);
    const QStringList key = QString::fromStdString(patch.substr(0, patch.find('='))).split('.');
    const QString path = QString::fromStdString(
        message.substr(colon + 2, message.size() - claim.size() - colon - 2));
    const QStringList parts = path.split('.');
    if (key.size() <= parts.size() || key.mid(0, parts.size()) != parts)
        return;
    const QString next = key[parts.size()];
    if (next.isEmpty() ||
        !std::all_of(next.begin(), next.end(), [](QChar c) { return c.isDigit(); }))
        return;
    QJsonValue at = QJsonDocument::fromJson(kSmallScenario).object();
    for (const QString &part : parts) {
        if (at.isObject()) {
            at = at.toObject().value(part);
        } else if (at.isArray()) {
            bool ok = false;
            const int i = part.toInt(&ok);
            if (!ok || i < 0 || i >= at.toArray().size())
                return;
            at = at.toArray().at(i);
        } else {
            return;
        }
    }
    if (at.isArray())
        fail("set patches: the error \"" + message + "\" calls " + path.toStdString() +
             " not an object, but it is an array and " + next.toStdString() + " an index");
}

} // namespace

void fail(const std::string &what) {
    std::fprintf(stderr, "gilscope fuzz: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

void traceReader(const std::uint8_t *data, std::size_t size) {
    const auto load = core::parseChromeTrace(bytes(data, size), "fuzz.json");
    if (!load.ok()) {
        checkMessage(load.error(), bytes(data, size), "trace reader");
        return;
    }
    const core::Trace &trace = **load;
    // --trace: what was read is written back, and reads as the same rows and events.
    const QByteArray written = core::traceToChromeJson(trace);
    const auto again = core::parseChromeTrace(written, "round trip");
    if (!again.ok())
        fail("trace reader: the trace as written back is refused: " + again.error());
    if ((*again)->threads.size() != trace.threads.size() ||
        (*again)->segmentCount() != trace.segmentCount())
        fail("trace reader: the trace written back has other rows or segments");
    // --trace OUT.pftrace: the same through Perfetto's protobuf.
    core::ByteArraySink proto;
    core::writePerfettoTrace(trace, proto);
    const auto fromProto = core::parseTrace(proto.bytes(), "round trip.pftrace");
    if (!fromProto.ok())
        fail("trace reader: the trace as .pftrace is refused: " + fromProto.error());
    if ((*fromProto)->threads.size() != trace.threads.size() ||
        (*fromProto)->segmentCount() != (*again)->segmentCount() ||
        (*fromProto)->markCount() != trace.markCount())
        fail("trace reader: the trace as .pftrace has other rows, segments or marks");
    (void)core::traceToCsv(trace);                             // --csv
    checkMetrics(core::computeMetrics(trace), "trace reader"); // --metrics
    const auto run = core::prepareRun(*load, "fuzz", nullptr, core::RunParts::Everything);
    if (!run.ok())
        checkMessage(run.error(), bytes(data, size), "trace reader: prepareRun");
    (void)core::scenarioToJson(core::equivalentScenario(trace)); // --as-scenario
}

void scenarioReader(const std::uint8_t *data, std::size_t size) {
    const QByteArray json = bytes(data, size);
    if (namesMachineFile(json))
        return;
    const auto parsed = core::parseScenarioJson(json, "fuzz.json", {}, store());
    if (!parsed.ok()) {
        checkMessage(parsed.error(), json, "scenario reader");
        return;
    }
    checkRoundTrip(*parsed, "scenario reader");
}

void setPatches(const std::uint8_t *data, std::size_t size) {
    const std::vector<std::string> patches = lines(bytes(data, size));
    if (namesMachineFile(patches))
        return;
    const auto parsed = core::parseScenarioJson(kSmallScenario, "fuzz.json", patches, store());
    if (!parsed.ok()) {
        checkMessage(parsed.error(), bytes(data, size), "set patches");
        checkNotAnObjectClaim(parsed.error());
        return;
    }
    checkRoundTrip(*parsed, "set patches");
}

void machineProfiles(const std::uint8_t *data, std::size_t size) {
    const auto parsed = core::parseMachineProfileJson(bytes(data, size), "fuzz.json");
    if (!parsed.ok()) {
        checkMessage(parsed.error(), bytes(data, size), "machine profiles");
        return;
    }
    const QByteArray json = core::machineProfileToJson(*parsed);
    const auto again = core::parseMachineProfileJson(json, "round trip");
    if (!again.ok())
        fail("machine profiles: the profile as written back is refused: " + again.error());
    if (again->params != parsed->params || again->name != parsed->name)
        fail("machine profiles: the profile written back reads as another profile");
    core::TimingParams params;
    core::applyMachineProfile(params, *parsed);
}

void sweepSpecs(const std::uint8_t *data, std::size_t size) {
    const std::vector<std::string> spec = lines(bytes(data, size));
    if (spec.empty() || namesMachineFile(spec))
        return;
    static const core::Scenario tiny = [] {
        auto parsed = core::parseScenarioJson(kSmallScenario, "tiny", {}, store());
        if (!parsed.ok())
            fail("sweep specs: the tiny scenario is refused: " + parsed.error());
        return *parsed;
    }();
    const auto result = core::sweep(tiny, spec.front(), 1);
    if (!result.ok()) {
        checkMessage(result.error(), bytes(data, size), "sweep specs");
        return;
    }
    for (const core::SweepPoint &point : result->points)
        checkMetrics(point.metrics, "sweep specs");
    (void)core::sweepToCsv(*result);
}

void simulateSmall(const std::uint8_t *data, std::size_t size) {
    const QByteArray json = bytes(data, size);
    if (namesMachineFile(json))
        return;
    const auto parsed = core::parseScenarioJson(json, "fuzz.json", {}, store());
    if (!parsed.ok())
        return; // the scenario reader's business
    core::Scenario scenario = *parsed;
    scenario.params.max_events = std::min(scenario.params.max_events, kEventCap);
    scenario.params.time_limit_s = std::min(scenario.params.time_limit_s, kTimeLimitS);
    const auto run = core::prepareRun(scenario, nullptr, core::RunParts::Everything);
    if (!run.ok()) {
        checkMessage(run.error(), json, "simulate");
        return;
    }
    const double stored = static_cast<double>((*run)->trace().eventCount());
    if (stored > scenario.params.max_events)
        fail("simulate: the run stored " + std::to_string((*run)->trace().eventCount()) +
             " events, more than params.max_events = " +
             std::to_string(static_cast<long long>(scenario.params.max_events)));
    checkMetrics((*run)->metrics, "simulate");
}

const std::vector<NamedHarness> &harnesses() {
    static const std::vector<NamedHarness> all{
        {"trace", traceReader},       {"scenario", scenarioReader}, {"set", setPatches},
        {"machine", machineProfiles}, {"sweep", sweepSpecs},        {"simulate", simulateSmall},
    };
    return all;
}

Harness findHarness(std::string_view name) {
    for (const NamedHarness &h : harnesses())
        if (h.name == name)
            return h.run;
    return nullptr;
}

} // namespace gilscope::fuzz
