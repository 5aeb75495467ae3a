#!/usr/bin/env python
"""Reality check for native steps: hashlib.sha256 over 16 MB buffers, the same work split over N
threads (C code that releases the GIL on 3.x for buffers this large).

    python hashlib_threads.py [--threads N] [--hashes 20] [--mb 16] [--python-ms 0]

Every thread hashes HASHES/N buffers. With --python-ms MS each hash is preceded by MS of pure
Python (a calibrated countdown), so threads alternate Python (holding the GIL) and C code (not).
Prints one JSON line with the seconds and, for comparison with a scenario, the time one hash
takes alone (hash_ms) and one Python stretch (python_ms). Compare the seconds of N threads with
--threads 1: the speed-up. Python 2.7 and 3.x, standard library only.
"""
from __future__ import division, print_function

import argparse
import hashlib
import json
import platform
import threading
import time

from spin import clock, countdown, loops_per_ms  # beside this script


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--hashes", type=int, default=20)
    parser.add_argument("--mb", type=int, default=16)
    parser.add_argument("--python-ms", type=float, default=0)
    args = parser.parse_args()
    data = b"x" * (args.mb * 1024 * 1024)
    loops = int(loops_per_ms() * args.python_ms)

    start = clock()
    hashlib.sha256(data).hexdigest()
    hash_ms = (clock() - start) * 1000
    start = clock()
    countdown(loops)
    python_ms = (clock() - start) * 1000

    def worker(count):
        for _ in range(count):
            if loops:
                countdown(loops)
            hashlib.sha256(data).hexdigest()

    shares = [args.hashes // args.threads + (1 if i < args.hashes % args.threads else 0)
              for i in range(args.threads)]
    threads = [threading.Thread(target=worker, args=(n,)) for n in shares]
    start = clock()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = clock() - start
    print(json.dumps({"workload": "hashlib", "python": platform.python_version(),
                      "threads": args.threads, "hashes": args.hashes, "mb": args.mb,
                      "seconds": round(seconds, 4), "hash_ms": round(hash_ms, 3),
                      "python_ms": round(python_ms, 3)}))


if __name__ == "__main__":
    main()
