// --annotate "ROW@TIME:TEXT" and a scenario file's annotations, end to end through the real
// binary: drawn into the export, and every mistake one line that names it.
#include <catch2/catch.hpp>

#include "support.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using Run = clitest::Output;
using clitest::readAll;

Run gilscope(const QStringList &args) {
    return clitest::gilscopeWithoutDisplay(args);
}

// Two CPU threads for 20 ms each: rows cpu-1 and cpu-2, a run of about 40 ms.
const QStringList kBattle = {"--preset", "r3-gil-2cpu-4cores", "--set", "workers.0.cpu_ms=20"};

void expectBad(const QStringList &args, const QString &message, const QString &out) {
    const Run r = gilscope(kBattle + args);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.err == "gilscope: " + message);
    CHECK_FALSE(QFile::exists(out));
}

} // namespace

TEST_CASE("the option --annotate draws its callouts into the export, repeatable, text and all") {
    QTemporaryDir dir;
    const QString out = dir.filePath("battle.svg");
    const Run r = gilscope(kBattle + QStringList{"--export", out, "--annotate",
                                                 "cpu-1@5ms:the first hand-off", "--annotate",
                                                 "cpu-2@20500us:cpu-2: runs again"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.isEmpty());
    const QByteArray svg = readAll(out);
    CHECK(svg.contains("the first hand-off"));
    CHECK(svg.contains("cpu-2: runs again"));

    // PNG and PDF too.
    for (const char *name : {"battle.png", "battle.pdf"}) {
        const QString file = dir.filePath(QString::fromLatin1(name));
        CHECK(gilscope(kBattle + QStringList{"--export", file, "--annotate", "cpu-1@5ms:here"})
                  .exitCode == 0);
        CHECK(readAll(file).size() > 1000);
    }
}

TEST_CASE("a scenario file's annotations are drawn; one on a row the run lacks is left out "
          "with a note") {
    QTemporaryDir dir;
    const QString scenario = dir.filePath("annotated.json");
    {
        QFile f(scenario);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "Annotated", "workers": [{"kind": "cpu", "count": 2, "cpu_ms": 20}],
                    "annotations": [{"row": "cpu-1", "at_ms": 5, "text": "from the file"},
                                    {"row": "cpu-2", "at_ms": 6, "text": "on the second row"}]})");
    }
    const QString out = dir.filePath("file.svg");
    Run r = gilscope({"--scenario", scenario, "--export", out});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(readAll(out).contains("from the file"));
    CHECK(readAll(out).contains("on the second row"));

    r = gilscope({"--scenario", scenario, "--set", "workers.0.count=1", "--export", out});
    REQUIRE(r.exitCode == 0);
    CHECK(r.err == "gilscope: note: annotations.1 left out: no row \"cpu-2\" in this run (rows: "
                   "cpu-1)");
    CHECK(readAll(out).contains("from the file"));
    CHECK_FALSE(readAll(out).contains("on the second row"));

    // A bad annotation in the file names its field.
    const QString bad = dir.filePath("bad.json");
    {
        QFile f(bad);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"annotations": [{"row": "cpu-1", "at_ms": "5ms", "text": "x"}]})");
    }
    r = gilscope({"--scenario", bad, "--export", out});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "gilscope: " + bad +
                       ": field annotations.0.at_ms: expected a number, got a "
                       "string");
}

TEST_CASE("a bad --annotate is one line naming the row, the time or the form expected") {
    QTemporaryDir dir;
    const QString out = dir.filePath("never.png");
    expectBad({"--export", out, "--annotate", "cpu-9@5ms:x"},
              "--annotate: no row \"cpu-9\" in this run (rows: cpu-1, cpu-2)", out);
    expectBad({"--export", out, "--annotate", "cpu-1@5:x"},
              "--annotate: the time in \"cpu-1@5:x\": give a unit (ns, us, ms, s), e.g. 20.5ms, "
              "got \"5\"",
              out);
    expectBad({"--export", out, "--annotate", "cpu-1@five ms:x"},
              "--annotate: the time in \"cpu-1@five ms:x\": expected a time with a unit (ns, us, "
              "ms, s), e.g. 20.5ms, got \"five ms\"",
              out);
    expectBad({"--export", out, "--annotate", "cpu-1:5ms:x"},
              "--annotate: expected ROW@TIME:TEXT, e.g. cpu-1@20.5ms:failed wake-up, got "
              "\"cpu-1:5ms:x\"",
              out);
    const Run late = gilscope(kBattle + QStringList{"--export", out, "--annotate", "cpu-1@9s:x"});
    CHECK(late.exitCode == 2);
    CHECK(late.err.startsWith("gilscope: --annotate: at 9000 ms, after the run ends at "));
    CHECK_FALSE(QFile::exists(out));
    expectBad({"--metrics", dir.filePath("m.json"), "--annotate", "cpu-1@5ms:x"},
              "--annotate shapes an image or a video: add --export "
              "OUT.png|OUT.svg|OUT.pdf|OUT.mp4|OUT.webm|OUT.gif",
              out);
    const Run compare = gilscope({"--compare", "r3-gil-2cpu-4cores", "r1-legacy-2cpu-4cores",
                                  "--export", out, "--annotate", "cpu-1@5ms:x"});
    CHECK(compare.exitCode == 2);
    CHECK(compare.err == "gilscope: --annotate points at a row of one run; --compare draws two");
}
