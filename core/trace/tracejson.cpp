#include "trace/tracejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace gilscope::core {

namespace {

// Microseconds with three decimals: exact nanoseconds, and what Perfetto expects.
void appendMicros(QByteArray &out, TimeNs ns) {
    if (ns < 0) {
        out += '-';
        ns = -ns;
    }
    out += QByteArray::number(ns / 1000);
    const auto frac = ns % 1000;
    if (frac != 0) {
        char digits[5] = {'.', static_cast<char>('0' + frac / 100),
                          static_cast<char>('0' + frac / 10 % 10),
                          static_cast<char>('0' + frac % 10), 0};
        out += digits;
    }
}

QByteArray quoted(const std::string &text) {
    // QJsonDocument escapes correctly; wrap the string in an array and strip the brackets.
    QByteArray json =
        QJsonDocument(QJsonArray{QString::fromStdString(text)}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

struct ProcessKey {
    int pid;
    std::string name;
};

// One pid per process/interpreter group, so Perfetto groups rows the way GIL Scope does.
int pidOf(const ThreadInfo &info) {
    return info.groupId + 1;
}

} // namespace

QByteArray traceToChromeJson(const Trace &trace) {
    QByteArray out;
    out.reserve(static_cast<qsizetype>(trace.eventCount() * 90 + 4096));
    out += "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"gilscope\",\"scenario\":";
    out += quoted(trace.scenarioName);
    out +=
        ",\"interpreter\":" + quoted(trace.interpreter) + ",\"executor\":" + quoted(trace.executor);
    out += ",\"cores\":" + QByteArray::number(trace.cores);
    out += ",\"end_ns\":" + QByteArray::number(static_cast<qlonglong>(trace.endNs));
    out += ",\"sequential_ns\":" + QByteArray::number(static_cast<qlonglong>(trace.sequentialNs));
    out += "},\"traceEvents\":[\n";
    bool first = true;
    auto begin = [&]() {
        if (!first)
            out += ",\n";
        first = false;
    };

    std::map<int, std::string> processes;
    for (const auto &t : trace.threads)
        processes.emplace(pidOf(t.info), t.info.groupName.empty() ? "process" : t.info.groupName);
    for (const auto &[pid, name] : processes) {
        begin();
        out += "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + QByteArray::number(pid) +
               ",\"args\":{\"name\":" + quoted(name) + "}}";
    }

    // Threads waiting for each GIL over time, as a counter per process.
    std::map<int, std::vector<std::pair<TimeNs, int>>> waitEdges;
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const auto &t = trace.threads[row];
        const int pid = pidOf(t.info);
        const QByteArray ids = "\"pid\":" + QByteArray::number(pid) +
                               ",\"tid\":" + QByteArray::number(static_cast<qulonglong>(row + 1));
        begin();
        out += "{\"ph\":\"M\",\"name\":\"thread_name\"," + ids +
               ",\"args\":{\"name\":" + quoted(t.info.name) + ",\"kind\":" + quoted(t.info.kind) +
               ",\"gil\":" + QByteArray::number(t.info.gilId) + "}}";
        begin();
        out += "{\"ph\":\"M\",\"name\":\"thread_sort_index\"," + ids +
               ",\"args\":{\"sort_index\":" + QByteArray::number(static_cast<qulonglong>(row)) +
               "}}";
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            const ThreadState state = t.segmentState[i];
            const TimeNs start = t.segmentStart[i];
            const TimeNs end = t.segmentEnd(i, trace.endNs);
            if (state == ThreadState::Done || state == ThreadState::Absent || end <= start)
                continue;
            begin();
            out += "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"";
            out += toString(state).data();
            out += "\"," + ids + ",\"ts\":";
            appendMicros(out, start);
            out += ",\"dur\":";
            appendMicros(out, end - start);
            out += '}';
            if (state == ThreadState::WaitingForGil && t.info.gilId >= 0) {
                waitEdges[pid].emplace_back(start, +1);
                waitEdges[pid].emplace_back(end, -1);
            }
        }
        for (std::size_t i = 0; i < t.markCount(); ++i) {
            begin();
            out += "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"lock\",\"name\":\"";
            out += toString(t.markKind[i]).data();
            out += "\"," + ids + ",\"ts\":";
            appendMicros(out, t.markTime[i]);
            out += '}';
        }
    }
    for (auto &[pid, edges] : waitEdges) {
        std::sort(edges.begin(), edges.end());
        int waiting = 0;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            waiting += edges[i].second;
            if (i + 1 < edges.size() && edges[i + 1].first == edges[i].first)
                continue; // one sample per instant
            begin();
            out += "{\"ph\":\"C\",\"name\":\"GIL waiters\",\"pid\":" + QByteArray::number(pid) +
                   ",\"ts\":";
            appendMicros(out, edges[i].first);
            out += ",\"args\":{\"waiting\":" + QByteArray::number(waiting) + "}}";
        }
    }
    out += "\n]}\n";
    return out;
}

namespace {

struct RowBuilder {
    ThreadInfo info;
    std::vector<std::pair<TimeNs, std::pair<TimeNs, ThreadState>>>
        segments; // start -> (end, state)
    std::vector<std::pair<TimeNs, MarkKind>> marks;
};

std::string microsText(double us) {
    return QByteArray::number(us, 'g', 6).toStdString() + " \u00b5s";
}

// "EVENT: ts -1e+300 µs is outside ±4.61169e+15 µs (2^62 ns)"
Error outsideLimit(const std::string &where, const std::string &what, double us) {
    return Error{where + ": " + what + " " + microsText(us) + " is outside \u00b1" +
                 microsText(static_cast<double>(kTraceTimeLimitNs) / 1000.0) + " (2^62 ns)"};
}

// A time or duration in microseconds from the file, as nanoseconds within ±kTraceTimeLimitNs.
Result<TimeNs> readMicros(const QJsonValue &value, const char *field, const std::string &where) {
    const double us = value.toDouble();
    const double ns = us * 1000.0;
    if (!std::isfinite(ns) || std::fabs(ns) >= static_cast<double>(kTraceTimeLimitNs))
        return outsideLimit(where, field, us);
    return static_cast<TimeNs>(std::llround(ns));
}

// otherData's end_ns and sequential_ns: whole nanoseconds from 0 below 2^62, when present.
Result<TimeNs> readOtherNs(const QJsonObject &other, const char *key, const std::string &source) {
    const QJsonValue value = other.value(key);
    if (value.isUndefined() || value.isNull())
        return TimeNs{0};
    const double ns = value.toDouble(-1);
    if (!value.isDouble() || !(ns >= 0 && ns < static_cast<double>(kTraceTimeLimitNs)))
        return Error{source + ": otherData." + key + " must be a number of ns from 0 to 2^62"};
    return static_cast<TimeNs>(std::llround(ns));
}

} // namespace

TraceLoad parseChromeTrace(const QByteArray &json, const std::string &source) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (int i = 0; i + 1 < parseError.offset && i < json.size(); ++i) {
            if (json[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Error{source + ": line " + std::to_string(line) + ", column " +
                     std::to_string(column) + ": " + parseError.errorString().toStdString() +
                     (parseError.offset >= json.size() - 1 ? " (the file looks truncated)" : "")};
    }
    QJsonArray events;
    QJsonObject other;
    if (doc.isArray()) {
        events = doc.array();
    } else if (doc.isObject() && doc.object().value("traceEvents").isArray()) {
        events = doc.object().value("traceEvents").toArray();
        other = doc.object().value("otherData").toObject();
    } else {
        return Error{source +
                     ": not a trace: expected {\"traceEvents\": [...]} or an array of events"};
    }

    std::map<std::pair<long long, long long>, RowBuilder> rows; // (pid, tid)
    std::map<long long, std::string> processNames;
    std::map<std::pair<long long, long long>, long long> sortIndex;
    TimeNs end = 0;
    TimeNs earliest = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events[i].toObject();
        const QString ph = e.value("ph").toString();
        const QString name = e.value("name").toString();
        const auto key = std::make_pair(e.value("pid").toInteger(), e.value("tid").toInteger());
        const std::string where = source + ": event " + std::to_string(i);
        if (ph == "M") {
            const QJsonObject args = e.value("args").toObject();
            if (name == "process_name")
                processNames[key.first] = args.value("name").toString().toStdString();
            else if (name == "thread_name") {
                auto &row = rows[key];
                row.info.name = args.value("name").toString().toStdString();
                row.info.kind = args.value("kind").toString("recorded").toStdString();
                row.info.gilId = args.contains("gil") ? args.value("gil").toInt() : 0;
            } else if (name == "thread_sort_index")
                sortIndex[key] = args.value("sort_index").toInteger();
        } else if (ph == "X") {
            if (!e.value("ts").isDouble() || !e.value("dur").isDouble())
                return Error{where + ": an \"X\" event needs numbers ts and dur"};
            ThreadState state = ThreadState::Running; // a slice from another tool: something ran
            parseThreadState(name.toStdString(), state);
            const auto start = readMicros(e.value("ts"), "ts", where);
            if (!start)
                return Error{start.error()};
            const auto duration = readMicros(e.value("dur"), "dur", where);
            if (!duration)
                return Error{duration.error()};
            if (*duration < 0)
                return Error{where + ": dur " + microsText(e.value("dur").toDouble()) +
                             " is negative"};
            const TimeNs stop = *start + *duration; // both below 2^62: no overflow
            if (stop >= kTraceTimeLimitNs)
                return outsideLimit(where, "ts + dur =", static_cast<double>(stop) / 1000.0);
            rows[key].segments.push_back({*start, {stop, state}});
            end = std::max(end, stop);
            earliest = std::min(earliest, *start);
        } else if (ph == "i" || ph == "I") {
            MarkKind kind{};
            if (!parseMarkKind(name.toStdString(), kind))
                continue; // instant events of other tools carry nothing we can show
            if (!e.value("ts").isDouble())
                return Error{where + ": an instant event needs a number ts"};
            const auto t = readMicros(e.value("ts"), "ts", where);
            if (!t)
                return Error{t.error()};
            rows[key].marks.push_back({*t, kind});
            end = std::max(end, *t);
            earliest = std::min(earliest, *t);
        }
    }
    if (rows.empty())
        return Error{source + ": the file holds no thread events"};

    auto trace = std::make_shared<Trace>();
    trace->scenarioName = other.value("scenario").toString("recorded trace").toStdString();
    trace->interpreter = other.value("interpreter").toString("recorded").toStdString();
    trace->executor = other.value("executor").toString("threading").toStdString();
    trace->cores = std::max(1, other.value("cores").toInt(1));
    const auto endNs = readOtherNs(other, "end_ns", source);
    if (!endNs)
        return Error{endNs.error()};
    const auto sequentialNs = readOtherNs(other, "sequential_ns", source);
    if (!sequentialNs)
        return Error{sequentialNs.error()};
    // Rows start at 0: a trace with earlier events is moved so that the earliest is at 0.
    const TimeNs origin = earliest;
    end = std::max(end, *endNs);
    if (end - origin >= kTraceTimeLimitNs)
        return Error{source + ": the events span " +
                     microsText(static_cast<double>(origin) / 1000) + " to " +
                     microsText(static_cast<double>(end) / 1000) + ", more than 2^62 ns"};
    trace->endNs = end - origin;
    trace->sequentialNs = *sequentialNs;
    trace->python = other.value("python").toString().toStdString();
    trace->switchIntervalMs = other.value("switch_interval_ms").toDouble(0);
    trace->checkInterval = other.value("check_interval").toInt(0);

    std::vector<std::pair<long long, std::pair<long long, long long>>> order;
    for (const auto &[key, row] : rows)
        order.push_back({sortIndex.count(key) ? sortIndex[key] : key.second, key});
    std::sort(order.begin(), order.end());
    for (const auto &[_, key] : order) {
        RowBuilder &row = rows[key];
        ThreadTrack track;
        track.info = row.info;
        if (track.info.name.empty())
            track.info.name = "thread " + std::to_string(key.second);
        if (track.info.kind.empty())
            track.info.kind = "recorded";
        track.info.groupId = static_cast<int>(std::clamp<long long>(key.first, 1, INT_MAX) - 1);
        track.info.groupName = processNames.count(key.first)
                                   ? processNames[key.first]
                                   : "process " + std::to_string(key.first);
        std::sort(row.segments.begin(), row.segments.end());
        TimeNs cursor = origin;
        auto push = [&](TimeNs fileTime, ThreadState s) {
            const TimeNs t = fileTime - origin;
            if (!track.segmentStart.empty() && track.segmentState.back() == s)
                return;
            if (!track.segmentStart.empty() && track.segmentStart.back() == t) {
                track.segmentState.back() = s;
                return;
            }
            track.segmentStart.push_back(t);
            track.segmentState.push_back(s);
        };
        for (const auto &[start, rest] : row.segments) {
            const auto [stop, state] = rest;
            if (start < cursor)
                return Error{source + ": thread \"" + track.info.name + "\": segments overlap at " +
                             std::to_string(start) + " ns"};
            if (start > cursor || track.segmentStart.empty())
                push(cursor, start > cursor ? ThreadState::Absent : state);
            push(start, state);
            cursor = stop;
        }
        push(cursor, ThreadState::Done);
        // Stable: marks at one instant keep their order (release before signal, ...).
        std::stable_sort(row.marks.begin(), row.marks.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[t, kind] : row.marks) {
            track.markTime.push_back(t - origin);
            track.markKind.push_back(kind);
        }
        trace->threads.push_back(std::move(track));
    }
    if (trace->sequentialNs == 0) {
        // A recording has no scenario: its own running and I/O time is the sequential work.
        for (const auto &t : trace->threads)
            for (std::size_t i = 0; i < t.segmentCount(); ++i)
                if (t.segmentState[i] == ThreadState::Running ||
                    t.segmentState[i] == ThreadState::Io)
                    trace->sequentialNs = saturatingAdd(
                        trace->sequentialNs, t.segmentEnd(i, trace->endNs) - t.segmentStart[i]);
    }
    return TracePtr(std::move(trace));
}

TraceLoad loadTraceFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path.toStdString() + ": cannot read: " + file.errorString().toStdString()};
    return parseChromeTrace(file.readAll(), path.toStdString());
}

QByteArray traceToCsv(const Trace &trace) {
    QByteArray out = "thread,state,start_ns,end_ns\n";
    for (const auto &t : trace.threads) {
        const QByteArray name = quoted(t.info.name);
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            out += name + ',' + toString(t.segmentState[i]).data() + ',' +
                   QByteArray::number(static_cast<qlonglong>(t.segmentStart[i])) + ',' +
                   QByteArray::number(static_cast<qlonglong>(t.segmentEnd(i, trace.endNs))) + '\n';
        }
    }
    return out;
}

} // namespace gilscope::core
