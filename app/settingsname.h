#pragma once

#include <QString>

namespace gilscope::app {

// The name settings live under: ~/.config/gilscope/gilscope.conf, beside ~/.local/share/gilscope
// (machine profiles), without the spaces of the old "GIL Scope/GIL Scope.conf".
inline constexpr const char *kSettingsName = "gilscope";

// Sets the organisation and application names QSettings and QStandardPaths use. Call once the
// QCoreApplication exists, before anything reads settings.
void setSettingsName();

// Copies the settings of versions before 0.1.0 ($XDG_CONFIG_HOME/GIL Scope/GIL Scope.conf) to the
// new place, once: only while no new file exists. The old file stays for an older GIL Scope.
// Returns what happened, for the log; empty when there was nothing to do.
QString migrateOldSettings();

} // namespace gilscope::app
