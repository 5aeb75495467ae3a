// Annotations: stored in the scenario file and read back, typed on the command line, checked
// against the run they point into; and the typed times they share with --range and the export
// dialog.
#include "engine/simulate.h"
#include "scenario/annotation.h"
#include "scenario/scenariojson.h"
#include "trace/timetext.h"

#include <catch2/catch.hpp>

using namespace gilscope::core;

namespace {
std::string errorOf(const std::string &json) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "s.json");
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}
Scenario parse(const std::string &json) {
    const auto parsed = parseScenarioJson(QByteArray::fromStdString(json), "s.json");
    INFO(parsed.error());
    REQUIRE(parsed.ok());
    return *parsed;
}
} // namespace

TEST_CASE("annotations in a scenario file read back exactly as saved") {
    const Scenario s = parse(R"({"workers": [{"kind": "cpu", "count": 2}],
        "annotations": [{"row": "cpu-1", "at_ms": 20.5, "text": "failed wake-up"},
                        {"row": "cpu-2", "at_ms": 0.000123, "text": "ünïcode: «here» @ 1:2"}]})");
    REQUIRE(s.annotations.size() == 2);
    CHECK(s.annotations[0] == Annotation{"cpu-1", 20'500'000, "failed wake-up"});
    CHECK(s.annotations[1].at == 123);
    CHECK(s.annotations[1].text == "ünïcode: «here» @ 1:2");

    const QByteArray saved = scenarioToJson(s);
    CHECK(saved.contains("\"at_ms\": 20.5"));
    const Scenario back = parse(saved.toStdString());
    CHECK(back.annotations == s.annotations);
    CHECK(sameScenario(back, s));
}

TEST_CASE("a scenario without annotations saves no annotations key") {
    CHECK_FALSE(scenarioToJson(parse("{}")).contains("annotations"));
}

TEST_CASE("annotations are notes on the picture: the workload and its trace stay the same") {
    Scenario plain = parse(R"({"workers": [{"kind": "cpu", "count": 2, "cpu_ms": 20}]})");
    Scenario noted = plain;
    noted.annotations = {{"cpu-1", 5'000'000, "here"}};
    CHECK(sameWorkload(plain, noted));
    CHECK_FALSE(sameScenario(plain, noted));
    const auto a = simulate(plain), b = simulate(noted);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->trace->endNs == b->trace->endNs);
    CHECK(a->trace->eventCount() == b->trace->eventCount());
}

TEST_CASE("a bad annotation in a scenario file names its field and what is allowed") {
    CHECK(errorOf(R"({"annotations": {"row": "cpu-1"}})") ==
          "s.json: field annotations: expected an array of annotations, got an object");
    CHECK(errorOf(R"({"annotations": ["cpu-1@20ms"]})") ==
          "s.json: field annotations.0: expected an object with row, at_ms and text, got a string");
    CHECK(errorOf(R"({"annotations": [{"at_ms": 1, "text": "x"}]})") ==
          "s.json: field annotations.0.row: is missing: name the thread row to point at, e.g. "
          "\"cpu-1\"");
    CHECK(errorOf(R"({"annotations": [{"row": "cpu-1", "text": "x"}]})") ==
          "s.json: field annotations.0.at_ms: is missing: the time to point at, in ms from the "
          "start, e.g. 20.5");
    CHECK(errorOf(R"({"annotations": [{"row": "cpu-1", "at_ms": 1}]})") ==
          "s.json: field annotations.0.text: is missing: what the callout says");
    CHECK(errorOf(R"({"annotations": [{"row": "cpu-1", "at_ms": "20ms", "text": "x"}]})") ==
          "s.json: field annotations.0.at_ms: expected a number, got a string");
    CHECK(errorOf(R"({"annotations": [{"row": "cpu-1", "at_ms": -1, "text": "x"}]})")
              .starts_with("s.json: field annotations.0.at_ms: must be between 0 and 86400000 ms "
                           "from the start of the run, got -1"));
    CHECK(errorOf(R"({"annotations": [{"row": "cpu-1", "at_ms": 1, "text": "x", "colour": 1}]})")
              .starts_with("s.json: unknown key \"colour\" in annotations.0 (allowed: at_ms, row, "
                           "text)"));
    CHECK(errorOf(R"({"annotations": [{"row": "", "at_ms": 1, "text": "x"}]})") ==
          "s.json: field annotations.0.row: must name a thread row, e.g. \"cpu-1\"");
    CHECK(errorOf(R"({"annotations": [{"row": "a", "at_ms": 1, "text": "x"},
                                      {"row": "b", "at_ms": 1, "text": ""}]})") ==
          "s.json: field annotations.1.text: must not be empty");
    const std::string tooLong(201, 'x');
    CHECK(errorOf(R"({"annotations": [{"row": "a", "at_ms": 1, "text": ")" + tooLong + "\"}]}") ==
          "s.json: field annotations.0.text: at most 200 characters, got 201");
}

TEST_CASE("the option --annotate ROW@TIME:TEXT reads the row, the time in any unit and the rest as "
          "text") {
    CHECK(*parseAnnotation("cpu-1@20.5ms:failed wake-up") ==
          Annotation{"cpu-1", 20'500'000, "failed wake-up"});
    CHECK(parseAnnotation("cpu-1@20500us:x")->at == 20'500'000);
    CHECK(parseAnnotation("cpu-1@20500 µs:x")->at == 20'500'000);
    CHECK(parseAnnotation("io-1@1.5s:x")->at == 1'500'000'000);
    CHECK(parseAnnotation("io-1@250ns:x")->at == 250);
    CHECK(parseAnnotation("MainThread@0:start")->at == 0);
    CHECK(parseAnnotation(" cpu-2 @ 3ms : the text: with colons @ and ats ")->text ==
          "the text: with colons @ and ats");
}

TEST_CASE("a bad --annotate says which part is wrong") {
    CHECK(parseAnnotation("cpu-1 20ms failed").error() ==
          "expected ROW@TIME:TEXT, e.g. cpu-1@20.5ms:failed wake-up, got \"cpu-1 20ms failed\"");
    CHECK(parseAnnotation("cpu-1@20ms").error() ==
          "expected ROW@TIME:TEXT, e.g. cpu-1@20.5ms:failed wake-up, got \"cpu-1@20ms\"");
    CHECK(parseAnnotation("@20ms:x").error() ==
          "no row before '@' in \"@20ms:x\": name a thread row, e.g. cpu-1");
    CHECK(parseAnnotation("cpu-1@20ms:  ").error() ==
          "no text after the time in \"cpu-1@20ms:  \"");
    CHECK(parseAnnotation("cpu-1@twenty:x").error() ==
          "the time in \"cpu-1@twenty:x\": expected a time with a unit (ns, us, ms, s), e.g. "
          "20.5ms, got \"twenty\"");
    CHECK(parseAnnotation("cpu-1@20:x").error() ==
          "the time in \"cpu-1@20:x\": give a unit (ns, us, ms, s), e.g. 20.5ms, got \"20\"");
    CHECK(parseAnnotation("cpu-1@-2ms:x").error() ==
          "the time in \"cpu-1@-2ms:x\" must be between 0 and 86400 s");
}

TEST_CASE("an annotation is checked against the run it points into") {
    auto run = simulate(parse(R"({"workers": [{"kind": "cpu", "count": 2, "cpu_ms": 10}]})"));
    REQUIRE(run.ok());
    const Trace &trace = *run->trace;
    CHECK(annotationRow({"cpu-2", 0, "x"}, trace) == 1);
    CHECK(annotationProblem({"cpu-2", 1'000'000, "x"}, trace).empty());
    CHECK(annotationRow({"cpu-9", 0, "x"}, trace) == -1);
    CHECK(annotationProblem({"cpu-9", 0, "x"}, trace) ==
          "no row \"cpu-9\" in this run (rows: cpu-1, cpu-2)");
    const std::string late = annotationProblem({"cpu-1", trace.endNs + 1'000'000, "x"}, trace);
    CHECK(late.starts_with("at "));
    CHECK(late.find(", after the run ends at ") != std::string::npos);
}

TEST_CASE("typed times and ranges read the same in --range and the export dialog") {
    CHECK(*parseTime("20.5ms") == 20.5e6);
    CHECK(*parseTime(" 20 ms ") == 20e6);
    CHECK(*parseTime("1.5 µs") == 1500);
    CHECK(*parseTime("0") == 0);
    CHECK(parseTime("20").error() == "give a unit (ns, us, ms, s), e.g. 20.5ms, got \"20\"");

    CHECK(*parseTimeRange("20ms:21ms") == TimeWindow{20e6, 21e6});
    CHECK(*parseTimeRange("0:50ms") == TimeWindow{0, 50e6}); // a unit on one side is enough
    CHECK(*parseTimeRange("1.2s:1.25s") == TimeWindow{1.2e9, 1.25e9});
    CHECK(parseTimeRange("50").error() ==
          "expected START:END with a unit (ns, us, ms, s), e.g. 0:50ms, got \"50\"");
    CHECK(parseTimeRange("50ms:10ms").error() ==
          "the end must come after the start, and the start at 0 or later, got \"50ms:10ms\"");

    CHECK(*parseTimeRange("20 ms", "21 ms") == TimeWindow{20e6, 21e6});
    CHECK(*parseTimeRange("20", "21 ms") == TimeWindow{20e6, 21e6});
    CHECK(*parseTimeRange("500 µs", "1 ms") == TimeWindow{500e3, 1e6});
    CHECK(parseTimeRange("20", "21").error() ==
          "give a unit (ns, us, ms, s), e.g. 20ms, got \"20 to 21\"");
    CHECK(parseTimeRange("x", "21 ms").error() ==
          "the start: expected a time such as 20 ms (units ns, us, ms, s), got \"x\"");
    CHECK(parseTimeRange("21 ms", "20 ms").error() ==
          "the end must come after the start, and the start at 0 or later, got \"21 ms to 20 ms\"");
}
