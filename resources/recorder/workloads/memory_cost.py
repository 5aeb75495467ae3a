#!/usr/bin/env python
"""The other half of the trade-off: what processes cost in memory and passing data in time.

    python memory_cost.py [--workers 2] [--threads 32] [--kb 1024] [--repeat 5]
    python memory_cost.py --pool-check [--tasks 8] [--task-ms 40] [--kb 1024] [--method fork]

Measures, with this interpreter (Linux: /proc/PID/smaps_rollup; CPython 2.7 and 3.6+, standard
library only), and prints one JSON object (MB unless named otherwise):
- "fresh": a fresh interpreter (python -c), RSS, PSS and USS (PSS splits each shared page among
  the processes that map it, so several processes' figures add up; USS counts its own pages);
  "with_executors": the same after importing threading, multiprocessing, concurrent.futures and
  asyncio; "main": this script's own process;
- "start_methods": per start method (fork, spawn, forkserver; 2.7 has fork only), what a
  multiprocessing.Pool adds to the machine's memory per worker ("per_worker_pss_mb": the PSS
  summed over this process and all its descendants, with 1 and with WORKERS+1 workers, so that
  helpers such as spawn's resource tracker and the fork server fall into "fixed_pss_mb"), one
  worker's own RSS / PSS / USS, and the time to start a Pool(1) and run an empty task on it
  ("start_ms");
- "fork_copy": how much of a parent's data a forked worker copies by reading it (a list of
  floats: reference counts write to every object's page; one bytes buffer stays shared);
- "thread_kb": the resident growth per Python thread (THREADS threads that ran a little Python
  and wait on an Event), RSS and PSS;
- "pickle": the time to pass KB kB to a pool worker and back through its pipe, in microseconds
  per kB of pickled data and direction ("pipe_us_per_kb", from a round trip of bytes and of a list
  of floats, less an empty task's round trip), and pickle.dumps + loads alone in this process
  ("local_us_per_kb"); the fastest of REPEAT tries (load only ever slows a try);
- "subinterpreter_mb" (3.8+, the private _xxsubinterpreters / _interpreters module): the PSS
  growth per isolated interpreter, and the time to create one.

--pool-check runs the README's real-against-simulated memory case instead: Pool(2) (start method
METHOD), TASKS tasks that each get KB kB of bytes, spend TASK_MS of pure Python and send the bytes
back (imap_unordered: each result dropped as it arrives). Prints the peak PSS the pool adds to
this process's (which holds the data), summed over the workers and helpers and sampled every 5 ms
in a first run, then the wall time (the fastest of REPEAT runs) and the same tasks run one after
another in this process.
"""
from __future__ import division, print_function

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import threading
import time

import multiprocessing

from spin import clock, countdown, loops_per_ms  # beside this script
MB = 1024.0


def rollup(pid="self"):
    """RSS, PSS and USS of one process in kB (smaps_rollup, or the sum over smaps)."""
    fields = {}
    for name in ("smaps_rollup", "smaps"):
        try:
            with open("/proc/%s/%s" % (pid, name)) as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                        key = parts[0][:-1]
                        fields[key] = fields.get(key, 0) + int(parts[1])
            break
        except (IOError, OSError):
            continue
    return {
        "rss": fields.get("Rss", 0),
        "pss": fields.get("Pss", 0),
        "uss": fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0),
    }


def descendants(root):
    """Every process below root, found through /proc/*/stat."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except (IOError, OSError):
            continue
        # The command may hold spaces and parentheses: the fields start after the last ")".
        rest = stat[stat.rfind(")") + 2:].split()
        parents[int(entry)] = int(rest[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, pp in parents.items() if pp == pid]
        found.extend(children)
        frontier.extend(children)
    return found


def tree_pss_kb():
    total = rollup()["pss"]
    for pid in descendants(os.getpid()):
        total += rollup(pid)["pss"]
    return total


# --- pool tasks (top level: spawn and forkserver import them by name) ---------------------------


def own_rollup(delay):
    time.sleep(delay)  # long enough that every worker gets one task
    return os.getpid(), rollup()


def echo(payload):
    return payload


def check_task(args):
    payload, loops = args
    countdown(loops)
    return payload


# --- measurements --------------------------------------------------------------------------


FRESH = """
f = {}
for line in open("/proc/self/smaps_rollup"):
    p = line.split()
    if len(p) >= 2 and p[1].isdigit():
        f[p[0][:-1]] = int(p[1])
print("%d %d %d" % (f["Rss"], f["Pss"], f.get("Private_Clean", 0) + f.get("Private_Dirty", 0)))
"""


IMPORTS = "import threading, multiprocessing, multiprocessing.pool, pickle, json\n" \
    "try:\n    import asyncio, concurrent.futures\nexcept ImportError:\n    pass\n"


def fresh_interpreter(imports=""):
    # Nothing imported but what the interpreter loads by itself (site included), or the
    # executors' modules as well.
    out = subprocess.check_output([sys.executable, "-c", imports + FRESH]).decode().split()
    rss, pss, uss = (int(v) for v in out)
    return {"rss": round(rss / MB, 2), "pss": round(pss / MB, 2), "uss": round(uss / MB, 2)}


def pool_of(method, workers):
    if method is None or not hasattr(multiprocessing, "get_context"):
        return multiprocessing.Pool(workers)
    return multiprocessing.get_context(method).Pool(workers)


def measure_start_method(method, workers):
    before = tree_pss_kb()
    totals = {}
    worker_rollup = None
    start_ms = None
    for n in (1, workers + 1):
        start = clock()
        pool = pool_of(method, n)
        try:
            pool.apply(echo, (None,))
            if n == 1:
                start_ms = (clock() - start) * 1000
            results = pool.map(own_rollup, [0.2] * n, chunksize=1)
            totals[n] = tree_pss_kb() - before
            worker_rollup = results[0][1]
        finally:
            pool.terminate()
            pool.join()
    per = (totals[workers + 1] - totals[1]) / workers
    return {
        "per_worker_pss_mb": round(per / MB, 2),
        "fixed_pss_mb": round((totals[1] - per) / MB, 2),
        "worker_rss_mb": round(worker_rollup["rss"] / MB, 2),
        "worker_pss_mb": round(worker_rollup["pss"] / MB, 2),
        "worker_uss_mb": round(worker_rollup["uss"] / MB, 2),
        "start_ms": round(start_ms, 1),
    }


SHARED = [None]  # data a forked worker inherits


def read_shared(_):
    data = SHARED[0]
    if isinstance(data, list):
        return sum(data)  # touches every float: its reference count is written
    return data.count(b"y")  # reads the buffer: no object but the bytes itself


def measure_fork_copy():
    """How much of a parent's data a forked worker copies by reading it: reference counts write
    to every object's page, so a list of floats becomes the worker's own; one bytes buffer (or a
    NumPy array) stays shared."""
    if "fork" not in getattr(multiprocessing, "get_all_start_methods", lambda: ["fork"])():
        return None
    result = {}
    for name, make in (("floats", lambda: [float(i) + 0.5 for i in range(1000000)]),
                       ("bytes", lambda: b"x" * (24 * 1024 * 1024))):
        SHARED[0] = make()
        if name == "floats":
            data_mb = (sys.getsizeof(SHARED[0]) + sum(sys.getsizeof(x) for x in SHARED[0])) / MB
        else:
            data_mb = sys.getsizeof(SHARED[0]) / MB
        before = tree_pss_kb()
        pool = pool_of("fork", 1)
        try:
            pool.apply(echo, (None,))
            idle = tree_pss_kb()
            pool.apply(read_shared, (None,))
            read = tree_pss_kb()
        finally:
            pool.terminate()
            pool.join()
        SHARED[0] = None
        result[name] = {"data_mb": round(data_mb / MB, 1),
                        "copied_mb": round((read - idle) / MB, 1),
                        "worker_idle_mb": round((idle - before) / MB, 1)}
    return result


def measure_threads(count):
    release = threading.Event()
    started = threading.Semaphore(0)

    def deep(n):
        return 0 if n == 0 else 1 + deep(n - 1)

    def body():
        sum(range(1000))
        deep(20)
        started.release()
        release.wait()

    before = rollup()
    threads = [threading.Thread(target=body) for _ in range(count)]
    for t in threads:
        t.start()
    for _ in threads:
        started.acquire()
    after = rollup()
    release.set()
    for t in threads:
        t.join()
    return {
        "rss": round((after["rss"] - before["rss"]) / count, 1),
        "pss": round((after["pss"] - before["pss"]) / count, 1),
    }


def round_trip_us(pool, func, payload, repeat):
    times = []
    for _ in range(repeat):
        start = clock()
        pool.apply(func, (payload,))
        times.append((clock() - start) * 1e6)
    return min(times)  # a busy machine only ever makes a try slower


def measure_pickle(kb, repeat):
    raw = b"x" * (kb * 1024)
    # Floats: 9 bytes each pickled (protocol 2+), so this list pickles to about KB kB.
    floats = [float(i) + 0.5 for i in range(kb * 1024 // 9)]
    floats_kb = len(pickle.dumps(floats, 2)) / 1024.0
    pool = pool_of(None, 1)
    try:
        pool.apply(echo, (None,))  # the worker is up
        empty = round_trip_us(pool, echo, None, repeat * 2)
        pipe = {}
        for name, payload, size in (("bytes", raw, kb), ("floats", floats, floats_kb)):
            both = round_trip_us(pool, echo, payload, repeat)
            pipe[name] = round((both - empty) / (2 * size), 3)
    finally:
        pool.terminate()
        pool.join()
    local = {}
    protocol = pickle.HIGHEST_PROTOCOL
    for name, payload, size in (("bytes", raw, kb), ("floats", floats, floats_kb)):
        times = []
        for _ in range(repeat):
            start = clock()
            pickle.loads(pickle.dumps(payload, protocol))
            times.append((clock() - start) * 1e6)
        local[name] = round(min(times) / size, 3)
    return {"kb": kb, "empty_task_us": round(empty, 1), "pipe_us_per_kb": pipe,
            "local_us_per_kb": local}


def measure_subinterpreters(count):
    module = None
    for name in ("_interpreters", "_xxsubinterpreters"):
        try:
            module = __import__(name)
            break
        except ImportError:
            continue
    if module is None:
        return None
    run = getattr(module, "exec", None) or getattr(module, "run_string")
    before = rollup()
    ids = []
    start = clock()
    for _ in range(count):
        ids.append(module.create())
        run(ids[-1], "import sys")
    took = (clock() - start) * 1000 / count
    after = rollup()
    for i in ids:
        module.destroy(i)
    return {"pss_mb": round((after["pss"] - before["pss"]) / count / MB, 2),
            "rss_mb": round((after["rss"] - before["rss"]) / count / MB, 2),
            "create_ms": round(took, 2)}


def pool_run(method, tasks):
    pool = pool_of(method, 2)
    for _ in pool.imap_unordered(check_task, tasks):
        pass  # each result is dropped as it arrives
    pool.close()
    pool.join()


def pool_check(args):
    payload = b"x" * (args.kb * 1024)
    loops = int(loops_per_ms() * args.task_ms)
    tasks = [(payload, loops)] * args.tasks
    sequential = None
    for _ in range(max(1, args.repeat // 2)):
        start = clock()
        for task in tasks:
            check_task(task)
        took = clock() - start
        sequential = took if sequential is None else min(sequential, took)
    # First (before spawn's resource tracker or the fork server has started), sampled: the
    # memory the pool adds to this process's own (which holds the data).
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb())
            time.sleep(0.005)

    base = tree_pss_kb()
    sampler = threading.Thread(target=sample)
    sampler.start()
    pool_run(args.method, tasks)
    done.set()
    sampler.join()
    walls = []
    for _ in range(args.repeat):
        start = clock()
        pool_run(args.method, tasks)
        walls.append(clock() - start)
    print(json.dumps({
        "python": platform.python_version(), "method": args.method or "default",
        "tasks": args.tasks, "task_ms": args.task_ms, "kb": args.kb,
        "wall_s": round(min(walls), 4), "sequential_s": round(sequential, 4),
        "speedup": round(sequential / min(walls), 3),
        "parent_pss_mb": round(base / MB, 2),
        "pool_peak_added_pss_mb": round((peak[0] - base) / MB, 2)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--kb", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pool-check", action="store_true")
    parser.add_argument("--tasks", type=int, default=8)
    parser.add_argument("--task-ms", type=float, default=40)
    parser.add_argument("--method", default=None)
    args = parser.parse_args()
    if args.pool_check:
        pool_check(args)
        return
    methods = ["fork"]
    if hasattr(multiprocessing, "get_all_start_methods"):
        methods = [m for m in ("fork", "spawn", "forkserver")
                   if m in multiprocessing.get_all_start_methods()]
    result = {
        "python": platform.python_version(),
        "fresh": fresh_interpreter(),
        "with_executors": fresh_interpreter(IMPORTS),
        "fork_copy": measure_fork_copy(),
        "main": dict((k, round(v / MB, 2)) for k, v in rollup().items()),
        "start_methods": dict((m, measure_start_method(m, args.workers)) for m in methods),
        "thread_kb": measure_threads(args.threads),
        "pickle": measure_pickle(args.kb, args.repeat),
        "subinterpreter_mb": measure_subinterpreters(4),
    }
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
