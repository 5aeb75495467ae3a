#pragma once

// Stand-ins for Python interpreters in the Record dialog's tests: shell scripts that answer
// probePython()'s version question as told and, when run as the recorder
// (`gilscope_record.py --out PATH ... -- SCRIPT`), do what the test needs -- write a trace, fail,
// or hang until interrupted -- so that the dialog's behaviour is checked without a real Python.
#include <catch2/catch.hpp>

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace gilscope::test {

// A minimal recorded trace: two CPU threads taking turns, Python 3.12.1 on 2 cores.
inline QByteArray minimalRecordedTrace() {
    return R"({"otherData": {"python": "3.12.1", "cores": 2, "switch_interval_ms": 5,
  "scenario": "fake.py", "interpreter": "recorded"},
 "traceEvents": [
  {"ph": "M", "name": "thread_name", "pid": 1, "tid": 1, "args": {"name": "cpu-1", "gil": 0}},
  {"ph": "M", "name": "thread_name", "pid": 1, "tid": 2, "args": {"name": "cpu-2", "gil": 0}},
  {"ph": "X", "cat": "state", "name": "running", "pid": 1, "tid": 1, "ts": 0, "dur": 5000},
  {"ph": "X", "cat": "state", "name": "waiting", "pid": 1, "tid": 2, "ts": 0, "dur": 5000},
  {"ph": "X", "cat": "state", "name": "waiting", "pid": 1, "tid": 1, "ts": 5000, "dur": 5000},
  {"ph": "X", "cat": "state", "name": "running", "pid": 1, "tid": 2, "ts": 5000, "dur": 5000}]}
)";
}

// Writes an executable `name` in `dir` that reports itself as `implementation major minor micro`
// (e.g. "CPython 3 12 1") and otherwise runs `asRecorder` (sh; "$3" is the trace path).
inline QString fakePython(const QTemporaryDir &dir, const QString &name, const QString &version,
                          const QString &asRecorder = QStringLiteral("exit 0")) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("#!/bin/sh\n"
                           "if [ \"$1\" = \"-c\" ]; then echo \"%1\"; exit 0; fi\n"
                           "%2\n")
                .arg(version, asRecorder)
                .toUtf8());
    f.close();
    REQUIRE(f.setPermissions(f.permissions() | QFile::ExeOwner | QFile::ExeUser));
    return path;
}

// What a fake recorder does with the trace path ("$3").
inline QString writesTrace(int exitStatus) {
    const QString trace = QString::fromUtf8(minimalRecordedTrace()).replace('\'', "'\\''");
    return QStringLiteral("echo \"gilscope-record: wrote $3\" >&2\n"
                          "printf '%s' '%1' > \"$3\"\n"
                          "exit %2")
        .arg(trace)
        .arg(exitStatus);
}

} // namespace gilscope::test
