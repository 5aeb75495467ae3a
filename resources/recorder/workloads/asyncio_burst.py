#!/usr/bin/env python3
"""Reality check for to_thread steps: an event loop of sleeping coroutines and one CPU burst.

    python asyncio_burst.py [--mode inline|to_thread|none] [--coroutines 200] [--sleeps 20]
                            [--burst-ms 50]

COROUTINES coroutines each sleep 1 ms SLEEPS times; one more coroutine runs BURST_MS of pure
Python either inline (blocking the loop), in asyncio.to_thread, or not at all. Prints one JSON
line with the largest lateness of a 1 ms sleep (how much longer than 1 ms it took), in ms, and
the seconds. Python 3.9+, standard library only.
"""
import argparse
import asyncio
import json
import platform
import time

from spin import clock, countdown, loops_per_ms  # beside this script


async def sleeper(sleeps, lateness):
    for _ in range(sleeps):
        start = clock()
        await asyncio.sleep(0.001)
        lateness.append((clock() - start) * 1000 - 1)


async def main(args):
    loops = int(loops_per_ms() * args.burst_ms)
    lateness = []
    tasks = [asyncio.create_task(sleeper(args.sleeps, lateness)) for _ in range(args.coroutines)]
    await asyncio.sleep(0.005)  # let the sleepers get going
    if args.mode == "inline":
        countdown(loops)
    elif args.mode == "to_thread":
        await asyncio.to_thread(countdown, loops)
    await asyncio.gather(*tasks)
    return lateness


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["inline", "to_thread", "none"], default="inline")
    parser.add_argument("--coroutines", type=int, default=200)
    parser.add_argument("--sleeps", type=int, default=20)
    parser.add_argument("--burst-ms", type=float, default=50)
    args = parser.parse_args()
    start = clock()
    lateness = asyncio.run(main(args))
    print(json.dumps({"workload": "asyncio-burst", "python": platform.python_version(),
                      "mode": args.mode, "burst_ms": args.burst_ms,
                      "seconds": round(clock() - start, 4),
                      "max_lateness_ms": round(max(lateness), 3)}))
