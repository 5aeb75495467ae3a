#include "trace/tracejson.h"

#include "files/inputfile.h"
#include "files/localpath.h"
#include "import/chromejsonreader.h"
#include "perfetto/pftrace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
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

} // namespace

bool forEachWaiterSample(const Trace &trace, const std::vector<std::size_t> &rows,
                         const std::function<bool(TimeNs, int)> &sample) {
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
        if (!sample(time, waiting))
            return false;
    }
    return true;
}

namespace {

// The counter of one process, as "C" events.
bool writeWaiterCounter(ChunkWriter &out, const Trace &trace, const std::vector<std::size_t> &rows,
                        int pid, const std::function<void()> &begin) {
    return forEachWaiterSample(trace, rows, [&](TimeNs time, int waiting) {
        begin();
        out << "{\"ph\":\"C\",\"name\":\"GIL waiters\",\"pid\":";
        out.number(pid);
        out << ",\"ts\":";
        out.micros(time);
        out << ",\"args\":{\"waiting\":";
        out.number(waiting);
        out << "}}";
        return out.flushIfFull();
    });
}

} // namespace

void writeChromeJson(const Trace &trace, ByteSink &sink) {
    ChunkWriter out(sink);
    out << "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"gilscope\",\"scenario\":"
        << quoted(trace.scenarioName) << ",\"interpreter\":" << quoted(trace.interpreter)
        << ",\"executor\":" << quoted(trace.executor);
    if (!trace.python.empty()) // a recording's Python, as the .pftrace keeps it too
        out << ",\"python\":" << quoted(trace.python);
    out << ",\"cores\":";
    out.number(trace.cores);
    out << ",\"end_ns\":";
    out.number(trace.endNs);
    out << ",\"sequential_ns\":";
    out.number(trace.sequentialNs);
    if (trace.memory.known()) {
        out << ",\"peak_memory_mb\":";
        out.number(trace.memory.peakMb);
    }
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
    // Items in each queue over time: a counter per queue, one event per put or get.
    for (const QueueTrack &q : trace.queues) {
        const QByteArray name = quoted("queue " + q.name);
        std::size_t p = 0, g = 0;
        long long items = 0;
        while (p < q.putTime.size() || g < q.getTime.size()) {
            // At one instant a put comes before the get that took its item.
            const bool put =
                g >= q.getTime.size() || (p < q.putTime.size() && q.putTime[p] <= q.getTime[g]);
            const TimeNs t = put ? q.putTime[p++] : q.getTime[g++];
            items += put ? 1 : -1;
            begin();
            out << "{\"ph\":\"C\",\"cat\":\"queue\",\"name\":" << name << ",\"pid\":1,\"ts\":";
            out.micros(t);
            out << ",\"args\":{\"items\":";
            out.number(items);
            out << "}}";
            if (!out.flushIfFull())
                return;
        }
    }
    out << "\n]}\n";
    out.flush();
}

QByteArray traceToChromeJson(const Trace &trace) {
    ByteArraySink sink;
    writeChromeJson(trace, sink);
    return std::move(sink.bytes());
}

TraceLoad parseChromeTrace(const QByteArray &json, const std::string &source) {
    return parseTrace(json, source);
}

TraceFormat traceFormatForPath(const QString &path) {
    for (const char *extension : {".pftrace", ".perfetto-trace", ".pb"})
        if (path.endsWith(QLatin1String(extension), Qt::CaseInsensitive))
            return TraceFormat::Perfetto;
    return TraceFormat::ChromeJson;
}

void writeTrace(const Trace &trace, TraceFormat format, ByteSink &sink) {
    if (format == TraceFormat::Perfetto)
        writePerfettoTrace(trace, sink);
    else
        writeChromeJson(trace, sink);
}

TraceLoad parseTrace(QByteArrayView bytes, const std::string &source, const LoadControl &control) {
    const auto startsWith = [&](std::string_view magic) {
        return static_cast<std::size_t>(bytes.size()) >= magic.size() &&
               std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
    };
    if (startsWith("\x1f\x8b"))
        return Error{source + ": the file is gzip-compressed: unpack it first (gunzip)"};
    if (startsWith("\x28\xb5\x2f\xfd"))
        return Error{source + ": the file is zstd-compressed: unpack it first (unzstd)"};
    // A JSON trace may begin with a line break, which is also how a protobuf packet begins:
    // a well-formed first packet decides, and a file that fails as protobuf is tried as JSON.
    if (looksLikePerfetto(bytes)) {
        auto trace = readPerfettoTrace(bytes, source, control);
        const auto text = std::find_if(bytes.begin(), bytes.end(), [](char c) {
            return c != '\n' && c != ' ' && c != '\r' && c != '\t';
        });
        if (trace.ok() || text == bytes.end() || (*text != '{' && *text != '['))
            return trace;
    }
    return readChromeJson(bytes, source, control);
}

TraceLoad loadTraceFile(const QString &path, DashMeans dash, const LoadControl &control) {
    const auto input = mapInputFile(path, InputLimit::trace(), dash);
    if (!input.ok())
        return Error{input.error()};
    return parseTrace(input->view(),
                      path == "-" && dash == DashMeans::StandardInput ? "standard input"
                                                                      : displayPath(path),
                      control);
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
