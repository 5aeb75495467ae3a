// Machine profiles and recordings-as-scenarios on the command line.
#include <catch2/catch.hpp>

#include "support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using Result = clitest::Output;

// Runs gilscope with its profile directory under `dataHome`.
Result run(const QStringList &args, const QString &dataHome) {
    return clitest::run(args, {false, {{"XDG_DATA_HOME", dataHome}}});
}

void writeProfile(const QString &path, const QByteArray &params) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"gilscope_machine_profile": 1, "name": "slowbox", "description": "test",
                "params": )" +
            params + "}");
}

double makespan(const Result &r) {
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return QJsonDocument::fromJson(r.out).object()["makespan_ms"].toDouble();
}

} // namespace

TEST_CASE("naming a machine profile gives a preset this machine's measured costs") {
    QTemporaryDir home;
    QDir(home.path()).mkpath("gilscope/machines");
    // Costly wake-ups and contention: the old GIL's battle gets slower.
    writeProfile(home.filePath("gilscope/machines/slowbox.json"),
                 R"({"contention_ns": 900, "signal_cost_us": 4})");
    const double plain =
        makespan(run({"--preset", "r1-legacy-2cpu-4cores", "--metrics", "-"}, home.path()));
    const double slow = makespan(
        run({"--preset", "r1-legacy-2cpu-4cores", "--machine", "slowbox", "--metrics", "-"},
            home.path()));
    CHECK(slow > plain * 1.1);
    // The same profile given as a file.
    const double byFile =
        makespan(run({"--preset", "r1-legacy-2cpu-4cores", "--machine",
                      home.filePath("gilscope/machines/slowbox.json"), "--metrics", "-"},
                     home.path()));
    CHECK(byFile == slow);

    const Result listed = run({"--list-machines"}, home.path());
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.contains("slowbox  (test)"));
    CHECK(listed.out.contains("contention_ns        900"));
}

TEST_CASE("an unknown machine profile is refused with how to make one") {
    QTemporaryDir home;
    const Result r =
        run({"--preset", "r6-convoy-1cpu", "--machine", "nope", "--metrics", "-"}, home.path());
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains("no machine profile \"nope\""));
    CHECK(r.err.contains("gilscope calibrate --name nope"));
    const Result none = run({"--list-machines"}, home.path());
    CHECK(none.exitCode == 0);
    CHECK(none.out.contains("No machine profiles in"));
}

TEST_CASE("a loaded trace becomes the scenario that simulates it") {
    QTemporaryDir dir;
    const QString trace = dir.filePath("convoy.trace.json");
    REQUIRE(run({"--scenario", QString(GILSCOPE_TEST_DATA) + "/convoy.json", "--trace", trace},
                dir.path())
                .exitCode == 0);
    const QString scenario = dir.filePath("equivalent.json");
    const Result r = run({"--load-trace", trace, "--as-scenario", scenario}, dir.path());
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    // The written scenario runs, with the trace's interpreter and cores.
    const Result again = run({"--scenario", scenario, "--metrics", "-"}, dir.path());
    INFO(again.err.toStdString());
    REQUIRE(again.exitCode == 0);
    const QJsonObject m = QJsonDocument::fromJson(again.out).object();
    CHECK(m["interpreter"].toString() == "gil");
    CHECK(m["cores"].toInt() == 2);

    const Result misuse =
        run({"--preset", "r6-convoy-1cpu", "--as-scenario", scenario}, dir.path());
    CHECK(misuse.exitCode == 2);
    CHECK(misuse.err.contains("use it with --load-trace"));
}

TEST_CASE("a recording's scenario on a machine names the profile and follows it") {
    QTemporaryDir dir;
    writeProfile(dir.filePath("box.json"), R"({"contention_ns": 900, "signal_cost_us": 4})");
    const QString trace = dir.filePath("convoy.trace.json");
    REQUIRE(run({"--scenario", QString(GILSCOPE_TEST_DATA) + "/convoy.json", "--trace", trace},
                dir.path())
                .exitCode == 0);
    const QString scenario = dir.filePath("equivalent.json");
    const Result r = run(
        {"--load-trace", trace, "--as-scenario", scenario, "--machine", dir.filePath("box.json")},
        dir.path());
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QFile f(scenario);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
    CHECK(written["machine"].toString() == dir.filePath("box.json"));
    CHECK_FALSE(written["params"].toObject().contains("contention_ns")); // left to the profile
    CHECK(written["params"].toObject().contains("switch_interval_ms"));
}

TEST_CASE("calibrate refuses a missing interpreter and a bad profile name before measuring") {
    QTemporaryDir home;
    const Result missing = run({"calibrate", "--python", "/no/such/python"}, home.path());
    CHECK(missing.exitCode == 2);
    CHECK(missing.err == "gilscope calibrate: /no/such/python: no such Python interpreter");
    const Result badName = run({"calibrate", "--name", "my box"}, home.path());
    CHECK(badName.exitCode == 2);
    CHECK(badName.err.contains("--name my box: use letters, digits"));
    const Result both = run({"calibrate", "--name", "a", "--out", "b.json"}, home.path());
    CHECK(both.exitCode == 2);
    CHECK(both.err.contains("not both"));
    const Result file = run({"calibrate", "--name", "lab.json"}, home.path());
    CHECK(file.exitCode == 2);
    CHECK(file.err.contains("a name, not a file"));
    // A profile that could not be saved would cost the whole measurement: refused first.
    QFile blocker(home.filePath("blocker"));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Result unwritable =
        run({"calibrate", "--out", home.filePath("blocker/p.json")}, home.path());
    CHECK(unwritable.exitCode == 2);
    CHECK(unwritable.err.contains("cannot create the directory " + home.filePath("blocker")));
    CHECK_FALSE(unwritable.err.contains("Measuring"));
}
