// What a screen reader gets from the main window: a name on every control it can reach, the
// sliders' values as text, the thread table's bars as words and a chart that says what it shows.
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "lessons/gallerycard.h"
#include "lessons/gallerypage.h"
#include "pixels/timewindow.h"
#include "timeline/zoomhistory.h"
#include "window/metricspanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTableView>

using namespace gilscope;
using gilscope::test::WindowUnderTest;

namespace {

QString accessibleText(QWidget *widget, QAccessible::Text text) {
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(text) : QString();
}

// Widgets a user operates (and so tabs to or clicks), as opposed to labels and frames.
bool interactive(QWidget *w) {
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSlider *>(w) ||
           qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
           qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w) ||
           w->focusPolicy() != Qt::NoFocus;
}

// Parts a composite widget speaks for: a spin box's or an editable combo box's line edit, a
// combo box's popup list, a table's headers and corner button (the table interface reads them),
// scroll bars (Qt names them by orientation), and Qt's private menu-bar and tool-bar overflow
// buttons (shown only when the items do not fit; the "qt_" names mark them as Qt's own).
bool partOfAnother(QWidget *w) {
    QWidget *parent = w->parentWidget();
    return qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent) ||
           (parent && qobject_cast<QComboBox *>(parent->parentWidget())) ||
           qobject_cast<QAbstractItemView *>(parent) || qobject_cast<QScrollBar *>(w) ||
           w->inherits("QComboBoxPrivateContainer") ||
           w->objectName() == QLatin1String("qt_menubar_ext_button") ||
           w->objectName() == QLatin1String("qt_toolbar_ext_button");
}

QString describe(QWidget *w) {
    QStringList path;
    for (QObject *o = w; o; o = o->parent())
        path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(o->metaObject()->className()),
                                                  o->objectName()));
    return path.join(QStringLiteral(" > "));
}

} // namespace

TEST_CASE("every interactive widget of the main window has an accessible name") {
    WindowUnderTest win;
    QStringList unnamed;
    int checked = 0;
    for (QWidget *w : win.w->findChildren<QWidget *>()) {
        if (!interactive(w) || partOfAnother(w))
            continue;
        ++checked;
        if (accessibleText(w, QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(w);
    }
    INFO(unnamed.join('\n').toStdString());
    CHECK(unnamed.isEmpty());
    CHECK(checked >= 15);
}

TEST_CASE("each slider is named and describes its value as shown, following it") {
    WindowUnderTest win;
    ui::ControlsPanel *controls = win.w->controls();
    QAbstractSlider *slider = controls->slider("switchInterval")->slider();
    CHECK(accessibleText(slider, QAccessible::Name) == "Switch interval");
    win.andWait([&] { slider->setValue(slider->maximum()); });
    const QString description = accessibleText(slider, QAccessible::Description);
    CHECK(description.startsWith("100 ms. sys.setswitchinterval()"));
    QStringList names;
    for (auto *s : controls->findChildren<ui::LabeledSlider *>())
        names << accessibleText(s->slider(), QAccessible::Name);
    names.sort();
    CHECK(names == QStringList{"CPU burst", "CPU-bound threads", "Check interval", "Cores",
                               "I/O wait", "I/O-bound threads", "Switch interval"});
}

TEST_CASE("the thread table is named and reads its state bars as words") {
    WindowUnderTest win;
    auto *table = win.w->metrics()->findChild<QTableView *>("threadTable");
    REQUIRE(table);
    CHECK(accessibleText(table, QAccessible::Name) == "Threads");
    CHECK_FALSE(accessibleText(table, QAccessible::Description).isEmpty());
    const QModelIndex bars = table->model()->index(0, 1);
    const QString words = bars.data(Qt::AccessibleTextRole).toString();
    INFO(words.toStdString());
    CHECK(words.startsWith("running "));
    CHECK(words.contains("waiting for the GIL"));
}

TEST_CASE("the chart describes the run's figures and the visible range as they change") {
    WindowUnderTest win;
    ui::TimelineView *chart = win.w->timeline();
    CHECK(accessibleText(chart, QAccessible::Name) == "Timeline chart");
    CHECK(QAccessible::queryAccessibleInterface(chart)->role() == QAccessible::Chart);
    const QString whole = accessibleText(chart, QAccessible::Description);
    INFO(whole.toStdString());
    CHECK(whole.startsWith(chart->title().simplified().replace(" · ", ", ") + "."));
    CHECK(whole.contains("Makespan"));
    CHECK(whole.contains("Showing 0 s to "));
    const core::TimeWindow w = chart->zoom()->window();
    chart->zoom()->zoomTo(core::TimeWindow{w.begin, w.begin + w.span() / 4});
    const QString zoomed = accessibleText(chart, QAccessible::Description);
    INFO(zoomed.toStdString());
    CHECK(zoomed != whole);
    CHECK(zoomed.contains("Showing 0 s to "));
}

TEST_CASE("the gallery's buttons say which preset they open or compare") {
    ui::GalleryPage page;
    QSet<QString> names;
    for (int i = 0; i < page.cardCount(); ++i) {
        ui::GalleryCard *card = page.card(i);
        const QString open = accessibleText(card->openButton(), QAccessible::Name);
        CHECK(open == "Open “" + card->title() + "”");
        names.insert(open);
        if (!card->compareButton()->isHidden())
            CHECK(accessibleText(card->compareButton(), QAccessible::Name)
                      .startsWith("Compare “" + card->title() + "” with “"));
    }
    CHECK(names.size() == page.cardCount()); // no two alike
}

TEST_CASE("Tab reaches every slider, combo box, the table and the chart") {
    WindowUnderTest win;
    win.w->activateWindow();
    QWidget *start = win.w->controls()->findChild<QComboBox *>("preset");
    REQUIRE(start);
    start->setFocus(Qt::TabFocusReason);
    // Walk the focus chain as Tab does, once round.
    QSet<QWidget *> reached;
    QWidget *w = start;
    for (int i = 0; i < 500 && !reached.contains(w); ++i) {
        reached.insert(w);
        w = w->nextInFocusChain();
        while (w != start &&
               !(w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)))
            w = w->nextInFocusChain();
    }
    QStringList missed;
    for (auto *slider : win.w->controls()->findChildren<ui::LabeledSlider *>())
        if (slider->isEnabled() && !reached.contains(slider->slider()))
            missed << slider->objectName();
    for (auto *box : win.w->controls()->findChildren<QComboBox *>())
        if (!reached.contains(box))
            missed << box->objectName();
    if (!reached.contains(win.w->metrics()->findChild<QTableView *>("threadTable")))
        missed << "threadTable";
    if (!reached.contains(win.w->timeline()))
        missed << "timeline";
    INFO(missed.join(", ").toStdString());
    CHECK(missed.isEmpty());
}
