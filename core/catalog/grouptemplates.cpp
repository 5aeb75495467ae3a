#include "catalog/grouptemplates.h"

#include "scenario/scenariojson.h"

#include <algorithm>
#include <functional>
#include <set>

namespace gilscope::core {

namespace {
const std::string kTypical = "typical values, not measured here";
} // namespace

const std::vector<GroupTemplate> &groupTemplates() {
    // Durations measured here come from resources/recorder/workloads (CPython 3.12, 2 cores);
    // the others are typical figures, said so in `source`.
    static const std::vector<GroupTemplate> templates = {
        {"hashlib", "hashlib on large buffers (releases the GIL)",
         "hashlib.sha256 over a 16 MB buffer is C code that releases the GIL: a moment of Python "
         "to call it, then 46 ms native on a core.",
         "measured: hashlib_threads.py (one 16 MB hash ≈ 46 ms)",
         R"({"workers": [{"name": "hash", "count": 2, "ops": 10,
              "steps": [{"python": 0.01}, {"native": 46}]}]})"},
        {"numpy-matmul", "numpy matrix multiply",
         "numpy releases the GIL around its BLAS call: a little Python to set up, then a "
         "1000×1000 float64 product of about 20 ms native (single-threaded BLAS).",
         kTypical,
         R"({"workers": [{"name": "matmul", "count": 2, "ops": 10,
              "steps": [{"python": 0.05}, {"native": 20}]}]})"},
        {"json-loads", "json.loads",
         "json.loads builds Python objects in C and keeps the GIL throughout: one call, no "
         "hand-over midway (\"checks\": false), about 5 ms for a 1 MB document.",
         kTypical,
         R"({"workers": [{"name": "json", "count": 2, "ops": 20,
              "steps": [{"python": 5, "checks": false}, {"python": 0.1}]}]})"},
        {"http-request", "HTTP request",
         "A request is a little Python to build it, a blocking wait for the server (50 ms round "
         "trip) with the GIL released, and some Python to parse the answer.",
         kTypical,
         R"({"workers": [{"name": "http", "kind": "io", "count": 4, "ops": 10,
              "steps": [{"python": 0.3}, {"io": 50}, {"python": 0.5}]}]})"},
        {"sqlite3-query", "sqlite3 query",
         "sqlite3 releases the GIL while SQLite runs the statement (2 ms native on a core, from "
         "the page cache); binding parameters and building the result rows is Python.",
         kTypical,
         R"({"workers": [{"name": "sqlite", "count": 2, "ops": 50,
              "steps": [{"python": 0.05}, {"native": 2}, {"python": 0.2}]}]})"},
        {"lock-counter", "lock-protected counter",
         "Four threads increment a shared counter under one threading.Lock: 0.4 µs of Python "
         "inside the lock and as much outside, so the threads mostly wait for each other.",
         "measured: lock_counter.py (one increment ≈ 0.4 µs)",
         R"({"workers": [{"name": "count", "count": 4, "ops": 20000,
              "steps": [{"lock": "counter", "hold": [{"python": 0.0004, "checks": false}]},
                        {"python": 0.0004}]}]})"},
        {"producer-consumers", "producer → queue → consumers",
         "One producer spends 0.27 ms of Python on each item and puts it on a queue.Queue; three "
         "consumers get items and spend 0.05 ms on each until the producer is done.",
         "measured: queue_pipeline.py (0.27 ms to produce, 0.05 ms to consume)",
         R"({"queues": {"jobs": {"maxsize": 0}},
             "workers": [{"name": "producer", "ops": 1000, "steps": [{"python": 0.27}, {"put": "jobs"}]},
                         {"name": "consumer", "count": 3, "until": "others",
                          "steps": [{"get": "jobs"}, {"python": 0.05}]}]})"},
        {"asyncio-to-thread", "asyncio loop with to_thread",
         "An event loop of coroutines that sleep 1 ms twenty times, and one coroutine that hands "
         "a 39 ms CPU burst to asyncio.to_thread so the loop keeps running.",
         "measured: asyncio_burst.py (1 ms sleeps, a 39 ms burst)",
         R"({"workers": [{"name": "sleeper", "kind": "io", "executor": "asyncio", "count": 50,
              "ops": 20, "steps": [{"python": 0.01}, {"sleep": 1}]},
                         {"name": "burst", "executor": "asyncio",
              "steps": [{"sleep": 5}, {"to_thread": [{"python": 39}]}]}]})"},
    };
    return templates;
}

Result<TemplateGroups> templateGroups(const std::string &id) {
    const auto &all = groupTemplates();
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto &t) { return t.id == id; });
    if (it == all.end()) {
        std::string known;
        for (const auto &t : all)
            known += (known.empty() ? "" : ", ") + t.id;
        return Error{"unknown group template \"" + id + "\" (known: " + known + ")"};
    }
    auto parsed = parseScenarioJson(QByteArray::fromStdString(it->json), "group template " + id);
    if (!parsed)
        return Error{parsed.error()};
    return TemplateGroups{std::move(parsed->workers), std::move(parsed->queues)};
}

namespace {

void forEachStep(std::vector<Step> &steps, const std::function<void(Step &)> &f) {
    for (Step &step : steps) {
        f(step);
        forEachStep(step.body, f);
    }
}

// `name`, or `name-2`, `name-3`… : the first that `taken` does not hold.
std::string freeName(const std::string &name, const std::set<std::string> &taken) {
    if (!taken.count(name))
        return name;
    for (int n = 2;; ++n) {
        std::string candidate = name + "-" + std::to_string(n);
        if (!taken.count(candidate))
            return candidate;
    }
}

} // namespace

Result<Scenario> addGroupTemplate(const Scenario &scenario, const std::string &id) {
    auto groups = templateGroups(id);
    if (!groups)
        return Error{groups.error()};
    Scenario out = scenario;
    // Names the scenario already uses: group names, and lock, queue and event names.
    std::set<std::string> groupNames, stepNames;
    for (auto &w : out.workers) {
        groupNames.insert(w.name.empty() ? std::string(toString(w.kind)) : w.name);
        forEachStep(w.steps, [&](Step &s) {
            if (!s.name.empty())
                stepNames.insert(s.name);
        });
    }
    for (const auto &[name, _] : out.queues)
        stepNames.insert(name);
    std::map<std::string, std::string> renamed;
    for (auto &w : groups->workers)
        forEachStep(w.steps, [&](Step &s) {
            if (!s.name.empty() && !renamed.count(s.name))
                renamed[s.name] = freeName(s.name, stepNames);
        });
    for (auto &[name, spec] : groups->queues) {
        const auto to = renamed.count(name) ? renamed[name] : freeName(name, stepNames);
        out.queues[to] = spec;
    }
    for (auto &w : groups->workers) {
        forEachStep(w.steps, [&](Step &s) {
            if (!s.name.empty())
                s.name = renamed[s.name];
        });
        w.name = freeName(w.name, groupNames);
        groupNames.insert(w.name);
        out.workers.push_back(std::move(w));
    }
    if (auto error = validate(out))
        return Error{"cannot add \"" + id + "\": field " + error->field + ": " + error->message};
    return out;
}

} // namespace gilscope::core
