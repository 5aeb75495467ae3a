#include "settingsname.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace gilscope::app {

void setSettingsName() {
    QCoreApplication::setOrganizationName(QString::fromLatin1(kSettingsName));
    QCoreApplication::setApplicationName(QString::fromLatin1(kSettingsName));
}

QString migrateOldSettings() {
    // Paths, not QSettings: QSettings fixes its folders at first use, and this runs before it.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString oldFile = config + QStringLiteral("/GIL Scope/GIL Scope.conf");
    const QString name = QString::fromLatin1(kSettingsName);
    const QString newFile = QStringLiteral("%1/%2/%2.conf").arg(config, name);
    if (QFileInfo::exists(newFile) || !QFileInfo(oldFile).isFile())
        return {};
    if (!QDir().mkpath(QFileInfo(newFile).absolutePath()) || !QFile::copy(oldFile, newFile))
        return QStringLiteral("cannot copy the settings %1 to %2").arg(oldFile, newFile);
    return QStringLiteral("settings moved from %1 to %2").arg(oldFile, newFile);
}

} // namespace gilscope::app
