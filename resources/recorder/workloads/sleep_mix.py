#!/usr/bin/env python3
"""Calibration workload: threads that sleep between short bursts of work, beside CPU-bound ones.

    python sleep_mix.py [--cpu-threads N] [--io-threads M] [--sleep-ms X] [--work COUNT]
                        [--seconds S] [--switch-interval MS]

Each of the M I/O threads repeats: count down COUNT (a short burst of Python work), then
time.sleep(X) (a blocking call that releases the GIL), for S seconds. The N CPU threads count
down until the I/O threads finish. A sleep returns after X plus the time it took to get the GIL
back: about one switch interval with a CPU-bound thread on the 3.2+ GIL, nearly nothing alone.

Prints one JSON line: sleeps, and how late the sleeps returned (percentiles, ms).
Python 2.7 and 3.x, standard library only.
"""
from __future__ import print_function

import argparse
import json
import platform
import sys
import threading
import time

from spin import clock, countdown  # beside this script


def burn(stop):
    while not stop[0]:
        countdown(10000)


def sleeper(seconds, pause, work, late):
    end = clock() + seconds
    while clock() < end:
        countdown(work)
        t = clock()
        time.sleep(pause)
        late.append(clock() - t - pause)


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(-(-p * len(values) // 100)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpu-threads", type=int, default=1)
    parser.add_argument("--io-threads", type=int, default=1)
    parser.add_argument("--sleep-ms", type=float, default=1.0)
    parser.add_argument("--work", type=int, default=2000, help="countdown before each sleep")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--switch-interval", type=float, help="sys.setswitchinterval, in ms")
    args = parser.parse_args()
    if args.switch_interval and hasattr(sys, "setswitchinterval"):
        sys.setswitchinterval(args.switch_interval / 1000.0)
    stop = [False]
    late = []
    sleepers = [threading.Thread(target=sleeper, name="io-%d" % (i + 1),
                                 args=(args.seconds, args.sleep_ms / 1000.0, args.work, late))
                for i in range(args.io_threads)]
    cpus = [threading.Thread(target=burn, args=(stop,), name="cpu-%d" % (i + 1))
            for i in range(args.cpu_threads)]
    for t in cpus + sleepers:
        t.start()
    for t in sleepers:
        t.join()
    stop[0] = True
    for t in cpus:
        t.join()
    result = {"workload": "sleep_mix", "python": platform.python_version(),
              "cpu_threads": args.cpu_threads, "io_threads": args.io_threads,
              "sleep_ms": args.sleep_ms, "sleeps": len(late),
              "late_ms_p50": round(percentile(late, 50) * 1e3, 4),
              "late_ms_p90": round(percentile(late, 90) * 1e3, 4)}
    if hasattr(sys, "getswitchinterval"):
        result["switch_interval_ms"] = sys.getswitchinterval() * 1000.0
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
