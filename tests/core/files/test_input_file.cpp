// Reading inputs: regular files only, within a limit, and file names that are not UTF-8.
#include "catalog/machineprofile.h"
#include "files/inputfile.h"
#include "files/localpath.h"
#include "files/outputfile.h"
#include "scenario/scenariojson.h"
#include "trace/tracejson.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace gilscope::core;

namespace {

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("an input is read whole from a regular file, kernel files of size 0 included") {
    QTemporaryDir dir;
    writeFile(dir.filePath("s.json"), "{\"cores\": 2}");
    CHECK(*readInputFile(dir.filePath("s.json"), InputLimit::scenario()) == "{\"cores\": 2}");
    // /proc reports a size of 0: the reader trusts the end of the file, not the size.
    const auto status = readInputFile("/proc/self/status", InputLimit::scenario());
    REQUIRE(status.ok());
    CHECK(status->contains("Pid:"));
}

TEST_CASE("a device, a FIFO and a folder are refused by name and limit, without being read") {
    CHECK(readInputFile("/dev/zero", InputLimit::trace()).error() ==
          "/dev/zero: cannot read a character device: a trace is read from a regular file of at "
          "most 4 GiB");
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe.json");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // No writer ever comes: opening it for reading would wait forever.
    CHECK(readInputFile(fifo, InputLimit::scenario()).error() ==
          fifo.toStdString() +
              ": cannot read a FIFO: a scenario is read from a regular file of at most 16 MiB");
    CHECK(readInputFile(dir.path(), InputLimit::machineProfile()).error() ==
          dir.path().toStdString() +
              ": cannot read a folder: a machine profile is read from a regular file of at "
              "most 1 MiB");
    CHECK(readInputFile(dir.filePath("missing.json"), InputLimit::scenario()).error() ==
          dir.filePath("missing.json").toStdString() + ": cannot read: No such file or directory");
}

TEST_CASE("an input over its limit is refused with its size and the limit") {
    QTemporaryDir dir;
    writeFile(dir.filePath("big.json"), QByteArray(3000, ' '));
    const InputLimit small{2048, "a test file"};
    CHECK(readInputFile(dir.filePath("big.json"), small).error() ==
          dir.filePath("big.json").toStdString() +
              ": cannot read: 2.9 KiB, more than the 2 KiB a test file may be");
    CHECK(readInputFile(dir.filePath("big.json"), {3000, "a test file"})->size() == 3000);
    CHECK(formatBytes(1 << 30) == "1 GiB");
    CHECK(formatBytes(16 << 20) == "16 MiB");
    CHECK(formatBytes(1) == "1 byte");
}

TEST_CASE("scenarios, traces and machine profiles refuse /dev/zero and FIFOs by name") {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("fifo.json");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    CHECK_THAT(loadScenarioFile("/dev/zero").error(),
               Catch::StartsWith("/dev/zero: cannot read a character device: a scenario"));
    CHECK_THAT(loadScenarioFile(fifo).error(),
               Catch::StartsWith(fifo.toStdString() + ": cannot read a FIFO: a scenario"));
    CHECK_THAT(loadTraceFile("/dev/zero").error(),
               Catch::StartsWith("/dev/zero: cannot read a character device: a trace"));
    CHECK_THAT(loadTraceFile(fifo).error(),
               Catch::StartsWith(fifo.toStdString() + ": cannot read a FIFO: a trace"));
    const auto machine = parseScenarioJson(R"({"machine": "/dev/zero"})", "s.json", {},
                                           MachineProfileStore({dir.path()}));
    CHECK(machine.error() == "s.json: field machine: /dev/zero: cannot read a character device: "
                             "a machine profile is read from a regular file of at most 1 MiB");
}

TEST_CASE("file names that are not UTF-8 round-trip to the same bytes") {
    const QByteArray raw("caf\xe9-\xff\xfe.json");
    const QString name = decodeLocalPath(raw);
    CHECK(encodeLocalPath(name) == raw);
    CHECK(displayPath(name) == raw.toStdString());
    // Valid UTF-8 decodes as Qt does, astral planes and all.
    const QByteArray utf8("r\xc3\xa9sum\xc3\xa9-\xf0\x9f\x90\x8d.json");
    CHECK(decodeLocalPath(utf8) == QString::fromUtf8(utf8));
    CHECK(encodeLocalPath(QString::fromUtf8(utf8)) == utf8);
    // Bytes that only look like UTF-8 (an encoded surrogate, an overlong '/') stay bytes.
    for (const QByteArray &odd : {QByteArray("\xed\xb2\x80"), QByteArray("\xc0\xaf"),
                                  QByteArray("\xe2\x82"), QByteArray("\xf4\x90\x80\x80")})
        CHECK(encodeLocalPath(decodeLocalPath(odd)) == odd);
}

TEST_CASE("a file whose name is not UTF-8 is read and written under that very name") {
    QTemporaryDir dir;
    const QByteArray folder = QFile::encodeName(dir.path());
    const QByteArray input = folder + "/caf\xe9.json", output = folder + "/out\xe9.json";
    const int fd = ::open(input.constData(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "{\"cores\": 3}", 12) == 12);
    ::close(fd);

    const auto scenario = loadScenarioFile(decodeLocalPath(input));
    INFO(scenario.error());
    REQUIRE(scenario.ok());
    CHECK(scenario->cores == 3);

    REQUIRE(writeOutputFile(decodeLocalPath(output), "written").ok());
    struct stat info {};
    CHECK(::stat(output.constData(), &info) == 0);
    CHECK(info.st_size == 7);
    CHECK(pathExists(decodeLocalPath(output)));
    CHECK(absoluteFolderOf(decodeLocalPath(output)) == decodeLocalPath(folder));
    CHECK(absoluteFolderOf("s.json") == QDir::currentPath());
    // QTemporaryDir cannot name these files to remove them.
    ::unlink(input.constData());
    ::unlink(output.constData());
}
