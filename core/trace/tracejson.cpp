#include "trace/tracejson.h"

#include "files/inputfile.h"
#include "files/localpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <queue>
#include <string_view>

namespace gilscope::core {

namespace {

// Gathers a writer's small pieces into chunks of about a megabyte for the sink: memory stays
// bounded whatever the trace's size, and the sink is called once a chunk, not once an event.
class ChunkWriter {
public:
    explicit ChunkWriter(ByteSink &sink)
        : m_sink(sink) {
        m_buffer.reserve(kChunkBytes + 4096);
    }

    ChunkWriter &operator<<(const char *text) { return *this << std::string_view(text); }
    ChunkWriter &operator<<(std::string_view text) {
        m_buffer.append(text);
        return *this;
    }
    ChunkWriter &operator<<(char c) {
        m_buffer += c;
        return *this;
    }
    ChunkWriter &operator<<(const QByteArray &bytes) {
        m_buffer.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        return *this;
    }
    template <typename Integer> void number(Integer value) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_buffer.append(digits, end);
    }
    // Microseconds with three decimals: exact nanoseconds, and what Perfetto expects. Any int64,
    // INT64_MIN included: the magnitude is taken unsigned.
    void micros(TimeNs ns) {
        auto magnitude = static_cast<std::uint64_t>(ns);
        if (ns < 0) {
            m_buffer += '-';
            magnitude = 0 - magnitude;
        }
        microsMagnitude(magnitude);
    }
    // The "dur" of a slice [start, end), end > start, exact even where the difference overflows
    // int64, that ends no later than `end` for every reader that adds
    // ts + dur as doubles (JavaScript's and Python's trace readers do), so that a thread's
    // adjacent slices never overlap there. Usually that is the exact decimal; where its double
    // sum lands past end, the largest double below it that does not. Our reader rounds to whole
    // nanoseconds, so either form reads back as exactly end - start.
    void sliceDuration(TimeNs start, TimeNs end) {
        const std::uint64_t ns =
            static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start);
        const double ts = microsAsRead(start), stop = microsAsRead(end);
        const double exact = microsAsRead(ns);
        double dur = exact;
        // The sum's excess is a unit or two in the last place of `stop`, which can be thousands of
        // the duration's own: take it off, then step down until the sum rounds to `stop` or below.
        for (int step = 0; step < 16 && ts + dur > stop; ++step)
            dur = std::min(std::nextafter(dur, 0.0), dur - (ts + dur - stop));
        // Past 2^53 ns the doubles are coarser than a nanosecond: no choice is exact there.
        if (dur == exact || ts + dur > stop || ns >= kExactDoubleNs ||
            std::llround(dur * 1000.0) != static_cast<long long>(ns)) {
            microsMagnitude(ns);
            return;
        }
        char digits[40];
        const auto last =
            std::to_chars(digits, digits + sizeof digits, dur, std::chars_format::fixed).ptr;
        m_buffer.append(digits, last);
    }

    // Hands a full buffer to the sink. False once the sink failed: the writer stops there.
    bool flushIfFull() { return m_buffer.size() < kChunkBytes ? m_ok : flush(); }
    bool flush() {
        if (m_ok && !m_buffer.empty())
            m_ok = m_sink.write(QByteArrayView(m_buffer.data(), qsizetype(m_buffer.size())));
        m_buffer.clear();
        return m_ok;
    }

private:
    static constexpr std::size_t kChunkBytes = 1 << 20;
    static constexpr std::uint64_t kExactDoubleNs = std::uint64_t{1} << 53;

    // The double a reader gets from the decimal microseconds we write for `ns`. Below 2^53 the
    // division is exact to the same rounding as parsing the decimal (both round ns / 1000 once to
    // the nearest double); beyond, the text is parsed like a reader does.
    template <typename Integer> static double microsAsRead(Integer ns) {
        const bool negative = ns < 0;
        const auto magnitude =
            negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
        if (magnitude < kExactDoubleNs) {
            const double us = static_cast<double>(magnitude) / 1000.0;
            return negative ? -us : us;
        }
        char text[32];
        auto *p = std::to_chars(text, text + 24, magnitude / 1000).ptr;
        *p++ = '.';
        for (const auto digit : {magnitude % 1000 / 100, magnitude % 100 / 10, magnitude % 10})
            *p++ = static_cast<char>('0' + digit);
        double us = 0;
        std::from_chars(text, p, us);
        return negative ? -us : us;
    }

    void microsMagnitude(std::uint64_t ns) {
        number(ns / 1000);
        const auto frac = ns % 1000;
        if (frac != 0) {
            const char digits[4] = {'.', static_cast<char>('0' + frac / 100),
                                    static_cast<char>('0' + frac / 10 % 10),
                                    static_cast<char>('0' + frac % 10)};
            m_buffer.append(digits, sizeof digits);
        }
    }

    ByteSink &m_sink;
    std::string m_buffer;
    bool m_ok = true;
};

QByteArray quoted(const std::string &text) {
    // QJsonDocument escapes correctly; wrap the string in an array and strip the brackets.
    QByteArray json =
        QJsonDocument(QJsonArray{QString::fromStdString(text)}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

// One pid per process/interpreter group, so Perfetto groups rows the way GIL Scope does.
int pidOf(const ThreadInfo &info) {
    return info.groupId + 1;
}

// Where the "GIL waiters" counter changes: +1 where a waiting segment starts, -1 where it ends.
// The counted segments of one row come in time order, so each row is a sorted stream of edges.
class WaitEdges {
public:
    WaitEdges(const ThreadTrack &track, TimeNs traceEnd)
        : m_track(track)
        , m_traceEnd(traceEnd) {
        seekSegment(0);
    }
    bool atEnd() const { return m_segment >= m_track.segmentCount(); }
    TimeNs time() const {
        return m_atStart ? m_track.segmentStart[m_segment]
                         : m_track.segmentEnd(m_segment, m_traceEnd);
    }
    int delta() const { return m_atStart ? +1 : -1; }
    void next() {
        if (m_atStart)
            m_atStart = false;
        else
            seekSegment(m_segment + 1);
    }

private:
    void seekSegment(std::size_t i) {
        while (i < m_track.segmentCount() &&
               (m_track.segmentState[i] != ThreadState::WaitingForGil ||
                m_track.segmentEnd(i, m_traceEnd) <= m_track.segmentStart[i]))
            ++i;
        m_segment = i;
        m_atStart = true;
    }

    const ThreadTrack &m_track;
    TimeNs m_traceEnd;
    std::size_t m_segment = 0;
    bool m_atStart = true;
};

// The counter of one process: its rows' edges merged in time order, one sample per instant
// with the count after every change at that instant. Holds one cursor per row, never the edges.
bool writeWaiterCounter(ChunkWriter &out, const Trace &trace, const std::vector<std::size_t> &rows,
                        int pid, const std::function<void()> &begin) {
    std::vector<WaitEdges> streams;
    streams.reserve(rows.size());
    using Next = std::pair<TimeNs, std::size_t>; // (time, stream)
    std::priority_queue<Next, std::vector<Next>, std::greater<Next>> queue;
    for (const std::size_t row : rows) {
        streams.emplace_back(trace.threads[row], trace.endNs);
        if (!streams.back().atEnd())
            queue.push({streams.back().time(), streams.size() - 1});
    }
    int waiting = 0;
    while (!queue.empty()) {
        const auto [time, s] = queue.top();
        queue.pop();
        waiting += streams[s].delta();
        streams[s].next();
        if (!streams[s].atEnd())
            queue.push({streams[s].time(), s});
        if (!queue.empty() && queue.top().first == time)
            continue; // one sample per instant
        begin();
        out << "{\"ph\":\"C\",\"name\":\"GIL waiters\",\"pid\":";
        out.number(pid);
        out << ",\"ts\":";
        out.micros(time);
        out << ",\"args\":{\"waiting\":";
        out.number(waiting);
        out << "}}";
        if (!out.flushIfFull())
            return false;
    }
    return true;
}

} // namespace

void writeChromeJson(const Trace &trace, ByteSink &sink) {
    ChunkWriter out(sink);
    out << "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"gilscope\",\"scenario\":"
        << quoted(trace.scenarioName) << ",\"interpreter\":" << quoted(trace.interpreter)
        << ",\"executor\":" << quoted(trace.executor) << ",\"cores\":";
    out.number(trace.cores);
    out << ",\"end_ns\":";
    out.number(trace.endNs);
    out << ",\"sequential_ns\":";
    out.number(trace.sequentialNs);
    out << "},\"traceEvents\":[\n";
    bool first = true;
    auto begin = [&]() {
        if (!first)
            out << ",\n";
        first = false;
    };

    std::map<int, std::string> processes;
    std::map<int, std::vector<std::size_t>> gilRows; // rows that can wait for a GIL, by pid
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const ThreadInfo &info = trace.threads[row].info;
        processes.emplace(pidOf(info), info.groupName.empty() ? "process" : info.groupName);
        if (info.gilId >= 0)
            gilRows[pidOf(info)].push_back(row);
    }
    for (const auto &[pid, name] : processes) {
        begin();
        out << "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":";
        out.number(pid);
        out << ",\"args\":{\"name\":" << quoted(name) << "}}";
    }

    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const auto &t = trace.threads[row];
        std::string ids = "\"pid\":" + std::to_string(pidOf(t.info)) +
                          ",\"tid\":" + std::to_string(static_cast<unsigned long long>(row + 1));
        begin();
        out << "{\"ph\":\"M\",\"name\":\"thread_name\"," << ids
            << ",\"args\":{\"name\":" << quoted(t.info.name) << ",\"kind\":" << quoted(t.info.kind)
            << ",\"gil\":";
        out.number(t.info.gilId);
        out << "}}";
        begin();
        out << "{\"ph\":\"M\",\"name\":\"thread_sort_index\"," << ids
            << ",\"args\":{\"sort_index\":";
        out.number(static_cast<unsigned long long>(row));
        out << "}}";
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            const ThreadState state = t.segmentState[i];
            const TimeNs start = t.segmentStart[i];
            const TimeNs end = t.segmentEnd(i, trace.endNs);
            if (state == ThreadState::Done || state == ThreadState::Absent || end <= start)
                continue;
            begin();
            out << "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"" << toString(state) << "\"," << ids
                << ",\"ts\":";
            out.micros(start);
            out << ",\"dur\":";
            out.sliceDuration(start, end);
            out << '}';
            if (!out.flushIfFull())
                return;
        }
        for (std::size_t i = 0; i < t.markCount(); ++i) {
            begin();
            out << "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"lock\",\"name\":\""
                << toString(t.markKind[i]) << "\"," << ids << ",\"ts\":";
            out.micros(t.markTime[i]);
            out << '}';
            if (!out.flushIfFull())
                return;
        }
    }
    // Threads waiting for each GIL over time, as a counter per process.
    for (const auto &[pid, rows] : gilRows)
        if (!writeWaiterCounter(out, trace, rows, pid, begin))
            return;
    out << "\n]}\n";
    out.flush();
}

QByteArray traceToChromeJson(const Trace &trace) {
    ByteArraySink sink;
    writeChromeJson(trace, sink);
    return std::move(sink.bytes());
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

TraceLoad loadTraceFile(const QString &path, DashMeans dash) {
    const auto json = readInputFile(path, InputLimit::trace(), dash);
    if (!json.ok())
        return Error{json.error()};
    return parseChromeTrace(*json, path == "-" && dash == DashMeans::StandardInput
                                       ? "standard input"
                                       : displayPath(path));
}

namespace {
// An RFC 4180 field, always quoted (names are free text): quotes doubled, commas and line breaks
// kept as they are inside the quotes.
std::string csvField(const std::string &text) {
    std::string field = "\"";
    for (const char c : text) {
        if (c == '"')
            field += '"';
        field += c;
    }
    return field + '"';
}
} // namespace

void writeCsv(const Trace &trace, ByteSink &sink) {
    ChunkWriter out(sink);
    out << "thread,state,start_ns,end_ns\n";
    for (const auto &t : trace.threads) {
        const std::string name = csvField(t.info.name);
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            out << name << ',' << toString(t.segmentState[i]) << ',';
            out.number(t.segmentStart[i]);
            out << ',';
            out.number(t.segmentEnd(i, trace.endNs));
            out << '\n';
            if (!out.flushIfFull())
                return;
        }
    }
    out.flush();
}

QByteArray traceToCsv(const Trace &trace) {
    ByteArraySink sink;
    writeCsv(trace, sink);
    return std::move(sink.bytes());
}

} // namespace gilscope::core
