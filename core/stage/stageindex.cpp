#include "stage/stageindex.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace gilscope::core {

namespace {

// A row starts or stops running. Stops sort first, so a hand-over at one instant frees the
// core before the next thread takes one.
struct RunEvent {
    TimeNs t;
    bool isStart;
    int row;
    bool operator<(const RunEvent &o) const {
        if (t != o.t)
            return t < o.t;
        if (isStart != o.isStart)
            return !isStart;
        return row < o.row;
    }
};

// The starts and ends of each row's stretches running Python, or, `withCCode`, on a core at all
// (Python, or C code that let the GIL go: one stretch keeps one core).
std::vector<RunEvent> runEvents(const Trace &trace, const std::vector<int> &rows, bool withCCode) {
    const auto counts = [withCCode](ThreadState s) {
        return s == ThreadState::Running || (withCCode && s == ThreadState::Native);
    };
    std::vector<RunEvent> events;
    for (int row : rows) {
        const ThreadTrack &track = trace.threads[static_cast<std::size_t>(row)];
        for (std::size_t i = 0; i < track.segmentCount(); ++i) {
            if (!counts(track.segmentState[i]))
                continue;
            const TimeNs start = track.segmentStart[i];
            while (i + 1 < track.segmentCount() && counts(track.segmentState[i + 1]))
                ++i;
            const TimeNs end = std::max(start, track.segmentEnd(i, trace.endNs));
            events.push_back({start, true, row});
            events.push_back({end, false, row});
        }
    }
    std::sort(events.begin(), events.end());
    return events;
}

int flashSlot(MarkKind kind) {
    switch (kind) {
    case MarkKind::FailedAcquire:
    case MarkKind::RepeatedFailedAcquire:
        return 0;
    case MarkKind::DropRequest:
        return 1;
    case MarkKind::ForcedHandoff:
        return 2;
    case MarkKind::IoEnd:
        return 3;
    default:
        return -1;
    }
}

} // namespace

const StageGil *Stage::gilOfRow(const Trace &trace, int row) const {
    const int id = trace.threads[static_cast<std::size_t>(row)].info.gilId;
    for (const StageGil &gil : gils)
        if (gil.gilId == id)
            return &gil;
    return nullptr;
}

std::ptrdiff_t StageIndex::MarkTimes::lastAtOrBefore(TimeNs t) const {
    return std::upper_bound(times.begin(), times.end(), t) - times.begin() - 1;
}

int StageIndex::Steps::at(TimeNs t, int before) const {
    auto it = std::upper_bound(starts.begin(), starts.end(), t);
    return it == starts.begin() ? before
                                : values[static_cast<std::size_t>(it - starts.begin() - 1)];
}

void StageIndex::Steps::append(TimeNs t, int v) {
    if (!starts.empty() && starts.back() == t) {
        values.back() = v;
        return;
    }
    if (!values.empty() && values.back() == v)
        return;
    starts.push_back(t);
    values.push_back(v);
}

StageIndex::StageIndex(TracePtr trace)
    : m_trace(std::move(trace)) {
    buildRows();
    buildGils();
    buildCores();
}

void StageIndex::buildRows() {
    const Trace &trace = *m_trace;
    m_rows.resize(trace.threads.size());
    for (std::size_t r = 0; r < trace.threads.size(); ++r) {
        const ThreadTrack &track = trace.threads[r];
        RowIndex &ix = m_rows[r];
        // Marks in time order; those at one instant keep the order the engine wrote them in.
        std::vector<std::uint32_t> order(track.markCount());
        std::iota(order.begin(), order.end(), 0u);
        if (!std::is_sorted(track.markTime.begin(), track.markTime.end()))
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return track.markTime[a] < track.markTime[b];
            });
        ix.sortedMarks.reserve(order.size());
        for (std::uint32_t pos = 0; pos < order.size(); ++pos) {
            const TimeNs t = track.markTime[order[pos]];
            const MarkKind kind = track.markKind[order[pos]];
            ix.sortedMarks.push_back(t);
            auto add = [&](MarkTimes &m) {
                m.times.push_back(t);
                m.order.push_back(pos);
            };
            if (kind == MarkKind::AcquireRequest)
                add(ix.requests);
            else if (kind == MarkKind::Acquire)
                add(ix.acquires);
            else if (kind == MarkKind::Release)
                add(ix.releases);
            if (kind == MarkKind::FailedAcquire || kind == MarkKind::RepeatedFailedAcquire ||
                kind == MarkKind::Timeout || kind == MarkKind::DropRequest)
                add(ix.reentries);
            if (const int slot = flashSlot(kind); slot >= 0)
                add(ix.flashes[static_cast<std::size_t>(slot)]);
        }
    }
}

void StageIndex::buildGils() {
    const Trace &trace = *m_trace;
    std::map<int, std::vector<int>> rowsOfGil;
    for (std::size_t r = 0; r < trace.threads.size(); ++r)
        if (trace.threads[r].info.gilId >= 0)
            rowsOfGil[trace.threads[r].info.gilId].push_back(static_cast<int>(r));
    for (auto &[id, rows] : rowsOfGil) {
        GilIndex gil;
        gil.info.gilId = id;
        gil.info.groupName = trace.threads[static_cast<std::size_t>(rows.front())].info.groupName;
        gil.rows = rows;
        gil.fromMarks = std::any_of(rows.begin(), rows.end(), [&](int r) {
            return !m_rows[static_cast<std::size_t>(r)].acquires.times.empty();
        });
        if (gil.fromMarks) {
            // Every acquire and release of the GIL's rows in time order. At one instant a row's
            // last mark says whether it holds the GIL afterwards: a release by the holder frees
            // it, an acquire takes it (a release and an acquire by two rows at one instant is a
            // hand-over, whatever order the rows were written in).
            struct Step {
                TimeNs t;
                int row;
                std::uint32_t order;
                bool acquire;
            };
            std::vector<Step> steps;
            for (int row : rows) {
                const RowIndex &ix = m_rows[static_cast<std::size_t>(row)];
                for (std::size_t i = 0; i < ix.acquires.times.size(); ++i)
                    steps.push_back({ix.acquires.times[i], row, ix.acquires.order[i], true});
                for (std::size_t i = 0; i < ix.releases.times.size(); ++i)
                    steps.push_back({ix.releases.times[i], row, ix.releases.order[i], false});
            }
            std::sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) {
                if (a.t != b.t)
                    return a.t < b.t;
                if (a.row != b.row)
                    return a.row < b.row;
                return a.order < b.order;
            });
            int holder = -1;
            gil.holder.append(0, -1);
            for (std::size_t i = 0; i < steps.size();) {
                const TimeNs t = steps[i].t;
                std::size_t end = i;
                while (end < steps.size() && steps[end].t == t)
                    ++end;
                int next = holder;
                for (std::size_t k = i; k < end; ++k) {
                    const bool lastOfRow = k + 1 == end || steps[k + 1].row != steps[k].row;
                    if (lastOfRow && !steps[k].acquire && steps[k].row == holder)
                        next = -1;
                }
                for (std::size_t k = i; k < end; ++k) {
                    const bool lastOfRow = k + 1 == end || steps[k + 1].row != steps[k].row;
                    if (lastOfRow && steps[k].acquire)
                        next = steps[k].row;
                }
                holder = next;
                gil.holder.append(t, holder);
                i = end;
            }
        } else {
            // No lock marks: the running row holds the GIL (the newest, if two overlap).
            std::vector<int> running;
            gil.holder.append(0, -1);
            for (const RunEvent &e : runEvents(trace, rows, false)) {
                if (e.isStart)
                    running.push_back(e.row);
                else
                    std::erase(running, e.row);
                gil.holder.append(e.t, running.empty() ? -1 : running.back());
            }
        }
        m_gils.push_back(std::move(gil));
    }
}

void StageIndex::buildCores() {
    const Trace &trace = *m_trace;
    std::vector<int> all(trace.threads.size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<int> slots(static_cast<std::size_t>(std::max(1, trace.cores)), -1);
    std::vector<int> slotOfRow(trace.threads.size(), -1);
    m_cores.assign(slots.size(), Steps{});
    for (const RunEvent &e : runEvents(trace, all, true)) {
        const auto row = static_cast<std::size_t>(e.row);
        if (!e.isStart) {
            if (slotOfRow[row] >= 0) {
                slots[static_cast<std::size_t>(slotOfRow[row])] = -1;
                m_cores[static_cast<std::size_t>(slotOfRow[row])].append(e.t, -1);
                slotOfRow[row] = -1;
            }
            continue;
        }
        auto free = std::find(slots.begin(), slots.end(), -1);
        if (free == slots.end()) {
            // More rows running than the trace has cores (a recording's core count can be
            // low): the stage grows a slot rather than hiding a running thread.
            slots.push_back(-1);
            m_cores.emplace_back();
            free = slots.end() - 1;
        }
        const auto slot = static_cast<std::size_t>(free - slots.begin());
        slots[slot] = e.row;
        slotOfRow[row] = static_cast<int>(slot);
        m_cores[slot].append(e.t, e.row);
    }
}

std::vector<int> StageIndex::waitersOf(const GilIndex &gil, TimeNs t, int holder) const {
    const Trace &trace = *m_trace;
    struct Waiter {
        TimeNs since;
        std::uint32_t order;
        int row;
    };
    std::vector<Waiter> waiters;
    for (int row : gil.rows) {
        if (row == holder)
            continue;
        const ThreadTrack &track = trace.threads[static_cast<std::size_t>(row)];
        const std::size_t seg = track.segmentAt(t);
        const ThreadState state = track.segmentCount() == 0 || t < track.segmentStart[0]
                                      ? ThreadState::Absent
                                      : track.segmentState[seg];
        if (state == ThreadState::Done || state == ThreadState::Absent)
            continue;
        const RowIndex &ix = m_rows[static_cast<std::size_t>(row)];
        if (ix.requests.times.empty()) {
            // No requests recorded: a row asleep on the GIL waits since its segment began.
            if (state == ThreadState::WaitingForGil)
                waiters.push_back({track.segmentStart[seg], 0, row});
            continue;
        }
        const auto rq = ix.requests.lastAtOrBefore(t);
        if (rq < 0)
            continue;
        const std::uint32_t asked = ix.requests.order[static_cast<std::size_t>(rq)];
        const auto aq = ix.acquires.lastAtOrBefore(t);
        if (aq >= 0 && ix.acquires.order[static_cast<std::size_t>(aq)] > asked)
            continue; // asked and got it since
        Waiter w{ix.requests.times[static_cast<std::size_t>(rq)], asked, row};
        const auto re = ix.reentries.lastAtOrBefore(t);
        if (re >= 0 && ix.reentries.order[static_cast<std::size_t>(re)] > asked) {
            w.since = ix.reentries.times[static_cast<std::size_t>(re)];
            w.order = ix.reentries.order[static_cast<std::size_t>(re)];
        }
        waiters.push_back(w);
    }
    std::sort(waiters.begin(), waiters.end(), [](const Waiter &a, const Waiter &b) {
        if (a.since != b.since)
            return a.since < b.since;
        return a.row < b.row;
    });
    std::vector<int> rows;
    rows.reserve(waiters.size());
    for (const Waiter &w : waiters)
        rows.push_back(w.row);
    return rows;
}

Stage StageIndex::at(TimeNs t, TimeNs lookBack) const {
    const Trace &trace = *m_trace;
    Stage stage;
    stage.time = t;
    stage.states.reserve(trace.threads.size());
    for (const ThreadTrack &track : trace.threads)
        stage.states.push_back(track.segmentCount() == 0 || t < track.segmentStart[0]
                                   ? ThreadState::Absent
                                   : track.segmentState[track.segmentAt(t)]);
    for (const GilIndex &gil : m_gils) {
        StageGil g = gil.info;
        g.holder = gil.holder.at(t, -1);
        g.waiters = waitersOf(gil, t, g.holder);
        stage.gils.push_back(std::move(g));
    }
    stage.cores.reserve(m_cores.size());
    for (const Steps &core : m_cores)
        stage.cores.push_back(core.at(t, -1));
    const TimeNs from = t - std::max<TimeNs>(0, lookBack);
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        for (std::size_t k = 0; k < kFlashKinds.size(); ++k) {
            const auto &times = m_rows[r].flashes[k].times;
            const auto last = std::upper_bound(times.begin(), times.end(), t);
            // (from, t], or exactly t when there is no look-back.
            const auto first = lookBack > 0 ? std::upper_bound(times.begin(), last, from)
                                            : std::lower_bound(times.begin(), last, t);
            if (first == last)
                continue;
            stage.flashes.push_back(
                {static_cast<int>(r), kFlashKinds[k], *(last - 1), static_cast<int>(last - first)});
        }
    std::sort(stage.flashes.begin(), stage.flashes.end(),
              [](const StageFlash &a, const StageFlash &b) {
                  return a.at != b.at ? a.at < b.at : a.row < b.row;
              });
    return stage;
}

std::optional<TimeNs> StageIndex::nextEvent(TimeNs t) const {
    std::optional<TimeNs> best;
    auto consider = [&](const std::vector<TimeNs> &times) {
        auto it = std::upper_bound(times.begin(), times.end(), t);
        if (it != times.end() && (!best || *it < *best))
            best = *it;
    };
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        consider(m_trace->threads[r].segmentStart);
        consider(m_rows[r].sortedMarks);
    }
    return best;
}

std::optional<TimeNs> StageIndex::previousEvent(TimeNs t) const {
    std::optional<TimeNs> best;
    auto consider = [&](const std::vector<TimeNs> &times) {
        auto it = std::lower_bound(times.begin(), times.end(), t);
        if (it != times.begin() && (!best || *(it - 1) > *best))
            best = *(it - 1);
    };
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        consider(m_trace->threads[r].segmentStart);
        consider(m_rows[r].sortedMarks);
    }
    return best;
}

Stage stageAt(const Trace &trace, TimeNs t, TimeNs lookBack) {
    // A non-owning pointer: the index lives only for this call.
    const StageIndex index(TracePtr(std::shared_ptr<void>(), &trace));
    return index.at(t, lookBack);
}

} // namespace gilscope::core
