// The keys and labels people expect: Esc and Ctrl+W close Compare, mnemonics show no literal
// ampersand, F1 opens the guide to the timeline, About says which version this is.
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "compare/compareview.h"
#include "export/exportdialog.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QTest>

using namespace gilscope;
using gilscope::test::activate;
using gilscope::test::waitUntil;
using gilscope::test::WindowUnderTest;

namespace {

template <typename T> T *visibleChild(QWidget *parent, const QString &name) {
    for (T *child : parent->findChildren<T *>(name))
        if (child->isVisible())
            return child;
    return nullptr;
}

} // namespace

TEST_CASE("Esc and Ctrl+W close the Compare window") {
    ui::CompareView view;
    view.setWindowFlag(Qt::Window, true);
    REQUIRE(activate(&view));
    QTest::keyClick(&view, Qt::Key_Escape);
    CHECK_FALSE(view.isVisible());
    REQUIRE(activate(&view));
    QTest::keyClick(&view, Qt::Key_W, Qt::ControlModifier);
    CHECK_FALSE(view.isVisible());
}

TEST_CASE("no label shows a literal ampersand: every mnemonic has a buddy") {
    WindowUnderTest win;
    ui::ExportDialog dialog(win.w->exportSource(), win.w.get());
    for (QWidget *top : std::initializer_list<QWidget *>{&dialog, win.w.get()})
        for (QLabel *label : top->findChildren<QLabel *>()) {
            if (label->textFormat() == Qt::RichText || !label->text().contains('&'))
                continue;
            INFO(label->text().toStdString());
            CHECK(label->buddy() != nullptr);
        }
    bool scale = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        scale = scale || (label->text() == "S&cale:" && label->buddy() != nullptr);
    CHECK(scale);
}

TEST_CASE("F1 opens Reading the Timeline and About names the version") {
    WindowUnderTest win;
    CHECK(win.w->helpAction()->shortcut() == QKeySequence(QKeySequence::HelpContents));
    REQUIRE(activate(win.w.get()));
    QTest::keyClick(win.w.get(), Qt::Key_F1);
    REQUIRE(waitUntil([&] { return visibleChild<QMessageBox>(win.w.get(), "helpBox"); }, 5000));
    QMessageBox *help = visibleChild<QMessageBox>(win.w.get(), "helpBox");
    CHECK(help->windowTitle() == "Reading the Timeline");
    CHECK(help->text().contains("share"));
    CHECK_FALSE(help->isModal()); // the chart stays usable beside it
    help->close();

    const QString before = QCoreApplication::applicationVersion();
    QCoreApplication::setApplicationVersion(QStringLiteral("4.5.6"));
    win.w->aboutAction()->trigger();
    QMessageBox *about = visibleChild<QMessageBox>(win.w.get(), "aboutBox");
    REQUIRE(about);
    CHECK(about->text().contains("version 4.5.6"));
    about->close();
    QCoreApplication::setApplicationVersion(before);
}
