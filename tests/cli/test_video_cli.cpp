// Video exports end to end: `gilscope ... --export OUT.mp4|webm|gif`, read back with ffprobe and
// ffmpeg (scripts/setup-deps installs them; these tests need them).
#include <catch2/catch.hpp>

#include "support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

struct Run {
    int exitCode;
    QString out, err;
};

// The real binary without a display; `path` replaces PATH when given.
Run gilscope(const QStringList &args, const QString *path = nullptr) {
    clitest::Environment env{true, {}};
    if (path)
        env.set.push_back({QStringLiteral("PATH"), *path});
    const clitest::Output r = clitest::run(args, env);
    return {r.exitCode, r.text().trimmed(), r.err};
}

QString tool(const char *name) {
    const QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
    INFO(name << " is needed by the video tests: scripts/setup-deps installs it");
    REQUIRE_FALSE(found.isEmpty());
    return found;
}

QString run(const QString &program, const QStringList &args) {
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60'000));
    INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// "codec_name=h264", "width=320", ... of the first video stream, frames counted by decoding.
QStringList probe(const QString &file) {
    return run(tool("ffprobe"), {"-v", "error", "-select_streams", "v:0", "-count_frames",
                                 "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                 "-of", "default=noprint_wrappers=1", file})
        .split('\n', Qt::SkipEmptyParts);
}

// One checksum per decoded frame.
QStringList frameHashes(const QString &file) {
    QStringList hashes;
    for (const QString &line :
         run(tool("ffmpeg"), {"-v", "error", "-i", file, "-f", "framemd5", "-"})
             .split('\n', Qt::SkipEmptyParts))
        if (!line.startsWith('#'))
            hashes << line.section(',', -1).trimmed();
    return hashes;
}

const QStringList kBattle = {"--preset",   "r1-legacy-2cpu-4cores",
                             "--range",    "20ms:21ms",
                             "--duration", "1",
                             "--fps",      "10",
                             "--size",     "320x180"};

} // namespace

TEST_CASE("a video export plays the range: ffprobe reads the codec, size and frame count") {
    QTemporaryDir dir;
    struct Case {
        const char *name, *codec;
    };
    for (const Case c :
         {Case{"battle.mp4", "h264"}, Case{"battle.webm", "vp9"}, Case{"battle.gif", "gif"}}) {
        const QString out = dir.filePath(c.name);
        const Run r = gilscope(kBattle + QStringList{"--export", out});
        INFO(c.name << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.err.isEmpty());
        CHECK(r.out.startsWith(out + ": 10 frames of 320x180 at 10 frames/s, made in "));
        CHECK(probe(out) == QStringList{QStringLiteral("codec_name=") + c.codec, "width=320",
                                        "height=180", "nb_read_frames=10"});
        const QStringList hashes = frameHashes(out);
        REQUIRE(hashes.size() == 10);
        CHECK(hashes.first() != hashes.last()); // the story moves
    }
}

TEST_CASE("a video of the stage alone, with the playhead sweeping, is written too") {
    QTemporaryDir dir;
    const QString out = dir.filePath("stage.mp4");
    for (const char *layout : {"stage", "timeline"}) {
        const Run r = gilscope(kBattle + QStringList{"--export", out, "--layout", layout,
                                                     "--playhead", "sweep", "--theme", "dark"});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QStringList hashes = frameHashes(out);
        REQUIRE(hashes.size() == 10);
        CHECK(hashes.first() != hashes.last());
    }
}

TEST_CASE("without ffmpeg on PATH a video export says so and leaves the earlier file") {
    QTemporaryDir dir;
    const QString out = dir.filePath("battle.mp4");
    {
        QFile f(out);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("earlier");
    }
    const QString empty;
    const Run r = gilscope(kBattle + QStringList{"--export", out}, &empty);
    CHECK(r.exitCode == 2);
    CHECK(r.err == "gilscope: ffmpeg is not installed (not found on PATH): videos (.mp4, .webm, "
                   ".gif) are encoded by ffmpeg; install it, e.g. sudo apt-get install ffmpeg");
    CHECK(clitest::readAll(out) == "earlier");
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{"battle.mp4"});
}

TEST_CASE("bad video options are refused before simulating, naming the option") {
    QTemporaryDir dir;
    const QString out = dir.filePath("v.mp4");
    const QStringList preset = {"--preset", "r6-convoy-1cpu"};
    auto expectBad = [&](const QStringList &args, const QString &message) {
        const Run r = gilscope(preset + args);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err == "gilscope: " + message);
        CHECK_FALSE(QFile::exists(out));
    };
    expectBad({"--export", out, "--duration", "ten"}, "--duration: expected a number, got \"ten\"");
    expectBad({"--export", out, "--duration", "0.1"},
              "--duration: duration must be between 0.2 and 600 seconds, got 0.1");
    expectBad({"--export", out, "--fps", "120"}, "--fps: fps must be between 1 and 60, got 120");
    expectBad({"--export", out, "--layout", "grid"},
              "--layout: expected timeline, stage or both, got \"grid\"");
    expectBad({"--export", out, "--playhead", "jump"},
              "--playhead: expected reveal or sweep, got \"jump\"");
    expectBad({"--export", out, "--size", "321x180"},
              "--size: width and height must be even for .mp4, got 321x180");
    expectBad({"--export", out, "--size", "100x100"},
              "--size: width must be between 160 and 3840 pixels for a video, got 100");
    expectBad({"--export", out, "--scale", "2"},
              "--scale applies to PNG images; a video is --size pixels");
    expectBad({"--export", dir.filePath("v.png"), "--duration", "3"},
              "--duration shapes a video: use --export OUT.mp4|OUT.webm|OUT.gif");
    expectBad({"--metrics", "-", "--fps", "3"}, "--fps shapes an image or a video: add --export "
                                                "OUT.png|OUT.svg|OUT.pdf|OUT.mp4|OUT.webm|OUT.gif");
}
