#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

class QMenu;

namespace gilscope::ui {

// One row of a menu, as data: a new action, an action some widget already owns (zoom, dock
// toggles), a row that builds itself (a submenu, an action group), or — all fields empty — a
// separator. Windows list their menus as tables of these instead of a page of addAction calls.
// Every member has an initialiser, so a row names only the fields it needs.
struct MenuRow {
    QString text{};
    QString icon{}; // a freedesktop icon name, looked up in the theme
    QList<QKeySequence> keys{};
    QString objectName{};
    QString toolTip{};
    std::function<void()> triggered{};
    std::function<void(bool)> toggled{}; // makes the action checkable
    bool checkable = false;              // checkable without `toggled` (the slot reads the state)
    bool checked = false;                // its state before the first toggle
    QAction::MenuRole role = QAction::NoRole;
    QAction **store = nullptr; // where the window keeps the action it needs later
    QAction *existing = nullptr;
    std::function<void(QMenu *)> build{};
};

void fillMenu(QMenu *menu, const std::vector<MenuRow> &rows);

} // namespace gilscope::ui
