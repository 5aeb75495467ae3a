#include "scenario/scenario.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <sstream>

namespace gilscope::core {

namespace {
constexpr std::array<std::string_view, 3> kInterpreters = {"legacy-gil", "gil", "free-threaded"};
constexpr std::array<std::string_view, 4> kExecutors = {"threading", "multiprocessing", "asyncio",
                                                        "subinterpreters"};
constexpr std::array<std::string_view, 3> kKinds = {"cpu", "io", "mixed"};
constexpr std::array<std::string_view, 2> kWakePolicies = {"fifo", "random"};
constexpr std::array<std::string_view, 3> kStartMethods = {"fork", "forkserver", "spawn"};
constexpr std::array<std::string_view, 11> kStepKinds = {
    "python", "native", "io",  "sleep",     "lock",      "put",
    "get",    "wait",   "set", "to_thread", "in_process"};

template <typename Enum, std::size_t N>
bool parseFrom(const std::array<std::string_view, N> &names, std::string_view text, Enum &out) {
    auto it = std::find(names.begin(), names.end(), text);
    if (it == names.end())
        return false;
    out = static_cast<Enum>(it - names.begin());
    return true;
}

template <std::size_t N> std::string allowed(const std::array<std::string_view, N> &names) {
    std::string s;
    for (auto n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

// Collects the first range problem; later checks are skipped once one is found.
class RangeChecker {
public:
    void check(bool ok, std::string field, std::string message) {
        if (!ok && !m_error)
            m_error = ScenarioError{std::move(field), std::move(message)};
    }
    void range(double v, double lo, double hi, const std::string &field, const char *unit = "") {
        check(std::isfinite(v) && v >= lo && v <= hi, field,
              "must be between " + formatNumber(lo) + " and " + formatNumber(hi) + unit + ", got " +
                  formatNumber(v));
    }
    std::optional<ScenarioError> result() const { return m_error; }

private:
    std::optional<ScenarioError> m_error;
};
} // namespace

std::string_view toString(Interpreter v) {
    return kInterpreters[static_cast<int>(v)];
}
std::string_view toString(Executor v) {
    return kExecutors[static_cast<int>(v)];
}
std::string_view toString(WorkerKind v) {
    return kKinds[static_cast<int>(v)];
}
std::string_view toString(WakePolicy v) {
    return kWakePolicies[static_cast<int>(v)];
}
std::string_view toString(StartMethod v) {
    return kStartMethods[static_cast<int>(v)];
}
std::string_view toString(StepKind v) {
    return kStepKinds[static_cast<int>(v)];
}
bool parseEnum(std::string_view t, StepKind &out) {
    return parseFrom(kStepKinds, t, out);
}
bool parseEnum(std::string_view t, Interpreter &out) {
    return parseFrom(kInterpreters, t, out);
}
bool parseEnum(std::string_view t, Executor &out) {
    return parseFrom(kExecutors, t, out);
}
bool parseEnum(std::string_view t, WorkerKind &out) {
    return parseFrom(kKinds, t, out);
}
bool parseEnum(std::string_view t, WakePolicy &out) {
    return parseFrom(kWakePolicies, t, out);
}
bool parseEnum(std::string_view t, StartMethod &out) {
    return parseFrom(kStartMethods, t, out);
}

std::string formatNumber(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    std::ostringstream os;
    os << v;
    return os.str();
}

std::string allowedInterpreters() {
    return allowed(kInterpreters);
}

TimeNs TimingParams::processStartNs() const {
    if (process_start_ms >= 0)
        return std::llround(process_start_ms * kNsPerMs);
    switch (start_method) {
    case StartMethod::Fork:
        return 1'500'000;
    case StartMethod::Forkserver:
        return 10'000'000;
    case StartMethod::Spawn:
        return 35'000'000;
    }
    return 0;
}

double TimingParams::processMb() const {
    if (process_mb >= 0)
        return process_mb;
    switch (start_method) {
    case StartMethod::Fork:
        return 1.5;
    case StartMethod::Forkserver:
        return 6.1;
    case StartMethod::Spawn:
        return 8.8;
    }
    return 0;
}

double TimingParams::processHelperMb() const {
    if (process_helper_mb >= 0)
        return process_helper_mb;
    switch (start_method) {
    case StartMethod::Fork:
        return 0.5;
    case StartMethod::Forkserver:
        return 6.7;
    case StartMethod::Spawn:
        return 5.9;
    }
    return 0;
}

int Scenario::threadCount() const {
    long long n = 0;
    for (const auto &w : workers)
        n += std::max(0, w.count);
    return static_cast<int>(std::min<long long>(n, 1LL << 30));
}

namespace {
// The time one pass over the steps takes alone: every duration, nested ones included.
TimeNs stepsNs(const std::vector<Step> &steps) {
    TimeNs total = 0;
    for (const auto &step : steps)
        total = saturatingAdd(total,
                              saturatingAdd(std::llround(step.ms * kNsPerMs), stepsNs(step.body)));
    return total;
}
} // namespace

TimeNs Scenario::sequentialNs() const {
    // Saturating: 4096 workers x 10M ops x two hours a round is far past 2^63 ns.
    TimeNs total = 0;
    for (const auto &w : workers) {
        if (w.until_others)
            continue; // filler: as long as the others take, no work of its own
        const TimeNs round =
            w.hasSteps() ? stepsNs(w.steps)
                         : std::llround(w.cpu_ms * kNsPerMs) + std::llround(w.io_ms * kNsPerMs);
        TimeNs work = 0;
        if (__builtin_mul_overflow(static_cast<TimeNs>(w.count) * w.ops, round, &work))
            return std::numeric_limits<TimeNs>::max();
        total = saturatingAdd(total, work);
    }
    return total;
}

bool usesWorkerExtensions(const Scenario &s) {
    for (const auto &w : s.workers)
        if (w.hasSteps() || w.executor || w.pool_size != 0 || w.until_others || w.start_ms > 0)
            return true;
    return false;
}

namespace {
bool isDuration(StepKind k) {
    return k == StepKind::Python || k == StepKind::Native || k == StepKind::Io ||
           k == StepKind::Sleep;
}
bool hasBody(StepKind k) {
    return k == StepKind::Lock || k == StepKind::ToThread || k == StepKind::InProcess;
}

// Checks a group's steps: durations, names, declared queues, nesting and re-entrant locks.
class StepChecker {
public:
    StepChecker(RangeChecker &c, const Scenario &s)
        : m_c(c)
        , m_s(s) {}
    void check(const std::vector<Step> &steps, const std::string &at, int depth,
               std::vector<std::string> &heldLocks) {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const Step &step = steps[i];
            const std::string field = at + "." + std::to_string(i);
            ++m_count;
            m_c.check(m_count <= ScenarioLimits::kMaxSteps, field,
                      "a group may have at most " + std::to_string(ScenarioLimits::kMaxSteps) +
                          " steps, nested ones included");
            if (isDuration(step.kind)) {
                m_c.range(step.ms, 0, ScenarioLimits::kMaxBurstMs,
                          field + "." + std::string(toString(step.kind)), " ms");
                m_total += step.ms;
            } else if (step.kind != StepKind::ToThread && step.kind != StepKind::InProcess) {
                const std::string nameField = field + "." + std::string(toString(step.kind));
                m_c.check(!step.name.empty(), nameField, "must name a lock, queue or event");
                m_c.check(characterCount(step.name) <= ScenarioLimits::kMaxNameChars, nameField,
                          "names are at most " + std::to_string(ScenarioLimits::kMaxNameChars) +
                              " characters");
            }
            m_gets += step.kind == StepKind::Get;
            if (step.kind == StepKind::Put || step.kind == StepKind::Get) {
                std::string declared;
                for (const auto &[name, _] : m_s.queues)
                    declared += (declared.empty() ? "" : ", ") + name;
                m_c.check(m_s.queues.count(step.name) > 0,
                          field + "." + std::string(toString(step.kind)),
                          "queue \"" + step.name + "\" is not declared in \"queues\" (" +
                              (declared.empty() ? "none is" : "declared: " + declared) + ")");
            }
            if (!hasBody(step.kind))
                continue;
            const std::string bodyField =
                field +
                (step.kind == StepKind::Lock ? ".hold" : "." + std::string(toString(step.kind)));
            m_c.check(depth < ScenarioLimits::kMaxStepDepth, bodyField,
                      "steps nest at most " + std::to_string(ScenarioLimits::kMaxStepDepth) +
                          " deep");
            if (depth >= ScenarioLimits::kMaxStepDepth)
                continue;
            if (step.kind == StepKind::Lock) {
                const bool held =
                    std::find(heldLocks.begin(), heldLocks.end(), step.name) != heldLocks.end();
                m_c.check(!held, field + ".lock",
                          "lock \"" + step.name +
                              "\" is already held here: a threading.Lock is not re-entrant, "
                              "this would deadlock");
                heldLocks.push_back(step.name);
                check(step.body, bodyField, depth + 1, heldLocks);
                heldLocks.pop_back();
            } else {
                std::vector<std::string> none; // another thread: holds nothing of ours
                check(step.body, bodyField, depth + 1, none);
            }
        }
    }
    double totalMs() const { return m_total; }
    int gets() const { return m_gets; }

private:
    RangeChecker &m_c;
    const Scenario &m_s;
    int m_count = 0;
    int m_gets = 0;
    double m_total = 0;
};
} // namespace

std::optional<ScenarioError> validate(const Scenario &s) {
    RangeChecker c;
    const auto &p = s.params;
    c.range(s.cores, 1, ScenarioLimits::kMaxCores, "cores");
    c.check(!s.workers.empty(), "workers", "needs at least one worker group");
    long long threads = 0, others = 0;
    for (std::size_t i = 0; i < s.workers.size(); ++i) {
        const auto &w = s.workers[i];
        const std::string at = "workers." + std::to_string(i) + ".";
        c.range(w.count, 0, ScenarioLimits::kMaxThreads, at + "count");
        c.range(w.ops, 1, ScenarioLimits::kMaxOps, at + "ops");
        c.range(w.cpu_ms, 0, ScenarioLimits::kMaxBurstMs, at + "cpu_ms", " ms");
        c.range(w.io_ms, 0, ScenarioLimits::kMaxBurstMs, at + "io_ms", " ms");
        c.range(w.jitter, 0, 0.99, at + "jitter");
        c.range(w.pool_size, 0, ScenarioLimits::kMaxThreads, at + "pool_size");
        c.range(w.data_kb, 0, ScenarioLimits::kMaxDataKb, at + "data_kb", " kB (16 GB) a task");
        c.range(w.memory_mb, 0, ScenarioLimits::kMaxMemoryMb, at + "memory_mb",
                " MB (1 TB) a worker");
        c.range(w.start_ms, 0, ScenarioLimits::kMaxBurstMs, at + "start_ms", " ms");
        if (w.start_ms > 0) {
            const Executor executor = w.executor.value_or(s.executor);
            const int pool = w.pool_size > 0 ? w.pool_size : (w.executor ? 0 : p.pool_size);
            c.check(executor != Executor::Asyncio && pool == 0, at + "start_ms",
                    "only threads and processes of their own can start late: an asyncio "
                    "group's coroutines start with the loop, a pool's jobs when a worker is free");
        }
        StepChecker steps(c, s);
        std::vector<std::string> held;
        steps.check(w.steps, at + "steps", 0, held);
        if (w.until_others) {
            // A round that takes no time would spin for ever, unless a get blocks it.
            c.check(w.hasSteps() ? steps.totalMs() >= 0.001 || steps.gets() > 0
                                 : w.cpu_ms + w.io_ms >= 0.001,
                    at + "until",
                    "a group that runs until the others are done needs steps that take time "
                    "(at least 0.001 ms a round) or a get");
        } else {
            others += std::max(0, w.count);
        }
        threads += std::max(0, w.count);
    }
    bool anyUntil = false;
    for (const auto &w : s.workers)
        anyUntil = anyUntil || (w.until_others && w.count > 0);
    c.check(!anyUntil || others > 0, "workers",
            "every group runs \"until\": \"others\": at least one must do a fixed number of ops");
    c.check(s.queues.size() <= static_cast<std::size_t>(ScenarioLimits::kMaxQueues), "queues",
            "at most " + std::to_string(ScenarioLimits::kMaxQueues) + " queues, got " +
                std::to_string(s.queues.size()));
    for (const auto &[name, q] : s.queues) {
        c.check(!name.empty() && characterCount(name) <= ScenarioLimits::kMaxNameChars, "queues",
                "queue names are 1 to " + std::to_string(ScenarioLimits::kMaxNameChars) +
                    " characters");
        c.range(q.maxsize, 0, ScenarioLimits::kMaxQueueSize, "queues." + name + ".maxsize");
    }
    c.check(threads <= ScenarioLimits::kMaxThreads, "workers",
            "at most " + std::to_string(ScenarioLimits::kMaxThreads) + " threads in all, got " +
                std::to_string(threads));
    c.check(threads > 0, "workers", "needs at least one thread (all counts are 0)");
    c.range(p.switch_interval_ms, 0.001, 10'000, "params.switch_interval_ms", " ms");
    c.range(p.eval_breaker_ns, 0, 1e9, "params.eval_breaker_ns", " ns");
    c.range(p.check_interval, 1, 1'000'000, "params.check_interval", " ticks");
    c.range(p.tick_ns, 0.1, 1e6, "params.tick_ns", " ns");
    c.range(p.contention_ns, 0, 1e9, "params.contention_ns", " ns");
    c.range(p.signal_cost_us, 0, 1e6, "params.signal_cost_us", " us");
    c.range(p.failed_wake_us, 0, 1e6, "params.failed_wake_us", " us");
    c.range(p.wake_latency_min_us, 0, 1e6, "params.wake_latency_min_us", " us");
    c.range(p.wake_latency_max_us, p.wake_latency_min_us, 1e6, "params.wake_latency_max_us", " us");
    c.range(p.timer_slack_us, 0, 1e6, "params.timer_slack_us", " us");
    c.range(p.time_slice_ms, 0.01, 10'000, "params.time_slice_ms", " ms");
    c.range(p.wakeup_granularity_ms, 0, 10'000, "params.wakeup_granularity_ms", " ms");
    c.range(p.sleeper_credit_ms, 0, 10'000, "params.sleeper_credit_ms", " ms");
    c.range(p.ft_slowdown, 0.1, 100, "params.ft_slowdown");
    c.range(p.thread_start_us, 0, 1e7, "params.thread_start_us", " us");
    c.check(p.process_start_ms == -1 || (p.process_start_ms >= 0 && p.process_start_ms <= 1e6),
            "params.process_start_ms",
            "must be -1 (from start_method) or 0 to 1000000 ms, got " +
                formatNumber(p.process_start_ms));
    c.range(p.ipc_ms, 0, 1e6, "params.ipc_ms", " ms");
    c.range(p.pool_size, 0, ScenarioLimits::kMaxThreads, "params.pool_size");
    c.range(p.interpreter_start_ms, 0, 1e6, "params.interpreter_start_ms", " ms");
    c.range(p.interpreter_ipc_ms, 0, 1e6, "params.interpreter_ipc_ms", " ms");
    c.range(p.main_process_mb, 0, ScenarioLimits::kMaxMemoryMb, "params.main_process_mb", " MB");
    for (const auto &[value, field] : {std::pair{p.process_mb, "params.process_mb"},
                                       std::pair{p.process_helper_mb, "params.process_helper_mb"}})
        c.check(value == -1 || (value >= 0 && value <= ScenarioLimits::kMaxMemoryMb), field,
                "must be -1 (from start_method) or 0 to " +
                    formatNumber(ScenarioLimits::kMaxMemoryMb) + " MB, got " + formatNumber(value));
    c.range(p.thread_kb, 0, 1e6, "params.thread_kb", " kB");
    c.range(p.subinterpreter_mb, 0, ScenarioLimits::kMaxMemoryMb, "params.subinterpreter_mb",
            " MB");
    c.range(p.pickle_us_per_kb, 0, 1e6, "params.pickle_us_per_kb", " us");
    c.range(p.data_copies, 0, 100, "params.data_copies");
    c.range(p.time_limit_s, 0.000001, 86'400, "params.time_limit_s", " s");
    c.range(p.max_events, 1000, ScenarioLimits::kMaxEventCap, "params.max_events");
    const auto &notes = s.annotations;
    c.check(notes.size() <= static_cast<std::size_t>(AnnotationLimits::kMaxCount), "annotations",
            "at most " + std::to_string(AnnotationLimits::kMaxCount) + " annotations, got " +
                std::to_string(notes.size()));
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string at = "annotations." + std::to_string(i) + ".";
        c.check(!notes[i].row.empty(), at + "row", "must name a thread row, e.g. \"cpu-1\"");
        c.range(static_cast<double>(notes[i].at) / kNsPerMs, 0,
                static_cast<double>(AnnotationLimits::kMaxAt / kNsPerMs), at + "at_ms", " ms");
        const int chars = characterCount(notes[i].text);
        c.check(chars > 0, at + "text", "must not be empty");
        c.check(chars <= AnnotationLimits::kMaxTextChars, at + "text",
                "at most " + std::to_string(AnnotationLimits::kMaxTextChars) + " characters, got " +
                    std::to_string(chars));
    }
    return c.result();
}

} // namespace gilscope::core
