#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace gilscope::core {

// The Python side of a sampling `record`: a directory for PYTHONPATH with a sitecustomize.py that
// writes "PID TID NAME" once per thread start to a file (no cost per bytecode), then hands over
// to any sitecustomize of the user's.
class ThreadNameHook {
public:
    ThreadNameHook();
    bool ok() const { return m_ok; }
    // Sets PYTHONPATH and GILSCOPE_THREAD_NAMES for a child to inherit; restore() undoes it.
    void install();
    void restore();
    // The same, for a QProcess's environment.
    void addTo(QProcessEnvironment &env) const;
    QString namesFile() const { return m_dir.filePath("names.txt"); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
    QByteArray m_oldPath;
    bool m_hadPath = false;
};

} // namespace gilscope::core
