"""Pure-Python CPU work for the workload scripts beside this file: a countdown loop that holds the
GIL, and how many of its iterations run in a millisecond here (so a script can ask for "2 ms of
Python"). Python 2.7 and 3.x."""

from __future__ import division

import time

clock = getattr(time, "perf_counter", time.time)


def countdown(n):
    while n > 0:
        n -= 1


def loops_per_ms():
    # The fastest of several tries: the first ones warm the interpreter up (3.11+ specialises
    # the loop), and a busy machine only ever makes a try slower.
    n = 200000
    best = None
    for _ in range(7):
        start = clock()
        countdown(n)
        took = clock() - start
        best = took if best is None else min(best, took)
    return n / (best * 1000)
