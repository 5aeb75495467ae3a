#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""GIL Scope recorder: run a Python script and record, thread by thread, when it runs Python
code, when it waits for the GIL and when it blocks in I/O. The result is Chrome trace-event JSON
that GIL Scope (and Perfetto UI) opens beside a simulation.

    python gilscope_record.py [--out TRACE.json] [--switch-interval MS] [--hook HOOK]
                              -- SCRIPT.py [ARGS...]

Standard library only; runs on CPython 2.7 and 3.6+. The script runs as __main__ with sys.argv
set to [SCRIPT.py, ARGS...]; the recorder exits with the script's exit status.

How it sees the GIL
-------------------
Only the thread holding the GIL executes Python code. So at every hook event the recorder asks
one cheap question, "is this the thread that ran last?", and stamps the time only when the
answer is no: the previous thread held the GIL until this one was first seen. Hooks:
sys.monitoring on 3.12+ (loop back-edges, function starts, resumes, returns and yields) and
sys.settrace before (every line). Both see a thread within one loop iteration of it getting the
GIL. What it costs (measured on CPython 2.7-3.13, x86-64): a one-line loop runs about 4-5x slower
with sys.monitoring and 7-13x with sys.settrace; call-heavy code about 2x and 5-7x. The tight-loop
figure of each run is in otherData.recorder_slowdown. The 3.2+ GIL hands over by time, so turns
and convoy waits keep their length; the old GIL of Python 2 checks every 100 ticks, which come
several times further apart, so it hands over less often than it would unrecorded. --hook calls
uses the profiler hook instead: free in loops that call nothing but blind there, and as costly
as sys.settrace in call-heavy code.

Blocking calls (socket send/recv/accept/connect, select.select, time.sleep, os.read/os.write,
Thread.join, Condition.wait, os.waitpid) are wrapped: the thread is "io" from the call until the
call completed, then "waiting" until it runs Python again (the convoy effect). When a call
completed is known for sleeps (their deadline) and for reads of data written by a recorded thread
or a forked child of the recorded process (socketpairs, TCP between them, pipes): the write that
supplied the data. Writes are assumed not to block. Otherwise the completion is unknown: the whole
call is "io" and no io-end mark is written. Calls that did not block (the data was there) are no
I/O: the thread is "waiting" during them only if another thread ran meanwhile. Lock marks
(acquire, release) follow from the segments; failed wake-ups cannot be seen from Python, but each
thread's voluntary context switches (how often it went to sleep) are in its metadata on Linux.

Beyond running, waiting and I/O: C calls that release the GIL (hashlib, zlib, bz2, lzma, sqlite3)
are "native" for their thread CPU time; a blocked acquire of a Lock or RLock the script made is
"lock_wait"; a blocked queue.Queue get or put, Event.wait, the script's own Condition.wait and
SimpleQueue.get are "queue_wait", and every put and get steps the queue's item counter; selectors'
waits (an asyncio loop's) are I/O, and a main thread that ran an asyncio loop makes the trace's
executor "asyncio". Wait slices name the lock or queue in args.on.

Children made with os.fork (and multiprocessing's fork start method) are recorded too, each as a
process with its own GIL; so are Pythons started afresh (multiprocessing's spawn and forkserver),
which find the recorder through PYTHONPATH and a sitecustomize. Threads started with the low-level _thread module are seen only with
the sys.monitoring hook; free-threaded builds are not supported.
"""
from __future__ import absolute_import, division, print_function

import bisect
import errno
import json
import os
import platform
import runpy
import select
import shutil
import signal
import socket
import stat
import struct
import sys
import tempfile
import threading
import time
import traceback
import weakref

try:
    import _thread as _threadmodule
except ImportError:  # Python 2
    import thread as _threadmodule
try:
    import resource
except ImportError:  # not a Unix
    resource = None

PY2 = sys.version_info[0] == 2
RECORDER_VERSION = "1"
EXIT_USAGE = 2

_get_ident = _threadmodule.get_ident
_real_sleep = time.sleep
_clock = getattr(time, "perf_counter", None) or time.time
# Linux counts, per thread, how often it went to sleep (voluntary context switches): each wait for
# the GIL, each failed wake-up of the old GIL, each blocking call. Python 2 lacks the constant.
_RUSAGE_THREAD = getattr(resource, "RUSAGE_THREAD",
                         1 if sys.platform.startswith("linux") else None)


def _context_switches():
    if resource is None or _RUSAGE_THREAD is None:
        return None
    try:
        usage = resource.getrusage(_RUSAGE_THREAD)
    except (ValueError, OSError):
        return None
    return [usage.ru_nvcsw, usage.ru_nivcsw]

# ---------------------------------------------------------------------------------------------
# What is recorded. Everything is appended while holding the GIL, so list appends are safe.

_transitions = []  # (ident or None, t): from t on, thread `ident` runs Python code (None: nobody)
_add = _transitions.append
_cur = [None]  # the thread seen last
_io = []  # (ident, kind, call, t0, t1, detail)
_threads = []  # [ident, Thread or None, name, start requested, began, ended, context switches]
# ident -> (kind, call, start) while inside a wrapped call; nested wrapped calls are not recorded
# again, and calls still blocked when the recording stops are recorded up to the stop.
_inflight = {}
_on = [False]
_state = {"pid": os.getpid(), "child": False, "fork_time": None, "tmpdir": None,
          "origin": 0.0, "hook": None, "tool": None, "hook_changes": [],
          "pending_signal": None}


def _seen(_gi=_get_ident, _c=_clock, _cur=_cur, _add=_add):
    # The GIL may move while this runs; appends are sorted by time when the trace is built.
    t = _c()
    ident = _gi()
    _cur[0] = ident
    _add((ident, t))


def _make_trace_hook():
    def hook(frame, event, arg, _gi=_get_ident, _cur=_cur, _seen=_seen):
        if _gi() != _cur[0]:
            _seen()
        return hook
    return hook


_trace_hook = _make_trace_hook()


def _profile_hook(frame, event, arg, _gi=_get_ident, _cur=_cur, _seen=_seen):
    if _gi() != _cur[0]:
        _seen()
    if event[0] == "c":
        _profile_native(frame, event, arg)


def _monitor2(code, offset, _gi=_get_ident, _cur=_cur, _seen=_seen):
    if _gi() != _cur[0]:
        _seen()


def _monitor3(code, offset, arg, _gi=_get_ident, _cur=_cur, _seen=_seen):
    if _gi() != _cur[0]:
        _seen()


def _monitoring_events():
    ev = sys.monitoring.events
    return [(ev.PY_START, _monitor2), (ev.PY_RESUME, _monitor2), (ev.PY_RETURN, _monitor3),
            (ev.PY_YIELD, _monitor3), (ev.JUMP, _monitor3), (ev.CALL, _monitor_call),
            (ev.C_RETURN, _monitor_c_return), (ev.C_RAISE, _monitor_c_return)]


# Tool ids 3 and 4 have no assigned role; cProfile takes PROFILER_ID on 3.12+, so it comes last.
_TOOL_IDS = (4, 3, 5, 2)
_TOOL_NAME = "gilscope-record"


def _claim_tool(avoid=None):
    """A free sys.monitoring tool id, now ours; None when every one is taken."""
    mon = sys.monitoring
    for tool in _TOOL_IDS:
        if tool == avoid:
            continue
        try:
            mon.use_tool_id(tool, _TOOL_NAME)
        except ValueError:
            continue
        return tool
    return None


def _own_tool():
    """Whether the tool id we hold is still ours: the script may have freed it."""
    tool = _state["tool"]
    return tool is not None and sys.monitoring.get_tool(tool) == _TOOL_NAME


def _install_hook(hook, this_thread_only=False):
    if hook == "monitoring":
        mon = sys.monitoring
        if _state["tool"] is None:
            _state["tool"] = _claim_tool()
            if _state["tool"] is None:
                raise RuntimeError("every sys.monitoring tool id is in use")
        mask = 0
        _DISABLE[0] = mon.DISABLE
        for event, callback in _monitoring_events():
            mon.register_callback(_state["tool"], event, callback)
            if event not in (mon.events.C_RETURN, mon.events.C_RAISE):  # they follow CALL
                mask |= event
        mon.set_events(_state["tool"], mask)
    elif hook == "settrace":
        sys.settrace(_trace_hook)
        if _native_ids:
            sys.setprofile(_profile_native)
        if this_thread_only:
            return
        # Threads already running (the script freed our monitoring tool id) need 3.12's helper.
        everywhere = getattr(threading, "settrace_all_threads", None)
        if everywhere is not None and _on[0]:
            everywhere(_trace_hook)
        else:
            threading.settrace(_trace_hook)
        if _native_ids:
            everywhere = getattr(threading, "setprofile_all_threads", None)
            if everywhere is not None and _on[0]:
                everywhere(_profile_native)
            else:
                threading.setprofile(_profile_native)
    else:
        sys.setprofile(_profile_hook)
        if not this_thread_only:
            threading.setprofile(_profile_hook)


def _remove_hook(hook):
    if hook == "monitoring":
        if not _own_tool():
            return  # freed by the script: the id and whatever is registered on it are not ours
        mon = sys.monitoring
        mon.set_events(_state["tool"], 0)
        for event, _ in _monitoring_events():
            mon.register_callback(_state["tool"], event, None)
    elif hook == "settrace":
        everywhere = getattr(threading, "settrace_all_threads", None)
        if everywhere is not None:
            everywhere(None)
        else:
            threading.settrace(None)
        sys.settrace(None)
        everywhere = getattr(threading, "setprofile_all_threads", None)
        if everywhere is not None:
            everywhere(None)
        else:
            threading.setprofile(None)
        sys.setprofile(None)
    else:
        threading.setprofile(None)
        sys.setprofile(None)


def _release_tool():
    if _own_tool():
        sys.monitoring.free_tool_id(_state["tool"])
    _state["tool"] = None


def _note(message):
    """A line on standard error. Whoever read it may be gone (gilscope killed): that must not
    stop the recording or the trace."""
    try:
        sys.stderr.write("gilscope-record: %s\n" % message)
        sys.stderr.flush()
    except Exception:
        pass


def _guard_tool_id():
    """A script may free the recorder's sys.monitoring tool id (to take it for a tool of its own,
    or sweeping every id). Python keeps the id's events and callbacks, so the next owner would
    inherit ours and could replace them, and the recording would go blind. Freeing it through
    sys.monitoring.free_tool_id therefore clears ours first and moves the recording to another
    free id, or to sys.settrace when none is left, and says so."""
    mon = sys.monitoring
    original_free = mon.free_tool_id

    def free_tool_id(tool_id):
        ours = (_on[0] and _state["hook"] == "monitoring" and tool_id == _state["tool"]
                and _own_tool())
        if not ours:
            return original_free(tool_id)
        _remove_hook("monitoring")
        original_free(tool_id)
        _state["tool"] = _claim_tool(avoid=tool_id)
        if _state["tool"] is not None:
            _install_hook("monitoring")
            change = ("the script freed sys.monitoring tool id %d, which the recorder used; "
                      "recording goes on with tool id %d" % (tool_id, _state["tool"]))
        else:
            _state["hook"] = "settrace"
            _install_hook("settrace")
            change = ("the script freed sys.monitoring tool id %d, which the recorder used, and "
                      "no other id is free; recording goes on with sys.settrace (slower)"
                      % tool_id)
        _state["hook_changes"].append(change)
        _note(change)
    free_tool_id.__name__ = "free_tool_id"
    free_tool_id.__doc__ = getattr(original_free, "__doc__", None)
    free_tool_id._gilscope_original = original_free
    mon.free_tool_id = free_tool_id


# ---------------------------------------------------------------------------------------------
# Blocking calls.

_sockpair_peer = {}  # socket inode -> inode of the other end, for socketpairs made while recording
_sock_channels = weakref.WeakKeyDictionary()  # socket -> (write channel, read channel) or None
_fd_channels = {}  # fd -> (write channel, read channel) or None, for os.read/os.write/select


def _inode_channels(fd):
    st = os.fstat(fd)
    if stat.S_ISFIFO(st.st_mode):
        key = "pipe:%d" % st.st_ino
        return (key, key)
    if stat.S_ISSOCK(st.st_mode) and st.st_ino in _sockpair_peer:
        peer = _sockpair_peer[st.st_ino]
        return ("unix:%d>%d" % (st.st_ino, peer), "unix:%d>%d" % (peer, st.st_ino))
    return None


def _channels_of_socket(sock):
    try:
        return _sock_channels[sock]
    except (KeyError, TypeError):
        pass
    keys = None
    try:
        if sock.family in (socket.AF_INET, getattr(socket, "AF_INET6", -1)):
            here = "%s:%s" % sock.getsockname()[:2]
            there = "%s:%s" % sock.getpeername()[:2]
            keys = ("tcp:%s>%s" % (here, there), "tcp:%s>%s" % (there, here))
        else:
            keys = _inode_channels(sock.fileno())
    except Exception:
        keys = None
    try:
        _sock_channels[sock] = keys
    except TypeError:
        pass
    return keys


def _channels_of(obj):
    if isinstance(obj, int):
        if obj not in _fd_channels:
            try:
                _fd_channels[obj] = _inode_channels(obj)
            except OSError:
                _fd_channels[obj] = None
        return _fd_channels[obj]
    if hasattr(obj, "family"):
        return _channels_of_socket(obj)
    try:
        return _channels_of(obj.fileno())
    except Exception:
        return None


def _forget_fd(fd):
    _fd_channels.pop(fd, None)


def _nbytes(value):
    try:
        return len(value)
    except TypeError:
        return value if isinstance(value, int) else -1


def _detail_recv(args, kwargs, result):
    keys = _channels_of(args[0])
    if isinstance(result, tuple):  # recvfrom, recvfrom_into
        result = result[0]
    return [keys[1] if keys else None, _nbytes(result)]


def _detail_send(args, kwargs, result):
    keys = _channels_of(args[0])
    count = result if isinstance(result, int) else _nbytes(args[1])
    return [keys[0] if keys else None, count]


def _detail_os_read(args, kwargs, result):
    keys = _channels_of(args[0])
    return [keys[1] if keys else None, _nbytes(result)]


def _detail_os_write(args, kwargs, result):
    keys = _channels_of(args[0])
    return [keys[0] if keys else None, result if isinstance(result, int) else -1]


def _detail_select(args, kwargs, result):
    timeout = args[3] if len(args) > 3 else kwargs.get("timeout")
    ready = []
    if result is not None:
        for obj in result[0]:
            keys = _channels_of(obj)
            ready.append(keys[1] if keys else None)
        if not (result[0] or result[1] or result[2]):
            ready = None  # timed out
    return [ready, timeout]


def _detail_sleep(args, kwargs, result):
    return [args[0] if args else kwargs.get("secs", 0)]


def _detail_join(args, kwargs, result):
    return [id(args[0])]


_FAILED = object()


def _wrap(kind, call, fn, detail=None, self_ref=None):
    """A wrapper of fn recording one blocking call; kind: read, write, select, sleep, sync, other.
    self_ref: a weak reference to prepend to args (Python 2 sockets delegate to bound methods)."""
    def wrapper(*args, **kwargs):
        ident = _get_ident()
        if not _on[0] or _inflight.get(ident) is not None:
            return fn(*args, **kwargs)
        t0 = _clock()
        _inflight[ident] = (kind, call, t0)
        _add((None, t0))
        result = _FAILED
        try:
            result = fn(*args, **kwargs)
            return result
        finally:
            t1 = _clock()
            _cur[0] = ident
            _add((ident, t1))
            _inflight[ident] = None
            info = None
            if detail is not None and result is not _FAILED:
                try:
                    info = detail((self_ref(),) + args if self_ref else args, kwargs, result)
                except Exception:
                    info = None
            _io.append((ident, kind, call, t0, t1, info))
    wrapper.__name__ = getattr(fn, "__name__", call)
    wrapper.__doc__ = getattr(fn, "__doc__", None)
    wrapper._gilscope_original = fn
    return wrapper


def _blocking(kind, call, info, fn, *args):
    """Runs fn(*args), a call known to block (a try without blocking failed), recorded as one
    wait of `kind` (lock, queue, event); info names what it waits on."""
    ident = _get_ident()
    if not _on[0] or _inflight.get(ident) is not None:
        return fn(*args)
    t0 = _clock()
    _inflight[ident] = (kind, call, t0)
    _add((None, t0))
    try:
        return fn(*args)
    finally:
        t1 = _clock()
        _cur[0] = ident
        _add((ident, t1))
        _inflight[ident] = None
        _io.append((ident, kind, call, t0, t1, info))


def _stamp():
    """The time now, with this thread seen running from then on: what it does at this moment
    (a put, a get) falls in its own running stretch."""
    ident = _get_ident()
    t = _clock()
    if _cur[0] != ident:
        _cur[0] = ident
        _add((ident, t))
    return t


# ---------------------------------------------------------------------------------------------
# C code that releases the GIL. These C calls compute on a core with the GIL released (for
# buffers of 2 KiB or more where a size matters); the thread is "native" from the call to its
# return. The sys.monitoring hook sees them through CALL events, disabled at every call site
# that calls something else, so a site costs one callback; before 3.12 the profile hook's c_call
# and c_return events see them (an extra Python call per call: only call-heavy code pays).
# Sleeps, select and sockets are wrapped instead (they are io).

_native_ids = {}  # id of a C function -> label (module functions, method descriptors)
_native_methods = {}  # (id of a type, method name) -> label (bound methods, the profile hook)
_native_open = {}  # ident -> (id of the callable, label, t0) while in one
_NATIVE_MIN_S = 100e-6  # a shorter native call hardly left the GIL (small buffers keep it)


def _find_native_calls():
    def function(module, name, label):
        fn = getattr(module, name, None)
        if fn is not None:
            _native_ids[id(fn)] = label
            _keep_alive.append(fn)

    def methods(cls, names, label):
        for name in names:
            fn = cls.__dict__.get(name) if hasattr(cls, "__dict__") else None
            if fn is None:
                continue
            _native_ids[id(fn)] = "%s.%s" % (label, name)
            _native_methods[(id(cls), name)] = "%s.%s" % (label, name)
            _keep_alive.append(fn)
            _keep_alive.append(cls)

    try:
        import hashlib
    except ImportError:
        hashlib = None
    if hashlib is not None:
        for algo in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b",
                     "blake2s", "sha3_256", "sha3_512"):
            ctor = getattr(hashlib, algo, None)
            if ctor is None:
                continue
            if not PY2:  # 2.7 hashes a constructor's data with the GIL held
                function(hashlib, algo, "hashlib." + algo)
            try:
                methods(type(ctor()), ("update",), "hashlib")
            except Exception:
                pass
        for name in ("pbkdf2_hmac", "scrypt"):
            function(hashlib, name, "hashlib." + name)
    try:
        import zlib
    except ImportError:
        zlib = None
    if zlib is not None:
        for name in ("compress", "decompress", "crc32", "adler32"):
            function(zlib, name, "zlib." + name)
        methods(type(zlib.compressobj()), ("compress", "flush"), "zlib.Compress")
        methods(type(zlib.decompressobj()), ("decompress", "flush"), "zlib.Decompress")
    for module_name, classes in (("_bz2", ("BZ2Compressor", "BZ2Decompressor")),
                                 ("bz2", ("BZ2Compressor", "BZ2Decompressor")),
                                 ("_lzma", ("LZMACompressor", "LZMADecompressor"))):
        try:
            module = __import__(module_name)
        except ImportError:
            continue
        for cls_name in classes:
            cls = getattr(module, cls_name, None)
            if cls is not None:
                methods(cls, ("compress", "decompress", "flush"), cls_name)
        if module_name == "bz2":
            function(module, "compress", "bz2.compress")
            function(module, "decompress", "bz2.decompress")
    # A blocking C call of the standard library that no wrapper sees: SimpleQueue.get in a
    # ThreadPoolExecutor's idle worker, a wait when it blocks. (Raw locks are left alone: a
    # call's arguments are not seen, and a non-blocking acquire preempted on a busy machine
    # would pass for a lock wait.)
    try:
        import _queue
        methods(_queue.SimpleQueue, ("get",), "SimpleQueue")
        _C_WAITS["SimpleQueue.get"] = "queue"
    except (ImportError, AttributeError):
        pass
    try:
        import sqlite3
    except ImportError:
        sqlite3 = None
    if sqlite3 is not None:
        methods(sqlite3.Connection, ("execute", "executemany", "executescript", "commit"),
                "sqlite3.Connection")
        methods(sqlite3.Cursor, ("execute", "executemany", "executescript", "fetchone",
                                 "fetchmany", "fetchall"), "sqlite3.Cursor")


_keep_alive = []  # the C functions whose ids _native_ids holds
_C_WAITS = {}  # label -> lock or queue: C calls that are waits, not computation


def _thread_cpu_time():
    """This thread's CPU time in seconds (None where it cannot be had): a native call's wall time
    also counts waits for a core on a busy machine and the GIL's re-take, its CPU time does not."""
    return None


if hasattr(time, "thread_time"):
    _thread_cpu_time = time.thread_time  # noqa: F811 (3.7+)
elif resource is not None and _RUSAGE_THREAD is not None:
    def _thread_cpu_time():  # noqa: F811
        try:
            usage = resource.getrusage(_RUSAGE_THREAD)
        except (ValueError, OSError):
            return None
        return usage.ru_utime + usage.ru_stime


def _native_begin(ident, key, label, t):
    _native_open[ident] = (key, label, t, _thread_cpu_time())
    _add((None, t))


def _native_end(ident, key, t):
    begun = _native_open.pop(ident, None)
    if begun is None:
        return
    if begun[0] != key:
        _native_open[ident] = begun  # the return of another call (a nested one)
        return
    _cur[0] = ident
    _add((ident, t))
    kind = _C_WAITS.get(begun[1], "native")
    if kind != "native" and t - begun[2] < _NATIVE_MIN_S:
        return  # did not block
    info = None
    if kind == "native" and begun[3] is not None:
        now = _thread_cpu_time()
        info = [now - begun[3]] if now is not None else None
    _io.append((ident, kind, begun[1], begun[2], t, info))


def _monitor_call(code, offset, fn, arg0, _gi=_get_ident, _c=_clock, _ids=_native_ids,
                  _cur=_cur, _seen=_seen):
    label = _ids.get(id(fn))
    if label is None:
        return _DISABLE[0]
    ident = _gi()
    if not _on[0] or _inflight.get(ident) is not None:
        return None
    if ident != _cur[0]:
        _seen()
    _native_begin(ident, id(fn), label, _c())
    return None


def _monitor_c_return(code, offset, fn, arg0, _gi=_get_ident, _c=_clock, _open=_native_open):
    ident = _gi()
    if ident in _open:
        _native_end(ident, id(fn), _c())


_DISABLE = [None]


def _native_label(arg):
    label = _native_ids.get(id(arg))
    if label is None:
        owner = getattr(arg, "__self__", None)
        if owner is not None:
            label = _native_methods.get((id(type(owner)), getattr(arg, "__name__", None)))
    return label


def _profile_native(frame, event, arg, _gi=_get_ident, _c=_clock, _open=_native_open):
    """The profile hook's part that sees C calls releasing the GIL (before 3.12)."""
    if event == "c_call":
        label = _native_label(arg)
        if label is not None and _on[0]:
            ident = _gi()
            if _inflight.get(ident) is None:
                _native_begin(ident, label, label, _c())
    elif event == "c_return" or event == "c_exception":
        ident = _gi()
        if ident in _open:
            label = _native_label(arg)
            if label is not None:
                _native_end(ident, label, _c())


# ---------------------------------------------------------------------------------------------
# Locks, queues and events the script waits on, and event loops. Locks made by the script's own
# code (not the standard library's: queue.Queue's mutex, Condition's RLock) are wrapped: a try
# without blocking first, and only a blocked acquire is recorded (lock_wait, until the lock's
# last release before the thread went on). queue.Queue get and put, Event.wait and
# Condition.wait are recorded when they block (queue_wait); every put and get is a step of the
# queue's item counter, which GIL Scope reads as the queue's track.

_lock_releases = {}  # lock name -> [times it was released while a thread waited]
_queue_events = []  # (queue name, t, +1 put / -1 get)
_event_sets = {}  # event name -> [times it was set]
_loop_threads = set()  # threads that ran an asyncio event loop
_names = {"lock": 0, "queue": 0, "event": 0}


def _next_name(kind):
    _names[kind] += 1
    return "%s-%d" % (kind, _names[kind])


_STDLIB = os.path.dirname(os.path.abspath(threading.__file__))


def _made_by_library(depth=2):
    try:
        filename = sys._getframe(depth).f_code.co_filename
    except (AttributeError, ValueError):
        return False
    return filename.startswith(_STDLIB) and "site-packages" not in filename


class _RecordedLock(object):
    """A threading.Lock or RLock of the script: records the acquires that block."""
    __slots__ = ("_gilscope_lock", "_gilscope_name", "_gilscope_waiting", "__weakref__")

    def __init__(self, lock, name):
        self._gilscope_lock = lock
        self._gilscope_name = name
        self._gilscope_waiting = 0

    def acquire(self, blocking=True, timeout=-1):
        lock = self._gilscope_lock
        if lock.acquire(False):
            return True
        if not blocking or timeout == 0:
            return False
        args = (True,) if timeout is None or timeout < 0 else (True, timeout)
        self._gilscope_waiting += 1
        try:
            return _blocking("lock", "acquire", [self._gilscope_name], lock.acquire, *args)
        finally:
            self._gilscope_waiting -= 1

    __enter__ = acquire

    def release(self):
        self._gilscope_lock.release()
        if self._gilscope_waiting and _on[0]:
            _lock_releases.setdefault(self._gilscope_name, []).append(_clock())

    def __exit__(self, *exc):
        self.release()

    def __getattr__(self, name):
        return getattr(self._gilscope_lock, name)

    def __repr__(self):
        return "<recorded %r>" % (self._gilscope_lock,)


def _install_lock_wrappers():
    def factory(raw):
        def make(*args, **kwargs):
            lock = raw(*args, **kwargs)
            if not _on[0] or _made_by_library():
                return lock
            return _RecordedLock(lock, _next_name("lock"))
        make.__name__ = getattr(raw, "__name__", "Lock")
        make.__doc__ = getattr(raw, "__doc__", None)
        make._gilscope_original = raw
        return make
    for name in ("Lock", "RLock"):
        raw = getattr(threading, name)
        if not hasattr(raw, "_gilscope_original"):
            setattr(threading, name, factory(raw))


def _named(obj, kind):
    name = obj.__dict__.get("_gilscope_name")
    if name is None:
        name = obj.__dict__["_gilscope_name"] = _next_name(kind)
    return name


def _queue_event(name, delta):
    _queue_events.append((name, _stamp(), delta))


def _install_queue_wrappers():
    try:
        import queue as queue_module
    except ImportError:  # Python 2
        import Queue as queue_module
    cls = queue_module.Queue
    if hasattr(cls.get, "_gilscope_original"):
        return
    empty, full = queue_module.Empty, queue_module.Full
    original_get, original_put = cls.get, cls.put

    def get(self, block=True, timeout=None):
        if not _on[0]:
            return original_get(self, block, timeout)
        name = _named(self, "queue")
        try:
            item = original_get(self, False)
        except empty:
            if not block:
                raise
            item = _blocking("queue", "get", [name], original_get, self, True, timeout)
        _queue_event(name, -1)
        return item

    def put(self, item, block=True, timeout=None):
        if not _on[0]:
            return original_put(self, item, block, timeout)
        name = _named(self, "queue")
        if self.maxsize > 0:
            try:
                original_put(self, item, False)
            except full:
                if not block:
                    raise
                _blocking("queue", "put", [name], original_put, self, item, True, timeout)
        else:
            original_put(self, item, block, timeout)
        _queue_event(name, 1)

    for fn, original in ((get, original_get), (put, original_put)):
        fn.__doc__ = original.__doc__
        fn._gilscope_original = original
    cls.get, cls.put = get, put


def _install_event_wrappers():
    cls = threading._Event if PY2 else threading.Event
    if hasattr(cls.wait, "_gilscope_original"):
        return
    original_wait, original_set = cls.wait, cls.set

    def wait(self, timeout=None):
        if not _on[0] or self.is_set() or _made_by_library():
            return original_wait(self, timeout)
        return _blocking("event", "wait", [_named(self, "event")], original_wait, self, timeout)

    def set_(self):
        original_set(self)
        if _on[0]:
            _event_sets.setdefault(_named(self, "event"), []).append(_clock())

    wait._gilscope_original, set_._gilscope_original = original_wait, original_set
    set_.__name__ = "set"
    cls.wait, cls.set = wait, set_


def _detail_selector(args, kwargs, result):
    """An event loop's wait (selectors' select): timed out when nothing is ready."""
    timeout = args[1] if len(args) > 1 else kwargs.get("timeout")
    aio = sys.modules.get("asyncio")
    running = getattr(getattr(aio, "events", None), "_get_running_loop", None)
    if running is not None and running() is not None:
        _loop_threads.add(_get_ident())
    return [None if not result else [None], timeout]


def _install_selector_wrappers():
    try:
        import selectors
    except ImportError:  # Python 2
        return
    for name in ("_PollLikeSelector", "SelectSelector", "PollSelector", "EpollSelector",
                 "DevpollSelector", "KqueueSelector"):
        cls = getattr(selectors, name, None)
        if cls is not None and "select" in cls.__dict__:
            _patch(cls, "select", "select", _detail_selector, call="selector.select")


_SOCKET_READS = ("recv", "recv_into", "recvfrom", "recvfrom_into")
_SOCKET_WRITES = ("send", "sendto")


def _patch(owner, name, kind, detail=None, call=None):
    original = getattr(owner, name, None)
    if original is None or hasattr(original, "_gilscope_original"):
        return
    setattr(owner, name, _wrap(kind, call or name, original, detail))


def _make_main_join_interruptible():
    """Python 2 cannot interrupt a lock wait: a main thread in join() would never see Ctrl-C.
    There the main thread's untimed join polls instead (2.7's timed join wakes at most every
    50 ms: a negligible rival next to a GIL that changes hands every few microseconds)."""
    original_join = threading.Thread.join

    def join(self, timeout=None):
        if timeout is not None or not isinstance(threading.current_thread(), threading._MainThread):
            return original_join(self, timeout)
        original_join(self, 0.25)  # raises as join() does for a thread never started
        while self.is_alive():
            original_join(self, 0.25)
    join.__name__ = "join"
    threading.Thread.join = join


def _install_wrappers():
    _find_native_calls()
    _install_lock_wrappers()
    _install_queue_wrappers()
    _install_event_wrappers()
    _install_selector_wrappers()
    sock_class = socket.socket
    if PY2:
        # socket._socketobject sets recv & co. per instance from the C socket: wrap them there.
        original_init = socket._socketobject.__init__

        def init(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            ref = weakref.ref(self)
            for name in _SOCKET_READS:
                method = getattr(self._sock, name)
                setattr(self, name, _wrap("read", name, method, _detail_recv, ref))
            for name in _SOCKET_WRITES:
                method = getattr(self._sock, name)
                setattr(self, name, _wrap("write", name, method, _detail_send, ref))
        socket._socketobject.__init__ = init
    else:
        for name in _SOCKET_READS:
            _patch(sock_class, name, "read", _detail_recv)
        for name in _SOCKET_WRITES:
            _patch(sock_class, name, "write", _detail_send)
    _patch(sock_class, "sendall", "write", _detail_send)
    _patch(sock_class, "accept", "other")
    _patch(sock_class, "connect", "other")
    _patch(sock_class, "connect_ex", "other")

    original_close = sock_class.close

    def close(self):
        try:
            _forget_fd(self.fileno())
        except Exception:
            pass
        return original_close(self)
    sock_class.close = close

    if hasattr(socket, "socketpair"):
        original_pair = socket.socketpair

        def socketpair(*args, **kwargs):
            a, b = original_pair(*args, **kwargs)
            if PY2:
                a, b = socket.socket(_sock=a), socket.socket(_sock=b)
            try:
                ia, ib = os.fstat(a.fileno()).st_ino, os.fstat(b.fileno()).st_ino
                _sockpair_peer[ia] = ib
                _sockpair_peer[ib] = ia
                for fd in (a.fileno(), b.fileno()):
                    _forget_fd(fd)
                _sock_channels[a] = ("unix:%d>%d" % (ia, ib), "unix:%d>%d" % (ib, ia))
                _sock_channels[b] = ("unix:%d>%d" % (ib, ia), "unix:%d>%d" % (ia, ib))
            except Exception:
                pass
            return a, b
        socket.socketpair = socketpair

    _patch(select, "select", "select", _detail_select)
    _patch(time, "sleep", "sleep", _detail_sleep)
    _patch(os, "read", "read", _detail_os_read)
    _patch(os, "write", "write", _detail_os_write)
    _patch(os, "waitpid", "sync")
    _patch(os, "wait", "sync")
    original_os_close = os.close

    def os_close(fd):
        _forget_fd(fd)
        return original_os_close(fd)
    os.close = os_close

    if PY2:
        _make_main_join_interruptible()
    _patch(threading.Thread, "join", "sync", _detail_join)
    condition = threading._Condition if PY2 else threading.Condition
    original_wait = condition.wait
    if not hasattr(original_wait, "_gilscope_original"):
        # The script's own waits are queue_wait; the standard library's (Thread.start, Queue.get,
        # Event.wait, Barrier) keep counting as they did: waits for other threads ("sync").
        own = _wrap("event", "Condition.wait", original_wait)
        library = _wrap("sync", "Condition.wait", original_wait)

        def wait(self, timeout=None):
            return (library if _made_by_library() else own)(self, timeout)
        wait._gilscope_original = original_wait
        condition.wait = wait

    original_start = threading.Thread.start

    def start(self):
        _start_requests[id(self)] = _clock()
        return original_start(self)
    threading.Thread.start = start

    inner_name = "_Thread__bootstrap_inner" if PY2 else "_bootstrap_inner"
    original_inner = getattr(threading.Thread, inner_name)

    # Python 2 tears modules down (globals set to None) while daemon threads still run: what runs
    # in them at exit takes its names from default arguments, which survive.
    def bootstrap_inner(self, _gi=_get_ident, _c=_clock, _cur=_cur, _add=_add,
                        _threads=_threads, _starts=_start_requests, _switches=_context_switches,
                        _exiting=_exiting):
        ident = _gi()
        t = _c()
        _cur[0] = ident
        _add((ident, t))
        record = [ident, self, None, _starts.pop(id(self), None), t, None, None]
        _threads.append(record)
        if PY2 and self.daemon:
            _quiet_at_exit(self, _exiting)
        try:
            original_inner(self)
        finally:
            t = _c()
            _add((None, t))
            _cur[0] = None
            record[5] = t
            record[6] = _switches()
    setattr(threading.Thread, inner_name, bootstrap_inner)

    if hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_children_dir, after_in_child=_after_fork_in_child)
    elif hasattr(os, "fork"):
        original_fork = os.fork

        def fork():
            _children_dir()
            pid = original_fork()
            if pid == 0:
                _after_fork_in_child()
            return pid
        os.fork = fork
    original_exit = os._exit

    def exit_now(code):
        if _state["child"]:
            _flush_child()
        elif _on[0]:
            _finish(code)  # the recorded process itself leaves at once: still write the trace
        original_exit(code)
    os._exit = exit_now


_start_requests = {}  # id(Thread) -> time start() was called
_exiting = [False]  # the recorded process is past its trace and leaving


def _quiet_at_exit(thread, exiting):
    """A Python 2 daemon thread still running when the interpreter exits fails on the torn-down
    modules, and threading prints the traceback ("most likely raised during interpreter
    shutdown"); Python 3 freezes such threads instead. Do as Python 3: say nothing then."""
    run = thread.run

    def quiet_run():
        try:
            run()
        except BaseException:
            if not exiting[0]:
                raise
    thread.run = quiet_run


# ---------------------------------------------------------------------------------------------
# Forked children: each writes its own record to the shared directory when it exits.

def _children_dir():
    """The directory the forked children save their records in, made before the first fork (so
    that a recorder killed outright leaves none behind unless the script forked)."""
    if _on[0] and _state["tmpdir"] is None:
        _state["tmpdir"] = tempfile.mkdtemp(prefix="gilscope-record-")

def _after_fork_in_child():
    if not _on[0]:
        return
    now = _clock()
    del _transitions[:]
    del _io[:]
    del _queue_events[:]
    for table in (_lock_releases, _event_sets, _native_open):
        table.clear()
    _loop_threads.clear()
    me = threading.current_thread()
    ident = _get_ident()
    parent = [r for r in _threads if r[0] == ident and r[5] is None]
    name = parent[-1][1].name if parent and parent[-1][1] is not None else me.name
    del _threads[:]
    _threads.append([ident, None, name, None, now, None, None])
    _inflight.clear()
    _cur[0] = ident
    _add((ident, now))
    _state.update(pid=os.getpid(), child=True, fork_time=now)
    # Tells the parent that a record is to come (see _await_children).
    try:
        os.close(os.open(os.path.join(_state["tmpdir"], "child-%d.started" % os.getpid()),
                         os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        pass
    # multiprocessing ends its pool workers with SIGTERM: save the record first. (A child forked
    # from the main thread keeps the parent's handlers; this is for the others.)
    _catch_stop_signals()


# ---------------------------------------------------------------------------------------------
# Children started afresh (multiprocessing's spawn and forkserver start methods, a subprocess
# running Python): PYTHONPATH leads them to a sitecustomize that starts the recorder in them, and
# each saves its record where the forked children do.

_CHILD_ENV = "GILSCOPE_RECORD_CHILD"

_SITECUSTOMIZE = """# Written by gilscope-record: records this Python process as a child of the recorded one.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
try:
    import json
    _spec = json.loads(os.environ.get("%s") or "null")
    if _spec and os.path.isdir(_spec["dir"]):
        sys.path.insert(0, _spec["recorder"])
        try:
            import gilscope_record
        finally:
            sys.path.remove(_spec["recorder"])
        gilscope_record._record_spawned(_spec)
except Exception as error:
    sys.stderr.write("gilscope-record: cannot record this child: %%s\\n" %% (error,))
# The script's own sitecustomize, if any, still runs.
while _here in sys.path:
    sys.path.remove(_here)
_self = sys.modules.pop("sitecustomize")
try:
    import sitecustomize
except ImportError:
    sys.modules["sitecustomize"] = _self  # the import under way expects a module there
""" % _CHILD_ENV


def _prepare_spawned_children(hook):
    _state["tmpdir"] = tempfile.mkdtemp(prefix="gilscope-record-")
    site = os.path.join(_state["tmpdir"], "site")
    os.mkdir(site)
    with open(os.path.join(site, "sitecustomize.py"), "w") as f:
        f.write(_SITECUSTOMIZE)
    here = os.path.dirname(os.path.abspath(__file__))
    os.environ[_CHILD_ENV] = json.dumps({"dir": _state["tmpdir"], "hook": hook,
                                         "recorder": here})
    path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = site + (os.pathsep + path if path else "")


def _record_spawned(spec):
    """Starts recording a child started afresh (called by the sitecustomize above)."""
    if _on[0] or not _gil_enabled():
        return
    hook = spec.get("hook") or "settrace"
    if hook == "monitoring" and not hasattr(sys, "monitoring"):
        hook = "settrace"
    now = _clock()
    _state.update(pid=os.getpid(), child=True, fork_time=now, tmpdir=spec["dir"], hook=hook,
                  spawned=True)
    _install_wrappers()
    ident = _get_ident()
    _threads.append([ident, threading.current_thread(), None, None, now, None, None])
    _on[0] = True
    _cur[0] = ident
    _add((ident, now))
    _install_hook(hook)
    try:
        os.close(os.open(os.path.join(spec["dir"], "child-%d.started" % os.getpid()),
                         os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        pass
    import atexit
    atexit.register(_flush_child)
    _catch_stop_signals()


def _record_inflight(stop):
    for ident, call in list(_inflight.items()):
        if call is not None:
            _io.append((ident, call[0], call[1], call[2], stop, None))


def _flush_child():
    if not _state["child"] or not _on[0]:
        return
    _on[0] = False
    now = _clock()
    _remove_hook(_state["hook"])
    _record_inflight(now)
    me = _get_ident()
    for r in _threads:
        if r[5] is None and r[0] == me:
            r[5], r[6] = now, _context_switches()
    mp = sys.modules.get("multiprocessing")
    main_row = [r for r in _threads if r[0] == me][:1]
    if mp is not None and main_row:
        try:
            name = mp.current_process().name  # SpawnPoolWorker-1 rather than MainThread
            if name != "MainProcess":
                main_row[0][2] = name
        except Exception:
            pass
    threads = [[r[0], r[2] or (r[1].name if r[1] is not None else None), r[3], r[4], r[5], r[6]]
               for r in _threads]
    record = {"pid": os.getpid(), "fork_time": _state["fork_time"], "stop": now,
              "transitions": _transitions, "io": _io, "threads": threads,
              "queue_events": _queue_events, "lock_releases": _lock_releases,
              "event_sets": _event_sets, "spawned": _state.get("spawned", False),
              "thread_ids": [id(r[1]) if r[1] is not None else None for r in _threads]}
    path = os.path.join(_state["tmpdir"], "child-%d.json" % os.getpid())
    try:
        with open(path + ".part", "w") as f:
            json.dump(record, f)
        os.rename(path + ".part", path)
    except Exception as error:  # the parent still writes its own trace
        _remove_quietly(path + ".part")
        if os.path.isdir(_state["tmpdir"]):  # else the recording is over: a helper outlived it
            _note("child %d: cannot save its record: %s" % (os.getpid(), error))


# ---------------------------------------------------------------------------------------------
# Signals that end the run.

def _stop_signals():
    return [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


def _catch_stop_signals():
    """SIGTERM and SIGHUP (gilscope record passes them on; a closed terminal sends SIGHUP) would
    kill the process with the trace unwritten. Unless the script or whoever started us chose
    otherwise (nohup ignores SIGHUP), they stop the recording, the trace is written and the
    recorder leaves with status 128 + the signal's number, as a shell reports it."""
    for signum in _stop_signals():
        try:
            if signal.getsignal(signum) == signal.SIG_DFL:
                signal.signal(signum, _stopped_by_signal)
        except (ValueError, OSError):
            pass  # not the main thread


def _stopped_by_signal(signum, frame):
    if _state["child"]:
        # A forked child: save its record and die of the signal, as it would have.
        _flush_child()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if _run["finished"]:
        _state["pending_signal"] = signum  # the trace is being written: finish it, then leave
        return
    status = 128 + signum
    try:
        if _on[0]:
            status = _finish(status, stopping=True)
        else:
            _note("stopped by signal %d before the script started; no trace written" % signum)
    finally:
        _leave_now(status)


def _leave_now(status):
    """Leaves at once: the script's threads that still run would keep the process alive."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(status)


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------
# From what was recorded to trace segments.

class _Row(object):
    def __init__(self, ident, name, thread_id, requested, began, ended):
        self.ident, self.name, self.thread_id = ident, name, thread_id
        self.requested, self.began, self.ended = requested, began, ended
        self.runs = []
        self.calls = []
        self.segments = []  # (start, end, state)
        self.sync_time = 0.0  # seconds of "io" that were waits for other threads
        self.marks = []  # (t, name, args)
        self.switches = None  # [voluntary, involuntary] context switches over its life
        self.waits_on = {}  # (start, state) of a lock or queue wait -> the lock's or queue's name


def _completions(processes):
    """Sets detail["completion"] on every recorded call: when the blocking part ended (None when
    unknown). Data-carrying calls are matched with the writes of every recorded process."""
    writes = {}
    for proc in processes:
        for call in proc["calls"]:
            ident, kind, name, t0, t1, info = call["raw"]
            if kind == "write" and info and info[0] is not None and info[1] > 0:
                writes.setdefault(info[0], []).append((t0, info[1]))
    cumulative = {}
    for key, ws in writes.items():
        ws.sort()
        times, total, sums = [], 0, []
        for t, n in ws:
            total += n
            times.append(t)
            sums.append(total)
        cumulative[key] = (times, sums)

    def first_write_in(key, t0, t1):
        if key not in cumulative:
            return None
        times = cumulative[key][0]
        i = bisect.bisect_right(times, t0)
        return times[i] if i < len(times) and times[i] <= t1 else None

    def written_by(key, t):
        times, sums = cumulative[key]
        i = bisect.bisect_right(times, t)
        return sums[i - 1] if i else 0

    ends = {}  # (process, id of a Thread) -> when it ended, for join()
    calls = []
    for proc in processes:
        for row in proc["rows"]:
            if row.thread_id is not None:
                ends[(proc["index"], row.thread_id)] = row.ended
        calls.extend(proc["calls"])
    consumed = {}
    calls.sort(key=lambda c: c["raw"][3])
    for call in calls:
        ident, kind, name, t0, t1, info = call["raw"]
        done = None
        if kind == "write":
            done = t0
        elif kind == "sleep":
            try:
                done = t0 + max(0.0, float(info[0]))
            except (TypeError, ValueError, IndexError):
                done = None
        elif kind == "read" and info and info[0] in cumulative and info[1] > 0:
            key = info[0]
            if written_by(key, t0) > consumed.get(key, 0):
                done = t0  # the data was there already
            else:
                done = first_write_in(key, t0, t1)
            consumed[key] = consumed.get(key, 0) + info[1]
        elif kind == "select" and info:
            ready, timeout = info
            if ready is None:
                done = t0 + timeout if timeout is not None else None
            elif ready and all(k in cumulative for k in ready):
                woke = [first_write_in(k, t0, t1) for k in ready]
                woke = [w for w in woke if w is not None]
                done = min(woke) if woke else t0
        elif kind == "sync" and name == "join" and info:
            done = ends.get((call["process"], info[0]))
        elif kind in ("lock", "queue", "event") and info:
            done = _wait_completion(kind, name, info[0], t0, t1, call["process"])
        if done is not None:
            done = min(max(done, t0), t1)
        call["completion"] = done


def _wait_completion(kind, name, what, t0, t1, process):
    """When a lock, queue or event wait ended (then the thread waited for the GIL): the lock's
    last release, the queue's last put (get) or get (put), before the thread went on; the
    event's first set after the wait began. None when not seen."""
    waits = _wait_sources.get(process, {})
    if kind == "lock":
        times = waits.get(("release", what), ())
    elif kind == "queue":
        times = waits.get(("put" if name == "get" else "get", what), ())
    else:
        times = waits.get(("set", what), ())
        i = bisect.bisect_left(times, t0)
        return times[i] if i < len(times) and times[i] <= t1 else None
    i = bisect.bisect_right(times, t1)
    return times[i - 1] if i and times[i - 1] >= t0 else None


_wait_sources = {}  # process index -> {(what happened, name): sorted times}


def _note_wait_sources(index, lock_releases, queue_events, event_sets):
    sources = {}
    for name, times in lock_releases.items():
        sources[("release", name)] = sorted(times)
    for name, t, delta in queue_events:
        sources.setdefault(("put" if delta > 0 else "get", name), []).append(t)
    for name, times in event_sets.items():
        sources[("set", name)] = sorted(times)
    for times in sources.values():
        times.sort()
    _wait_sources[index] = sources


def _gather(transitions, io, threads, thread_ids, stop, pid, index):
    """Rows and their running stretches for one process."""
    rows = []
    by_ident = {}
    for i, (ident, thread, name, requested, began, ended, switches) in enumerate(threads):
        row = _Row(ident, name, thread_ids[i], requested, began, ended)
        row.switches = switches
        rows.append(row)
        by_ident.setdefault(ident, []).append(row)
    for ident in by_ident:
        by_ident[ident].sort(key=lambda r: r.began)

    def row_of(ident, t):
        candidates = by_ident.get(ident)
        if not candidates:
            row = _Row(ident, "thread %d" % (len(rows) + 1), None, None, t, None)
            rows.append(row)
            by_ident[ident] = candidates = [row]
        chosen = candidates[0]
        for r in candidates:
            if r.began <= t:
                chosen = r
        return chosen

    ordered = sorted(transitions, key=lambda x: x[1])
    for i, (ident, t) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else stop
        if ident is None or end <= t:
            continue
        row = row_of(ident, t)
        if row.ended is not None:
            end = min(end, row.ended)
        if end > t:
            row.runs.append((t, end))
    calls = []
    for raw in io:
        row = row_of(raw[0], raw[3])
        call = {"raw": raw, "row": row, "process": index, "completion": None}
        row.calls.append(call)
        calls.append(call)
    return {"pid": pid, "index": index, "rows": rows, "calls": calls, "stop": stop,
            "ordered": ordered}


def _others_ran(ordered, times, row, t0, t1, rows_by_ident_time):
    i = bisect.bisect_right(times, t0)
    while i < len(times) and times[i] < t1:
        ident = ordered[i][0]
        if ident is not None and rows_by_ident_time(ident, times[i]) is not row:
            return True
        i += 1
    return False


_WAIT_STATES = {"lock": "lock_wait", "queue": "queue_wait", "event": "queue_wait"}


def _segments(proc):
    ordered = proc["ordered"]
    times = [t for _, t in ordered]
    rows = proc["rows"]
    by_ident = {}
    for r in rows:
        by_ident.setdefault(r.ident, []).append(r)

    def row_at(ident, t):
        chosen = None
        for r in by_ident.get(ident, ()):
            if chosen is None or r.began <= t:
                chosen = r
        return chosen

    for row in rows:
        pieces = [(s, e, "running") for s, e in row.runs]
        for call in row.calls:
            ident, kind, name, t0, t1, info = call["raw"]
            done = call["completion"]
            if kind == "native":
                if t1 - t0 >= _NATIVE_MIN_S:
                    # Its CPU time on a core; the rest of the call it waited: for a core (ready)
                    # or, when another thread ran Python meanwhile, likely for the GIL.
                    cpu = info[0] if info else None
                    end = t0 + max(0.0, min(cpu, t1 - t0)) if cpu is not None else t1
                    pieces.append((t0, end, "native"))
                    if end < t1:
                        others = _others_ran(ordered, times, row, end, t1, row_at)
                        pieces.append((end, t1, "waiting" if others else "ready"))
                elif not _others_ran(ordered, times, row, t0, t1, row_at):
                    pieces.append((t0, t1, "running"))
                continue
            if kind in _WAIT_STATES:
                wait_end = done if done is not None else t1
                pieces.append((t0, wait_end, _WAIT_STATES[kind], info[0] if info else None))
                if wait_end < t1:
                    pieces.append((wait_end, t1, "waiting"))
                continue
            blocked = done is None or done > t0
            if blocked and kind != "write":
                io_end = done if done is not None else t1
                pieces.append((t0, io_end, "io"))
                if kind == "sync":
                    # Waiting for another thread (join, Condition.wait) is no work of its own.
                    row.sync_time += io_end - t0
                if io_end < t1:
                    pieces.append((io_end, t1, "waiting"))
                if kind != "sync":
                    args = {"call": name}
                    row.marks.append((t0, "io-begin", args))
                    if done is not None:
                        row.marks.append((done, "io-end", {"call": name}))
            elif not _others_ran(ordered, times, row, t0, t1, row_at):
                pieces.append((t0, t1, "running"))  # kept or retook the GIL at once
        if not pieces:
            continue
        pieces.sort(key=lambda p: (p[0], p[1]))
        began = min(row.began, pieces[0][0])
        if row.ended is not None:
            ended = row.ended
        elif row.thread_id is not None:
            ended = proc["stop"]  # a daemon thread still alive when the recording stopped
        else:
            ended = pieces[-1][1]  # not a threading.Thread: its end is unknown
        segments = []

        def put(start, end, state):
            if end <= start:
                return
            if segments and segments[-1][2] == state and abs(segments[-1][1] - start) < 1e-12:
                segments[-1] = (segments[-1][0], end, state)
            else:
                segments.append((start, end, state))

        if row.requested is not None and row.requested < began:
            put(row.requested, began, "starting")
        cursor = began
        for piece in pieces:
            start, end, state = piece[:3]
            start = max(start, cursor)
            end = min(end, ended)
            if end <= start:
                continue
            put(cursor, start, "waiting")
            put(start, end, state)
            if len(piece) > 3 and piece[3] is not None:
                row.waits_on[(start, state)] = piece[3]
            cursor = end
        put(cursor, ended, "waiting")
        row.segments = segments
        # Lock marks follow from the segments: a thread acquired the GIL when it started running
        # after not running, and released it when it stopped.
        for i, (start, end, state) in enumerate(segments):
            if state != "running":
                continue
            if i == 0 or segments[i - 1][2] != "running":
                row.marks.append((start, "acquire", None))
            if i + 1 < len(segments) or row.ended is not None:
                row.marks.append((end, "release", None))
        row.marks.sort(key=lambda m: m[0])


def _python_label():
    return "%s %s" % (platform.python_implementation().lower().replace("cpython", "python"),
                      platform.python_version())


def _gil_enabled():
    check = getattr(sys, "_is_gil_enabled", None)
    return check() if check else True


def _cores():
    if hasattr(os, "sched_getaffinity"):
        try:
            return len(os.sched_getaffinity(0))
        except OSError:
            pass
    try:
        import multiprocessing
        return multiprocessing.cpu_count()
    except (ImportError, NotImplementedError):
        return 1


def _ns(t, origin):
    return max(0, int(round((t - origin) * 1e9)))


def _us(ns):
    # Microseconds with exactly three decimals, from integer nanoseconds: a segment's ts + dur
    # is then exactly the next one's ts.
    return "%d.%03d" % divmod(ns, 1000)


def _below(x):
    # The largest double below x > 0 (math.nextafter is 3.9+; the recorder runs on 2.7 too).
    bits = struct.unpack("<q", struct.pack("<d", x))[0]
    return struct.unpack("<d", struct.pack("<q", bits - 1))[0]


def _dur(begin_ns, end_ns):
    # A slice's dur such that ts + dur added as doubles (as JavaScript and Python trace readers
    # do) never passes end: the exact decimal where it does not, else a double a few units in
    # the last place shorter, which still rounds to the exact nanoseconds (as GIL Scope reads).
    text = _us(end_ns - begin_ns)
    ts, stop, dur = float(_us(begin_ns)), float(_us(end_ns)), float(text)
    if ts + dur <= stop:
        return text
    for _ in range(16):
        dur = min(_below(dur), dur - (ts + dur - stop))
        if ts + dur <= stop:
            break
    if ts + dur > stop or int(round(dur * 1000)) != end_ns - begin_ns:
        return text
    return repr(dur)


def _write_trace(path, processes, origin, stop, meta):
    out = []
    add = out.append
    tid = 0
    for proc in processes:
        pid = proc["index"]
        label = _python_label() if pid == 1 else "%s (child %d)" % (_python_label(), proc["pid"])
        add('{"ph":"M","name":"process_name","pid":%d,"args":{"name":%s}}'
            % (pid, json.dumps(label)))
        gil = (pid - 1) if meta["gil"] else -1
        waiting_edges = []
        for row in proc["rows"]:
            if not row.segments:
                continue
            tid += 1
            ids = '"pid":%d,"tid":%d' % (pid, tid)
            switches = ""
            if row.switches:
                switches = (',"voluntary_switches":%d,"involuntary_switches":%d'
                            % tuple(row.switches))
            add('{"ph":"M","name":"thread_name",%s,"args":{"name":%s,"kind":"recorded","gil":%d%s}}'
                % (ids, json.dumps(row.name), gil, switches))
            add('{"ph":"M","name":"thread_sort_index",%s,"args":{"sort_index":%d}}' % (ids, tid))
            for start, end, state in row.segments:
                begin_ns, end_ns = _ns(start, origin), _ns(end, origin)
                if end_ns <= begin_ns:
                    continue
                on = row.waits_on.get((start, state))
                extra = ',"args":{"on":%s}' % json.dumps(on) if on else ""
                add('{"ph":"X","cat":"state","name":"%s",%s,"ts":%s,"dur":%s%s}'
                    % (state, ids, _us(begin_ns), _dur(begin_ns, end_ns), extra))
                if state == "waiting":
                    waiting_edges.append((start, 1))
                    waiting_edges.append((end, -1))
            for t, name, args in row.marks:
                extra = ',"args":%s' % json.dumps(args, sort_keys=True) if args else ""
                add('{"ph":"i","s":"t","cat":"lock","name":"%s",%s,"ts":%s%s}'
                    % (name, ids, _us(_ns(t, origin)), extra))
        _write_queue_counters(add, proc, origin)
        waiting_edges.sort()
        waiting = 0
        for i, (t, delta) in enumerate(waiting_edges):
            waiting += delta
            if i + 1 < len(waiting_edges) and waiting_edges[i + 1][0] == t:
                continue
            add('{"ph":"C","name":"GIL waiters","pid":%d,"ts":%s,"args":{"waiting":%d}}'
                % (pid, _us(_ns(t, origin)), waiting))
    other = dict(meta)
    other.pop("gil", None)
    # The work one thread would do alone: running and real I/O, not waits for other threads.
    work = 0.0
    # C code that released the GIL is work too.
    for proc in processes:
        for row in proc["rows"]:
            running = sum(e - b for b, e, state in row.segments if state in ("running", "native"))
            io = sum(e - b for b, e, state in row.segments if state == "io")
            work += running + max(0.0, io - row.sync_time)
    other["sequential_ns"] = int(round(work * 1e9))
    other["end_ns"] = int(round((stop - origin) * 1e9))
    text = ('{"displayTimeUnit":"ns","otherData":%s,"traceEvents":[\n%s\n]}\n'
            % (json.dumps(other, sort_keys=True), ",\n".join(out)))
    _write_file(path, text)
    return tid


def _write_queue_counters(add, proc, origin):
    """Each queue.Queue's items over time, as GIL Scope writes its own queues: one counter event
    per put (+1) or get (-1). A get is stamped after its put returned, but the put's own stamp may
    come later (the getter ran first): the i-th get is moved to no earlier than the i-th put."""
    by_queue = {}
    for name, t, delta in proc.get("queue_events", ()):
        by_queue.setdefault(name, ([], []))[0 if delta > 0 else 1].append(t)
    for name in sorted(by_queue):
        puts, gets = sorted(by_queue[name][0]), sorted(by_queue[name][1])
        gets = [max(t, puts[i]) if i < len(puts) else t for i, t in enumerate(gets)]
        gets = gets[:len(puts)]  # items put before the recording started are not counted
        label = name if proc["index"] == 1 else "%s@%d" % (name, proc["pid"])
        events = sorted([(t, 0) for t in puts] + [(t, 1) for t in gets])
        items = 0
        for t, is_get in events:
            items += -1 if is_get else 1
            add('{"ph":"C","cat":"queue","name":%s,"pid":%d,"ts":%s,"args":{"items":%d}}'
                % (json.dumps("queue " + label), proc["index"], _us(_ns(t, origin)), items))


def _write_file(path, text):
    """A regular file (or a new one) is written beside itself and renamed over: a failure leaves
    the earlier file whole and no part file behind. Anything else (a device, a FIFO) is written
    directly and never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IOError(errno.EISDIR, os.strerror(errno.EISDIR))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w") as f:
            f.write(text)
        return
    part = "%s.part%d" % (path, os.getpid())
    try:
        with open(part, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.rename(part, path)
    except BaseException:
        _remove_quietly(part)
        raise


def _hold_summary(processes):
    holds, switches = [], 0
    for proc in processes[:1]:
        stretches = []
        for row in proc["rows"]:
            for start, end, state in row.segments:
                if state == "running":
                    holds.append(end - start)
                    stretches.append((start, row))
        stretches.sort(key=lambda s: s[0])
        switches = sum(1 for a, b in zip(stretches, stretches[1:]) if a[1] is not b[1])
    holds.sort()
    return (holds[len(holds) // 2] * 1e3 if holds else 0.0), switches


# ---------------------------------------------------------------------------------------------
# Running a script.

def _spin(n):
    while n > 0:
        n -= 1


def _measure_slowdown(hook, n=60000):
    """How many times slower a tight loop runs with the hook: the worst case, since the loop
    body is one cheap line."""
    def best(repeat=3):
        times = []
        for _ in range(repeat):
            t = _clock()
            _spin(n)
            times.append(_clock() - t)
        return min(times)
    plain = best()
    _install_hook(hook, this_thread_only=True)
    try:
        hooked = best()
    finally:
        _remove_hook(hook)
        del _transitions[:]
        _cur[0] = None
    return hooked / plain if plain > 0 else 0.0


USAGE = """usage: gilscope_record.py [--out TRACE.json] [--switch-interval MS] [--hook HOOK]
                          [--quiet] -- SCRIPT.py [ARGS...]

Runs SCRIPT.py as __main__ and writes a GIL Scope trace (Chrome trace-event JSON).
  --out TRACE.json       where to write (default: SCRIPT.trace.json in the current directory)
  --switch-interval MS   sys.setswitchinterval before the script starts (Python 3.2+)
  --hook HOOK            auto (default: monitoring on 3.12+, else settrace), monitoring,
                         settrace, or calls (cheapest; blind inside loops that call nothing)
  --quiet                no summary line on standard error
"""


def _usage_error(message):
    sys.stderr.write("gilscope-record: %s\n%s" % (message, USAGE))
    return EXIT_USAGE


def _parse(argv):
    opts = {"out": None, "switch_interval": None, "hook": "auto", "quiet": False}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg in ("-h", "--help"):
            sys.stdout.write(USAGE)
            return None, 0
        if arg == "--quiet":
            opts["quiet"] = True
            i += 1
            continue
        name, eq, value = arg.partition("=")
        if name in ("--out", "--switch-interval", "--hook"):
            if not eq:
                if i + 1 >= len(argv):
                    return None, _usage_error("%s needs a value" % name)
                value = argv[i + 1]
                i += 1
            opts[name[2:].replace("-", "_")] = value
            i += 1
            continue
        if arg.startswith("-"):
            return None, _usage_error("unknown option %s" % arg)
        break
    rest = argv[i:]
    if not rest:
        return None, _usage_error("no script given")
    opts["script"], opts["args"] = rest[0], rest[1:]
    if opts["switch_interval"] is not None:
        try:
            ms = float(opts["switch_interval"])
        except ValueError:
            ms = -1
        if not ms > 0:
            return None, _usage_error("--switch-interval: expected milliseconds > 0, got %s"
                                      % opts["switch_interval"])
        opts["switch_interval"] = ms
    if opts["hook"] not in ("auto", "monitoring", "settrace", "calls"):
        return None, _usage_error("--hook: expected auto, monitoring, settrace or calls, got %s"
                                  % opts["hook"])
    if opts["hook"] == "auto":
        opts["hook"] = "monitoring" if hasattr(sys, "monitoring") else "settrace"
    if opts["hook"] == "monitoring" and not hasattr(sys, "monitoring"):
        return None, _usage_error("--hook monitoring needs Python 3.12 or later")
    return opts, None


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write("%s\n" % (code,))
    return 1


def _join_remaining_threads():
    # What the interpreter does at exit, done here so that the threads are recorded to the end.
    main = threading.current_thread()
    while True:
        alive = [t for t in threading.enumerate()
                 if t is not main and not t.daemon and t.is_alive()]
        if not alive:
            return
        for t in alive:
            t.join()


def main(argv):
    if sys.version_info < (2, 7) or (3, 0) <= sys.version_info < (3, 6):
        sys.stderr.write("gilscope-record: needs Python 2.7 or 3.6+, this is %s\n"
                         % platform.python_version())
        return EXIT_USAGE
    opts, status = _parse(argv)
    if opts is None:
        return status
    script = opts["script"]
    if not os.path.isfile(script):
        sys.stderr.write("gilscope-record: %s: no such script\n" % script)
        return EXIT_USAGE
    if not _gil_enabled():
        sys.stderr.write("gilscope-record: free-threaded builds run threads in parallel; "
                         "this recorder needs a GIL\n")
        return EXIT_USAGE
    out = opts["out"] or os.path.splitext(os.path.basename(script))[0] + ".trace.json"
    out_dir = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(out_dir):
        sys.stderr.write("gilscope-record: %s: no such directory\n" % out_dir)
        return EXIT_USAGE
    if os.path.isdir(out):
        sys.stderr.write("gilscope-record: %s: is a directory; give --out a file name\n" % out)
        return EXIT_USAGE
    if opts["switch_interval"] is not None:
        if hasattr(sys, "setswitchinterval"):
            sys.setswitchinterval(opts["switch_interval"] / 1000.0)
        elif not opts["quiet"]:
            sys.stderr.write("gilscope-record: Python %s has no switch interval (the old GIL "
                             "checks every %d ticks); --switch-interval ignored\n"
                             % (platform.python_version(), sys.getcheckinterval()))

    hook = opts["hook"]
    _state["hook"] = hook
    _catch_stop_signals()
    try:
        slowdown = _measure_slowdown(hook)
    except KeyboardInterrupt:
        _note("interrupted before the script started; no trace written")
        return 130
    _install_wrappers()
    _prepare_spawned_children(hook)
    if hook == "monitoring":
        _guard_tool_id()
    if PY2:
        _keep_script_globals()

    sys.argv = [script] + list(opts["args"])
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    main_ident = _get_ident()
    origin = _clock()
    _state["origin"] = origin
    _run.update(opts=opts, out=out, script=script, slowdown=slowdown, origin=origin)
    _threads.append([main_ident, threading.current_thread(), None, None, origin, None, None])
    _on[0] = True
    _cur[0] = main_ident
    _add((main_ident, origin))
    _install_hook(hook)
    status = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as stop:
        status = _exit_status(stop.code)
    except KeyboardInterrupt:
        status = 130
    except BaseException:
        traceback.print_exc()
        status = 1
    if _state["child"]:
        # A forked child that ran off the end of the script: save its part and leave.
        _flush_child()
        return status
    interrupted = status == 130
    if not interrupted:
        try:
            _join_remaining_threads()
        except KeyboardInterrupt:
            interrupted, status = True, 130
    status = _finish(status, stopping=interrupted)
    if _state["pending_signal"] is not None:
        interrupted, status = True, 128 + _state["pending_signal"]
    if interrupted:
        # Interrupted: the trace is written, and the script's threads that still run would keep
        # the process alive at exit waiting for them. Leave as Ctrl-C promises.
        _leave_now(status)
    _exiting[0] = True
    return status


def _await_children(tmpdir, patience=2.0):
    """Gives the forked children still alive up to `patience` seconds to save their records:
    the signal that stops the run reached them at the same time."""
    deadline = _clock() + patience
    while _clock() < deadline:
        try:
            names = set(os.listdir(tmpdir))
        except OSError:
            return
        waiting = [int(name[len("child-"):-len(".started")]) for name in names
                   if name.endswith(".started")
                   and name[:-len(".started")] + ".json" not in names]
        if not any(_alive(pid) for pid in waiting):
            return
        _real_sleep(0.01)


def _alive(pid):
    """Whether process `pid` still runs (a zombie has nothing left to save)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (IOError, OSError, IndexError):
        return True


def _keep_script_globals():
    """Python 2 empties a module's globals (sets them to None) when the module object goes
    away, and runpy's module for the script goes away as soon as the script's top level returns:
    daemon threads still running its functions would fail on None while the trace is written
    (AttributeError: 'NoneType' object has no attribute 'sleep'). Keep the module alive."""
    original_init = runpy._TempModule.__init__

    def init(self, mod_name):
        original_init(self, mod_name)
        _script_modules.append(self.module)
    runpy._TempModule.__init__ = init


_script_modules = []


_run = {"finished": False}


def _finish(status, stopping=False):
    """Stops recording and writes the trace; returns the exit status to use. Called once: at the
    end of the script, or by os._exit in the recorded process. stopping: a signal stops the run,
    and the forked children it reached too are saving their records."""
    if _run["finished"]:
        return status
    _run["finished"] = True
    previous = None
    try:
        # A second Ctrl-C while the trace is written would lose it.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:
        pass  # not the main thread: signals go to the main thread anyway
    try:
        return _write_out(status, stopping)
    finally:
        if _state["tmpdir"] is not None:
            shutil.rmtree(_state["tmpdir"], ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _write_out(status, stopping=False):
    stop = _clock()
    _on[0] = False
    _record_inflight(stop)
    hook = _state["hook"]
    _remove_hook(hook)
    _release_tool()
    opts, out, origin = _run["opts"], _run["out"], _run["origin"]
    switch_interval = (sys.getswitchinterval() * 1000.0 if hasattr(sys, "getswitchinterval")
                       else None)
    main_record = _threads[0]
    main_record[5] = stop
    main_record[6] = _context_switches()
    # Python 2's join() returns before the thread has left our bootstrap wrapper: let the last
    # ones note their end. (Not those still running, as when a signal stops the run: they hold
    # the GIL most of the time, and each of these waits would cost a switch interval or more.)
    for _ in range(200):
        if all(r[5] is not None or r[1].is_alive() for r in _threads[1:]
               if r[1] is not None and not r[1].daemon):
            break
        _real_sleep(0.0005)
    threads = [[r[0], r[1], r[2] or (r[1].name if r[1] is not None else None), r[3], r[4], r[5],
                r[6]] for r in _threads]
    processes = [_gather(list(_transitions), list(_io), threads,
                         [id(r[1]) if r[1] is not None else None for r in _threads],
                         stop, os.getpid(), 1)]
    processes[0]["queue_events"] = list(_queue_events)
    _note_wait_sources(1, _lock_releases, _queue_events, _event_sets)
    children = []
    tmpdir = _state["tmpdir"]
    if stopping and tmpdir is not None:
        _await_children(tmpdir)
    for name in sorted(os.listdir(tmpdir)) if tmpdir is not None else ():
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(tmpdir, name)) as f:
                children.append(json.load(f))
        except (OSError, IOError, ValueError) as error:
            _note("cannot read a child's record %s: %s" % (name, error))
    children.sort(key=lambda c: c["fork_time"])
    for i, child in enumerate(children):
        threads = [[t[0], None, t[1], t[2], t[3], t[4], t[5]] for t in child["threads"]]
        processes.append(_gather([tuple(x) for x in child["transitions"]],
                                 [tuple(x) for x in child["io"]], threads, child["thread_ids"],
                                 child["stop"], child["pid"], i + 2))
        processes[-1]["queue_events"] = [tuple(x) for x in child.get("queue_events", ())]
        _note_wait_sources(i + 2, child.get("lock_releases", {}), processes[-1]["queue_events"],
                           child.get("event_sets", {}))
    _completions(processes)
    for proc in processes:
        _segments(proc)
    unknown = sum(1 for p in processes for c in p["calls"]
                  if c["completion"] is None and c["raw"][1] not in ("sync",))
    meta = {"generator": "gilscope-record", "recorder_version": RECORDER_VERSION,
            "scenario": os.path.basename(_run["script"]), "interpreter": "recorded",
            "executor": "asyncio" if _threads[0][0] in _loop_threads else "threading",
            "cores": _cores(), "python": platform.python_version(),
            "sequential_ns": 0, "hook": hook, "recorder_slowdown": round(_run["slowdown"], 2),
            "gil": _gil_enabled(), "io_calls_unknown_completion": unknown,
            "argv": [os.path.basename(_run["script"])] + list(opts["args"])}
    if _state["hook_changes"]:
        meta["hook_changes"] = list(_state["hook_changes"])
    if switch_interval is not None:
        meta["switch_interval_ms"] = switch_interval
    else:
        meta["check_interval"] = sys.getcheckinterval()
    try:
        rows = _write_trace(out, processes, origin, stop, meta)
    except (OSError, IOError) as error:
        _note("%s: cannot write: %s" % (out, error.strerror or error))
        return 1
    if not opts["quiet"]:
        hold, switches = _hold_summary(processes)
        _note("wrote %s: %d thread%s in %d process%s, %.3f s, %d switches, median hold "
              "%.2f ms; %s hook, tight loops ~%.1fx slower"
              % (out, rows, "" if rows == 1 else "s", len(processes),
                 "" if len(processes) == 1 else "es", stop - origin, switches, hold, hook,
                 _run["slowdown"]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
