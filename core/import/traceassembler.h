#pragma once

#include "result.h"
#include "trace/trace.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gilscope::core {

// "1.5e+06 µs": a time from a file, in messages.
std::string microsText(double us);

// What a trace file says about the run as a whole (Chrome JSON's otherData, a .pftrace's run
// track). `fromGilScope`: written by GIL Scope or its recorder, so its times are already ours;
// other tools' times are rebased to their first event.
struct RunInfo {
    bool fromGilScope = false;
    std::string scenario, interpreter, executor, python;
    int cores = 1;
    TimeNs endNs = 0, sequentialNs = 0;
    double switchIntervalMs = 0;
    int checkInterval = 0;
    double peakMemoryMb = -1; // a simulation's peak memory (-1: none)
};

// Builds the columnar Trace from what any reader finds, in any order: thread and process names,
// slices and marks keyed by (pid, tid). Every reader (Chrome JSON, Perfetto protobuf) feeds one,
// so they agree on what a file means:
// - Slices may nest (other tools' call stacks): each moment shows the innermost slice, the one
//   begun last that is still open. A thread has one state at a time, so nesting flattens to the
//   deepest frame, which is where the time is actually spent; depth rows would need a second
//   kind of row in every view for little gain here.
// - Gaps between slices are Absent; after a thread's last slice it is Done.
// - A file without GIL metadata (no "gil" on any thread, no lock marks, no waiting slices) has
//   no GIL: its rows get gilId -1, so no GIL lanes or switches appear for it.
// - What cannot be shown is counted by kind, for one line in the trace's importNote.
class TraceAssembler {
public:
    using Key = std::pair<long long, long long>; // (pid, tid)

    explicit TraceAssembler(std::string source)
        : m_source(std::move(source)) {}

    void processName(long long pid, std::string name) { m_processNames[pid] = std::move(name); }
    // `gil`: the thread's GIL number when the file gives one.
    void threadName(Key key, std::string name, std::string kind, std::optional<int> gil);
    void sortIndex(Key key, long long index) { m_sortIndex[key] = index; }
    // A slice [start, end), start <= end, times in ns within ±2^62.
    void slice(Key key, TimeNs start, TimeNs end, ThreadState state);
    void mark(Key key, TimeNs t, MarkKind kind);
    // A queue's item count after one put or get at t: it must move by exactly one item, else the
    // error says how it moved ("queue \"q\" goes from 0 to 3 items: ...").
    Result<void> queueItems(const std::string &queue, TimeNs t, long long items);
    // Something that was read but cannot be shown ("instant events", "counter samples").
    void skip(const std::string &what, long long count = 1) { m_skipped[what] += count; }
    void run(RunInfo info) { m_run = std::move(info); }
    bool empty() const { return m_rows.empty(); }
    // The latest time of any slice or mark so far (the least TimeNs before any).
    TimeNs latest() const { return m_any ? m_latest : std::numeric_limits<TimeNs>::min(); }

    // The trace, or an error naming the source ("FILE: the file holds no thread events").
    Result<TracePtr> finish();

private:
    struct Slice {
        TimeNs start, end;
        std::uint32_t order; // arrival: of two slices with the same span, the later is inner
        ThreadState state;
    };
    struct Row {
        ThreadInfo info;
        bool named = false;
        std::optional<int> gil;
        std::vector<Slice> slices;
        std::vector<std::pair<TimeNs, MarkKind>> marks;
    };
    // Events come in runs of one thread: the last row is kept at hand.
    Row &row(Key key) {
        if (!m_last || key != m_lastKey) {
            m_last = &m_rows[key];
            m_lastKey = key;
        }
        return *m_last;
    }
    void note(TimeNs t) {
        m_earliest = m_any ? std::min(m_earliest, t) : t;
        m_latest = m_any ? std::max(m_latest, t) : t;
        m_any = true;
    }
    void flatten(Row &row, TimeNs origin, ThreadTrack &track) const;

    std::string m_source;
    std::map<Key, Row> m_rows; // std::map: nodes stay put, so m_last stays valid
    Row *m_last = nullptr;
    Key m_lastKey{};
    std::map<long long, std::string> m_processNames;
    std::map<Key, long long> m_sortIndex;
    std::map<std::string, long long> m_skipped;
    std::vector<QueueTrack> m_queues; // in the order they first appear
    std::map<std::string, std::pair<std::size_t, long long>> m_queueItems; // index, items now
    RunInfo m_run;
    bool m_any = false;
    bool m_gilSeen = false;
    TimeNs m_earliest = 0, m_latest = 0;
    std::uint32_t m_order = 0;
};

} // namespace gilscope::core
