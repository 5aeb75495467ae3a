#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace gilscope::core {

// A CPython interpreter on this machine that the recorder can run (2.7 or 3.6+).
struct PythonInstall {
    QString path; // absolute
    int major = 0, minor = 0, micro = 0;

    QString version() const; // "3.12.1"
    // Python 2 and 3.0/3.1 run the legacy GIL, 3.2+ the timed one.
    bool legacyGil() const { return major < 3 || (major == 3 && minor < 2); }
};

// Runs `path -c ...` to read its version. Nothing when it does not run, is not CPython, or is
// older than 2.7 or than 3.6 in the 3 series; `error` then says which.
Result<PythonInstall> probePython(const QString &path);

// Where interpreters are looked for, in order: every $PYENV_ROOT (default ~/.pyenv)
// versions/*/bin/python, then python3, python, python2.7 and python2 on PATH. pyenv's own paths
// come first because its shims start a shell script on every run.
QStringList pythonCandidates();

// Every supported interpreter among `candidates`, one per version, oldest first. Probing starts
// each one, so call it off the GUI thread.
std::vector<PythonInstall> findPythonInstalls(const QStringList &candidates = pythonCandidates());

// A name without a slash is looked up on PATH like a shell would; a path must be an executable
// file. Empty when neither.
QString resolvePythonPath(const QString &nameOrPath);

} // namespace gilscope::core
