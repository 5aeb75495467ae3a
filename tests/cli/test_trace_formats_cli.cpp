// Trace formats on the command line: --trace picks Chrome JSON or Perfetto's protobuf by the
// extension, --load-trace tells them apart by their first bytes and reports what it skipped.
#include "support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using clitest::Output;
using clitest::run;

TEST_CASE(
    "a trace written to OUT.pftrace is protobuf that loads with the same metrics as the JSON") {
    QTemporaryDir dir;
    const QString json = dir.filePath("convoy.json"), proto = dir.filePath("convoy.pftrace");
    const Output wrote = run({"--preset", "r6-convoy-2cpu", "--trace", json});
    REQUIRE(wrote.exitCode == 0);
    REQUIRE(run({"--preset", "r6-convoy-2cpu", "--trace", proto}).exitCode == 0);
    const QByteArray bytes = clitest::readAll(proto);
    REQUIRE(bytes.size() > 0);
    CHECK(bytes[0] == '\x0a'); // field 1 (packet), length-delimited
    CHECK(bytes.size() * 4 < clitest::readAll(json).size());
    const Output fromJson = run({"--load-trace", json, "--metrics", "-"});
    const Output fromProto = run({"--load-trace", proto, "--metrics", "-"});
    INFO(fromProto.err.toStdString());
    REQUIRE(fromProto.exitCode == 0);
    CHECK(fromProto.err.isEmpty()); // nothing skipped
    CHECK(QJsonDocument::fromJson(fromProto.out).object() ==
          QJsonDocument::fromJson(fromJson.out).object());
}

TEST_CASE("loading another tool's trace reports what it skipped in one line") {
    const Output r =
        run({"--load-trace", GILSCOPE_TEST_DATA "/chromium-trace.json", "--metrics", "-"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.endsWith("chromium-trace.json: skipped 1 counter sample, 2 flow events, 1 "
                         "instant event, 1 object event"));
    CHECK(!r.err.contains('\n'));
}
