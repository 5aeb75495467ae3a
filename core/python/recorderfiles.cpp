#include "python/recorderfiles.h"

#include <QDir>
#include <QFileInfo>

namespace gilscope::core {

namespace {
const QString kRecorderFile = QStringLiteral("gilscope_record.py");
}

QStringList recorderDirCandidates(const QString &binaryDir, const QString &sourceDir) {
    const QString override = qEnvironmentVariable("GILSCOPE_RECORDER_DIR");
    if (!override.isEmpty())
        return {QDir(override).absolutePath()};
    QStringList candidates;
    if (!binaryDir.isEmpty())
        candidates << QDir::cleanPath(binaryDir + "/../share/gilscope/recorder");
    if (!sourceDir.isEmpty())
        candidates << QDir::cleanPath(sourceDir + "/resources/recorder");
    return candidates;
}

QString RecorderFiles::recorder() const {
    return QDir(dir).filePath(kRecorderFile);
}
QString RecorderFiles::calibrator() const {
    return QDir(dir).filePath(QStringLiteral("calibrate.py"));
}
QString RecorderFiles::workload(const QString &name) const {
    return QDir(dir).filePath(QStringLiteral("workloads/") + name);
}

Result<RecorderFiles> findRecorderFiles(const QString &binaryDir, const QString &sourceDir) {
    const QStringList candidates = recorderDirCandidates(binaryDir, sourceDir);
    for (const QString &dir : candidates)
        if (QFileInfo(QDir(dir).filePath(kRecorderFile)).isFile())
            return RecorderFiles{dir};
    QStringList lookedAt;
    for (const QString &dir : candidates)
        lookedAt << QDir(dir).filePath(kRecorderFile);
    return Error{("the recorder " + kRecorderFile + " is missing; looked at " +
                  lookedAt.join(", ") + " (set GILSCOPE_RECORDER_DIR to its directory)")
                     .toStdString()};
}

} // namespace gilscope::core
