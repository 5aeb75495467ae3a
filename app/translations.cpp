#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace gilscope::app {

namespace {

// Where lrelease's .qm files are compiled in (qt_add_translations' resource prefix).
constexpr auto kOwnTranslations = ":/i18n";

bool install(const QLocale &locale, const QString &name, const QString &dir, QStringList *loaded) {
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), dir) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    *loaded << translator->filePath();
    return true;
}

} // namespace

QStringList installTranslations(const QLocale &locale) {
    QStringList loaded;
    if (!QCoreApplication::instance())
        return loaded;
    install(locale, QStringLiteral("qt"), QLibraryInfo::path(QLibraryInfo::TranslationsPath),
            &loaded);
    install(locale, QStringLiteral("gilscope"), QString::fromLatin1(kOwnTranslations), &loaded);
    return loaded;
}

} // namespace gilscope::app
