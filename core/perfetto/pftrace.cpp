#include "perfetto/pftrace.h"

#include "import/traceassembler.h"
#include "perfetto/protowire.h"
#include "trace/tracejson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace gilscope::core {

namespace {

// Field numbers from Perfetto's protos/perfetto/trace/perfetto_trace.proto.
namespace f {
constexpr std::uint32_t TracePacket = 1; // in Trace
// TracePacket
constexpr std::uint32_t Timestamp = 8, SequenceId = 10, TrackEvent = 11, InternedData = 12,
                        SequenceFlags = 13, IncrementalStateCleared = 41, Defaults = 59,
                        TimestampClockId = 58, TrackDescriptor = 60, ClockSnapshot = 6;
// TracePacketDefaults
constexpr std::uint32_t DefaultClockId = 58, TrackEventDefaults = 11, DefaultTrackUuid = 11;
// ClockSnapshot / Clock
constexpr std::uint32_t Clocks = 1, ClockId = 1, ClockTimestamp = 2, IsIncremental = 3;
// InternedData / EventName
constexpr std::uint32_t EventNames = 2, Iid = 1, Name = 2;
// TrackDescriptor
constexpr std::uint32_t Uuid = 1, TrackName = 2, Process = 3, Thread = 4, ParentUuid = 5,
                        Counter = 8, Description = 14;
// ProcessDescriptor / ThreadDescriptor / CounterDescriptor
constexpr std::uint32_t Pid = 1, ProcessName = 6, Tid = 2, ThreadName = 5, CounterUnit = 3;
// TrackEvent
constexpr std::uint32_t EventType = 9, NameIid = 10, EventTrackUuid = 11, EventName = 23,
                        CounterValue = 30;
} // namespace f

constexpr std::uint64_t kSeqIncrementalStateCleared = 1;
constexpr std::uint32_t kBoottime = 6, kIncrementalClock = 64; // 64..127: per sequence
constexpr std::uint64_t kSliceBegin = 1, kSliceEnd = 2, kInstant = 3, kCounter = 4;
constexpr std::uint64_t kUnitCount = 2;
// Track uuids: rows are 1..N; processes, counters and the run track far above.
constexpr std::uint64_t kRunTrack = 1ull << 40, kProcessTrack = 2ull << 40,
                        kCounterTrack = 3ull << 40;
constexpr const char *kRunTrackName = "GIL Scope run";
// Interned names: states 1..7, marks 8..18.
constexpr std::uint64_t stateIid(ThreadState s) {
    return static_cast<std::uint64_t>(s) + 1;
}
constexpr std::uint64_t markIid(MarkKind k) {
    return kThreadStateCount + static_cast<std::uint64_t>(k) + 1;
}

int pidOf(const ThreadInfo &info) {
    return info.groupId + 1;
}

// Packets go to the sink a megabyte at a time.
class PacketWriter {
public:
    explicit PacketWriter(ByteSink &sink)
        : m_sink(sink) {}
    bool packet(const proto::Message &packet) {
        m_out.message(f::TracePacket, packet);
        if (m_out.data().size() >= (1u << 20))
            return flush();
        return m_ok;
    }
    bool flush() {
        if (m_ok && !m_out.data().empty())
            m_ok =
                m_sink.write(QByteArrayView(m_out.data().data(), qsizetype(m_out.data().size())));
        m_out.clear();
        return m_ok;
    }

private:
    ByteSink &m_sink;
    proto::Message m_out;
    bool m_ok = true;
};

proto::Message trackDescriptorPacket(const proto::Message &descriptor) {
    proto::Message packet;
    packet.message(f::TrackDescriptor, descriptor);
    return packet;
}

// The first packet of a sequence: clears its state, sets its default track and the incremental
// clock (starting at 0 like BOOTTIME), and interns the names it will use.
proto::Message sequenceStart(std::uint32_t sequence, std::uint64_t track,
                             const std::vector<std::pair<std::uint64_t, std::string_view>> &names) {
    proto::Message packet, defaults, eventDefaults, clocks, boottime, incremental, interned;
    packet.varint(f::SequenceId, sequence);
    packet.varint(f::SequenceFlags, kSeqIncrementalStateCleared);
    eventDefaults.varint(f::DefaultTrackUuid, track);
    defaults.varint(f::DefaultClockId, kIncrementalClock);
    defaults.message(f::TrackEventDefaults, eventDefaults);
    packet.message(f::Defaults, defaults);
    for (const auto &[iid, name] : names) {
        proto::Message entry;
        entry.varint(f::Iid, iid);
        entry.bytes(f::Name, name);
        interned.message(f::EventNames, entry);
    }
    if (!names.empty())
        packet.message(f::InternedData, interned);
    boottime.varint(f::ClockId, kBoottime);
    boottime.varint(f::ClockTimestamp, 0);
    incremental.varint(f::ClockId, kIncrementalClock);
    incremental.varint(f::ClockTimestamp, 0);
    incremental.boolean(f::IsIncremental, true);
    clocks.message(f::Clocks, boottime);
    clocks.message(f::Clocks, incremental);
    packet.message(f::ClockSnapshot, clocks);
    return packet;
}

// A track event on a sequence: the time since the sequence's previous packet, the type and
// either an interned name or a counter value.
class SequenceWriter {
public:
    SequenceWriter(PacketWriter &out, std::uint32_t sequence, TimeNs origin)
        : m_out(out)
        , m_sequence(sequence)
        , m_last(origin) {}
    bool event(TimeNs t, std::uint64_t type, std::optional<std::uint64_t> nameIid,
               std::optional<std::int64_t> counter = std::nullopt) {
        m_packet.clear();
        m_event.clear();
        m_packet.varint(f::Timestamp, static_cast<std::uint64_t>(t - m_last));
        m_last = t;
        m_packet.varint(f::SequenceId, m_sequence);
        m_event.varint(f::EventType, type);
        if (nameIid)
            m_event.varint(f::NameIid, *nameIid);
        if (counter)
            m_event.varint(f::CounterValue, static_cast<std::uint64_t>(*counter));
        m_packet.message(f::TrackEvent, m_event);
        return m_out.packet(m_packet);
    }

private:
    PacketWriter &m_out;
    std::uint32_t m_sequence;
    TimeNs m_last;
    proto::Message m_packet, m_event;
};

std::string runDescription(const Trace &trace, TimeNs origin) {
    QJsonObject run{{"generator", "gilscope"},
                    {"scenario", QString::fromStdString(trace.scenarioName)},
                    {"interpreter", QString::fromStdString(trace.interpreter)},
                    {"executor", QString::fromStdString(trace.executor)},
                    {"cores", trace.cores},
                    // ns as text: a double would round times past 2^53
                    {"end_ns", QString::number(trace.endNs)},
                    {"sequential_ns", QString::number(trace.sequentialNs)},
                    {"origin_ns", QString::number(origin)},
                    {"python", QString::fromStdString(trace.python)},
                    {"switch_interval_ms", trace.switchIntervalMs},
                    {"check_interval", trace.checkInterval}};
    if (trace.memory.known())
        run["peak_memory_mb"] = trace.memory.peakMb;
    return QJsonDocument(run).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

void writePerfettoTrace(const Trace &trace, ByteSink &sink) {
    PacketWriter out(sink);
    // Protobuf times are unsigned: everything is written from the earliest time (0 for traces
    // GIL Scope makes), which the run track's description gives back.
    TimeNs origin = 0;
    for (const auto &t : trace.threads) {
        if (!t.segmentStart.empty())
            origin = std::min(origin, t.segmentStart.front());
        if (!t.markTime.empty())
            origin = std::min(origin, t.markTime.front());
    }

    proto::Message run;
    run.varint(f::Uuid, kRunTrack);
    run.bytes(f::TrackName, kRunTrackName);
    run.bytes(f::Description, runDescription(trace, origin));
    out.packet(trackDescriptorPacket(run));

    std::map<int, std::string> processes;
    std::map<int, std::vector<std::size_t>> gilRows;
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const ThreadInfo &info = trace.threads[row].info;
        processes.emplace(pidOf(info), info.groupName.empty() ? "process" : info.groupName);
        if (info.gilId >= 0)
            gilRows[pidOf(info)].push_back(row);
    }
    for (const auto &[pid, name] : processes) {
        proto::Message process, descriptor;
        process.varint(f::Pid, static_cast<std::uint64_t>(pid));
        process.bytes(f::ProcessName, name);
        descriptor.varint(f::Uuid, kProcessTrack + static_cast<std::uint64_t>(pid));
        descriptor.message(f::Process, process);
        out.packet(trackDescriptorPacket(descriptor));
    }
    for (const auto &[pid, rows] : gilRows) {
        proto::Message counter, descriptor;
        counter.varint(f::CounterUnit, kUnitCount);
        descriptor.varint(f::Uuid, kCounterTrack + static_cast<std::uint64_t>(pid));
        descriptor.varint(f::ParentUuid, kProcessTrack + static_cast<std::uint64_t>(pid));
        descriptor.bytes(f::TrackName, "GIL waiters");
        descriptor.message(f::Counter, counter);
        out.packet(trackDescriptorPacket(descriptor));
    }
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const ThreadInfo &info = trace.threads[row].info;
        proto::Message thread, descriptor;
        thread.varint(f::Pid, static_cast<std::uint64_t>(pidOf(info)));
        thread.varint(f::Tid, row + 1);
        thread.bytes(f::ThreadName, info.name);
        descriptor.varint(f::Uuid, row + 1);
        descriptor.varint(f::ParentUuid, kProcessTrack + static_cast<std::uint64_t>(pidOf(info)));
        descriptor.message(f::Thread, thread);
        descriptor.bytes(f::Description,
                         QJsonDocument(QJsonObject{{"kind", QString::fromStdString(info.kind)},
                                                   {"gil", info.gilId}})
                             .toJson(QJsonDocument::Compact)
                             .toStdString());
        out.packet(trackDescriptorPacket(descriptor));
    }

    // Each row on its own sequence, segments and marks merged in time order.
    for (std::size_t row = 0; row < trace.threads.size(); ++row) {
        const ThreadTrack &t = trace.threads[row];
        std::set<std::uint64_t> used;
        for (const ThreadState s : t.segmentState)
            used.insert(stateIid(s));
        for (const MarkKind k : t.markKind)
            used.insert(markIid(k));
        std::vector<std::pair<std::uint64_t, std::string_view>> names;
        for (const std::uint64_t iid : used)
            names.push_back(
                {iid, iid <= kThreadStateCount
                          ? toString(static_cast<ThreadState>(iid - 1))
                          : toString(static_cast<MarkKind>(iid - 1 - kThreadStateCount))});
        const auto sequence = static_cast<std::uint32_t>(row + 1);
        if (!out.packet(sequenceStart(sequence, row + 1, names)))
            return;
        SequenceWriter events(out, sequence, origin);
        std::size_t mark = 0;
        auto marksUntil = [&](TimeNs until, bool inclusive) {
            for (; mark < t.markCount() &&
                   (t.markTime[mark] < until || (inclusive && t.markTime[mark] == until));
                 ++mark)
                if (!events.event(t.markTime[mark], kInstant, markIid(t.markKind[mark])))
                    return false;
            return true;
        };
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            const ThreadState state = t.segmentState[i];
            const TimeNs start = t.segmentStart[i];
            const TimeNs end = t.segmentEnd(i, trace.endNs);
            if (state == ThreadState::Done || state == ThreadState::Absent || end <= start)
                continue;
            if (!marksUntil(start, false) || !events.event(start, kSliceBegin, stateIid(state)) ||
                !marksUntil(end, false) || !events.event(end, kSliceEnd, std::nullopt))
                return;
        }
        if (!marksUntil(kTraceTimeLimitNs, true))
            return;
    }
    // The waiters counter of each process with a GIL, on a sequence of its own.
    auto sequence = static_cast<std::uint32_t>(trace.threads.size() + 1);
    for (const auto &[pid, rows] : gilRows) {
        if (!out.packet(
                sequenceStart(sequence, kCounterTrack + static_cast<std::uint64_t>(pid), {})))
            return;
        SequenceWriter events(out, sequence++, origin);
        if (!forEachWaiterSample(trace, rows, [&](TimeNs t, int waiting) {
                return events.event(t, kCounter, std::nullopt, waiting);
            }))
            return;
    }
    out.flush();
}

bool looksLikePerfetto(QByteArrayView bytes) {
    proto::Reader reader(std::string_view(bytes.data(), static_cast<std::size_t>(bytes.size())));
    proto::Field packet;
    if (!reader.next(packet) || packet.number != f::TracePacket || packet.type != proto::Length)
        return false;
    proto::Reader inner(packet.bytes);
    proto::Field field;
    while (inner.next(field)) {
    }
    return inner.ok();
}

namespace {

// Reads the packets in file order, keeping each sequence's state (interned names, default
// track, incremental clock) as Perfetto's trace processor does.
class PerfettoReader {
public:
    PerfettoReader(QByteArrayView bytes, const std::string &source, const LoadControl &control)
        : m_bytes(bytes.data(), static_cast<std::size_t>(bytes.size()))
        , m_source(source)
        , m_control(control)
        , m_assembler(source) {}

    Result<TracePtr> read() {
        proto::Reader trace(m_bytes);
        proto::Field field;
        std::size_t count = 0;
        while (trace.next(field)) {
            if (field.number != f::TracePacket || field.type != proto::Length) {
                m_assembler.skip("fields outside packets");
                continue;
            }
            if (!packet(field.bytes))
                return Error{m_source + ": packet " + std::to_string(count) + ": " + m_error};
            if ((++count & 0xFFFF) == 0) {
                if (m_control.cancelled())
                    return Error{"cancelled"};
                m_control.progress(m_bytes.size() - trace.remaining(), m_bytes.size());
            }
        }
        if (!trace.ok())
            return Error{m_source + ": packet " + std::to_string(count) +
                         ": not a valid protobuf message" +
                         (trace.remaining() < 16 ? " (the file looks truncated)" : "")};
        for (auto &[track, open] : m_open)
            for (const auto &[start, state] : open)
                m_assembler.slice(keyOf(track), start, std::max(start, m_assembler.latest()),
                                  state);
        if (m_run)
            m_assembler.run(*m_run);
        return m_assembler.finish();
    }

private:
    struct Sequence {
        std::unordered_map<std::uint64_t, std::string> names;
        std::uint64_t defaultTrack = 0;
        std::uint32_t defaultClock = 0;
        bool incremental = false; // clock 64 declared incremental on this sequence
        std::int64_t clockNow = 0;
    };
    struct Track {
        long long pid = 0, tid = 0;
        bool thread = false, counter = false, run = false;
        std::string name;
    };

    bool fail(std::string what) {
        m_error = std::move(what);
        return false;
    }

    TraceAssembler::Key keyOf(std::uint64_t uuid) {
        const auto found = m_tracks.find(uuid);
        if (found != m_tracks.end() && found->second.thread)
            return {found->second.pid, found->second.tid};
        // A track that is not a thread's (async, custom): a row of its own after the threads.
        auto [row, added] =
            m_otherRows.try_emplace(uuid, -static_cast<long long>(m_otherRows.size()) - 1);
        const long long pid = found != m_tracks.end() ? found->second.pid : 0;
        const TraceAssembler::Key key{pid, row->second};
        if (added) {
            m_assembler.threadName(key,
                                   found != m_tracks.end() && !found->second.name.empty()
                                       ? found->second.name
                                       : "track " + std::to_string(uuid),
                                   std::string(kAsyncRowKind), std::nullopt);
            m_assembler.sortIndex(key, (1LL << 40) + static_cast<long long>(m_otherRows.size()));
        }
        return key;
    }

    bool packet(std::string_view bytes) {
        proto::Reader reader(bytes);
        proto::Field field;
        std::optional<std::uint64_t> timestamp;
        std::uint32_t sequenceId = 0, clockId = 0;
        std::string_view event, descriptor, defaults, interned, clocks;
        bool cleared = false, other = false;
        while (reader.next(field)) {
            switch (field.number) {
            case f::Timestamp:
                timestamp = field.value;
                break;
            case f::TimestampClockId:
                clockId = static_cast<std::uint32_t>(field.value);
                break;
            case f::SequenceId:
                sequenceId = static_cast<std::uint32_t>(field.value);
                break;
            case f::SequenceFlags:
                cleared = cleared || (field.value & kSeqIncrementalStateCleared);
                break;
            case f::IncrementalStateCleared:
                cleared = cleared || field.value;
                break;
            case f::TrackEvent:
                event = field.bytes;
                break;
            case f::TrackDescriptor:
                descriptor = field.bytes;
                break;
            case f::Defaults:
                defaults = field.bytes;
                break;
            case f::InternedData:
                interned = field.bytes;
                break;
            case f::ClockSnapshot:
                clocks = field.bytes;
                break;
            default: // the other payloads of the packet's oneof: ftrace, process trees, ...
                other = other || field.type == proto::Length;
                break;
            }
        }
        if (!reader.ok())
            return fail("not a valid TracePacket");
        Sequence &seq = m_sequences[sequenceId];
        if (cleared)
            seq = Sequence{};
        if (!defaults.empty())
            readDefaults(defaults, seq);
        if (!interned.empty())
            readInterned(interned, seq);
        if (!clocks.empty())
            readClocks(clocks, seq);
        if (!descriptor.empty())
            return readDescriptor(descriptor);
        if (event.empty()) {
            if (other)
                m_assembler.skip("packets of other kinds (ftrace, process stats, ...)");
            return true;
        }
        // The event's time: on the sequence's incremental clock, or absolute nanoseconds.
        const std::uint32_t clock = clockId ? clockId : seq.defaultClock;
        std::int64_t t = m_lastTime;
        if (timestamp) {
            if (clock == kIncrementalClock && seq.incremental) {
                seq.clockNow += static_cast<std::int64_t>(*timestamp);
                t = seq.clockNow;
            } else {
                t = static_cast<std::int64_t>(*timestamp);
            }
        }
        if (t < 0 || t >= kTraceTimeLimitNs)
            return fail("time " + std::to_string(static_cast<std::uint64_t>(t)) +
                        " ns is outside 0 to 2^62 ns");
        m_lastTime = t;
        return readEvent(event, seq, t);
    }

    void readDefaults(std::string_view bytes, Sequence &seq) {
        proto::Reader reader(bytes);
        proto::Field field;
        while (reader.next(field)) {
            if (field.number == f::DefaultClockId)
                seq.defaultClock = static_cast<std::uint32_t>(field.value);
            else if (field.number == f::TrackEventDefaults && field.type == proto::Length) {
                proto::Reader inner(field.bytes);
                proto::Field d;
                while (inner.next(d))
                    if (d.number == f::DefaultTrackUuid)
                        seq.defaultTrack = d.value;
            }
        }
    }

    void readInterned(std::string_view bytes, Sequence &seq) {
        proto::Reader reader(bytes);
        proto::Field field;
        while (reader.next(field)) {
            if (field.number != f::EventNames || field.type != proto::Length)
                continue;
            proto::Reader entry(field.bytes);
            proto::Field e;
            std::uint64_t iid = 0;
            std::string name;
            while (entry.next(e)) {
                if (e.number == f::Iid)
                    iid = e.value;
                else if (e.number == f::Name)
                    name = std::string(e.bytes);
            }
            seq.names[iid] = std::move(name);
        }
    }

    void readClocks(std::string_view bytes, Sequence &seq) {
        proto::Reader reader(bytes);
        proto::Field field;
        while (reader.next(field)) {
            if (field.number != f::Clocks || field.type != proto::Length)
                continue;
            proto::Reader clock(field.bytes);
            proto::Field c;
            std::uint64_t id = 0, value = 0;
            bool incremental = false;
            while (clock.next(c)) {
                if (c.number == f::ClockId)
                    id = c.value;
                else if (c.number == f::ClockTimestamp)
                    value = c.value;
                else if (c.number == f::IsIncremental)
                    incremental = c.value != 0;
            }
            if (id == kIncrementalClock && incremental) {
                seq.incremental = true;
                seq.clockNow = static_cast<std::int64_t>(value);
            }
        }
    }

    bool readDescriptor(std::string_view bytes) {
        proto::Reader reader(bytes);
        proto::Field field;
        std::uint64_t uuid = 0, parent = 0;
        Track track;
        std::string description;
        bool process = false;
        std::string processName;
        while (reader.next(field)) {
            switch (field.number) {
            case f::Uuid:
                uuid = field.value;
                break;
            case f::ParentUuid:
                parent = field.value;
                break;
            case f::TrackName:
                track.name = std::string(field.bytes);
                break;
            case f::Description:
                description = std::string(field.bytes);
                break;
            case f::Counter:
                track.counter = true;
                break;
            case f::Process:
            case f::Thread: {
                proto::Reader inner(field.bytes);
                proto::Field d;
                const bool thread = field.number == f::Thread;
                process = process || !thread;
                track.thread = track.thread || thread;
                while (inner.next(d)) {
                    if (d.number == f::Pid)
                        track.pid = static_cast<std::int32_t>(d.value);
                    else if (thread && d.number == f::Tid)
                        track.tid = static_cast<std::int64_t>(d.value);
                    else if (thread && d.number == f::ThreadName)
                        track.name = std::string(d.bytes);
                    else if (!thread && d.number == f::ProcessName)
                        processName = std::string(d.bytes);
                }
                break;
            }
            default:
                break;
            }
        }
        if (!reader.ok())
            return fail("not a valid TrackDescriptor");
        if (!track.thread && !process && parent) {
            const auto up = m_tracks.find(parent);
            if (up != m_tracks.end())
                track.pid = up->second.pid;
        }
        if (process)
            m_assembler.processName(track.pid, processName);
        if (track.thread) {
            // GIL Scope's thread tracks say their kind and GIL in the description.
            const QJsonObject info =
                QJsonDocument::fromJson(QByteArray::fromStdString(description)).object();
            m_assembler.threadName(
                {track.pid, track.tid}, track.name, info.value("kind").toString().toStdString(),
                info.contains("gil") ? std::optional<int>(info.value("gil").toInt(-1))
                                     : std::nullopt);
        }
        if (track.name == kRunTrackName && !description.empty())
            readRun(description);
        m_tracks[uuid] = track;
        return true;
    }

    void readRun(const std::string &description) {
        const QJsonObject o =
            QJsonDocument::fromJson(QByteArray::fromStdString(description)).object();
        if (o.value("generator").toString() != "gilscope")
            return;
        RunInfo run;
        run.fromGilScope = true;
        run.scenario = o.value("scenario").toString().toStdString();
        run.interpreter = o.value("interpreter").toString().toStdString();
        run.executor = o.value("executor").toString().toStdString();
        run.python = o.value("python").toString().toStdString();
        run.cores = o.value("cores").toInt(1);
        auto ns = [&](const char *key) {
            const TimeNs v = o.value(key).toString().toLongLong();
            return std::clamp<TimeNs>(v, -kTraceTimeLimitNs + 1, kTraceTimeLimitNs - 1);
        };
        m_origin = ns("origin_ns");
        run.endNs = std::max<TimeNs>(0, ns("end_ns"));
        run.sequentialNs = std::max<TimeNs>(0, ns("sequential_ns"));
        run.switchIntervalMs = o.value("switch_interval_ms").toDouble();
        run.checkInterval = o.value("check_interval").toInt();
        if (o.value("peak_memory_mb").isDouble())
            run.peakMemoryMb = std::clamp(o.value("peak_memory_mb").toDouble(), 0.0, 1e12);
        m_run = run;
    }

    bool readEvent(std::string_view bytes, const Sequence &seq, std::int64_t fileTime) {
        proto::Reader reader(bytes);
        proto::Field field;
        std::uint64_t type = 0, track = seq.defaultTrack;
        std::optional<std::uint64_t> nameIid;
        std::string_view name;
        while (reader.next(field)) {
            if (field.number == f::EventType)
                type = field.value;
            else if (field.number == f::EventTrackUuid)
                track = field.value;
            else if (field.number == f::NameIid)
                nameIid = field.value;
            else if (field.number == f::EventName && field.type == proto::Length)
                name = field.bytes;
        }
        if (!reader.ok())
            return fail("not a valid TrackEvent");
        if (nameIid) {
            const auto found = seq.names.find(*nameIid);
            if (found != seq.names.end())
                name = found->second;
        }
        // Our own times come back from where they were written from.
        const TimeNs t = fileTime + m_origin;
        switch (type) {
        case kSliceBegin: {
            ThreadState state = ThreadState::Running;
            parseThreadState(name, state);
            m_open[track].push_back({t, state});
            return true;
        }
        case kSliceEnd: {
            auto &open = m_open[track];
            if (open.empty()) {
                m_assembler.skip("slice ends without a begin");
                return true;
            }
            m_assembler.slice(keyOf(track), open.back().first, std::max(t, open.back().first),
                              open.back().second);
            open.pop_back();
            return true;
        }
        case kInstant: {
            MarkKind kind{};
            if (parseMarkKind(name, kind))
                m_assembler.mark(keyOf(track), t, kind);
            else
                m_assembler.skip("instant events");
            return true;
        }
        case kCounter: {
            const auto found = m_tracks.find(track);
            if (found == m_tracks.end() || found->second.name != "GIL waiters")
                m_assembler.skip("counter samples");
            return true;
        }
        default:
            m_assembler.skip("track events of other types");
            return true;
        }
    }

    std::string_view m_bytes;
    std::string m_source;
    const LoadControl &m_control;
    TraceAssembler m_assembler;
    std::string m_error;
    std::unordered_map<std::uint32_t, Sequence> m_sequences;
    std::unordered_map<std::uint64_t, Track> m_tracks;
    std::map<std::uint64_t, long long> m_otherRows; // track uuid -> its row's tid
    std::unordered_map<std::uint64_t, std::vector<std::pair<TimeNs, ThreadState>>> m_open;
    std::optional<RunInfo> m_run;
    TimeNs m_origin = 0;
    std::int64_t m_lastTime = 0;
};

} // namespace

Result<TracePtr> readPerfettoTrace(QByteArrayView bytes, const std::string &source,
                                   const LoadControl &control) {
    PerfettoReader reader(bytes, source, control);
    return reader.read();
}

} // namespace gilscope::core
