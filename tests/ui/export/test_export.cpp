// Exported images: every format is produced and valid, pixels show the theme's colours where
// the trace says, vector files stay small, bad requests say why and overwrite nothing.
#include <catch2/catch.hpp>

#include "support.h"

#include "export/exportdialog.h"
#include "export/timelineexporter.h"
#include "pixels/traceindex.h"
#include "run/preparedrun.h"
#include "slide/titlefit.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace gilscope;
using core::ThreadState;
using ui::ExportFormat;
using ui::TimelineExport;
using ui::TimelineTheme;

namespace {

constexpr core::TimeNs ms = 1'000'000;

// One thread: running for 1 ms, waiting for the GIL for 1 ms, blocking I/O for 1 ms.
core::TraceIndexPtr threeStates() {
    auto trace = std::make_shared<core::Trace>();
    trace->scenarioName = "three states";
    trace->interpreter = "gil";
    trace->executor = "threading";
    trace->cores = 1;
    trace->endNs = 3 * ms;
    core::ThreadTrack t;
    t.info.name = "worker";
    t.info.kind = "cpu";
    t.segmentStart = {0, 1 * ms, 2 * ms};
    t.segmentState = {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Io};
    trace->threads.push_back(t);
    return core::TraceIndex::build(trace);
}

// A GIL battle of `segments` segments over 8 threads: every pixel column mixes states.
core::TraceIndexPtr battle(std::size_t segments) {
    auto trace = std::make_shared<core::Trace>();
    trace->cores = 4;
    core::TimeNs end = 0;
    for (int r = 0; r < 8; ++r) {
        core::ThreadTrack t;
        t.info.name = "cpu-" + std::to_string(r + 1);
        t.info.gilId = 0;
        core::TimeNs now = 0;
        for (std::size_t i = 0; i < segments / 8; ++i) {
            t.segmentStart.push_back(now);
            t.segmentState.push_back((i * 7 + r) % 3 ? ThreadState::WaitingForGil
                                                     : ThreadState::Running);
            if (i % 5 == 0) {
                t.markTime.push_back(now + 1);
                t.markKind.push_back(core::MarkKind::FailedAcquire);
            }
            now += 40 + static_cast<core::TimeNs>((i * 13 + r * 7) % 90);
        }
        end = std::max(end, now);
        trace->threads.push_back(std::move(t));
    }
    trace->endNs = end;
    return core::TraceIndex::build(trace);
}

TimelineExport plain(ExportFormat format, QSize size = {800, 400}) {
    TimelineExport o;
    o.format = format;
    o.size = size;
    o.holderLanes = false;
    o.busyLane = false;
    return o;
}

// Columns of one scanline, as runs of equal colour.
struct Run {
    QColor colour;
    int begin, end;
};
std::vector<Run> runs(const QImage &image, int y) {
    std::vector<Run> out;
    for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        if (out.empty() || out.back().colour != c)
            out.push_back({c, x, x + 1});
        else
            out.back().end = x + 1;
    }
    return out;
}

// The scanline through the middle of the one thread row: where the running colour is widest.
int rowScanline(const QImage &image, const QColor &running) {
    int best = -1, widest = 0;
    for (int y = 0; y < image.height(); ++y) {
        int n = 0;
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == running;
        if (n > widest) {
            widest = n;
            best = y;
        }
    }
    return best;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("a PNG export is exactly size x scale pixels") {
    const auto index = threeStates();
    for (int scale : {1, 2, 3}) {
        TimelineExport o = plain(ExportFormat::Png, QSize(640, 360));
        o.scale = scale;
        QString error;
        const QByteArray png = ui::renderTimelineFile(index, o, &error);
        INFO(error.toStdString());
        REQUIRE(png.startsWith("\x89PNG"));
        const QImage image = QImage::fromData(png, "PNG");
        CHECK(image.size() == QSize(640 * scale, 360 * scale));
    }
}

TEST_CASE("an exported PNG shows each segment in the theme's colour, one third of the chart each") {
    const auto index = threeStates();
    for (const TimelineTheme &theme : {TimelineTheme::slideLight(), TimelineTheme::slideDark()}) {
        INFO(theme.name.toStdString());
        TimelineExport o = plain(ExportFormat::Png);
        o.theme = theme;
        o.scale = 2;
        const QImage image = QImage::fromData(ui::renderTimelineFile(index, o), "PNG");
        REQUIRE(image.size() == QSize(1600, 800));
        CHECK(image.pixelColor(3, 3) == theme.background);

        const QColor running = theme.stateColor(ThreadState::Running);
        const QColor waiting = theme.stateColor(ThreadState::WaitingForGil);
        const QColor io = theme.stateColor(ThreadState::Io);
        const int y = rowScanline(image, running);
        REQUIRE(y >= 0);
        // Along the row: running, waiting, I/O, each a third of the chart, edges sharp.
        std::vector<Run> states;
        for (const Run &r : runs(image, y))
            if (r.colour == running || r.colour == waiting || r.colour == io)
                states.push_back(r);
        REQUIRE(states.size() == 3);
        CHECK(states[0].colour == running);
        CHECK(states[1].colour == waiting);
        CHECK(states[2].colour == io);
        CHECK(states[0].end == states[1].begin);
        CHECK(states[1].end == states[2].begin);
        const double chart = states[2].end - states[0].begin;
        CHECK(chart > 1000); // most of the 1600 pixels
        for (const Run &r : states)
            CHECK((r.end - r.begin) / chart == Approx(1.0 / 3).margin(2.0 / chart));
    }
}

TEST_CASE("a range exports only that time: the first millisecond is all running") {
    TimelineExport o = plain(ExportFormat::Png);
    o.window = core::TimeWindow{0, 1.0 * ms};
    const TimelineTheme &t = o.theme;
    const QImage image = ui::renderTimelineImage(threeStates(), o);
    const int y = rowScanline(image, t.stateColor(ThreadState::Running));
    REQUIRE(y >= 0);
    int runningPx = 0, otherStatePx = 0;
    for (const Run &r : runs(image, y)) {
        if (r.colour == t.stateColor(ThreadState::Running))
            runningPx += r.end - r.begin;
        if (r.colour == t.stateColor(ThreadState::WaitingForGil) ||
            r.colour == t.stateColor(ThreadState::Io))
            otherStatePx += r.end - r.begin;
    }
    CHECK(runningPx > 600);
    CHECK(otherStatePx == 0);
}

TEST_CASE(
    "an SVG export parses, carries the state colours, the title and only the legend it needs") {
    TimelineExport o = plain(ExportFormat::Svg);
    o.title = QStringLiteral("Three states");
    const QByteArray svg = ui::renderTimelineFile(threeStates(), o);
    REQUIRE(!svg.isEmpty());
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    CHECK_FALSE(xml.hasError());
    CHECK(QSvgRenderer(svg).isValid());
    for (ThreadState s : {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Io})
        CHECK(svg.contains(o.theme.stateColor(s).name().toLatin1()));
    CHECK(svg.contains("Three states"));
    CHECK(svg.contains("worker"));
    // Text falls back to a sans-serif face where the family is missing; no stray dots where
    // the row labels' invisible ticks are.
    CHECK(svg.contains(", sans-serif\""));
    CHECK_FALSE(svg.contains("width=\"1\" height=\"1\""));
    // The legend names the states shown, not every state there is.
    CHECK(svg.contains("running"));
    CHECK(svg.contains("blocking I/O"));
    CHECK_FALSE(svg.contains("ready, no free core"));
    CHECK_FALSE(svg.contains("drop request"));
}

TEST_CASE("a hidden row's states stay out of the legend") {
    auto trace = std::make_shared<core::Trace>();
    trace->cores = 1;
    trace->endNs = 2 * ms;
    for (const auto &[name, state] :
         {std::pair{"shown", ThreadState::Running}, std::pair{"hidden", ThreadState::Ready}}) {
        core::ThreadTrack t;
        t.info.name = name;
        t.info.kind = "cpu";
        t.segmentStart = {0};
        t.segmentState = {state};
        trace->threads.push_back(t);
    }
    const auto index = core::TraceIndex::build(trace);
    TimelineExport o = plain(ExportFormat::Svg);
    CHECK(ui::renderTimelineFile(index, o).contains("ready, no free core"));
    o.rows = std::vector<int>{0};
    const QByteArray svg = ui::renderTimelineFile(index, o);
    CHECK(svg.contains("running"));
    CHECK_FALSE(svg.contains("ready, no free core"));
    CHECK_FALSE(svg.contains("hidden"));
}

TEST_CASE("the R1 battle at whole-run width shows each thread running in its share of pixels") {
    auto run = core::prepareRun(test::preset("r1-legacy-2cpu-4cores"));
    REQUIRE(run.ok());
    TimelineExport o = plain(ExportFormat::Png); // 1920 x 1080, light slide theme
    o.holderLanes = false;
    o.busyLane = false;
    o.legend = false;
    const QImage image = ui::renderTimelineImage((*run)->index, o);
    const QColor running = o.theme.stateColor(ThreadState::Running);
    const QColor waiting = o.theme.stateColor(ThreadState::WaitingForGil);
    long runningPx = 0, statePx = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            runningPx += c == running;
            statePx += c == running || c == waiting;
        }
    const auto &threads = (*run)->metrics.threads;
    REQUIRE(threads.size() == 2);
    const double share = (threads[0].running_ms + threads[1].running_ms) /
                         (threads[0].running_ms + threads[1].running_ms + threads[0].waiting_ms +
                          threads[1].waiting_ms);
    INFO("running pixels " << runningPx << " of " << statePx << ", running time share " << share);
    REQUIRE(statePx > 10'000);
    CHECK(std::abs(double(runningPx) / double(statePx) - share) < 0.10);

    // Zoomed to 20-21 ms every hand-off between the two threads is still drawn: each row changes
    // between running and waiting as often as its segments do there, give or take the edges.
    o.window = core::TimeWindow{20e6, 21e6};
    const QImage zoomed = ui::renderTimelineImage((*run)->index, o);
    const int y = rowScanline(zoomed, running);
    REQUIRE(y >= 0);
    int greenRuns = 0;
    for (const Run &r : runs(zoomed, y))
        greenRuns += r.colour == running;
    CHECK(greenRuns > 10);
}

TEST_CASE("a PDF export is one page of the requested aspect") {
    for (const QSize size : {QSize(1920, 1080), QSize(1024, 768), QSize(600, 900)}) {
        const QByteArray pdf =
            ui::renderTimelineFile(threeStates(), plain(ExportFormat::Pdf, size));
        REQUIRE(pdf.startsWith("%PDF"));
        const auto boxes =
            QRegularExpression(
                QStringLiteral(R"(/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\])"))
                .globalMatch(QString::fromLatin1(pdf));
        auto it = boxes;
        int pages = 0;
        while (it.hasNext()) {
            const auto m = it.next();
            ++pages;
            const double w = m.captured(1).toDouble(), h = m.captured(2).toDouble();
            INFO(size.width() << "x" << size.height() << ": page " << w << " x " << h << " pt");
            CHECK(w / h == Approx(double(size.width()) / size.height()).epsilon(0.005));
            CHECK(w == Approx(size.width() * 0.75).margin(1)); // 96 px to the inch
        }
        CHECK(pages == 1);
    }
}

TEST_CASE(
    "vector exports of a dense battle stay small: one path per colour, not a shape per segment") {
    const auto index = battle(400'000);
    for (ExportFormat f : {ExportFormat::Svg, ExportFormat::Pdf}) {
        TimelineExport o;
        o.format = f;
        const QByteArray data = ui::renderTimelineFile(index, o);
        INFO(ui::exportSuffix(f).toStdString() << ": " << data.size() << " bytes");
        REQUIRE(!data.isEmpty());
        CHECK(data.size() < 1'000'000);
    }
}

TEST_CASE("a bad export says why and leaves an earlier file as it was") {
    QTemporaryDir dir;
    const QString earlier = dir.filePath("chart.png");
    {
        QFile f(earlier);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("earlier");
    }
    const auto index = threeStates();
    QString error;
    CHECK_FALSE(
        ui::exportTimeline(index, plain(ExportFormat::Png), "/nonexistent-dir/x.png", &error));
    CHECK(error == "/nonexistent-dir/x.png: cannot write: the folder does not exist");

    CHECK_FALSE(ui::exportTimeline(index, plain(ExportFormat::Png), dir.filePath("x.bmp"), &error));
    CHECK(error.endsWith("x.bmp: unknown image format: use .png, .svg or .pdf"));

    TimelineExport tiny = plain(ExportFormat::Png, QSize(10, 400));
    CHECK_FALSE(ui::exportTimeline(index, tiny, earlier, &error));
    CHECK(error.contains("width must be between 480 and 16384 pixels (smaller makes the labels "
                         "unreadable), got 10"));
    TimelineExport huge = plain(ExportFormat::Png);
    huge.scale = 9;
    CHECK_FALSE(ui::exportTimeline(index, huge, earlier, &error));
    CHECK(error.contains("scale must be a whole number from 1 to 4, got 9"));
    CHECK(readAll(earlier) == "earlier");

    // A good export replaces it.
    REQUIRE(ui::exportTimeline(index, plain(ExportFormat::Png), earlier, &error));
    CHECK(readAll(earlier).startsWith("\x89PNG"));
}

TEST_CASE("slide themes are data: larger type and bolder lines than the screen, same vocabulary") {
    const TimelineTheme screen = TimelineTheme::screenLight();
    for (const TimelineTheme &slide : {TimelineTheme::slideLight(), TimelineTheme::slideDark()}) {
        CHECK(slide.fontPx > 0);
        CHECK(slide.titlePx > slide.fontPx);
        CHECK(slide.lineWidth > screen.lineWidth);
        CHECK(slide.layoutHeight > 0);
        for (ThreadState s : {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Io})
            CHECK(slide.stateColor(s).isValid());
        CHECK_FALSE(slide.stateColor(ThreadState::Done).isValid());
    }
    CHECK(TimelineTheme::slideDark().dark);
    CHECK_FALSE(TimelineTheme::slideLight().dark);
}

namespace {
double luminance(const QColor &c) {
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

TEST_CASE("every state colour stands at least 3:1 against its theme's background") {
    for (const TimelineTheme &t : {TimelineTheme::screenLight(), TimelineTheme::screenDark(),
                                   TimelineTheme::slideLight(), TimelineTheme::slideDark()})
        for (ThreadState s : {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Ready,
                              ThreadState::Io, ThreadState::Starting, ThreadState::Native,
                              ThreadState::LockWait, ThreadState::QueueWait}) {
            INFO(t.name.toStdString()
                 << " " << static_cast<int>(s) << " " << t.stateColor(s).name().toStdString());
            CHECK(contrast(t.stateColor(s), t.background) >= 3.0);
        }
}

namespace {

// An export as the pixels a viewer shows: PNG decoded, SVG drawn by Qt's renderer, PDF rasterised
// by poppler's pdftoppm (what most Linux PDF viewers draw with) at the export's pixel size.
QImage rasterised(const QByteArray &file, ExportFormat format, QSize size, const QColor &paper) {
    if (format == ExportFormat::Png)
        return QImage::fromData(file, "PNG");
    if (format == ExportFormat::Svg) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(paper);
        QPainter painter(&image);
        QSvgRenderer(file).render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        return image;
    }
    QTemporaryDir dir;
    QFile pdf(dir.filePath("page.pdf"));
    REQUIRE(pdf.open(QIODevice::WriteOnly));
    pdf.write(file);
    pdf.close();
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {"-png", "-singlefile", "-scale-to-x", QString::number(size.width()),
                    "-scale-to-y", QString::number(size.height()), pdf.fileName(),
                    dir.filePath("page")});
    INFO("pdftoppm (Debian: poppler-utils, installed by scripts/test) must be on PATH");
    REQUIRE(pdftoppm.waitForFinished(60'000));
    REQUIRE(pdftoppm.exitCode() == 0);
    return QImage(dir.filePath("page.png"));
}

} // namespace

TEST_CASE("a 200-character title wraps and shrinks inside the page at 4:3 and 16:9, in every "
          "format") {
    const QString title = QString("Legacy GIL, two CPU-bound threads on four cores: each wake-up "
                                  "finds the lock taken again and again, so both threads spend "
                                  "most of the run waiting while the other one runs (R1 %1)")
                              .arg(QString(30, QLatin1Char('x')));
    REQUIRE(title.size() >= 200);
    const auto index = threeStates();
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf})
        for (const QSize size : {QSize(1024, 768), QSize(1920, 1080)})
            for (const TimelineTheme &theme :
                 {TimelineTheme::slideLight(), TimelineTheme::slideDark()}) {
                TimelineExport o = plain(format, size);
                o.theme = theme;
                o.title = title;
                const QImage image =
                    rasterised(ui::renderTimelineFile(index, o), format, size, theme.background);
                INFO(static_cast<int>(format) << " " << size.width() << "x" << size.height() << " "
                                              << theme.name.toStdString());
                REQUIRE(image.size() == size);
                const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
                const QRgb paper = theme.background.rgb();
                // Ink: differs from the paper by more than an antialiasing step or two.
                auto ink = [&](int x, int y) {
                    const QRgb c = reinterpret_cast<const QRgb *>(rgb.constScanLine(y))[x];
                    return std::abs(qRed(c) - qRed(paper)) + std::abs(qGreen(c) - qGreen(paper)) +
                               std::abs(qBlue(c) - qBlue(paper)) >
                           6;
                };
                // Nothing but paper in the outer columns: no glyph touches or crosses an edge.
                int inked = 0;
                for (int y = 0; y < rgb.height(); ++y)
                    for (int x : {0, 1, 2, rgb.width() - 3, rgb.width() - 2, rgb.width() - 1})
                        inked += ink(x, y);
                CHECK(inked == 0);
                // The title is drawn above the chart, which sits in the middle of the page.
                int titleInk = 0;
                for (int y = 0; y < rgb.height() * 2 / 5 && titleInk <= 1000; ++y)
                    for (int x = 0; x < rgb.width(); ++x)
                        titleInk += ink(x, y);
                CHECK(titleInk > 1000);
            }
}

TEST_CASE("a long title is laid out in at most two lines no wider than the room") {
    QFont font;
    font.setPixelSize(30);
    font.setBold(true);
    const QString title = QString(40, QLatin1Char('w')) + " " +
                          QString("a few more words that go on and on ").repeated(5);
    const ui::FittedTitle fitted = ui::fitTitle(title, font, 600, 12);
    const QStringList lines = fitted.text.split(QLatin1Char('\n'));
    CHECK(lines.size() <= 2);
    for (const QString &line : lines)
        CHECK(QFontMetricsF(fitted.font).horizontalAdvance(line) <= 600);
    CHECK(fitted.font.pixelSize() < 30); // had to shrink
    // A short title keeps its size and one line.
    const ui::FittedTitle shortOne = ui::fitTitle("Convoy", font, 600, 12);
    CHECK(shortOne.text == "Convoy");
    CHECK(shortOne.font.pixelSize() == 30);
}

TEST_CASE("the export dialog describes the export its controls show and writes it") {
    QStandardPaths::setTestModeEnabled(true);
    ui::ExportDialog::Source source;
    source.index = threeStates();
    source.visible = core::TimeWindow{0, 1.5 * ms};
    source.screenTheme = TimelineTheme::screenDark();
    source.title = QStringLiteral("From the window");
    source.caption = QStringLiteral("makespan 3 ms");
    ui::ExportDialog dialog(source);

    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ExportFormat::Png)));
    dialog.sizeBox()->setCurrentIndex(1); // 1280 x 720
    dialog.scaleBox()->setCurrentIndex(dialog.scaleBox()->findData(2));
    dialog.themeBox()->setCurrentIndex(2); // as on screen
    dialog.titleCheck()->setChecked(true);
    dialog.captionCheck()->setChecked(true);
    dialog.rangeButton()->setChecked(true); // filled with the visible range
    TimelineExport o = dialog.options();
    CHECK(o.size == QSize(1280, 720));
    CHECK(o.scale == 2);
    CHECK(o.theme.name == TimelineTheme::screenDark().name);
    CHECK(o.title == "From the window");
    CHECK(o.caption == "makespan 3 ms");
    CHECK(o.window == source.visible);
    CHECK_FALSE(dialog.widthBox()->isEnabled()); // a preset size

    dialog.sizeBox()->setCurrentIndex(dialog.sizeBox()->count() - 1); // custom
    REQUIRE(dialog.widthBox()->isEnabled());
    dialog.widthBox()->setValue(900);
    dialog.heightBox()->setValue(500);
    dialog.wholeRunButton()->setChecked(true);
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ExportFormat::Svg)));
    o = dialog.options();
    CHECK(o.size == QSize(900, 500));
    CHECK(o.scale == 1); // vector
    CHECK_FALSE(dialog.scaleBox()->isEnabled());
    CHECK_FALSE(o.window.isValid());

    QTemporaryDir dir;
    QString error;
    // The typed extension picks the format.
    REQUIRE(dialog.exportTo(dir.filePath("slide.png"), &error));
    const QImage png(dir.filePath("slide.png"));
    CHECK(png.size() == QSize(900, 500) * 2);
    CHECK(png.pixelColor(2, 2) == TimelineTheme::screenDark().background);
    REQUIRE(dialog.exportTo(dir.filePath("slide.svg"), &error));
    CHECK(QSvgRenderer(dir.filePath("slide.svg")).isValid());
    CHECK_FALSE(dialog.exportTo("/nonexistent-dir/slide.pdf", &error));
    CHECK(error.contains("cannot write"));
}

TEST_CASE("Copy to Clipboard puts the image at its full pixel size on the clipboard") {
    QStandardPaths::setTestModeEnabled(true);
    ui::ExportDialog::Source source;
    source.index = threeStates();
    source.visible = core::TimeWindow{0, 3.0 * ms};
    source.screenTheme = TimelineTheme::screenLight();
    ui::ExportDialog dialog(source);
    dialog.sizeBox()->setCurrentIndex(dialog.sizeBox()->count() - 1); // custom
    dialog.widthBox()->setValue(700);
    dialog.heightBox()->setValue(300);
    dialog.scaleBox()->setCurrentIndex(dialog.scaleBox()->findData(3));
    dialog.themeBox()->setCurrentIndex(0); // light slide
    QApplication::clipboard()->clear();
    dialog.copyToClipboard();
    const QImage image = QApplication::clipboard()->image();
    CHECK(image.size() == QSize(2100, 900));
    CHECK(image.pixelColor(1, 1) == TimelineTheme::slideLight().background);
}
