// The trace and CSV writers stream: bounded chunks, the same bytes as a whole document, an early
// stop when the disk fails, and exact times at the ends of the int64 range.
#include "catalog/presets.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>
#include <map>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

// Records every chunk; refuses all writes after `accept` of them, as a full disk would.
class ChunkRecorder final : public ByteSink {
public:
    explicit ChunkRecorder(int accept = std::numeric_limits<int>::max())
        : m_accept(accept) {}
    bool write(QByteArrayView bytes) override {
        ++calls;
        if (calls > m_accept)
            return false;
        largest = std::max(largest, bytes.size());
        all.append(bytes);
        return true;
    }
    QByteArray all;
    qsizetype largest = 0;
    int calls = 0;

private:
    int m_accept;
};

// What the "GIL waiters" counter must say, worked out the obvious way: every edge of every
// waiting segment, sorted, one sample per instant after all the changes there.
std::map<int, std::vector<std::pair<double, int>>> expectedWaiters(const Trace &trace) {
    std::map<int, std::vector<std::pair<TimeNs, int>>> edges;
    for (const auto &t : trace.threads) {
        if (t.info.gilId < 0)
            continue;
        for (std::size_t i = 0; i < t.segmentCount(); ++i) {
            const TimeNs start = t.segmentStart[i], end = t.segmentEnd(i, trace.endNs);
            if (t.segmentState[i] == ThreadState::WaitingForGil && end > start) {
                edges[t.info.groupId + 1].push_back({start, +1});
                edges[t.info.groupId + 1].push_back({end, -1});
            }
        }
    }
    std::map<int, std::vector<std::pair<double, int>>> samples;
    for (auto &[pid, list] : edges) {
        std::sort(list.begin(), list.end());
        int waiting = 0;
        for (std::size_t i = 0; i < list.size(); ++i) {
            waiting += list[i].second;
            if (i + 1 == list.size() || list[i + 1].first != list[i].first)
                samples[pid].push_back({list[i].first / 1000.0, waiting});
        }
    }
    return samples;
}

} // namespace

TEST_CASE("the Chrome JSON streams in bounded chunks that add up to the whole document") {
    const auto trace = run(*loadPreset("r5-gil-countdown-10us")); // 2.5 MB of JSON
    ChunkRecorder json, csv;
    writeChromeJson(*trace, json);
    writeCsv(*trace, csv);
    CHECK(json.all == traceToChromeJson(*trace));
    CHECK(csv.all == traceToCsv(*trace));
    CHECK(json.all.size() > 2 * (1 << 20));
    CHECK(json.calls >= 3);
    CHECK(json.largest < (1 << 20) + 4096); // a chunk, never the document
}

TEST_CASE("a writer stops once its sink has failed") {
    const auto trace = run(*loadPreset("r5-gil-countdown-10us"));
    ChunkRecorder full(1);
    writeChromeJson(*trace, full);
    CHECK(full.calls == 2); // the chunk taken, then the refused one: nothing after it
    ChunkRecorder fullCsv(0);
    writeCsv(*trace, fullCsv);
    CHECK(fullCsv.calls == 1);
}

TEST_CASE("the waiters counter has one sample per instant with the count after every change") {
    for (const char *preset :
         {"r3-gil-4cpu-4cores", "r6-convoy-4cpu", "multiprocessing-4cpu", "subinterpreters-4cpu",
          "r6-convoy-process", "r5-gil-countdown-10us"}) {
        INFO(preset);
        const auto trace = run(*loadPreset(preset));
        std::map<int, std::vector<std::pair<double, int>>> counted;
        const auto doc = QJsonDocument::fromJson(traceToChromeJson(*trace));
        for (const auto &v : doc.object()["traceEvents"].toArray()) {
            const QJsonObject e = v.toObject();
            if (e["ph"] == "C")
                counted[e["pid"].toInt()].push_back(
                    {e["ts"].toDouble(), e["args"].toObject()["waiting"].toInt()});
        }
        CHECK(counted == expectedWaiters(*trace));
    }
}

TEST_CASE("times at the ends of the int64 range are written exactly, without overflow") {
    Trace trace;
    trace.endNs = std::numeric_limits<TimeNs>::max();
    ThreadTrack t;
    t.info.name = "edge";
    t.info.gilId = 0;
    t.segmentStart = {std::numeric_limits<TimeNs>::min()};
    t.segmentState = {ThreadState::WaitingForGil};
    t.markTime = {std::numeric_limits<TimeNs>::min()};
    t.markKind = {MarkKind::Acquire};
    trace.threads.push_back(t);
    const QByteArray json = traceToChromeJson(trace);
    CHECK(json.contains(
        R"({"ph":"X","cat":"state","name":"waiting","pid":1,"tid":1,"ts":-9223372036854775.808,"dur":18446744073709551.615})"));
    CHECK(json.contains(
        R"({"ph":"i","s":"t","cat":"lock","name":"acquire","pid":1,"tid":1,"ts":-9223372036854775.808})"));
    CHECK(json.contains(R"("ts":9223372036854775.807,"args":{"waiting":0}})"));
    CHECK(
        traceToCsv(trace).contains("\"edge\",waiting,-9223372036854775808,9223372036854775807\n"));
}
