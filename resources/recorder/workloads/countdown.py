#!/usr/bin/env python3
"""Calibration workload: Beazley's countdown, the same total work split over N threads.

    python countdown.py [--threads N] [--total COUNT] [--switch-interval MS]

Every thread counts down TOTAL/N at the same time; the main thread waits in join(). Prints one
JSON line: {"workload": "countdown", "threads": N, "seconds": ...}; on Linux also the workers'
voluntary context switches (each time one went to sleep on the GIL: a wait, or a failed wake-up
on the old GIL), measured by the kernel at no cost to the run. Compare the seconds of N
threads with those of --threads 1 (the same work, sequential): about 1x on the 3.2+ GIL, more on
the old GIL with two or more cores. The default TOTAL takes about 0.5-1 s on a current machine;
under the recorder pass a smaller one (the hooks slow tight loops down several times).
Python 2.7 and 3.x, standard library only.
"""
from __future__ import print_function

import argparse
import json
import platform
import sys
import threading
import time

clock = getattr(time, "perf_counter", time.time)


try:
    import resource
    RUSAGE_THREAD = getattr(resource, "RUSAGE_THREAD",
                            1 if sys.platform.startswith("linux") else None)
except ImportError:
    resource = RUSAGE_THREAD = None


def countdown(n, switches=None):
    while n > 0:
        n -= 1
    if switches is not None and RUSAGE_THREAD is not None:
        usage = resource.getrusage(RUSAGE_THREAD)
        switches.append((usage.ru_nvcsw, usage.ru_nivcsw))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2, help="threads sharing the work (1+)")
    parser.add_argument("--total", type=int, default=20000000, help="total count (all threads)")
    parser.add_argument("--switch-interval", type=float, help="sys.setswitchinterval, in ms")
    args = parser.parse_args()
    if args.threads < 1 or args.total < 1:
        parser.error("--threads and --total must be at least 1")
    if args.switch_interval and hasattr(sys, "setswitchinterval"):
        sys.setswitchinterval(args.switch_interval / 1000.0)
    share = args.total // args.threads
    switches = []
    workers = [threading.Thread(target=countdown, args=(share, switches), name="cpu-%d" % (i + 1))
               for i in range(args.threads)]
    start = clock()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    seconds = clock() - start
    result = {"workload": "countdown", "python": platform.python_version(),
              "threads": args.threads, "total": share * args.threads, "seconds": round(seconds, 6)}
    if hasattr(sys, "getswitchinterval"):
        result["switch_interval_ms"] = sys.getswitchinterval() * 1000.0
    if len(switches) == args.threads:
        result["voluntary_switches"] = sum(v for v, _ in switches)
        result["involuntary_switches"] = sum(i for _, i in switches)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
