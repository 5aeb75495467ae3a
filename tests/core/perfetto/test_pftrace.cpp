// Perfetto's native format: written in the protobuf wire format, recognised by its first bytes
// and read back identical to what was written, and to the same trace read from Chrome JSON.
#include "catalog/presets.h"
#include "perfetto/pftrace.h"
#include "perfetto/protowire.h"
#include "testsupport.h"
#include "trace/tracejson.h"

#include <limits>

using namespace gilscope::core;
using namespace gilscope::test;

namespace {

QByteArray pftraceOf(const Trace &trace) {
    ByteArraySink sink;
    writePerfettoTrace(trace, sink);
    return std::move(sink.bytes());
}

void requireIdentical(const Trace &a, const Trace &b) {
    CHECK(a.scenarioName == b.scenarioName);
    CHECK(a.interpreter == b.interpreter);
    CHECK(a.executor == b.executor);
    CHECK(a.cores == b.cores);
    CHECK(a.endNs == b.endNs);
    CHECK(a.sequentialNs == b.sequentialNs);
    CHECK(a.python == b.python);
    CHECK(a.switchIntervalMs == b.switchIntervalMs);
    CHECK(a.checkInterval == b.checkInterval);
    CHECK(b.importNote.empty());
    checkSameRows(a, b);
}

} // namespace

TEST_CASE("a trace written as .pftrace reads back identical, and identical to its Chrome JSON") {
    for (const char *preset :
         {"r6-convoy-1cpu", "r6-convoy-process", "multiprocessing-4cpu", "asyncio-200io-1cpu",
          "subinterpreters-4cpu", "free-threaded-3.14t", "r5-gil-countdown-10us"}) {
        INFO(preset);
        const auto trace = run(*loadPreset(preset));
        const QByteArray pftrace = pftraceOf(*trace);
        CHECK(looksLikePerfetto(pftrace));
        const auto fromProto = parseTrace(pftrace, "t.pftrace");
        INFO(fromProto.error());
        REQUIRE(fromProto.ok());
        const auto fromJson = parseTrace(traceToChromeJson(*trace), "t.json");
        REQUIRE(fromJson.ok());
        requireIdentical(**fromJson, **fromProto);
        requireIdentical(*trace, **fromProto);
        CHECK(fromProto.value()->eventCount() == trace->eventCount());
    }
}

TEST_CASE("a .pftrace with times before 0 and far from it reads as its Chrome JSON does") {
    Trace trace;
    trace.scenarioName = "edges";
    trace.endNs = 3'000'000'000'000'000;
    ThreadTrack t;
    t.info.name = "edge \"one\"";
    t.info.kind = "cpu";
    t.info.gilId = 0;
    t.segmentStart = {-2'000'000'000'000'000, 5, 2'999'999'999'999'999};
    t.segmentState = {ThreadState::WaitingForGil, ThreadState::Running, ThreadState::Done};
    t.markTime = {-2'000'000'000'000'000, 5, 5};
    t.markKind = {MarkKind::AcquireRequest, MarkKind::Acquire, MarkKind::Signal};
    trace.threads.push_back(t);
    const auto back = parseTrace(pftraceOf(trace), "t.pftrace");
    INFO(back.error());
    REQUIRE(back.ok());
    // Moved so that the earliest event is at 0, to the nanosecond.
    CHECK((*back)->threads.at(0).segmentStart ==
          std::vector<TimeNs>{0, 2'000'000'000'000'005, 4'999'999'999'999'999});
    CHECK((*back)->threads.at(0).markTime ==
          std::vector<TimeNs>{0, 2'000'000'000'000'005, 2'000'000'000'000'005});
    requireIdentical(**parseTrace(traceToChromeJson(trace), "t.json"), **back);
}

TEST_CASE("a .pftrace of the big legacy battle stays within 16 bytes per event") {
    const auto trace = run(*loadPreset("r2-legacy-2cpu-1core"));
    const double bytesPerEvent =
        static_cast<double>(pftraceOf(*trace).size()) / static_cast<double>(trace->eventCount());
    CHECK(bytesPerEvent < 16);
}

TEST_CASE("trace files are told apart by their first bytes; compressed ones are refused by name") {
    const auto trace = run(*loadPreset("r6-convoy-1cpu"));
    // A JSON trace that begins with a line break, as a protobuf packet (field 1) does.
    const auto json = parseTrace("\n" + traceToChromeJson(*trace), "t.json");
    INFO(json.error());
    CHECK(json.ok());
    CHECK(parseTrace(QByteArray("\x1f\x8b\x08\x00", 4), "t.json.gz").error() ==
          "t.json.gz: the file is gzip-compressed: unpack it first (gunzip)");
    CHECK(parseTrace(QByteArray("\x28\xb5\x2f\xfd", 4), "t.zst").error() ==
          "t.zst: the file is zstd-compressed: unpack it first (unzstd)");
    // Cut in the middle of a packet.
    const QByteArray whole = pftraceOf(*trace);
    const auto cut = parseTrace(whole.left(whole.size() - 3), "cut.pftrace");
    CHECK(cut.error().starts_with("cut.pftrace: packet "));
    CHECK(cut.error().ends_with(": not a valid protobuf message (the file looks truncated)"));
}

TEST_CASE("another tool's .pftrace: nested slices show the innermost, times start at the first") {
    // Plain names and explicit tracks, absolute times, no interning: what other producers write.
    proto::Message out;
    auto packet = [&](const proto::Message &p) { out.message(1, p); };
    {
        proto::Message thread, descriptor, p;
        thread.varint(1, 42);
        thread.varint(2, 7);
        thread.bytes(5, "renderer");
        descriptor.varint(1, 99);
        descriptor.message(4, thread);
        p.message(60, descriptor);
        packet(p);
    }
    auto event = [&](std::uint64_t t, std::uint64_t type, const char *name) {
        proto::Message e, p;
        p.varint(8, t);
        p.varint(10, 1);
        e.varint(9, type);
        e.varint(11, 99);
        if (name)
            e.bytes(23, name);
        p.message(11, e);
        packet(p);
    };
    event(1'000'000'000, 1, "frame");
    event(1'000'000'500, 1, "io"); // a state name: it shows
    event(1'000'000'800, 2, nullptr);
    event(1'000'001'000, 2, nullptr);
    event(1'000'001'000, 3, "vsync");
    const QByteArray bytes = QByteArray::fromStdString(out.data());
    const auto load = parseTrace(bytes, "other.pftrace");
    INFO(load.error());
    REQUIRE(load.ok());
    const auto &t = (*load)->threads.at(0);
    CHECK(t.info.name == "renderer");
    CHECK(t.info.gilId == -1);
    CHECK(segmentsOf(t) ==
          std::vector<std::string>{"0 running", "500 io", "800 running", "1000 done"});
    CHECK((*load)->importNote == "skipped 1 instant event");
}
