#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace gilscope::core {

// The Python side of GIL Scope (gilscope_record.py, calibrate.py, workloads/) ships as plain
// files next to the binary. Where the directory is looked for, first match wins:
// $GILSCOPE_RECORDER_DIR alone when set; else `binaryDir`/../share/gilscope/recorder (the
// installed layout), then `sourceDir`/resources/recorder (a build tree; skipped when empty).
QStringList recorderDirCandidates(const QString &binaryDir, const QString &sourceDir);

struct RecorderFiles {
    QString dir;

    QString recorder() const;                    // gilscope_record.py
    QString calibrator() const;                  // calibrate.py
    QString workload(const QString &name) const; // workloads/NAME
};

// The error says what was looked for and where.
Result<RecorderFiles> findRecorderFiles(const QString &binaryDir, const QString &sourceDir);

} // namespace gilscope::core
