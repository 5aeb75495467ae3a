// Tools for a speaker: the export dialog's typed range, caption and rows; annotations added on
// the chart, kept in the scenario, and drawn in every export inside the page.
#include <catch2/catch.hpp>

#include "support.h"

#include "export/exportdialog.h"
#include "export/timelineexporter.h"
#include "pixels/traceindex.h"
#include "scenario/scenariojson.h"
#include "slide/timelineannotations.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelineview.h"
#include "widgets/labeledslider.h"
#include "window/controlspanel.h"
#include "window/mainwindow.h"
#include "window/simulationcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace gilscope;
using core::Annotation;
using core::ThreadState;
using ui::ExportFormat;
using ui::TimelineExport;
using ui::TimelineTheme;

namespace {

constexpr core::TimeNs ms = 1'000'000;

// Three threads "a-thread", "b-thread", "c-thread", each running, waiting, then in I/O for 1 ms.
core::TraceIndexPtr threeRows() {
    auto trace = std::make_shared<core::Trace>();
    trace->interpreter = "gil";
    trace->cores = 2;
    trace->endNs = 3 * ms;
    for (const char *name : {"a-thread", "b-thread", "c-thread"}) {
        core::ThreadTrack t;
        t.info.name = name;
        t.info.kind = "cpu";
        t.segmentStart = {0, 1 * ms, 2 * ms};
        t.segmentState = {ThreadState::Running, ThreadState::WaitingForGil, ThreadState::Io};
        trace->threads.push_back(t);
    }
    return core::TraceIndex::build(trace);
}

ui::ExportDialog::Source sourceOf(core::TraceIndexPtr index) {
    QStandardPaths::setTestModeEnabled(true);
    ui::ExportDialog::Source s;
    s.index = std::move(index);
    s.visible = core::TimeWindow{1'234'567.0, 2'500'000.0};
    s.screenTheme = TimelineTheme::screenLight();
    s.title = QStringLiteral("Three rows");
    s.caption = QStringLiteral("makespan 3 ms");
    return s;
}

TimelineExport slide(ExportFormat format, QSize size = {1024, 768}) {
    TimelineExport o;
    o.format = format;
    o.size = size;
    o.title = QStringLiteral("Annotated");
    return o;
}

// The smallest rectangle holding every pixel where two images of one size differ.
QRect differing(const QImage &a, const QImage &b) {
    REQUIRE(a.size() == b.size());
    QRect box;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                box |= QRect(x, y, 1, 1);
    return box;
}

QStringList rowLabels(const ui::TimelineLayout &layout) {
    QStringList labels;
    for (const auto &lane : layout.lanes())
        labels << lane.label;
    return labels;
}

} // namespace

TEST_CASE("the export dialog's range starts as the zoom, exactly, and reads typed times like "
          "--range") {
    ui::ExportDialog dialog(sourceOf(threeRows()));
    REQUIRE(dialog.rangeButton()->isChecked());
    CHECK(dialog.rangeStartEdit()->text() == "1.235 ms");
    CHECK(dialog.rangeEndEdit()->text() == "2.500 ms");
    // Untouched, the fields stand for the zoom itself, not its rounded text.
    CHECK(dialog.options().window == core::TimeWindow{1'234'567.0, 2'500'000.0});

    dialog.rangeStartEdit()->setText(QStringLiteral("0.5 ms"));
    dialog.rangeEndEdit()->setText(QStringLiteral("1500us"));
    CHECK(dialog.rangeError().isEmpty());
    CHECK(dialog.options().window == core::TimeWindow{0.5e6, 1.5e6});
    dialog.rangeStartEdit()->setText(QStringLiteral("500")); // the end's unit applies
    CHECK(dialog.options().window == core::TimeWindow{0.5e6, 1.5e6});

    dialog.wholeRunButton()->setChecked(true);
    CHECK_FALSE(dialog.options().window.isValid());
    dialog.visibleRangeButton()->click();
    CHECK(dialog.rangeButton()->isChecked());
    CHECK(dialog.options().window == core::TimeWindow{1'234'567.0, 2'500'000.0});
}

TEST_CASE("a bad typed range says what is wrong and nothing is exported") {
    ui::ExportDialog dialog(sourceOf(threeRows()));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("save"));
    auto *shown = dialog.findChild<QLabel *>(QStringLiteral("rangeError"));
    REQUIRE(save);
    REQUIRE(shown);
    CHECK(save->isEnabled());

    dialog.rangeStartEdit()->setText(QStringLiteral("20"));
    dialog.rangeEndEdit()->setText(QStringLiteral("21"));
    CHECK(dialog.rangeError() == "Range: give a unit (ns, us, ms, s), e.g. 20ms, got \"20 to 21\"");
    CHECK_FALSE(save->isEnabled());
    CHECK(shown->text() == dialog.rangeError());
    CHECK_FALSE(shown->isHidden());

    dialog.rangeStartEdit()->setText(QStringLiteral("2 ms"));
    dialog.rangeEndEdit()->setText(QStringLiteral("1 ms"));
    CHECK(dialog.rangeError().startsWith("Range: the end must come after the start"));

    dialog.rangeStartEdit()->setText(QStringLiteral("5 ms"));
    dialog.rangeEndEdit()->setText(QStringLiteral("6 ms"));
    CHECK(dialog.rangeError() == "Range: starts at 5.00 ms, after the run ends at 3.00 ms");
    QTemporaryDir dir;
    QString error;
    CHECK_FALSE(dialog.exportTo(dir.filePath("late.png"), &error));
    CHECK(error == dialog.rangeError());
    CHECK_FALSE(QFile::exists(dir.filePath("late.png")));

    dialog.wholeRunButton()->setChecked(true); // the typed range no longer matters
    CHECK(dialog.rangeError().isEmpty());
    CHECK(save->isEnabled());
    CHECK(shown->isHidden());
}

TEST_CASE("the export dialog's caption is the speaker's line, then the run's figures if asked") {
    ui::ExportDialog dialog(sourceOf(threeRows()));
    dialog.captionCheck()->setChecked(false);
    CHECK(dialog.options().caption.isEmpty());
    dialog.captionEdit()->setText(QStringLiteral("  Two threads, one GIL  "));
    CHECK(dialog.options().caption == "Two threads, one GIL");
    dialog.captionCheck()->setChecked(true);
    CHECK(dialog.options().caption == "Two threads, one GIL\nmakespan 3 ms");
    dialog.captionEdit()->clear();
    CHECK(dialog.options().caption == "makespan 3 ms");

    // Both lines reach the file.
    dialog.captionEdit()->setText(QStringLiteral("Two threads, one GIL"));
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ExportFormat::Svg)));
    const QByteArray svg = ui::renderTimelineFile(threeRows(), dialog.options());
    CHECK(svg.contains("Two threads, one GIL"));
    CHECK(svg.contains("makespan 3 ms"));
}

TEST_CASE("the export dialog hides and reorders rows for the export only") {
    ui::ExportDialog dialog(sourceOf(threeRows()));
    QListWidget *rows = dialog.rowList();
    REQUIRE(rows->count() == 3);
    CHECK(rows->item(0)->text() == "a-thread");
    CHECK(rows->item(2)->checkState() == Qt::Checked);
    CHECK_FALSE(dialog.options().rows.has_value()); // every row, in order: nothing to say

    rows->item(1)->setCheckState(Qt::Unchecked); // hide b
    CHECK(dialog.options().rows == std::vector<int>{0, 2});
    rows->setCurrentRow(2); // c up, then up again: c, a, b
    dialog.rowUpButton()->click();
    dialog.rowUpButton()->click();
    CHECK(rows->item(0)->text() == "c-thread");
    CHECK(rows->currentRow() == 0);
    dialog.rowUpButton()->click(); // already on top
    CHECK(dialog.options().rows == std::vector<int>{2, 0});
    dialog.rowDownButton()->click();
    CHECK(dialog.options().rows == std::vector<int>{0, 2});

    // The layout the export draws: the rows shown, in that order.
    const auto index = threeRows();
    CHECK(rowLabels(ui::TimelineLayout::build(*index, false, false, std::vector<int>{2, 0})) ==
          QStringList{"c-thread", "a-thread"});
    TimelineExport o = dialog.options();
    o.format = ExportFormat::Svg;
    const QByteArray drawn = ui::renderTimelineFile(index, o);
    CHECK(drawn.contains("a-thread"));
    CHECK(drawn.contains("c-thread"));
    CHECK_FALSE(drawn.contains("b-thread"));

    // No row at all: nothing to export.
    for (int i = 0; i < rows->count(); ++i)
        rows->item(i)->setCheckState(Qt::Unchecked);
    CHECK_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("save"))->isEnabled());
    CHECK(dialog.options().check() == "no rows to draw: show at least one thread row");
}

TEST_CASE("the export dialog carries the window's annotations unless unticked") {
    auto source = sourceOf(threeRows());
    source.annotations = {{"a-thread", 1 * ms, "here"}};
    ui::ExportDialog dialog(source);
    REQUIRE(dialog.annotationsCheck()->isEnabled());
    CHECK(dialog.annotationsCheck()->text() == "Annotations (1)");
    dialog.annotationsCheck()->setChecked(true);
    CHECK(dialog.options().annotations == source.annotations);
    dialog.annotationsCheck()->setChecked(false);
    CHECK(dialog.options().annotations.empty());

    ui::ExportDialog none(sourceOf(threeRows()));
    CHECK_FALSE(none.annotationsCheck()->isEnabled());
}

TEST_CASE("an annotation's text is in the SVG and its callout inside the page of a PNG") {
    const auto index = threeRows();
    for (const QSize size : {QSize(1024, 768), QSize(1920, 1080)})
        for (const TimelineTheme &theme :
             {TimelineTheme::slideLight(), TimelineTheme::slideDark()}) {
            INFO(size.width() << "x" << size.height() << " " << theme.name.toStdString());
            TimelineExport bare = slide(ExportFormat::Png, size);
            bare.theme = theme;
            TimelineExport noted = bare;
            // At both ends of the run and on the top row: where a page edge would cut a callout.
            noted.annotations = {
                {"a-thread", 0, "right at the start of the run, on the top row"},
                {"c-thread", 3 * ms, "at the very end of the run: a long note that has to wrap"}};
            const QImage with = ui::renderTimelineImage(index, noted);
            // The same chart with its room for callouts but none drawn: hide their text only.
            TimelineExport blank = noted;
            for (auto &a : blank.annotations)
                a.text.assign(1, ' ');
            const QRect drawn = differing(with, ui::renderTimelineImage(index, blank));
            REQUIRE_FALSE(drawn.isEmpty());
            CHECK(drawn.left() > 0);
            CHECK(drawn.top() > 0);
            CHECK(drawn.right() < size.width() - 1);
            CHECK(drawn.bottom() < size.height() - 1);
            // Every pixel of the callouts, boxes and arrows too, is inside the page.
            const QRect callouts = differing(with, ui::renderTimelineImage(index, bare));
            CHECK(QRect(QPoint(1, 1), size - QSize(2, 2)).contains(callouts));
            CHECK(callouts.width() > size.width() / 2); // one at each end

            noted.format = ExportFormat::Svg;
            const QByteArray svg = ui::renderTimelineFile(index, noted);
            CHECK(svg.contains("right at the start of the run,"));
            CHECK(svg.contains("a-thread"));
        }
}

TEST_CASE("annotations on a hidden row, an absent row or outside the range are left out") {
    const auto index = threeRows();
    TimelineExport o = slide(ExportFormat::Png);
    o.rows = std::vector<int>{0, 2};
    const QImage bare = ui::renderTimelineImage(index, o);
    o.annotations = {{"b-thread", 1 * ms, "on a hidden row"}, {"z-thread", 1 * ms, "no such row"}};
    CHECK(ui::renderTimelineImage(index, o) == bare);
    o.rows.reset();
    o.window = core::TimeWindow{0, 0.5 * ms};
    o.annotations = {{"a-thread", 2 * ms, "after the range"}};
    const QImage outside = ui::renderTimelineImage(index, o);
    o.annotations.clear();
    // Its row still makes room for it, so only the drawing is compared: no callout pixels.
    TimelineExport blank = o;
    blank.annotations = {{"a-thread", 2 * ms, " "}};
    CHECK(outside == ui::renderTimelineImage(index, blank));

    // A PDF carries them too: the page changes when one is added.
    TimelineExport pdf = slide(ExportFormat::Pdf);
    const QByteArray plain = ui::renderTimelineFile(index, pdf);
    pdf.annotations = {{"a-thread", 1 * ms, "in the PDF"}};
    const QByteArray noted = ui::renderTimelineFile(index, pdf);
    REQUIRE(noted.startsWith("%PDF"));
    CHECK(noted != plain);
}

TEST_CASE("callouts stay inside their bounds and clear of each other and of the title") {
    const QFontMetricsF metrics(QFont(QStringLiteral("DejaVu Sans"), 12));
    ui::CalloutSpace space;
    space.bounds = QRectF(10, 10, 600, 400);
    space.preferred = QRectF(10, 10, 600, 380);
    space.avoid = {QRectF(10, 10, 600, 40)}; // a title
    space.rows = {QRectF(60, 150, 540, 40), QRectF(60, 300, 540, 40)};
    std::vector<ui::CalloutTarget> targets = {
        {QPointF(605, 150), 40, QStringLiteral("at the right edge")},
        {QPointF(300, 300), 40, QStringLiteral("on the second row")},
        {QPointF(302, 300), 40, QStringLiteral("the same moment again")},
        {QPointF(std::nan(""), 0), 0, QStringLiteral("hidden")}};
    const auto placed = ui::placeCallouts(targets, metrics, space);
    REQUIRE(placed.size() == 4);
    CHECK(placed[3].box.isEmpty());
    for (std::size_t i = 0; i < 3; ++i) {
        INFO(i);
        const auto &g = placed[i];
        CHECK(space.bounds.contains(g.box));
        CHECK_FALSE(g.box.intersects(space.avoid[0]));
        CHECK(g.tip.x() == targets[i].barTop.x());
        CHECK((g.tip.y() == targets[i].barTop.y() ||
               g.tip.y() == targets[i].barTop.y() + targets[i].barHeight));
        for (std::size_t j = 0; j < i; ++j)
            CHECK_FALSE(g.box.intersects(placed[j].box));
    }
    CHECK(placed[0].box.bottom() <= 150); // above its row, pulled left of the edge
    CHECK(placed[0].box.right() <= 610);

    // A long text wraps to lines, and at most four of them.
    const QStringList lines = ui::wrapToWidth(
        QString(60, QLatin1Char('w')) + QStringLiteral(" and some words"), metrics, 120, 4);
    CHECK(lines.size() == 4);
    for (const QString &line : lines)
        CHECK(metrics.horizontalAdvance(line) <= 120);
    CHECK(lines.back().endsWith(QStringLiteral("…")));
}

TEST_CASE("right-click on a row annotates it there; right-click on the callout removes it") {
    ui::TimelineView view;
    view.resize(900, 420);
    view.setIndex(threeRows());
    view.show();
    view.replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy edited(&view, &ui::TimelineView::annotationsEdited);

    const QRectF bar = view.rowBarRect(1);
    const QPointF at(view.xAt(1.5 * ms), bar.center().y());
    std::unique_ptr<QMenu> menu(view.contextMenuAt(at));
    auto *annotate = menu->findChild<QAction *>(QStringLiteral("annotate"));
    REQUIRE(annotate);
    CHECK(annotate->text() == "Annotate…");
    QTimer::singleShot(0, &view, [&view] {
        REQUIRE(test::waitUntil(
            [&] { return view.findChild<QInputDialog *>(QStringLiteral("annotationDialog")); }));
        auto *dialog = view.findChild<QInputDialog *>(QStringLiteral("annotationDialog"));
        CHECK(dialog->labelText().contains("b-thread"));
        dialog->setTextValue(QStringLiteral("  a failed   wake-up "));
        dialog->accept();
    });
    annotate->trigger();
    REQUIRE(edited.size() == 1);
    REQUIRE(view.annotations().size() == 1);
    const Annotation &a = view.annotations().front();
    CHECK(a.row == "b-thread");
    CHECK(a.text == "a failed wake-up");
    // The time where the click was, to the resolution of a pixel.
    const double nsPerPx = 3.0 * ms / view.axisRect()->width();
    CHECK(std::abs(static_cast<double>(a.at) - 1.5 * ms) <= nsPerPx);

    // Drawn over the chart, the arrow at that time on that row, the box inside the widget.
    view.replot(QCustomPlot::rpImmediateRefresh);
    const auto &callouts = view.annotationLayer()->callouts();
    REQUIRE(callouts.size() == 1);
    const ui::CalloutGeometry &g = callouts.front();
    CHECK(QRectF(view.rect()).contains(g.box));
    CHECK(std::abs(g.tip.x() - view.xAt(static_cast<double>(a.at))) < 0.5);
    CHECK(std::abs(g.tip.y() - view.rowBarRect(1).top()) < 0.5);

    // Elsewhere than a thread row: no annotating.
    std::unique_ptr<QMenu> offRow(view.contextMenuAt(QPointF(at.x(), 2)));
    CHECK_FALSE(offRow->findChild<QAction *>(QStringLiteral("annotate")));

    std::unique_ptr<QMenu> onCallout(view.contextMenuAt(g.box.center()));
    auto *remove = onCallout->findChild<QAction *>(QStringLiteral("removeAnnotation"));
    REQUIRE(remove);
    CHECK(remove->text() == "Remove Annotation “a failed wake-up”");
    remove->trigger();
    CHECK(view.annotations().empty());
    CHECK(edited.size() == 2);
}

TEST_CASE("annotations made on the chart are saved with the scenario and survive an edit") {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    {
        ui::MainWindow w;
        w.resize(1400, 900);
        w.show();
        auto idle = [&] {
            return test::waitUntil([&] {
                return w.controller()->result() && !w.controller()->isBusy() &&
                       w.timeline()->index() != nullptr;
            });
        };
        REQUIRE(idle());
        w.setWindowModified(false);
        const core::TraceIndexPtr before = w.timeline()->index();
        const Annotation note{"cpu-1", 2 * ms, "the first hand-off"};
        w.timeline()->addAnnotation(note);
        CHECK(w.isWindowModified());
        CHECK(w.controller()->scenario().annotations == std::vector<Annotation>{note});
        CHECK(w.exportSource().annotations == std::vector<Annotation>{note});
        QTest::qWait(50);
        CHECK(w.timeline()->index() == before); // nothing simulated again

        // A slider edit keeps them.
        w.controls()->slider(QStringLiteral("cores"))->slider()->setValue(3);
        REQUIRE(test::waitUntil([&] { return w.timeline()->index() != before; }));
        REQUIRE(idle());
        CHECK(w.controller()->scenario().cores == 3);
        CHECK(w.controller()->scenario().annotations == std::vector<Annotation>{note});
        CHECK(w.timeline()->annotations() == std::vector<Annotation>{note});

        QTemporaryDir dir;
        const QString path = dir.filePath("annotated.json");
        QString error;
        REQUIRE(w.saveScenarioFile(path, &error));
        const auto saved = core::loadScenarioFile(path);
        REQUIRE(saved.ok());
        CHECK(saved->annotations == std::vector<Annotation>{note});

        // Another scenario has its own (none); opening the file brings them back.
        w.setScenario(test::preset("r3-gil-2cpu-4cores"));
        REQUIRE(idle());
        CHECK(w.timeline()->annotations().empty());
        REQUIRE(w.openScenarioFile(path, &error));
        REQUIRE(test::waitUntil([&] { return !w.timeline()->annotations().empty(); }));
        CHECK(w.timeline()->annotations() == std::vector<Annotation>{note});
    }
    QSettings().clear();
}
