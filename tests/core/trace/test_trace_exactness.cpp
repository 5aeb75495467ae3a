// Files other tools read exactly: slices that never overlap in double arithmetic, and CSV that a
// standard RFC 4180 reader splits into the fields we wrote.
#include "catalog/presets.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <charconv>
#include <cmath>
#include <map>
#include <string_view>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

// Reads the "X" events of the streamed Chrome JSON (one event per line) as a float-based reader
// does, without holding the document: each thread's slices come in time order, so it compares
// each slice's ts + dur, added as doubles, with the next slice's ts.
class SliceChecker final : public ByteSink {
public:
    explicit SliceChecker(const Trace &trace)
        : m_trace(trace) {}

    bool write(QByteArrayView bytes) override {
        m_pending.append(bytes.data(), static_cast<std::size_t>(bytes.size()));
        std::size_t from = 0;
        for (std::size_t nl; (nl = m_pending.find('\n', from)) != std::string::npos; from = nl + 1)
            line(std::string_view(m_pending).substr(from, nl - from));
        m_pending.erase(0, from);
        return true;
    }

    long long pairs = 0, overlaps = 0, inexact = 0;

private:
    static double number(std::string_view line, std::string_view key) {
        const auto at = line.find(key);
        REQUIRE(at != std::string_view::npos);
        double value = 0;
        const char *first = line.data() + at + key.size();
        std::from_chars(first, line.data() + line.size(), value);
        return value;
    }

    void line(std::string_view text) {
        if (!text.starts_with("{\"ph\":\"X\""))
            return;
        const auto tid = static_cast<std::size_t>(number(text, "\"tid\":"));
        const double ts = number(text, "\"ts\":"), dur = number(text, "\"dur\":");
        if (tid == m_tid) {
            ++pairs;
            if (m_end > ts)
                ++overlaps;
        }
        m_tid = tid;
        m_end = ts + dur;
        // Our reader rounds to whole nanoseconds: the slice must be one of the thread's segments,
        // start to end, exactly.
        const ThreadTrack &track = m_trace.threads.at(tid - 1);
        const TimeNs start = std::llround(ts * 1000.0);
        const std::size_t i = track.segmentAt(start);
        if (track.segmentStart[i] != start ||
            track.segmentEnd(i, m_trace.endNs) - start != std::llround(dur * 1000.0))
            ++inexact;
    }

    const Trace &m_trace;
    std::string m_pending;
    std::size_t m_tid = 0;
    double m_end = 0;
};

// A plain RFC 4180 reader: quoted fields may hold commas, line breaks and doubled quotes.
std::vector<std::vector<std::string>> readCsv(const QByteArray &text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            REQUIRE(field.empty()); // a quote only opens a field
            quoted = wasQuoted = true;
        } else if (c == ',' || c == '\n') {
            rows.back().push_back(field);
            field.clear();
            wasQuoted = false;
            if (c == '\n')
                rows.emplace_back();
        } else {
            REQUIRE_FALSE(wasQuoted); // nothing may follow a closing quote but , or a line end
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

} // namespace

TEST_CASE("no preset's Chrome JSON has slices that overlap when a reader adds ts + dur as doubles",
          "[exactness]") {
    for (const std::string &preset : presetNames()) {
        INFO(preset);
        const auto trace = run(*loadPreset(preset));
        SliceChecker checker(*trace);
        writeChromeJson(*trace, checker);
        CHECK(checker.pairs > 0);
        CHECK(checker.overlaps == 0);
        CHECK(checker.inexact == 0);
    }
}

TEST_CASE("a slice whose exact decimals overlap in doubles is written a unit in the last place "
          "shorter, and reads back exact") {
    // The issue's example: 15392.298 + 5038.461 = 20430.759000000002 as doubles.
    Trace trace;
    trace.endNs = 30'000'000;
    ThreadTrack t;
    t.info.name = "cpu-1";
    t.segmentStart = {15'392'298, 20'430'759};
    t.segmentState = {ThreadState::Running, ThreadState::WaitingForGil};
    trace.threads.push_back(t);
    const QByteArray json = traceToChromeJson(trace);
    INFO(json.toStdString());
    CHECK(json.contains(R"("ts":15392.298,"dur":5038.460999999997})"));
    CHECK(15392.298 + 5038.460999999997 <= 20430.759);
    CHECK(json.contains(R"("ts":20430.759,"dur":9569.241})")); // exact where exact is safe
    const auto back = parseChromeTrace(json, "t.json");
    REQUIRE(back.ok());
    CHECK(segmentsOf((*back)->threads.at(0)) ==
          std::vector<std::string>{"0 absent", "15392298 running", "20430759 waiting",
                                   "30000000 done"});
}

TEST_CASE("CSV thread names with quotes, commas and line breaks read back through an RFC 4180 "
          "reader") {
    Scenario s = scenarioOf(Interpreter::Gil, Executor::Threading, 2, {cpuWorkers(2, 3)});
    makeIdeal(s);
    auto trace = std::make_shared<Trace>(*run(s));
    trace->threads[0].info.name = R"(say "hi", then)";
    trace->threads[1].info.name = "two\nlines, \\ and \"";
    const auto rows = readCsv(traceToCsv(*trace));
    REQUIRE(rows.size() == 1 + trace->segmentCount());
    CHECK(rows[0] == std::vector<std::string>{"thread", "state", "start_ns", "end_ns"});
    std::size_t r = 1;
    for (const auto &t : trace->threads)
        for (std::size_t i = 0; i < t.segmentCount(); ++i, ++r) {
            INFO("row " << r);
            REQUIRE(rows[r].size() == 4);
            CHECK(rows[r][0] == t.info.name);
            CHECK(rows[r][1] == toString(t.segmentState[i]));
            CHECK(rows[r][2] == std::to_string(t.segmentStart[i]));
            CHECK(rows[r][3] == std::to_string(t.segmentEnd(i, trace->endNs)));
        }
}
