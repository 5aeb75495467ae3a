// Whether `gilscope record` samples or instruments: /proc checked for the files the sampler
// reads, and the choice between what was asked for and what works here.
#include "sampling/samplingcheck.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace gilscope::core;

namespace {
// A stand-in /proc: self/ with the files given, each holding one line.
void writeSelf(const QTemporaryDir &root, std::initializer_list<const char *> files) {
    REQUIRE(QDir(root.path()).mkpath("self"));
    for (const char *name : files) {
        QFile f(root.filePath(QString("self/") + name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("1 2 3\n");
    }
}
} // namespace

#ifdef __linux__
TEST_CASE("this machine's /proc has what sampling reads") {
    const auto check = checkProcSampling();
    INFO(check.error());
    CHECK(check.ok());
}

TEST_CASE("a /proc without a thread's schedstat or syscall is named as unusable for sampling") {
    QTemporaryDir root;
    SECTION("all three files") {
        writeSelf(root, {"stat", "schedstat", "syscall"});
        CHECK(checkProcSampling(root.path().toStdString()).ok());
    }
    SECTION("no schedstat") {
        writeSelf(root, {"stat", "syscall"});
        const auto check = checkProcSampling(root.path().toStdString());
        REQUIRE_FALSE(check.ok());
        CHECK(check.error() == root.filePath("self/schedstat").toStdString() +
                                   " cannot be read (a kernel without CONFIG_SCHED_INFO has "
                                   "none): sampling needs each thread's schedstat");
    }
    SECTION("nothing mounted") {
        const auto check = checkProcSampling(root.filePath("absent").toStdString());
        REQUIRE_FALSE(check.ok());
        CHECK(check.error().find("self/stat cannot be read (is /proc mounted?)") !=
              std::string::npos);
    }
}
#endif

TEST_CASE("record samples unless told to instrument; without /proc it instruments and says why") {
    const Result<void> usable;
    const Result<void> unusable = Error{"/proc/self/schedstat cannot be read"};

    const auto byDefault = chooseRecordingMethod(false, false, usable);
    REQUIRE(byDefault.ok());
    CHECK(byDefault->sample);
    CHECK(byDefault->note.empty());

    const auto asked = chooseRecordingMethod(true, false, usable);
    REQUIRE(asked.ok());
    CHECK(asked->sample);

    const auto instrument = chooseRecordingMethod(false, true, unusable);
    REQUIRE(instrument.ok());
    CHECK_FALSE(instrument->sample);
    CHECK(instrument->note.empty()); // what was asked for: nothing to say

    const auto fallback = chooseRecordingMethod(false, false, unusable);
    REQUIRE(fallback.ok());
    CHECK_FALSE(fallback->sample);
    CHECK(fallback->note == "cannot sample here (/proc/self/schedstat cannot be read); recording "
                            "with the instrumenting recorder (--instrument) instead, which "
                            "slows the script");

    const auto refused = chooseRecordingMethod(true, false, unusable);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == "--sample: /proc/self/schedstat cannot be read; use --instrument");

    const auto both = chooseRecordingMethod(true, true, usable);
    REQUIRE_FALSE(both.ok());
    CHECK(both.error() == "--sample and --instrument: choose one way of recording");
}
