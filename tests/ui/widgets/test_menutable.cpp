#include "widgets/menutable.h"

#include <QMenu>

#include <catch2/catch.hpp>

using gilscope::ui::fillMenu;
using gilscope::ui::MenuRow;

TEST_CASE("A menu table makes its actions, separators and stored pointers in order",
          "[menutable]") {
    QMenu menu;
    QAction *stored = nullptr;
    QAction borrowed(QStringLiteral("Borrowed"));
    int opened = 0;
    std::vector<bool> toggles;
    fillMenu(&menu, {
                        {.text = QStringLiteral("&Open"),
                         .keys = {QKeySequence::Open},
                         .objectName = QStringLiteral("open"),
                         .triggered = [&] { ++opened; },
                         .store = &stored},
                        {},
                        {.text = QStringLiteral("Lane"),
                         .toggled = [&](bool on) { toggles.push_back(on); },
                         .checked = true},
                        {.existing = &borrowed},
                        {.build = [](QMenu *m) { m->addMenu(QStringLiteral("Sub")); }},
                    });
    const QList<QAction *> actions = menu.actions();
    REQUIRE(actions.size() == 5);
    CHECK(actions[0] == stored);
    CHECK(stored->objectName() == QStringLiteral("open"));
    CHECK(stored->shortcut() == QKeySequence(QKeySequence::Open));
    CHECK_FALSE(stored->isCheckable());
    CHECK(actions[1]->isSeparator());
    CHECK(actions[2]->isCheckable());
    CHECK(actions[2]->isChecked());
    CHECK(actions[3] == &borrowed);
    CHECK(actions[4]->menu() != nullptr);

    stored->trigger();
    actions[2]->trigger(); // unchecks
    actions[2]->trigger(); // checks again
    CHECK(opened == 1);
    CHECK(toggles == std::vector<bool>{false, true});
}
