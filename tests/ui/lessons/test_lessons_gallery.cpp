// The preset gallery: the catalogue behind it, thumbnails, cards.
#include <catch2/catch.hpp>

#include "support.h"

#include "catalog/presets.h"
#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/gallerythumbnail.h"
#include "lessons/lessonscatalog.h"
#include "run/preparedrun.h"
#include "scenario/scenariojson.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include <set>

using namespace gilscope;
using core::ThreadState;
using gilscope::test::preset;
using gilscope::test::waitUntil;

namespace {

int countColour(const QImage &image, const QRect &area, const QColor &colour) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb();
    return n;
}

core::ThreadTrack track(std::string name,
                        std::vector<std::pair<core::TimeNs, ThreadState>> segments,
                        std::vector<std::pair<core::TimeNs, core::MarkKind>> marks = {}) {
    core::ThreadTrack t;
    t.info.name = std::move(name);
    t.info.kind = "cpu";
    for (auto [start, state] : segments) {
        t.segmentStart.push_back(start);
        t.segmentState.push_back(state);
    }
    for (auto [time, kind] : marks) {
        t.markTime.push_back(time);
        t.markKind.push_back(kind);
    }
    return t;
}

} // namespace

TEST_CASE("lessons: every preset has a title and what to look for and tagged ones their source") {
    QStringList errors;
    const auto presets = ui::lessonPresets(&errors);
    CHECK(errors.isEmpty());
    REQUIRE(presets.size() == core::presetNames().size());
    int previousSection = 0;
    for (const auto &p : presets) {
        INFO(p.id.toStdString());
        CHECK(!p.title.isEmpty());
        CHECK(!p.title.contains(QLatin1String("(R")));
        CHECK(p.lookFor.size() > 40);
        CHECK(p.section >= previousSection); // in the order of the story
        previousSection = p.section;
        const bool tagged =
            QString::fromStdString(p.scenario.name).contains(QRegularExpression("\\(R\\d\\)"));
        if (tagged) {
            CHECK(!p.referenceTag.isEmpty());
            CHECK(!p.referenceFigure.isEmpty());
            CHECK(!p.referenceSource.isEmpty());
            CHECK(QString::fromStdString(p.scenario.name)
                      .contains(QStringLiteral("(%1)").arg(p.referenceTag)));
        }
    }
    // The chapters the issue names are all there.
    std::set<QString> ids;
    for (const auto &p : presets)
        ids.insert(p.id);
    for (const char *id :
         {"r1-legacy-2cpu-4cores", "r2-legacy-2cpu-1core", "r3-gil-2cpu-4cores",
          "r3-gil-4cpu-4cores", "r6-convoy-1cpu", "r7-convoy-0.5ms", "r6-convoy-2cpu",
          "legacy-io-starvation", "multiprocessing-4cpu", "threading-4cpu", "asyncio-200io-1cpu",
          "free-threaded-3.13t", "free-threaded-3.14t", "subinterpreters-4cpu"})
        CHECK(ids.count(QString::fromLatin1(id)) == 1);
    // Counterparts are presets too.
    for (const auto &p : presets)
        if (const QString other = ui::counterpartPreset(p.id); !other.isEmpty())
            CHECK(ids.count(other) == 1);
}

TEST_CASE("lessons: a thumbnail of a fast battle shows running in its share of the columns") {
    // 3 ns running, 7 ns waiting, 1000 times, drawn 100 px wide: 30 running columns, not none.
    auto trace = std::make_shared<core::Trace>();
    trace->endNs = 10'000;
    std::vector<std::pair<core::TimeNs, ThreadState>> segments;
    for (core::TimeNs t = 0; t < 10'000; t += 10) {
        segments.push_back({t, ThreadState::Running});
        segments.push_back({t + 3, ThreadState::WaitingForGil});
    }
    trace->threads = {track("battle", segments)};
    const auto theme = ui::TimelineTheme::screenLight();
    const QImage img = ui::renderThumbnail(*trace, QSize(100, 20), theme);
    int running = 0;
    for (int x = 0; x < img.width(); ++x)
        running += img.pixelColor(x, 10).rgb() == theme.stateColor(ThreadState::Running).rgb();
    CHECK(running == 30);
}

TEST_CASE("lessons: a thumbnail column shows the state covering most of its time") {
    // row 0: running [0,50) then I/O [50,100); row 1: waiting all along, a failed wake-up at 75
    auto trace = std::make_shared<core::Trace>();
    trace->endNs = 100;
    const core::ThreadTrack a = track("a", {{0, ThreadState::Running}, {50, ThreadState::Io}});
    const core::ThreadTrack b =
        track("b", {{0, ThreadState::WaitingForGil}}, {{75, core::MarkKind::FailedAcquire}});
    trace->threads = {a, b};
    const auto theme = ui::TimelineTheme::screenLight();
    const QImage img = ui::renderThumbnail(*trace, QSize(100, 40), theme);
    REQUIRE(img.size() == QSize(100, 40));
    // bands of 20 px with a 3 px gap: rows at y 1..18 and 21..38
    CHECK(img.pixelColor(10, 10).rgb() == theme.stateColor(ThreadState::Running).rgb());
    CHECK(img.pixelColor(49, 10).rgb() == theme.stateColor(ThreadState::Running).rgb());
    CHECK(img.pixelColor(50, 10).rgb() == theme.stateColor(ThreadState::Io).rgb());
    CHECK(img.pixelColor(10, 30).rgb() == theme.stateColor(ThreadState::WaitingForGil).rgb());
    // the failed wake-up ticks the top of its row in its column only
    CHECK(img.pixelColor(75, 23).rgb() == theme.failedFirst.rgb());
    CHECK(img.pixelColor(74, 23).rgb() == theme.stateColor(ThreadState::WaitingForGil).rgb());
    CHECK(img.pixelColor(75, 36).rgb() == theme.stateColor(ThreadState::WaitingForGil).rgb());
    // gaps between rows stay background
    CHECK(img.pixelColor(10, 0).rgb() == theme.background.rgb());

    // More rows than pixels: rows fold into bands and the picture keeps its height.
    auto many = std::make_shared<core::Trace>(*trace);
    for (int i = 0; i < 300; ++i)
        many->threads.push_back(i % 2 ? a : b);
    const QImage folded = ui::renderThumbnail(*many, QSize(100, 40), theme);
    CHECK(folded.size() == QSize(100, 40));
    CHECK(countColour(folded, folded.rect(), theme.stateColor(ThreadState::Running)) > 0);
}

TEST_CASE("lessons: the gallery lists every preset as a card") {
    ui::GalleryPage page;
    const auto names = core::presetNames();
    REQUIRE(page.cardCount() == static_cast<int>(names.size()));
    QStringList ids = page.presetIds();
    ids.sort();
    QStringList expected;
    for (const auto &n : names)
        expected << QString::fromStdString(n);
    expected.sort();
    CHECK(ids == expected);
    for (int i = 0; i < page.cardCount(); ++i) {
        ui::GalleryCard *card = page.card(i);
        INFO(card->presetId().toStdString());
        const core::Scenario s = preset(card->presetId().toStdString());
        CHECK(QString::fromStdString(s.name).startsWith(card->title()));
        CHECK(card->description() == QString::fromStdString(s.description));
        CHECK(card->openButton()->isEnabled());
    }
    // A card with a published figure shows it with its source.
    ui::GalleryCard *r1 = page.card(QStringLiteral("r1-legacy-2cpu-4cores"));
    REQUIRE(r1);
    CHECK(r1->reference().contains(QLatin1String("15.4 s")));
    CHECK(r1->reference().contains(QLatin1String("Beazley")));
}

TEST_CASE("lessons: Open on a gallery card hands over that preset") {
    ui::GalleryPage page;
    page.resize(1300, 900);
    page.show();
    QString openedId;
    core::Scenario opened;
    QObject::connect(&page, &ui::GalleryPage::presetOpened,
                     [&](const QString &id, const core::Scenario &s) {
                         openedId = id;
                         opened = s;
                     });
    ui::GalleryCard *card = page.card(QStringLiteral("r7-convoy-0.5ms"));
    REQUIRE(card);
    QTest::mouseClick(card->openButton(), Qt::LeftButton);
    CHECK(openedId == QLatin1String("r7-convoy-0.5ms"));
    CHECK(opened.params.switch_interval_ms == 0.5);
    CHECK(core::sameScenario(opened, preset("r7-convoy-0.5ms")));

    QString a, b;
    QObject::connect(&page, &ui::GalleryPage::compareRequested,
                     [&](const QString &x, const QString &y) {
                         a = x;
                         b = y;
                     });
    REQUIRE(card->compareButton()->isVisible());
    QTest::mouseClick(card->compareButton(), Qt::LeftButton);
    CHECK(a == QLatin1String("r7-convoy-0.5ms"));
    CHECK(b == QLatin1String("r6-convoy-1cpu"));
}

TEST_CASE("lessons: gallery thumbnails draw each preset's run") {
    ui::GalleryPage page;
    page.resize(1300, 900);
    page.show();
    REQUIRE(waitUntil([&] { return page.thumbnailsFinished(); }));
    const auto theme = ui::TimelineTheme::forPalette(page.palette());
    for (int i = 0; i < page.cardCount(); ++i) {
        INFO(page.card(i)->presetId().toStdString());
        REQUIRE(page.card(i)->hasThumbnail());
        const QImage img = page.card(i)->thumbnail();
        // Every run is drawn. (Running need not dominate any column: four threads battling for
        // the old GIL on four cores each hold it a quarter of the time, so waiting wins.)
        CHECK(countColour(img, img.rect(), theme.stateColor(ThreadState::Running)) +
                  countColour(img, img.rect(), theme.stateColor(ThreadState::WaitingForGil)) +
                  countColour(img, img.rect(), theme.stateColor(ThreadState::Native)) >
              0);
    }
    const QImage threads = page.card(QStringLiteral("threading-4cpu"))->thumbnail();
    CHECK(countColour(threads, threads.rect(), theme.stateColor(ThreadState::Running)) > 0);
    // The legacy battle shows its failed wake-ups; the 3.2+ GIL has none.
    const QImage legacy = page.card(QStringLiteral("r1-legacy-2cpu-4cores"))->thumbnail();
    const QImage modern = page.card(QStringLiteral("r3-gil-2cpu-4cores"))->thumbnail();
    CHECK(countColour(legacy, legacy.rect(), theme.failedRepeated) > 50);
    CHECK(countColour(modern, modern.rect(), theme.failedRepeated) == 0);
}
