#!/usr/bin/env python
"""Reality check for put/get steps: one producer, N consumers, one queue.Queue.

    python queue_pipeline.py [--consumers 3] [--items 5000] [--produce-ms 0.27] [--consume-ms 0.05]

The producer spends PRODUCE_MS of pure Python on each item before putting it; each consumer
gets an item and spends CONSUME_MS of Python on it; a None per consumer ends them. Prints one
JSON line: items/s (first put to last get), the seconds, and how long an item waited in the
queue (put to get), p50 and p99 in ms. Python 3 (and 2.7), standard library only.
"""
from __future__ import division, print_function

import argparse
import json
import platform
import threading
import time

try:
    import queue
except ImportError:  # Python 2
    import Queue as queue

from spin import clock, countdown, loops_per_ms  # beside this script


def percentile(values, p):
    values = sorted(values)
    if not values:
        return 0
    k = max(0, min(len(values) - 1, int(-(-p * len(values) // 100)) - 1))
    return values[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--consumers", type=int, default=3)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--produce-ms", type=float, default=0.27)
    parser.add_argument("--consume-ms", type=float, default=0.05)
    args = parser.parse_args()
    rate = loops_per_ms()
    produce = int(rate * args.produce_ms)
    consume = int(rate * args.consume_ms)
    q = queue.Queue()
    waits = []
    puts = []
    gets = []

    def producer():
        for _ in range(args.items):
            countdown(produce)
            t = clock()
            puts.append(t)
            q.put(t)
        for _ in range(args.consumers):
            q.put(None)

    def consumer():
        while True:
            item = q.get()
            if item is None:
                return
            now = clock()
            gets.append(now)
            waits.append((now - item) * 1000)
            countdown(consume)

    threads = [threading.Thread(target=producer)]
    threads += [threading.Thread(target=consumer) for _ in range(args.consumers)]
    start = clock()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = clock() - start
    span = max(gets) - min(puts)
    print(json.dumps({"workload": "queue", "python": platform.python_version(),
                      "consumers": args.consumers, "items": args.items,
                      "seconds": round(seconds, 4), "items_per_s": round(args.items / span, 1),
                      "wait_ms_p50": round(percentile(waits, 50), 3),
                      "wait_ms_p99": round(percentile(waits, 99), 3)}))


if __name__ == "__main__":
    main()
