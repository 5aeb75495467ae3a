#include "widgets/menutable.h"

#include <QIcon>
#include <QMenu>

namespace gilscope::ui {
namespace {

QAction *makeAction(QMenu *menu, const MenuRow &row) {
    QAction *action = menu->addAction(row.text);
    if (!row.icon.isEmpty())
        action->setIcon(QIcon::fromTheme(row.icon));
    if (!row.keys.isEmpty())
        action->setShortcuts(row.keys);
    if (!row.objectName.isEmpty())
        action->setObjectName(row.objectName);
    if (!row.toolTip.isEmpty())
        action->setToolTip(row.toolTip);
    action->setMenuRole(row.role);
    action->setCheckable(row.checkable || row.toggled);
    action->setChecked(row.checked);
    if (row.toggled)
        QObject::connect(action, &QAction::toggled, menu, row.toggled);
    if (row.triggered)
        QObject::connect(action, &QAction::triggered, menu, [f = row.triggered] { f(); });
    return action;
}

} // namespace

void fillMenu(QMenu *menu, const std::vector<MenuRow> &rows) {
    for (const MenuRow &row : rows) {
        if (row.build) {
            row.build(menu);
        } else if (row.existing) {
            menu->addAction(row.existing);
        } else if (row.text.isEmpty()) {
            menu->addSeparator();
        } else {
            QAction *action = makeAction(menu, row);
            if (row.store)
                *row.store = action;
        }
    }
}

} // namespace gilscope::ui
