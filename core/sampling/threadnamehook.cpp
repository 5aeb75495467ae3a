#include "sampling/threadnamehook.h"

#include <QFile>

namespace gilscope::core {

namespace {

// Written once per thread start by threading's own bootstrap: the thread's kernel id (what
// /proc lists) and its Python name. No hook runs per bytecode or per call.
constexpr char kSiteCustomize[] = R"PY(# GIL Scope's sampling recorder: thread names, nothing else.
import os, sys
_path = os.environ.pop("GILSCOPE_THREAD_NAMES", None)
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
if _path:
    import threading

    def _tid():
        try:
            return int(os.readlink("/proc/thread-self").rsplit("/", 1)[1])
        except (OSError, ValueError, IndexError):
            return 0

    def _say(name):
        try:
            fd = os.open(_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, ("%d %d %s\n" % (os.getpid(), _tid(), name)).encode("utf-8", "replace"))
            finally:
                os.close(fd)
        except OSError:
            pass

    _say(threading.current_thread().name)
    if hasattr(os, "register_at_fork"):  # 3.7+: a forked child's thread is named again
        os.register_at_fork(after_in_child=lambda: _say(threading.current_thread().name))
    _attr = "_bootstrap_inner" if hasattr(threading.Thread, "_bootstrap_inner") \
        else "_Thread__bootstrap_inner"
    _inner = getattr(threading.Thread, _attr, None)
    if _inner is not None:
        def _named(self):
            _say(self.name)
            return _inner(self)
        setattr(threading.Thread, _attr, _named)
# The user's own sitecustomize, if there is one further along the path: run it as site would.
for _dir in sys.path:
    _file = os.path.join(_dir or ".", "sitecustomize.py")
    if os.path.isfile(_file):
        with open(_file) as _f:
            _code = compile(_f.read(), _file, "exec")
        exec(_code, {"__name__": "sitecustomize", "__file__": _file})
        break
)PY";

} // namespace

ThreadNameHook::ThreadNameHook() {
    if (!m_dir.isValid())
        return;
    QFile f(m_dir.filePath("sitecustomize.py"));
    m_ok = f.open(QIODevice::WriteOnly) && f.write(kSiteCustomize) > 0;
}

void ThreadNameHook::install() {
    m_hadPath = qEnvironmentVariableIsSet("PYTHONPATH");
    m_oldPath = qgetenv("PYTHONPATH");
    QByteArray path = QFile::encodeName(m_dir.path());
    if (!m_oldPath.isEmpty())
        path += ":" + m_oldPath;
    qputenv("PYTHONPATH", path);
    qputenv("GILSCOPE_THREAD_NAMES", QFile::encodeName(namesFile()));
}

void ThreadNameHook::restore() {
    if (m_hadPath)
        qputenv("PYTHONPATH", m_oldPath);
    else
        qunsetenv("PYTHONPATH");
    qunsetenv("GILSCOPE_THREAD_NAMES");
}

void ThreadNameHook::addTo(QProcessEnvironment &env) const {
    const QString old = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               old.isEmpty() ? m_dir.path() : m_dir.path() + ":" + old);
    env.insert(QStringLiteral("GILSCOPE_THREAD_NAMES"), namesFile());
}

} // namespace gilscope::core
