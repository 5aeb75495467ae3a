// The keys and labels people expect: Esc and Ctrl+W close Compare, mnemonics show no literal
// ampersand, F1 opens the guide to the timeline, About says which version this is.
#include <catch2/catch.hpp>

#include "support.h"
#include "windowsupport.h"

#include "compare/compareview.h"
#include "export/exportdialog.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QTest>

using namespace gilscope;
using gilscope::test::activate;
using gilscope::test::waitUntil;
using gilscope::test::WindowUnderTest;

namespace {

// The letter after a single '&' in a label or menu title, lower case; none if it has no mnemonic.
QChar mnemonic(const QString &text) {
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '&')
            continue;
        if (text[i + 1] == '&') {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

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

TEST_CASE("Alt and a letter reaches one thing: the menus' and the controls' mnemonics differ") {
    WindowUnderTest win;
    std::map<QChar, QStringList> owners;
    for (QAction *menu : win.w->menuBar()->actions())
        if (const QChar c = mnemonic(menu->text()); !c.isNull())
            owners[c] << menu->text();
    for (QLabel *label : win.w->controls()->findChildren<QLabel *>())
        if (const QChar c = mnemonic(label->text()); !c.isNull() && label->buddy())
            owners[c] << label->text();
    for (const auto &[letter, texts] : owners) {
        INFO("Alt+" << QString(letter).toStdString() << ": "
                    << texts.join(QStringLiteral(", ")).toStdString());
        CHECK(texts.size() == 1); // "Mac&hine" took Alt+H from Help, "S&eed" Alt+E from Executor
    }
}
