#include "scenario/scenariojson.h"

#include "files/inputfile.h"
#include "files/localpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <map>

namespace gilscope::core {

namespace {

struct ParseError {
    std::string message;
};

std::string typeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    default:
        return "nothing";
    }
}

[[noreturn]] void fail(const std::string &field, const std::string &what) {
    throw ParseError{"field " + field + ": " + what};
}

double readNumber(const QJsonValue &v, const std::string &field) {
    if (!v.isDouble())
        fail(field, "expected a number, got " + typeName(v));
    return v.toDouble();
}

long long readInteger(const QJsonValue &v, const std::string &field) {
    const double d = readNumber(v, field);
    if (d != std::floor(d))
        fail(field, "expected a whole number, got " + formatNumber(d));
    if (std::fabs(d) > 9.0e15)
        fail(field, "is out of range: " + formatNumber(d));
    return static_cast<long long>(d);
}

int readInt(const QJsonValue &v, const std::string &field) {
    const long long n = readInteger(v, field);
    if (n < -2'000'000'000LL || n > 2'000'000'000LL)
        fail(field, "is out of range: " + std::to_string(n));
    return static_cast<int>(n);
}

std::string readString(const QJsonValue &v, const std::string &field) {
    if (!v.isString())
        fail(field, "expected a string, got " + typeName(v));
    return v.toString().toStdString();
}

template <typename Enum>
Enum readEnum(const QJsonValue &v, const std::string &field, const std::string &allowed) {
    Enum out{};
    if (!parseEnum(readString(v, field), out))
        fail(field, "must be one of " + allowed + ", got \"" + v.toString().toStdString() + "\"");
    return out;
}

// A table of the keys one JSON object may have, each with how to read it.
using Reader = std::function<void(const QJsonValue &, const std::string &)>;
void readObject(const QJsonObject &object, const std::string &path,
                const std::map<std::string, Reader> &readers) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string key = it.key().toStdString();
        const auto reader = readers.find(key);
        if (reader == readers.end()) {
            std::string allowed;
            for (const auto &[name, _] : readers)
                allowed += (allowed.empty() ? "" : ", ") + name;
            throw ParseError{"unknown key \"" + key + "\"" + (path.empty() ? "" : " in " + path) +
                             " (allowed: " + allowed + ")"};
        }
        reader->second(it.value(), path.empty() ? key : path + "." + key);
    }
}

TimingParams readParams(const QJsonValue &value, const std::string &path, TimingParams p) {
    if (!value.isObject())
        fail(path, "expected an object, got " + typeName(value));
    auto number = [](double &target) {
        return [&target](const QJsonValue &v, const std::string &f) { target = readNumber(v, f); };
    };
    auto integer = [](int &target) {
        return [&target](const QJsonValue &v, const std::string &f) { target = readInt(v, f); };
    };
    readObject(value.toObject(), path,
               {{"switch_interval_ms", number(p.switch_interval_ms)},
                {"eval_breaker_ns", number(p.eval_breaker_ns)},
                {"wake_policy",
                 [&](const QJsonValue &v, const std::string &f) {
                     p.wake_policy = readEnum<WakePolicy>(v, f, "fifo, random");
                 }},
                {"check_interval", integer(p.check_interval)},
                {"tick_ns", number(p.tick_ns)},
                {"contention_ns", number(p.contention_ns)},
                {"signal_cost_us", number(p.signal_cost_us)},
                {"failed_wake_us", number(p.failed_wake_us)},
                {"wake_latency_min_us", number(p.wake_latency_min_us)},
                {"wake_latency_max_us", number(p.wake_latency_max_us)},
                {"timer_slack_us", number(p.timer_slack_us)},
                {"time_slice_ms", number(p.time_slice_ms)},
                {"wakeup_granularity_ms", number(p.wakeup_granularity_ms)},
                {"sleeper_credit_ms", number(p.sleeper_credit_ms)},
                {"ft_slowdown", number(p.ft_slowdown)},
                {"thread_start_us", number(p.thread_start_us)},
                {"start_method",
                 [&](const QJsonValue &v, const std::string &f) {
                     p.start_method = readEnum<StartMethod>(v, f, "fork, forkserver, spawn");
                 }},
                {"process_start_ms", number(p.process_start_ms)},
                {"ipc_ms", number(p.ipc_ms)},
                {"pool_size", integer(p.pool_size)},
                {"interpreter_start_ms", number(p.interpreter_start_ms)},
                {"interpreter_ipc_ms", number(p.interpreter_ipc_ms)},
                {"main_process_mb", number(p.main_process_mb)},
                {"process_mb", number(p.process_mb)},
                {"process_helper_mb", number(p.process_helper_mb)},
                {"thread_kb", number(p.thread_kb)},
                {"subinterpreter_mb", number(p.subinterpreter_mb)},
                {"pickle_us_per_kb", number(p.pickle_us_per_kb)},
                {"data_copies", number(p.data_copies)},
                {"time_limit_s", number(p.time_limit_s)},
                {"max_events", number(p.max_events)}});
    return p;
}

WorkerGroup defaultsFor(WorkerKind kind) {
    WorkerGroup g;
    g.kind = kind;
    switch (kind) {
    case WorkerKind::Cpu:
        g.ops = 1;
        g.cpu_ms = 100;
        g.io_ms = 0;
        break;
    case WorkerKind::Io:
        g.ops = 100;
        g.cpu_ms = 0.02;
        g.io_ms = 0.1;
        break;
    case WorkerKind::Mixed:
        g.ops = 20;
        g.cpu_ms = 5;
        g.io_ms = 5;
        g.jitter = 0.3;
        break;
    }
    return g;
}

constexpr const char *kStepKindList =
    "python, native, io, sleep, lock, put, get, wait, set, to_thread, in_process";

std::vector<Step> readSteps(const QJsonValue &value, const std::string &path, int depth);

// {"python": 2}, {"lock": "L", "hold": [...]}, {"to_thread": [...]}: one kind key a step.
Step readStep(const QJsonValue &value, const std::string &path, int depth) {
    if (!value.isObject())
        fail(path, "expected a step such as {\"python\": 2}, got " + typeName(value));
    const QJsonObject object = value.toObject();
    Step step;
    std::string kindKey;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (key == "hold" || key == "checks")
            continue;
        StepKind kind{};
        if (!parseEnum(key, kind))
            throw ParseError{"field " + path + ": unknown step kind \"" + key +
                             "\" (allowed: " + kStepKindList + ")"};
        if (!kindKey.empty())
            fail(path, "has two kinds, \"" + kindKey + "\" and \"" + key +
                           "\": one step does one thing, list them as two steps");
        kindKey = key;
        step.kind = kind;
    }
    if (kindKey.empty())
        fail(path, "names no step kind (allowed: " + std::string(kStepKindList) + ")");
    const QJsonValue v = object[QString::fromStdString(kindKey)];
    const std::string field = path + "." + kindKey;
    switch (step.kind) {
    case StepKind::Python:
    case StepKind::Native:
    case StepKind::Io:
    case StepKind::Sleep:
        step.ms = readNumber(v, field);
        break;
    case StepKind::ToThread:
    case StepKind::InProcess:
        step.body = readSteps(v, field, depth + 1);
        break;
    default:
        step.name = readString(v, field);
        break;
    }
    if (object.contains("checks")) {
        if (step.kind != StepKind::Python)
            fail(path + ".checks", "only a python step has checks");
        if (!object["checks"].isBool())
            fail(path + ".checks", "expected true or false, got " + typeName(object["checks"]));
        step.checks = object["checks"].toBool();
    }
    if (object.contains("hold")) {
        if (step.kind != StepKind::Lock)
            fail(path + ".hold", "only a lock step holds steps");
        step.body = readSteps(object["hold"], path + ".hold", depth + 1);
    }
    return step;
}

std::vector<Step> readSteps(const QJsonValue &value, const std::string &path, int depth) {
    if (depth > ScenarioLimits::kMaxStepDepth)
        fail(path, "steps nest at most " + std::to_string(ScenarioLimits::kMaxStepDepth) + " deep");
    if (!value.isArray())
        fail(path, "expected an array of steps, got " + typeName(value));
    const QJsonArray list = value.toArray();
    if (list.size() > ScenarioLimits::kMaxSteps)
        fail(path, "at most " + std::to_string(ScenarioLimits::kMaxSteps) + " steps, got " +
                       std::to_string(list.size()));
    std::vector<Step> steps;
    for (qsizetype i = 0; i < list.size(); ++i)
        steps.push_back(readStep(list[i], path + "." + std::to_string(i), depth));
    return steps;
}

QJsonArray stepsToJson(const std::vector<Step> &steps) {
    QJsonArray list;
    for (const Step &step : steps) {
        const QString key = QString::fromUtf8(toString(step.kind).data(),
                                              static_cast<qsizetype>(toString(step.kind).size()));
        QJsonObject object;
        switch (step.kind) {
        case StepKind::Python:
        case StepKind::Native:
        case StepKind::Io:
        case StepKind::Sleep:
            object[key] = step.ms;
            if (!step.checks)
                object["checks"] = false;
            break;
        case StepKind::ToThread:
        case StepKind::InProcess:
            object[key] = stepsToJson(step.body);
            break;
        case StepKind::Lock:
            object[key] = QString::fromStdString(step.name);
            object["hold"] = stepsToJson(step.body);
            break;
        default:
            object[key] = QString::fromStdString(step.name);
            break;
        }
        list.append(object);
    }
    return list;
}

WorkerGroup readWorker(const QJsonValue &value, const std::string &path) {
    if (!value.isObject())
        fail(path, "expected an object, got " + typeName(value));
    const QJsonObject object = value.toObject();
    WorkerKind kind = WorkerKind::Cpu;
    if (object.contains("kind"))
        kind = readEnum<WorkerKind>(object["kind"], path + ".kind", "cpu, io, mixed");
    WorkerGroup g = defaultsFor(kind);
    readObject(
        object, path,
        {{"kind", [](const QJsonValue &, const std::string &) {}},
         {"name", [&](const QJsonValue &v, const std::string &f) { g.name = readString(v, f); }},
         {"count", [&](const QJsonValue &v, const std::string &f) { g.count = readInt(v, f); }},
         {"ops", [&](const QJsonValue &v, const std::string &f) { g.ops = readInt(v, f); }},
         {"cpu_ms",
          [&](const QJsonValue &v, const std::string &f) { g.cpu_ms = readNumber(v, f); }},
         {"io_ms", [&](const QJsonValue &v, const std::string &f) { g.io_ms = readNumber(v, f); }},
         {"jitter",
          [&](const QJsonValue &v, const std::string &f) { g.jitter = readNumber(v, f); }},
         {"steps",
          [&](const QJsonValue &v, const std::string &f) { g.steps = readSteps(v, f, 0); }},
         {"executor",
          [&](const QJsonValue &v, const std::string &f) {
              g.executor =
                  readEnum<Executor>(v, f, "threading, multiprocessing, asyncio, subinterpreters");
          }},
         {"pool_size",
          [&](const QJsonValue &v, const std::string &f) { g.pool_size = readInt(v, f); }},
         {"data_kb",
          [&](const QJsonValue &v, const std::string &f) { g.data_kb = readNumber(v, f); }},
         {"memory_mb",
          [&](const QJsonValue &v, const std::string &f) { g.memory_mb = readNumber(v, f); }},
         {"start_ms",
          [&](const QJsonValue &v, const std::string &f) { g.start_ms = readNumber(v, f); }},
         {"until", [&](const QJsonValue &v, const std::string &f) {
              if (readString(v, f) != "others")
                  fail(f, "must be \"others\" (run until every other group is done), got \"" +
                              v.toString().toStdString() + "\"");
              g.until_others = true;
          }}});
    return g;
}

Annotation readAnnotation(const QJsonValue &value, const std::string &path) {
    if (!value.isObject())
        fail(path, "expected an object with row, at_ms and text, got " + typeName(value));
    Annotation a;
    bool haveRow = false, haveAt = false, haveText = false;
    readObject(value.toObject(), path,
               {{"row",
                 [&](const QJsonValue &v, const std::string &f) {
                     a.row = readString(v, f);
                     haveRow = true;
                 }},
                {"at_ms",
                 [&](const QJsonValue &v, const std::string &f) {
                     const double ms = readNumber(v, f);
                     const double limit = static_cast<double>(AnnotationLimits::kMaxAt / kNsPerMs);
                     if (!(ms >= 0 && ms <= limit))
                         fail(f, "must be between 0 and " + std::to_string(std::llround(limit)) +
                                     " ms from the start of the run, got " +
                                     QString::number(ms).toStdString());
                     a.at = std::llround(ms * static_cast<double>(kNsPerMs));
                     haveAt = true;
                 }},
                {"text", [&](const QJsonValue &v, const std::string &f) {
                     a.text = readString(v, f);
                     haveText = true;
                 }}});
    if (!haveRow)
        fail(path + ".row", "is missing: name the thread row to point at, e.g. \"cpu-1\"");
    if (!haveAt)
        fail(path + ".at_ms", "is missing: the time to point at, in ms from the start, e.g. 20.5");
    if (!haveText)
        fail(path + ".text", "is missing: what the callout says");
    return a;
}

Scenario readScenario(const QJsonObject &root, const MachineProfileStore &machines) {
    Scenario s;
    // The machine's values first, so that the file's params, read next, win over them.
    if (root.contains("machine")) {
        s.machine = readString(root["machine"], "machine");
        if (!s.machine.empty()) {
            const MachineProfileParse found = machines.find(s.machine);
            if (!found.ok())
                fail("machine", found.error());
            applyMachineProfile(s.params, *found);
        }
    }
    bool haveWorkers = false;
    readObject(
        root, "",
        {{"name", [&](const QJsonValue &v, const std::string &f) { s.name = readString(v, f); }},
         {"description",
          [&](const QJsonValue &v, const std::string &f) { s.description = readString(v, f); }},
         {"interpreter",
          [&](const QJsonValue &v, const std::string &f) {
              s.interpreter = readEnum<Interpreter>(v, f, "legacy-gil, gil, free-threaded");
          }},
         {"executor",
          [&](const QJsonValue &v, const std::string &f) {
              s.executor =
                  readEnum<Executor>(v, f, "threading, multiprocessing, asyncio, subinterpreters");
          }},
         {"cores", [&](const QJsonValue &v, const std::string &f) { s.cores = readInt(v, f); }},
         {"machine", [](const QJsonValue &, const std::string &) {}},
         {"seed",
          [&](const QJsonValue &v, const std::string &f) {
              const long long seed = readInteger(v, f);
              if (seed < 0)
                  fail(f, "must be 0 or more, got " + std::to_string(seed));
              s.seed = static_cast<std::uint64_t>(seed);
          }},
         {"params", [&](const QJsonValue &v,
                        const std::string &f) { s.params = readParams(v, f, s.params); }},
         {"annotations",
          [&](const QJsonValue &v, const std::string &f) {
              if (!v.isArray())
                  fail(f, "expected an array of annotations, got " + typeName(v));
              const QJsonArray list = v.toArray();
              for (qsizetype i = 0; i < list.size(); ++i)
                  s.annotations.push_back(readAnnotation(list[i], f + "." + std::to_string(i)));
          }},
         {"queues",
          [&](const QJsonValue &v, const std::string &f) {
              if (!v.isObject())
                  fail(f, "expected an object of queues, e.g. {\"jobs\": {\"maxsize\": 10}}, got " +
                              typeName(v));
              const QJsonObject queues = v.toObject();
              if (queues.size() > ScenarioLimits::kMaxQueues)
                  fail(f, "at most " + std::to_string(ScenarioLimits::kMaxQueues) +
                              " queues, got " + std::to_string(queues.size()));
              for (auto it = queues.begin(); it != queues.end(); ++it) {
                  const std::string name = it.key().toStdString();
                  const std::string at = f + "." + name;
                  if (!it.value().isObject())
                      fail(at, "expected an object such as {\"maxsize\": 10}, got " +
                                   typeName(it.value()));
                  QueueSpec q;
                  readObject(it.value().toObject(), at,
                             {{"maxsize", [&](const QJsonValue &m, const std::string &mf) {
                                   q.maxsize = readInt(m, mf);
                               }}});
                  s.queues[name] = q;
              }
          }},
         {"workers", [&](const QJsonValue &v, const std::string &f) {
              if (!v.isArray())
                  fail(f, "expected an array of worker groups, got " + typeName(v));
              const QJsonArray groups = v.toArray();
              for (qsizetype i = 0; i < groups.size(); ++i)
                  s.workers.push_back(readWorker(groups[i], f + "." + std::to_string(i)));
              haveWorkers = true;
          }}});
    if (!haveWorkers)
        s.workers = {defaultsFor(WorkerKind::Cpu)};
    return s;
}

// --set KEY=VALUE: VALUE is read as JSON when it parses (numbers, true/false, quoted strings),
// as a plain string otherwise.
QJsonValue overrideValue(const std::string &text) {
    const QByteArray wrapped = "[" + QByteArray::fromStdString(text) + "]";
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0);
    return QJsonValue(QString::fromStdString(text));
}

QJsonValue patched(QJsonValue node, const QStringList &path, int depth, const QJsonValue &value,
                   const std::string &full) {
    if (depth == path.size())
        return value;
    const QString &key = path[depth];
    // Digits (with an optional sign) are an index, however large: "workers.2147483648" is a
    // list index out of range, not a key.
    static const QRegularExpression indexPattern(QStringLiteral("^[+-]?[0-9]+$"));
    if (indexPattern.match(key).hasMatch()) {
        if (!node.isArray())
            throw ParseError{"--set " + full + ": " + path.mid(0, depth).join('.').toStdString() +
                             (node.isUndefined() ? " is not in the scenario" : " is not a list")};
        QJsonArray array = node.toArray();
        bool inInt = false;
        const int index = key.toInt(&inInt);
        if (!inInt || index < 0 || index >= array.size())
            throw ParseError{"--set " + full + ": index " + key.toStdString() +
                             " is out of range (there are " + std::to_string(array.size()) + ")"};
        array[index] = patched(array[index], path, depth + 1, value, full);
        return array;
    }
    QJsonObject object = node.isObject() ? node.toObject() : QJsonObject();
    if (!node.isObject() && !node.isUndefined() && !node.isNull())
        throw ParseError{"--set " + full + ": " + path.mid(0, depth).join('.').toStdString() +
                         " is not an object"};
    object[key] = patched(object.value(key), path, depth + 1, value, full);
    return object;
}

void applyOverride(QJsonObject &root, const std::string &assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ParseError{"--set " + assignment + ": expected KEY=VALUE, e.g. --set cores=4"};
    const std::string key = assignment.substr(0, eq);
    const QStringList path = QString::fromStdString(key).split('.');
    root = patched(root, path, 0, overrideValue(assignment.substr(eq + 1)), assignment).toObject();
}

std::pair<int, int> lineAndColumn(const QByteArray &text, int offset) {
    int line = 1, column = 1;
    // Qt reports the offset just past the offending character.
    for (int i = 0; i + 1 < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

ScenarioParse parseScenarioJson(const QByteArray &json, const std::string &source,
                                const std::vector<std::string> &overrides,
                                const MachineProfileStore &machines) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return Error{source + ": line " + std::to_string(line) + ", column " +
                     std::to_string(column) + ": " + parseError.errorString().toStdString()};
    }
    if (!doc.isObject())
        return Error{source + ": expected a JSON object with the scenario's fields"};
    try {
        QJsonObject root = doc.object();
        for (const auto &assignment : overrides)
            applyOverride(root, assignment);
        Scenario scenario = readScenario(root, machines);
        if (auto error = validate(scenario))
            return Error{source + ": field " + error->field + ": " + error->message};
        return scenario;
    } catch (const ParseError &e) {
        return Error{source + ": " + e.message};
    }
}

ScenarioParse loadScenarioFile(const QString &path, const std::vector<std::string> &overrides,
                               const MachineProfileStore &machines) {
    const auto json = readInputFile(path, InputLimit::scenario());
    if (!json.ok())
        return Error{json.error()};
    return parseScenarioJson(*json, displayPath(path), overrides,
                             machines.lookingFirstIn(absoluteFolderOf(path)));
}

namespace {

QJsonObject scenarioObject(const Scenario &s) {
    const auto &p = s.params;
    auto str = [](std::string_view v) {
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    };
    QJsonObject params{{"switch_interval_ms", p.switch_interval_ms},
                       {"eval_breaker_ns", p.eval_breaker_ns},
                       {"wake_policy", str(toString(p.wake_policy))},
                       {"check_interval", p.check_interval},
                       {"tick_ns", p.tick_ns},
                       {"contention_ns", p.contention_ns},
                       {"signal_cost_us", p.signal_cost_us},
                       {"failed_wake_us", p.failed_wake_us},
                       {"wake_latency_min_us", p.wake_latency_min_us},
                       {"wake_latency_max_us", p.wake_latency_max_us},
                       {"timer_slack_us", p.timer_slack_us},
                       {"time_slice_ms", p.time_slice_ms},
                       {"wakeup_granularity_ms", p.wakeup_granularity_ms},
                       {"sleeper_credit_ms", p.sleeper_credit_ms},
                       {"ft_slowdown", p.ft_slowdown},
                       {"thread_start_us", p.thread_start_us},
                       {"start_method", str(toString(p.start_method))},
                       {"process_start_ms", p.process_start_ms},
                       {"ipc_ms", p.ipc_ms},
                       {"pool_size", p.pool_size},
                       {"interpreter_start_ms", p.interpreter_start_ms},
                       {"interpreter_ipc_ms", p.interpreter_ipc_ms},
                       {"main_process_mb", p.main_process_mb},
                       {"process_mb", p.process_mb},
                       {"process_helper_mb", p.process_helper_mb},
                       {"thread_kb", p.thread_kb},
                       {"subinterpreter_mb", p.subinterpreter_mb},
                       {"pickle_us_per_kb", p.pickle_us_per_kb},
                       {"data_copies", p.data_copies},
                       {"time_limit_s", p.time_limit_s},
                       {"max_events", p.max_events}};
    QJsonArray workers;
    for (const auto &w : s.workers) {
        QJsonObject g{{"kind", str(toString(w.kind))},
                      {"count", w.count},
                      {"ops", w.ops},
                      {"cpu_ms", w.cpu_ms},
                      {"io_ms", w.io_ms},
                      {"jitter", w.jitter}};
        if (!w.name.empty())
            g["name"] = QString::fromStdString(w.name);
        // The newer keys only when used, so older files save as they were.
        if (w.hasSteps())
            g["steps"] = stepsToJson(w.steps);
        if (w.executor)
            g["executor"] = str(toString(*w.executor));
        if (w.pool_size != 0)
            g["pool_size"] = w.pool_size;
        if (w.until_others)
            g["until"] = "others";
        if (w.data_kb != 0)
            g["data_kb"] = w.data_kb;
        if (w.memory_mb != 0)
            g["memory_mb"] = w.memory_mb;
        if (w.start_ms > 0)
            g["start_ms"] = w.start_ms;
        workers.append(g);
    }
    QJsonObject root{{"name", QString::fromStdString(s.name)},
                     {"interpreter", str(toString(s.interpreter))},
                     {"executor", str(toString(s.executor))},
                     {"cores", s.cores},
                     {"seed", static_cast<double>(s.seed)},
                     {"params", params},
                     {"workers", workers}};
    if (!s.description.empty())
        root["description"] = QString::fromStdString(s.description);
    if (!s.queues.empty()) {
        QJsonObject queues;
        for (const auto &[name, q] : s.queues)
            queues[QString::fromStdString(name)] = QJsonObject{{"maxsize", q.maxsize}};
        root["queues"] = queues;
    }
    if (!s.machine.empty())
        root["machine"] = QString::fromStdString(s.machine);
    if (!s.annotations.empty()) {
        QJsonArray notes;
        for (const auto &a : s.annotations)
            notes.append(
                QJsonObject{{"row", QString::fromStdString(a.row)},
                            {"at_ms", static_cast<double>(a.at) / static_cast<double>(kNsPerMs)},
                            {"text", QString::fromStdString(a.text)}});
        root["annotations"] = notes;
    }
    return root;
}

} // namespace

QByteArray scenarioToJson(const Scenario &scenario) {
    return QJsonDocument(scenarioObject(scenario)).toJson(QJsonDocument::Indented);
}

QByteArray scenarioToJson(const Scenario &scenario, const MachineProfile &machine) {
    QJsonObject root = scenarioObject(scenario);
    QJsonObject params = root["params"].toObject();
    for (const auto &[key, value] : machine.params)
        if (machineParamValue(scenario.params, key) == value)
            params.remove(QString::fromStdString(key));
    root["params"] = params;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool sameWorkload(const Scenario &a, const Scenario &b) {
    auto plain = [](Scenario s) {
        s.executor = Executor::Threading;
        s.interpreter = Interpreter::Gil;
        s.name.clear();
        s.description.clear();
        s.annotations.clear(); // notes on the picture, not work
        return scenarioToJson(s);
    };
    return plain(a) == plain(b);
}

bool sameScenario(const Scenario &a, const Scenario &b) {
    return scenarioToJson(a) == scenarioToJson(b);
}

} // namespace gilscope::core
