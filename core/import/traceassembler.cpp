#include "import/traceassembler.h"

#include <QByteArray>

#include <algorithm>
#include <climits>
#include <string_view>

namespace gilscope::core {

std::string microsText(double us) {
    return QByteArray::number(us, 'g', 6).toStdString() + " \u00b5s";
}

void TraceAssembler::threadName(Key key, std::string name, std::string kind,
                                std::optional<int> gil) {
    Row &r = row(key);
    r.named = true;
    r.info.name = std::move(name);
    r.info.kind = std::move(kind);
    r.gil = gil;
    m_gilSeen = m_gilSeen || gil.has_value();
}

void TraceAssembler::slice(Key key, TimeNs start, TimeNs end, ThreadState state) {
    row(key).slices.push_back({start, end, m_order++, state});
    m_gilSeen = m_gilSeen || state == ThreadState::WaitingForGil;
    note(start);
    note(end);
}

void TraceAssembler::mark(Key key, TimeNs t, MarkKind kind) {
    row(key).marks.push_back({t, kind});
    m_gilSeen = m_gilSeen || (kind != MarkKind::IoBegin && kind != MarkKind::IoEnd);
    note(t);
}

Result<void> TraceAssembler::queueItems(const std::string &queue, TimeNs t, long long items) {
    auto [at, added] = m_queueItems.try_emplace(queue, m_queues.size(), 0);
    if (added)
        m_queues.push_back(QueueTrack{queue, {}, {}});
    auto &[index, count] = at->second;
    QueueTrack &track = m_queues[index];
    if (items == count + 1)
        track.putTime.push_back(t);
    else if (items == count - 1 && items >= 0)
        track.getTime.push_back(t);
    else
        return Error{"queue \"" + queue + "\" goes from " + std::to_string(count) + " to " +
                     std::to_string(items) + " items: a queue counter moves by one item an event"};
    count = items;
    note(t);
    return {};
}

// One row's slices as contiguous segments: at each moment the innermost open slice (the one begun
// last), Absent where none is open, Done after the last.
void TraceAssembler::flatten(Row &r, TimeNs origin, ThreadTrack &track) const {
    auto push = [&](TimeNs fileTime, ThreadState s) {
        const TimeNs t = fileTime - origin;
        if (!track.segmentStart.empty() && track.segmentState.back() == s)
            return;
        if (!track.segmentStart.empty() && track.segmentStart.back() == t) {
            // Zero length: replaced, merging with the one before when that has the same state.
            if (track.segmentStart.size() >= 2 &&
                track.segmentState[track.segmentState.size() - 2] == s) {
                track.segmentStart.pop_back();
                track.segmentState.pop_back();
            } else {
                track.segmentState.back() = s;
            }
            return;
        }
        track.segmentStart.push_back(t);
        track.segmentState.push_back(s);
    };
    // Outer before inner: earlier start first, then the longer, then the one that came first.
    const auto outerFirst = [](const Slice &a, const Slice &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.end != b.end)
            return a.end > b.end;
        return a.order < b.order;
    };
    if (!std::is_sorted(r.slices.begin(), r.slices.end(), outerFirst)) // files are mostly sorted
        std::sort(r.slices.begin(), r.slices.end(), outerFirst);
    std::vector<const Slice *> open;
    TimeNs cursor = origin;
    // Closes the slices that end by `t`, in time order, showing what each uncovers.
    auto closeUntil = [&](TimeNs t) {
        while (!open.empty() && open.back()->end <= t) {
            const TimeNs e = open.back()->end;
            open.pop_back();
            // Slices that overlapped the closed one without nesting may have ended under it.
            while (!open.empty() && open.back()->end <= e)
                open.pop_back();
            push(e, open.empty() ? ThreadState::Absent : open.back()->state);
            cursor = e;
        }
    };
    push(origin, ThreadState::Absent);
    for (const Slice &s : r.slices) {
        closeUntil(s.start);
        push(s.start, s.state);
        cursor = std::max(cursor, s.start);
        open.push_back(&s);
    }
    closeUntil(kTraceTimeLimitNs);
    push(cursor, ThreadState::Done);
}

Result<TracePtr> TraceAssembler::finish() {
    if (m_rows.empty())
        return Error{m_source + ": the file holds no thread events"};
    auto trace = std::make_shared<Trace>();
    trace->scenarioName = m_run.scenario.empty() ? "recorded trace" : m_run.scenario;
    trace->interpreter = m_run.interpreter.empty() ? "recorded" : m_run.interpreter;
    trace->executor = m_run.executor.empty() ? "threading" : m_run.executor;
    trace->cores = std::max(1, m_run.cores);
    // GIL Scope's own times stay where they are (rows start at 0, earlier times move to 0);
    // another tool's clock starts anywhere (boot, the epoch), so its first event becomes 0.
    const TimeNs earliest = m_any ? m_earliest : 0;
    const TimeNs origin = m_run.fromGilScope ? std::min<TimeNs>(0, earliest) : earliest;
    const TimeNs end = std::max(m_any ? m_latest : 0, m_run.endNs);
    if (end - origin >= kTraceTimeLimitNs)
        return Error{m_source + ": the events span " +
                     microsText(static_cast<double>(origin) / 1000) + " to " +
                     microsText(static_cast<double>(end) / 1000) + ", more than 2^62 ns"};
    trace->endNs = end - origin;
    trace->sequentialNs = m_run.sequentialNs;
    trace->python = m_run.python;
    trace->switchIntervalMs = m_run.switchIntervalMs;
    trace->memory.peakMb = m_run.peakMemoryMb;
    trace->checkInterval = m_run.checkInterval;

    std::vector<std::pair<long long, Key>> order;
    for (const auto &[key, r] : m_rows) {
        const auto sorted = m_sortIndex.find(key);
        order.push_back({sorted != m_sortIndex.end() ? sorted->second : key.second, key});
    }
    std::sort(order.begin(), order.end());
    for (const auto &[_, key] : order) {
        Row &r = m_rows[key];
        ThreadTrack track;
        track.info = r.info;
        if (track.info.name.empty())
            track.info.name = "thread " + std::to_string(key.second);
        if (track.info.kind.empty())
            track.info.kind = "recorded";
        // A thread of a file with GIL metadata shares its process's GIL unless it says otherwise.
        track.info.gilId = r.gil ? *r.gil : (m_gilSeen && r.named ? 0 : -1);
        track.info.groupId = static_cast<int>(std::clamp<long long>(key.first, 1, INT_MAX) - 1);
        const auto process = m_processNames.find(key.first);
        track.info.groupName = process != m_processNames.end()
                                   ? process->second
                                   : "process " + std::to_string(key.first);
        flatten(r, origin, track);
        // Stable: marks at one instant keep their order (release before signal, ...).
        const auto earlier = [](const auto &a, const auto &b) { return a.first < b.first; };
        if (!std::is_sorted(r.marks.begin(), r.marks.end(), earlier))
            std::stable_sort(r.marks.begin(), r.marks.end(), earlier);
        track.markTime.reserve(r.marks.size());
        track.markKind.reserve(r.marks.size());
        for (const auto &[t, kind] : r.marks) {
            track.markTime.push_back(t - origin);
            track.markKind.push_back(kind);
        }
        // Release the row's input as soon as it is columnar: big files peak lower.
        r = Row{};
        trace->threads.push_back(std::move(track));
    }
    for (QueueTrack &queue : m_queues) {
        for (TimeNs &t : queue.putTime)
            t -= origin;
        for (TimeNs &t : queue.getTime)
            t -= origin;
        trace->queues.push_back(std::move(queue));
    }
    m_queues.clear();
    if (trace->sequentialNs == 0) {
        // A recording has no scenario: its own running, C-code and I/O time is the sequential
        // work.
        for (const auto &t : trace->threads)
            for (std::size_t i = 0; isThreadRow(t.info) && i < t.segmentCount(); ++i)
                if (t.segmentState[i] == ThreadState::Running ||
                    t.segmentState[i] == ThreadState::Native ||
                    t.segmentState[i] == ThreadState::Io)
                    trace->sequentialNs = saturatingAdd(
                        trace->sequentialNs, t.segmentEnd(i, trace->endNs) - t.segmentStart[i]);
    }
    std::string note;
    for (const auto &[what, count] : m_skipped) {
        std::string noun = what; // plural; one of them is singular
        if (count == 1)
            for (const char *plural : {"events", "samples", "ends", "packets", "fields"}) {
                const auto at = noun.find(plural);
                if (at != std::string::npos) {
                    noun.erase(at + std::string_view(plural).size() - 1, 1);
                    break;
                }
            }
        note += (note.empty() ? "skipped " : ", ") + std::to_string(count) + " " + noun;
    }
    trace->importNote = note;
    return TracePtr(std::move(trace));
}

} // namespace gilscope::core
