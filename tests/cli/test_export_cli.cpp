// Headless export end to end: `gilscope ... --export OUT.png|svg|pdf` as scripts and talk
// preparation call it, with no display at all.
#include <catch2/catch.hpp>

#include "support.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QSizeF>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtEndian>

namespace {

using Run = clitest::Output;
using clitest::readAll;

Run gilscope(const QStringList &args) {
    return clitest::gilscopeWithoutDisplay(args);
}

QString data(const char *name) {
    return QString(GILSCOPE_TEST_DATA) + "/" + name;
}

// Width and height from a PNG's IHDR chunk (the test links QtCore only: no image decoder).
QSize pngSize(const QByteArray &png) {
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.mid(12, 4) != "IHDR")
        return {};
    return QSize(qFromBigEndian<qint32>(png.constData() + 16),
                 qFromBigEndian<qint32>(png.constData() + 20));
}

bool wellFormedXml(const QByteArray &xml) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

QSizeF pdfPage(const QByteArray &pdf) {
    const auto m =
        QRegularExpression(QStringLiteral(R"(/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+))"))
            .match(QString::fromLatin1(pdf));
    return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

void expectBad(const QStringList &args, const QString &message) {
    const Run r = gilscope(args);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 2);
    CHECK(r.err.startsWith("gilscope: "));
    CHECK(r.err.contains(message));
    CHECK_FALSE(r.err.contains('\n'));
}

} // namespace

TEST_CASE("export: a PNG is exactly (W x S) x (H x S) pixels, without a display") {
    QTemporaryDir dir;
    const QString out = dir.filePath("convoy.png");
    const Run r = gilscope({"--scenario", data("convoy.json"), "--export", out, "--size", "800x450",
                            "--scale", "2", "--theme", "dark", "--range", "0:50ms", "--title",
                            "The convoy effect", "--caption"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.isEmpty()); // nothing but problems goes to standard error
    CHECK(pngSize(readAll(out)) == QSize(1600, 900));

    REQUIRE(gilscope({"--preset", "r6-convoy-1cpu", "--export", out}).exitCode == 0);
    CHECK(pngSize(readAll(out)) == QSize(1920, 1080)); // the default: a Full HD slide
    REQUIRE(gilscope({"--preset", "r6-convoy-1cpu", "--export", out, "--size", "1024x768",
                      "--scale", "3x"})
                .exitCode == 0);
    CHECK(pngSize(readAll(out)) == QSize(3072, 2304));
}

TEST_CASE("export: an SVG parses and carries the state colours and the title") {
    QTemporaryDir dir;
    const QString out = dir.filePath("battle.svg");
    const Run r = gilscope({"--preset", "r1-legacy-2cpu-4cores", "--export", out, "--range",
                            "20ms:21ms", "--title", "The GIL battle"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QByteArray svg = readAll(out);
    REQUIRE(svg.contains("<svg"));
    CHECK(wellFormedXml(svg));
    CHECK(svg.contains("#1f9d3c")); // light slide: running
    CHECK(svg.contains("#7f91aa")); // waiting for the GIL
    CHECK(svg.contains("The GIL battle"));
    CHECK(svg.contains("cpu-1"));
}

TEST_CASE("export: a PDF is one page of the requested aspect") {
    QTemporaryDir dir;
    const QString out = dir.filePath("convoy.pdf");
    for (const QSize size : {QSize(1920, 1080), QSize(1024, 768)}) {
        const Run r = gilscope({"--preset", "r6-convoy-2cpu", "--export", out, "--size",
                                QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QByteArray pdf = readAll(out);
        REQUIRE(pdf.startsWith("%PDF"));
        CHECK(pdf.count("/MediaBox") == 1);
        const QSizeF page = pdfPage(pdf);
        REQUIRE(page.height() > 0);
        CHECK(page.width() / page.height() ==
              Approx(double(size.width()) / size.height()).epsilon(0.005));
    }
}

TEST_CASE("export: a trace file draws like the run it came from") {
    QTemporaryDir dir;
    const QString trace = dir.filePath("t.json"), out = dir.filePath("t.png");
    REQUIRE(gilscope({"--preset", "r6-convoy-1cpu", "--trace", trace}).exitCode == 0);
    const Run r = gilscope({"--load-trace", trace, "--export", out, "--size", "640x360"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(pngSize(readAll(out)) == QSize(640, 360));
}

TEST_CASE("export: other outputs come along in the same run") {
    QTemporaryDir dir;
    const QString png = dir.filePath("a.png"), metrics = dir.filePath("m.json");
    REQUIRE(
        gilscope({"--preset", "threading-4cpu", "--metrics", metrics, "--export", png}).exitCode ==
        0);
    CHECK(readAll(metrics).contains("\"makespan_ms\""));
    CHECK(pngSize(readAll(png)).isValid());
}

TEST_CASE("export: compare draws A above B into one image") {
    QTemporaryDir dir;
    const QString out = dir.filePath("compare.png");
    const Run r =
        gilscope({"--compare", "r1-legacy-2cpu-4cores", "r3-gil-2cpu-4cores", "--export", out,
                  "--size", "1280x720", "--scale", "2", "--title", "Old GIL, new GIL"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(pngSize(readAll(out)) == QSize(2560, 1440));
    const QString svg = dir.filePath("compare.svg");
    REQUIRE(
        gilscope({"--compare", data("convoy.json"), "r6-convoy-1cpu", "--export", svg}).exitCode ==
        0);
    CHECK(wellFormedXml(readAll(svg)));
    expectBad({"--compare", "r1-legacy-2cpu-4cores", "--export", out},
              "--compare takes two scenarios");
    expectBad({"--compare", "r1-legacy-2cpu-4cores", "r3-gil-2cpu-4cores"},
              "--compare writes its image to --export");
    expectBad({"--compare", "r1-legacy-2cpu-4cores", "no-such-preset", "--export", out},
              "unknown preset \"no-such-preset\"");
}

TEST_CASE("export: bad input is one line, exit 2, and the earlier file stays") {
    QTemporaryDir dir;
    const QString out = dir.filePath("slide.png");
    {
        QFile f(out);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("earlier");
    }
    const QString cut = dir.filePath("cut.json");
    {
        QFile f(cut);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("{\"traceEvents\": [\n{\"ph\": \"X\", \"name\": \"running\",");
    }
    const QStringList preset = {"--preset", "r6-convoy-1cpu"};
    expectBad(preset + QStringList{"--export", "/nonexistent-dir/x.png"},
              "/nonexistent-dir/x.png: cannot write");
    expectBad(preset + QStringList{"--export", dir.filePath("slide.bmp")},
              "slide.bmp: unknown format: use .png, .svg or .pdf for an image, .mp4, .webm or "
              ".gif for a video");
    expectBad({"--load-trace", cut, "--export", out}, "cut.json: line 2, column");
    expectBad({"--load-trace", data("malformed.json"), "--export", out}, "malformed.json: line");
    expectBad(preset + QStringList{"--export", out, "--size", "big"},
              "--size: expected WIDTHxHEIGHT in pixels, e.g. 1920x1080, got \"big\"");
    expectBad(preset + QStringList{"--export", out, "--size", "20x1080"},
              "--size: width must be between 480 and 16384 pixels (smaller makes the labels "
              "unreadable), got 20");
    expectBad(preset + QStringList{"--export", out, "--scale", "1.5"},
              "--scale: expected a whole number from 1 to 4, got \"1.5\"");
    expectBad(preset + QStringList{"--export", out, "--scale", "8"},
              "--scale: scale must be a whole number from 1 to 4, got 8");
    expectBad(preset + QStringList{"--export", out, "--theme", "solarized"},
              "--theme: expected light or dark, got \"solarized\"");
    expectBad(preset + QStringList{"--export", out, "--range", "50"},
              "--range: expected START:END with a unit (ns, us, ms, s)");
    expectBad(preset + QStringList{"--export", out, "--range", "50ms:10ms"},
              "--range: the end must come after the start");
    expectBad(preset + QStringList{"--export", out, "--range", "100s:200s"},
              "after the run ends at");
    expectBad(preset + QStringList{"--size", "800x600", "--metrics", "-"},
              "--size shapes an image or a video: add --export");
    expectBad(preset + QStringList{"--export", out, "--advise", "--metrics", "-"},
              "--export draws one run: leave out --advise and --sweep");
    CHECK(readAll(out) == "earlier");
}
