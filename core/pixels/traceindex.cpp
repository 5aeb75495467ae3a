#include "pixels/traceindex.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>

namespace gilscope::core {

namespace {

std::span<const std::uint8_t> stateBytes(const ThreadTrack &track) {
    static_assert(sizeof(ThreadState) == 1);
    return {reinterpret_cast<const std::uint8_t *>(track.segmentState.data()),
            track.segmentState.size()};
}

// What a row does with a core: nothing, Python code (holding its GIL), or C code that let the GIL
// go (a core, no GIL).
enum class CoreUse : std::uint8_t { None, Python, Native };
CoreUse coreUse(ThreadState s) {
    return s == ThreadState::Running  ? CoreUse::Python
           : s == ThreadState::Native ? CoreUse::Native
                                      : CoreUse::None;
}

// Walks one row's changes of CoreUse in time order; at the trace's end a row on a core leaves it.
class CoreUseCursor {
public:
    CoreUseCursor(const ThreadTrack &track, TimeNs traceEnd)
        : m_track(&track)
        , m_traceEnd(traceEnd) {}

    // The next change: its time and the use after it; false when none is left.
    bool next(TimeNs &t, CoreUse &to) {
        const auto &states = m_track->segmentState;
        const std::size_t n = states.size();
        while (m_pos < n && coreUse(states[m_pos]) == m_use)
            ++m_pos;
        if (m_pos < n) {
            t = m_track->segmentStart[m_pos];
            m_use = coreUse(states[m_pos]);
        } else if (m_use != CoreUse::None) {
            t = std::max(m_traceEnd, m_track->segmentStart[n - 1]);
            m_use = CoreUse::None;
        } else {
            return false;
        }
        to = m_use;
        return true;
    }

private:
    const ThreadTrack *m_track;
    TimeNs m_traceEnd;
    std::size_t m_pos = 0;
    CoreUse m_use = CoreUse::None;
};

struct Event {
    TimeNs t;
    CoreUse from, to;
    std::uint32_t row;
    // Starts of Python sort last, so a hand-off at one instant never shows the old holder.
    bool startsPython() const { return to == CoreUse::Python; }
    bool operator>(const Event &o) const {
        if (t != o.t)
            return t > o.t;
        if (startsPython() != o.startsPython())
            return startsPython() > o.startsPython();
        return row > o.row;
    }
};

// Appends value v from time t, merging equal neighbours and replacing a step at the same time.
template <typename V>
void appendStep(std::vector<TimeNs> &starts, std::vector<V> &values, TimeNs t, V v) {
    if (!starts.empty() && starts.back() == t) {
        values.back() = v;
        if (values.size() >= 2 && values[values.size() - 2] == v) {
            starts.pop_back();
            values.pop_back();
        }
        return;
    }
    if (!values.empty() && values.back() == v)
        return;
    starts.push_back(t);
    values.push_back(v);
}

bool cancelled(const std::atomic<bool> *cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

std::shared_ptr<const TraceIndex> TraceIndex::build(std::shared_ptr<const Trace> trace,
                                                    const std::atomic<bool> *cancel) {
    std::shared_ptr<TraceIndex> index(new TraceIndex);
    index->m_trace = std::move(trace);
    const Trace &t = *index->m_trace;
    index->m_rows.reserve(t.threads.size());
    index->m_marks.reserve(t.threads.size());
    for (const auto &track : t.threads) {
        if (cancelled(cancel))
            return nullptr;
        index->m_rows.push_back(PixelLane::categories(
            track.segmentStart, stateBytes(track), t.endNs, static_cast<int>(kThreadStateCount),
            static_cast<std::uint8_t>(ThreadState::Absent)));
        index->m_marks.emplace_back(track.markTime, track.markKind);
    }
    if (!index->buildSummaries(cancel))
        return nullptr;
    return index;
}

bool TraceIndex::buildSummaries(const std::atomic<bool> *cancel) {
    const Trace &trace = *m_trace;
    const std::size_t rows = trace.threads.size();

    // Rows sharing a GIL, and each row's place in its GIL's holder lane.
    std::map<int, std::vector<std::uint32_t>> gilRows;
    for (std::uint32_t r = 0; r < rows; ++r)
        if (trace.threads[r].info.gilId >= 0)
            gilRows[trace.threads[r].info.gilId].push_back(r);
    std::vector<int> laneOfRow(rows, -1);
    m_rowHolderColour.assign(rows, kFree);
    for (const auto &[gil, members] : gilRows) {
        if (members.size() < 2)
            continue;
        HolderLane lane;
        lane.gilId = gil;
        lane.starts.push_back(0);
        lane.holders.push_back(-1);
        for (std::size_t pos = 0; pos < members.size(); ++pos) {
            laneOfRow[members[pos]] = static_cast<int>(m_holders.size());
            m_rowHolderColour[members[pos]] = static_cast<std::uint8_t>(1 + pos % kHolderColours);
        }
        m_holders.push_back(std::move(lane));
    }
    std::vector<std::vector<std::uint32_t>> runningInLane(m_holders.size());

    // Merge every row's changes of core use in time order: O(n log rows), no global sort. A core
    // is busy with Python or C code; the GIL's holder is the row running Python.
    std::vector<CoreUseCursor> cursors;
    cursors.reserve(rows);
    std::priority_queue<Event, std::vector<Event>, std::greater<>> queue;
    for (std::uint32_t r = 0; r < rows; ++r) {
        cursors.emplace_back(trace.threads[r], trace.endNs);
        Event e{0, CoreUse::None, CoreUse::None, r};
        if (isThreadRow(trace.threads[r].info) && cursors.back().next(e.t, e.to))
            queue.push(e); // async spans are no thread: they keep no core busy
    }

    m_busy.starts.push_back(0);
    m_busy.levels.push_back(0);
    int busy = 0;
    std::vector<int> touched;
    std::size_t steps = 0;
    while (!queue.empty()) {
        if (++steps % 4096 == 0 && cancelled(cancel))
            return false;
        const TimeNs now = queue.top().t;
        touched.clear();
        while (!queue.empty() && queue.top().t == now) {
            Event e = queue.top();
            queue.pop();
            const int lane = laneOfRow[e.row];
            busy += (e.to != CoreUse::None) - (e.from != CoreUse::None);
            if (lane >= 0 && (e.from == CoreUse::Python || e.to == CoreUse::Python)) {
                auto &running = runningInLane[lane];
                if (e.to == CoreUse::Python)
                    running.push_back(e.row);
                else
                    running.erase(std::remove(running.begin(), running.end(), e.row),
                                  running.end());
                touched.push_back(lane);
            }
            e.from = e.to;
            if (cursors[e.row].next(e.t, e.to))
                queue.push(e);
        }
        m_maxBusy = std::max(m_maxBusy, busy);
        appendStep(m_busy.starts, m_busy.levels, now,
                   static_cast<std::uint16_t>(std::clamp(busy, 0, 65535)));
        for (int lane : touched) {
            // The latest to start holds it; a GIL held by two rows at once only happens in
            // recorded traces, and then the newer holder is the one shown.
            const auto &running = runningInLane[lane];
            const std::int32_t holder =
                running.empty() ? -1 : static_cast<std::int32_t>(running.back());
            appendStep(m_holders[lane].starts, m_holders[lane].holders, now, holder);
        }
    }

    m_busy.lane = PixelLane::levels(m_busy.starts, m_busy.levels, trace.endNs);
    for (auto &lane : m_holders) {
        lane.colours.resize(lane.holders.size());
        std::transform(lane.holders.begin(), lane.holders.end(), lane.colours.begin(),
                       [this](std::int32_t h) { return h < 0 ? kFree : m_rowHolderColour[h]; });
        lane.lane = PixelLane::categories(lane.starts, lane.colours, trace.endNs,
                                          1 + kHolderColours, kFree);
    }
    return true;
}

} // namespace gilscope::core
