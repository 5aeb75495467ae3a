#pragma once

#include <QLocale>
#include <QStringList>

namespace gilscope::app {

// Installs the translators for `locale` (its uiLanguages(), so LANGUAGE=de:en works): Qt's own
// strings (qt_LANG.qm from QLibraryInfo::TranslationsPath, e.g. the buttons of a message box) and
// GIL Scope's (gilscope_LANG.qm, built into the binary from translations/*.ts). Needs a
// QCoreApplication; the translators are its children. Returns the files loaded, for tests and
// GILSCOPE_DEBUG; English loads none of ours.
QStringList installTranslations(const QLocale &locale = QLocale());

} // namespace gilscope::app
