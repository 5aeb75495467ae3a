// Translations: Qt's own from QLibraryInfo::TranslationsPath and GIL Scope's built in, chosen by
// the user's languages.
#include "support.h"

#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>

using gilscope::app::installTranslations;

namespace {

// installTranslations() needs an application to own the translators; one per test.
struct App {
    int argc = 1;
    char name[9] = "gilscope";
    char *argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
};

} // namespace

TEST_CASE("German loads GIL Scope's translation and Qt's, and the controls speak German") {
    App app;
    const QStringList loaded = installTranslations(QLocale(QLocale::German, QLocale::Germany));
    INFO(loaded.join(", ").toStdString());
    CHECK(loaded.contains(":/i18n/gilscope_de.qm"));
    CHECK(QCoreApplication::translate("gilscope::ui::ControlsPanel", "Machine and GIL") ==
          "Maschine und GIL");
    CHECK(QCoreApplication::translate("gilscope::ui::MainWindow", "&File") == "&Datei");
    // Not yet translated: the English text, never an empty one.
    CHECK(QCoreApplication::translate("gilscope::ui::AdvisorPanel", "no such string") ==
          "no such string");
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (QFileInfo::exists(qtDir + "/qt_de.qm")) {
        CHECK(loaded.contains(qtDir + "/qt_de.qm"));
        CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == "Abbrechen");
    } else {
        WARN("qt6-translations-l10n is not installed: Qt's own German strings not checked");
    }
}

TEST_CASE("English loads no translation of ours and keeps the strings as written") {
    App app;
    // Qt ships a qt_en.qm (plural forms only); GIL Scope is written in English.
    for (const QString &file :
         installTranslations(QLocale(QLocale::English, QLocale::UnitedKingdom)))
        CHECK_FALSE(file.contains("gilscope"));
    CHECK(QCoreApplication::translate("gilscope::ui::ControlsPanel", "Machine and GIL") ==
          "Machine and GIL");
}
