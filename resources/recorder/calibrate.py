#!/usr/bin/env python3
"""Measures what GIL Scope's model needs to know about this machine and this Python.

    python calibrate.py [--repeat N] [--quick]

Prints one JSON object (GIL Scope's `calibrate` command reads it and fits the model):
  loop_ns       one iteration of the countdown loop `while n > 0: n -= 1`, one thread;
  countdown_s   {"1", "2", "4"}: the same total count split over 1, 2 and 4 threads, the median
                of --repeat runs (the ratio to one thread is the GIL's cost on this machine);
  release_us    Lock.release(): "woke" when a thread sleeps in acquire() (the releaser pays for
                waking it, as a GIL release does), "idle" when nobody waits;
  wake_us       from the start of that release until the woken thread runs Python again:
                p10/p50/p90;
  oversleep_us  how late time.sleep(1 ms) returns: p10/p50/p90.
Python 2.7 and 3.6+, standard library only. Keep the machine otherwise idle.
"""
from __future__ import print_function

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time

clock = getattr(time, "perf_counter", time.time)


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def spread(values):
    return {"p10": round(percentile(values, 0.1), 3), "p50": round(percentile(values, 0.5), 3),
            "p90": round(percentile(values, 0.9), 3)}


def countdown(n):
    while n > 0:
        n -= 1


def timed_countdown(total, threads):
    share = total // threads
    workers = [threading.Thread(target=countdown, args=(share,)) for _ in range(threads)]
    start = clock()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return clock() - start


def loop_ns(repeat):
    """Per-iteration time of the countdown loop, the fastest of a few runs (noise only adds)."""
    n = 2000000
    best = min(timed_countdown(n, 1) for _ in range(max(3, repeat)))
    return best / n * 1e9


def countdown_in_new_process(total, threads):
    """Each run in a fresh interpreter: in one process later runs come out faster than earlier
    ones (3.11 showed two threads 0.87x one that way), which would read as negative GIL cost."""
    out = subprocess.check_output([sys.executable, os.path.abspath(__file__), "--countdown",
                                   str(total), str(threads)])
    return float(out.decode().strip())


def countdown_seconds(total, repeat):
    """Thread counts take turns, round after round: a machine that speeds up as it warms
    (frequency scaling) then favours none of them."""
    runs = {1: [], 2: [], 4: []}
    for _ in range(repeat):
        for threads in (1, 2, 4):
            runs[threads].append(countdown_in_new_process(total, threads))
    return dict((str(t), round(sorted(r)[len(r) // 2], 6)) for t, r in runs.items())


def lock_hand_off(rounds):
    """One thread blocks in Lock.acquire() while another releases the lock: the semaphore post
    the GIL itself is made of. The releaser times its release() (waking a sleeper costs it the
    futex wake-up: the model's signal cost) and the woken thread stamps when it runs Python again
    (from the start of the release: the model's wake-up latency). Then release() of a lock nobody
    waits for, for the baseline."""
    lock = threading.Lock()
    lock.acquire()
    woken = threading.Event()
    running = [0.0] * rounds

    def waiter():
        for i in range(rounds):
            lock.acquire()
            running[i] = clock()
            woken.set()

    thread = threading.Thread(target=waiter)
    thread.start()
    release, starts = [], []
    for i in range(rounds):
        # Time for the waiter to go to sleep in acquire(): the release must wake a sleeper.
        time.sleep(0.0003)
        start = clock()
        lock.release()
        release.append((clock() - start) * 1e6)
        starts.append(start)
        woken.wait()
        woken.clear()
    thread.join()
    idle = []
    other = threading.Lock()
    for _ in range(rounds):
        other.acquire()
        start = clock()
        other.release()
        idle.append((clock() - start) * 1e6)
    wake = [(running[i] - starts[i]) * 1e6 for i in range(rounds)]
    return release, idle, wake


def oversleep(rounds):
    late = []
    for _ in range(rounds):
        start = clock()
        time.sleep(0.001)
        late.append((clock() - start - 0.001) * 1e6)
    return late


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per countdown (median kept)")
    parser.add_argument("--quick", action="store_true", help="shorter runs (tests)")
    parser.add_argument("--countdown", nargs=2, type=int, metavar=("TOTAL", "THREADS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.countdown:
        print(timed_countdown(*args.countdown))
        return
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if hasattr(sys, "setswitchinterval"):
        switch_interval_ms = sys.getswitchinterval() * 1000.0
    else:
        switch_interval_ms = None
    ns = loop_ns(args.repeat)
    # About 0.3 s for one thread (0.05 s quick), whatever the machine's speed.
    total = int((0.05 if args.quick else 0.3) / (ns * 1e-9))
    seconds = countdown_seconds(total, args.repeat)
    rounds = 300 if args.quick else 1000
    woke, idle, wake = lock_hand_off(rounds)
    late = oversleep(100 if args.quick else 300)
    result = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "check_interval": sys.getcheckinterval() if sys.version_info[0] == 2 else None,
        "gil_enabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
        "switch_interval_ms": switch_interval_ms,
        "loop_ns": round(ns, 3),
        "countdown_total": total,
        "countdown_s": seconds,
        "release_us": {"woke": round(percentile(woke, 0.5), 3),
                       "idle": round(percentile(idle, 0.5), 3)},
        "wake_us": spread(wake),
        "oversleep_us": spread(late),
    }
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
