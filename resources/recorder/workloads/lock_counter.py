#!/usr/bin/env python
"""Reality check for lock steps: N threads increment one counter under a threading.Lock.

    python lock_counter.py [--threads 4] [--increments 200000] [--call]

The increments are split over the threads; each does `with lock: counter.value += 1`, or with
--call `with lock: bump(counter)` (a call inside the lock: where CPython 3.10+ checks for a
GIL drop request, so the GIL can change hands while the lock is held). Prints one
JSON line with the seconds and the time one increment takes alone (increment_us); compare N
threads with --threads 1. Python 2.7 and 3.x, standard library only.
"""
from __future__ import division, print_function

import argparse
import json
import platform
import threading
import time

clock = getattr(time, "perf_counter", time.time)


class Counter(object):
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()


def work(counter, n):
    lock = counter.lock
    for _ in range(n):
        with lock:
            counter.value += 1


def bump(counter):
    counter.value += 1


def work_calling(counter, n):
    lock = counter.lock
    for _ in range(n):
        with lock:
            bump(counter)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--increments", type=int, default=200000)
    parser.add_argument("--call", action="store_true", help="call a function inside the lock")
    args = parser.parse_args()
    counter = Counter()
    per = args.increments // args.threads
    target = work_calling if args.call else work
    threads = [threading.Thread(target=target, args=(counter, per)) for _ in range(args.threads)]
    start = clock()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = clock() - start
    assert counter.value == per * args.threads
    print(json.dumps({"workload": "lock-counter", "python": platform.python_version(),
                      "threads": args.threads, "call": args.call, "increments": per * args.threads,
                      "seconds": round(seconds, 4),
                      "increment_us": round(seconds * 1e6 / (per * args.threads), 3)}))


if __name__ == "__main__":
    main()
