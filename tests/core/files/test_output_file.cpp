// Writing files: all or nothing for regular files, in place for devices, FIFOs and descriptors,
// and every failure in the system's words with the earlier file untouched.
#include "catalog/machineprofile.h"
#include "files/outputfile.h"
#include "fulldisk.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

using namespace gilscope::core;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Everything in the folder, hidden files included: no temporary file may be left behind.
QStringList entries(const QTemporaryDir &dir) {
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                   QDir::Name);
}

// A disk that takes `room` bytes, then fails every write with ENOSPC.
OutputCalls diskWithRoomFor(std::size_t room) {
    OutputCalls calls;
    auto left = std::make_shared<std::size_t>(room);
    calls.write = [left](int fd, const void *data, std::size_t size) -> ssize_t {
        if (*left == 0) {
            errno = ENOSPC;
            return -1;
        }
        const std::size_t n = std::min(size, *left); // a short write first, as a real disk does
        *left -= n;
        return ::write(fd, data, n);
    };
    return calls;
}

mode_t modeOf(const QString &path) {
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode;
}

ino_t inodeOf(const QString &path) {
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_ino;
}

} // namespace

TEST_CASE("an output replaces a regular file whole and keeps its permissions") {
    QTemporaryDir dir;
    const QString path = dir.filePath("m.json");
    writeFile(path, "earlier contents, longer than the new ones");
    REQUIRE(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    const ino_t before = inodeOf(path);

    REQUIRE(writeOutputFile(path, "new").ok());
    CHECK(readAll(path) == "new");
    CHECK((modeOf(path) & 07777) == 0640);
    CHECK(inodeOf(path) != before); // a new file renamed into place, not rewritten
    CHECK(entries(dir) == QStringList{"m.json"});

    REQUIRE(writeOutputFile(dir.filePath("fresh.csv"), "a,b\n").ok());
    CHECK(readAll(dir.filePath("fresh.csv")) == "a,b\n");
    CHECK(entries(dir) == QStringList{"fresh.csv", "m.json"});
}

TEST_CASE("a full disk leaves the earlier file untouched and says so in the system's words") {
    QTemporaryDir dir;
    const QString path = dir.filePath("m.json");
    writeFile(path, "earlier");

    // Small: the failure only shows when the buffer is flushed at commit.
    const auto small = writeOutputFile(path, "{\"small\": true}", diskWithRoomFor(0));
    CHECK(small.error() == path.toStdString() + ": cannot write: No space left on device");
    CHECK(readAll(path) == "earlier");

    // Streamed: fails part-way, after some chunks reached the disk; the writer is told to stop.
    int refused = 0;
    const auto streamed = streamOutputFile(
        path,
        [&](ByteSink &sink) {
            const QByteArray chunk(100'000, 'x');
            for (int i = 0; i < 100; ++i)
                if (!sink.write(chunk))
                    ++refused;
        },
        diskWithRoomFor(1'000'000));
    CHECK(streamed.error() == path.toStdString() + ": cannot write: No space left on device");
    CHECK(refused > 0);
    CHECK(readAll(path) == "earlier");
    CHECK(entries(dir) == QStringList{"m.json"});
}

TEST_CASE("a failing fsync leaves the earlier file untouched") {
    QTemporaryDir dir;
    const QString path = dir.filePath("scenario.json");
    writeFile(path, "earlier");
    OutputCalls calls;
    calls.fsync = [](int) {
        errno = EIO;
        return -1;
    };
    CHECK(writeOutputFile(path, "new", calls).error() ==
          path.toStdString() + ": cannot write: Input/output error");
    CHECK(readAll(path) == "earlier");
    CHECK(entries(dir) == QStringList{"scenario.json"});
}

TEST_CASE("an output never committed leaves the earlier file and no temporary file") {
    QTemporaryDir dir;
    const QString path = dir.filePath("t.json");
    writeFile(path, "earlier");
    {
        auto file = OutputFile::open(path);
        REQUIRE(file.ok());
        CHECK((*file)->replacesTarget());
        (*file)->write("half a tra");
        CHECK(entries(dir).size() == 2); // the temporary file, beside the target
    }
    CHECK(readAll(path) == "earlier");
    CHECK(entries(dir) == QStringList{"t.json"});
}

TEST_CASE("on a real full disk every output fails and the earlier files stay") {
    gilscope::test::FullDisk disk;
    if (!disk.mounted()) {
        WARN("skipped: cannot mount a small tmpfs here (" << disk.whyNot() << ")");
        return;
    }
    disk.put("m.json", "earlier metrics");
    disk.put("lab.json", "earlier profile");
    REQUIRE(disk.fill());

    const QString metrics = disk.filePath("m.json");
    CHECK(writeOutputFile(metrics, QByteArray(300, 'm')).error() ==
          metrics.toStdString() + ": cannot write: No space left on device");
    CHECK(readAll(metrics) == "earlier metrics");

    MachineProfile profile;
    profile.name = "lab";
    profile.params["tick_ns"] = 7.5;
    const QString lab = disk.filePath("lab.json");
    CHECK(saveMachineProfile(profile, lab).error() ==
          lab.toStdString() + ": cannot write: No space left on device");
    CHECK(readAll(lab) == "earlier profile");

    const QString fresh = disk.filePath("new.json");
    CHECK_FALSE(writeOutputFile(fresh, "x").ok());
    CHECK_FALSE(QFile::exists(fresh));
    CHECK(QDir(QFileInfo(metrics).path())
              .entryList(QDir::Files | QDir::Hidden)
              .filter(".tmp")
              .isEmpty());
}

TEST_CASE("a FIFO is written in place and stays a FIFO") {
    QTemporaryDir dir;
    const QString path = dir.filePath("fifo");
    REQUIRE(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    QByteArray received;
    std::thread reader([&] {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            received = f.readAll();
    });
    const QByteArray big(3'000'000, 'f'); // more than a pipe holds: the reader must drain it
    const auto written = writeOutputFile(path, big);
    // Should the writer fail before opening the FIFO, the reader is let go rather than left
    // waiting (a FIFO opens for writing without blocking only while a reader waits).
    if (const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
        ::close(fd);
    reader.join();
    INFO(written.error());
    CHECK(written.ok());
    CHECK(received == big);
    CHECK(S_ISFIFO(modeOf(path)));
    CHECK(entries(dir) == QStringList{"fifo"});
}

TEST_CASE("a descriptor path is written in place: a pipe, and a file that keeps its inode") {
    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    const QString pipePath = QString("/proc/self/fd/%1").arg(pipeFds[1]);
    REQUIRE(writeOutputFile(pipePath, "through the pipe").ok());
    ::close(pipeFds[1]);
    char buffer[64] = {};
    CHECK(::read(pipeFds[0], buffer, sizeof buffer) == 16);
    CHECK(QByteArray(buffer) == "through the pipe");
    ::close(pipeFds[0]);

    QTemporaryDir dir;
    const QString file = dir.filePath("out.json");
    writeFile(file, "earlier, longer contents");
    const ino_t inode = inodeOf(file);
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY);
    REQUIRE(fd >= 0);
    auto out = OutputFile::open(QString("/proc/self/fd/%1").arg(fd));
    REQUIRE(out.ok());
    CHECK_FALSE((*out)->replacesTarget());
    (*out)->write("new");
    CHECK((*out)->commit().ok());
    ::close(fd);
    CHECK(readAll(file) == "new");
    CHECK(inodeOf(file) == inode);
}

TEST_CASE("standard output reports its errors like a file") {
    auto out = OutputFile::open("-", diskWithRoomFor(0));
    REQUIRE(out.ok());
    CHECK_FALSE((*out)->replacesTarget());
    (*out)->write("metrics");
    CHECK((*out)->commit().error() == "standard output: cannot write: No space left on device");
}

TEST_CASE("a symbolic link keeps pointing at the file it names, which gets the new contents") {
    QTemporaryDir dir;
    const QString target = dir.filePath("real.json"), link = dir.filePath("link.json");
    writeFile(target, "earlier");
    REQUIRE(QFile::link(target, link));
    REQUIRE(writeOutputFile(link, "new").ok());
    CHECK(QFileInfo(link).isSymLink());
    CHECK(readAll(target) == "new");
}

TEST_CASE("an output where none can go is refused with the system's reason") {
    QTemporaryDir dir;
    CHECK(writeOutputFile("/nonexistent-dir/m.json", "x").error() ==
          "/nonexistent-dir/m.json: cannot write: No such file or directory");
    CHECK(writeOutputFile(dir.path(), "x").error() ==
          dir.path().toStdString() + ": cannot write: Is a directory");
    CHECK(OutputFile::probe("/nonexistent-dir/m.json").error() ==
          "/nonexistent-dir/m.json: cannot write: No such file or directory");
    CHECK(OutputFile::probe(dir.filePath("p.json")).ok());
    CHECK(entries(dir).isEmpty()); // the probe's temporary file is gone again
}
