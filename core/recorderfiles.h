#pragma once

#include <QString>
#include <QStringList>

namespace gilscope::core {

// The Python side of GIL Scope (gilscope_record.py, calibrate.py, workloads/) ships as plain
// files next to the binary. Where the directory is looked for, first match wins:
// $GILSCOPE_RECORDER_DIR alone when set; else `binaryDir`/../share/gilscope/recorder (the
// installed layout), then `sourceDir`/resources/recorder (a build tree; skipped when empty).
QStringList recorderDirCandidates(const QString &binaryDir, const QString &sourceDir);

struct RecorderFiles {
    QString dir;    // empty when not found
    QString error;  // what was looked for and where, when not found

    bool found() const { return !dir.isEmpty(); }
    QString recorder() const;                       // gilscope_record.py
    QString calibrator() const;                     // calibrate.py
    QString workload(const QString &name) const;    // workloads/NAME
};

RecorderFiles findRecorderFiles(const QString &binaryDir, const QString &sourceDir);

} // namespace gilscope::core
