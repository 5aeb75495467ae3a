// The three lessons of the "Real programs" chapter: C code, a lock convoy, asyncio.to_thread.
#include <catch2/catch.hpp>

#include "support.h"

#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "lessons/lessonscatalog.h"
#include "scenario/scenariojson.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace gilscope;
using gilscope::test::preset;

namespace {
const char *const kLessons[] = {"native-hashlib-2threads", "lock-convoy", "asyncio-to-thread"};
}

TEST_CASE("lessons: the three step lessons are in the real-programs chapter and say what to "
          "look at in two or three sentences") {
    const auto presets = ui::lessonPresets();
    const int chapter = static_cast<int>(ui::lessonSections().size()) - 1;
    CHECK(ui::lessonSections()[chapter].startsWith(QLatin1String("Real programs")));
    for (const char *id : kLessons) {
        INFO(id);
        const auto it = std::find_if(presets.begin(), presets.end(),
                                     [&](const auto &p) { return p.id == QLatin1String(id); });
        REQUIRE(it != presets.end());
        CHECK(it->section == chapter);
        CHECK(!it->referenceFigure.isEmpty());
        const int sentences =
            static_cast<int>(it->lesson.count(QRegularExpression(QStringLiteral("[.!?](\\s|$)"))));
        CHECK(sentences >= 2);
        CHECK(sentences <= 4); // a title sentence and two or three on what to look at
        CHECK(it->lesson.contains(QLatin1String("Look at")));
    }
    CHECK(ui::lessonPreset(QStringLiteral("native-hashlib-2threads"),
                           preset("native-hashlib-2threads"))
              .lesson.startsWith(QLatin1String("C extensions release the GIL.")));
    CHECK(ui::lessonPreset(QStringLiteral("lock-convoy"), preset("lock-convoy"))
              .lesson.startsWith(QLatin1String("A lock convoy.")));
    CHECK(ui::lessonPreset(QStringLiteral("asyncio-to-thread"), preset("asyncio-to-thread"))
              .lesson.startsWith(QLatin1String("asyncio.to_thread rescues the event loop.")));
    // Other presets have no lesson line.
    CHECK(ui::lessonPreset(QStringLiteral("r7-convoy-0.5ms"), preset("r7-convoy-0.5ms"))
              .lesson.isEmpty());
}

TEST_CASE("lessons: each step lesson's card shows its lesson and opens its preset") {
    ui::GalleryPage page;
    page.resize(1300, 900);
    page.show();
    for (const char *id : kLessons) {
        INFO(id);
        QString openedId;
        core::Scenario opened;
        const auto connection = QObject::connect(&page, &ui::GalleryPage::presetOpened,
                                                 [&](const QString &i, const core::Scenario &s) {
                                                     openedId = i;
                                                     opened = s;
                                                 });
        ui::GalleryCard *card = page.card(QString::fromLatin1(id));
        REQUIRE(card);
        CHECK(card->lesson() == card->preset().lesson);
        CHECK(card->findChild<QLabel *>(QStringLiteral("lesson"))->isVisibleTo(card));
        QTest::mouseClick(card->openButton(), Qt::LeftButton);
        CHECK(openedId == QLatin1String(id));
        CHECK(core::sameScenario(opened, preset(id)));
        QObject::disconnect(connection);
    }
}
