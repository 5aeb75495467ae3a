#!/usr/bin/env python3
"""Real against simulated for the steps: runs the workloads under resources/recorder/workloads/
with real Pythons and simulates the matching scenarios with gilscope.

    python3 steps_reality.py --gilscope build/app/gilscope --python PY312 [--python27 PY27]
                             [--repeat 5]

Each real figure is the median of REPEAT runs. The scenarios are built from what the same
script measures alone (one hash, one increment, ...), so nothing is fitted to the parallel
runs. Prints a Markdown table: workload, real, simulated, difference.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "workloads")


def real(python, script, *args, repeat=5):
    runs = []
    for _ in range(repeat):
        out = subprocess.run([python, os.path.join(WORKLOADS, script)] + [str(a) for a in args],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def simulate(gilscope, scenario):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(scenario, f)
        path = f.name
    try:
        out = subprocess.run([gilscope, "--scenario", path, "--metrics", "-"], check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out)
    finally:
        os.unlink(path)


def scenario(workers, interpreter="gil", executor="threading", queues=None):
    s = {"interpreter": interpreter, "executor": executor, "cores": os.cpu_count() or 2,
         "workers": workers}
    if queues:
        s["queues"] = queues
    return s


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gilscope", required=True)
    parser.add_argument("--python", required=True, help="CPython 3.9+")
    parser.add_argument("--python27")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []

    def row(name, real_value, sim_value, unit=""):
        diff = (sim_value - real_value) / real_value * 100 if real_value else float("nan")
        rows.append((name, real_value, sim_value, diff, unit))
        print("| %s | %.3g%s | %.3g%s | %+.0f %% |" % (name, real_value, unit, sim_value, unit, diff),
              flush=True)

    print("| workload | real | simulated | difference |\n|---|---|---|---|")
    pythons = [("3.12", args.python, "gil")]
    if args.python27:
        pythons.append(("2.7", args.python27, "legacy-gil"))
    for label, python, interpreter in pythons:
        one = real(python, "hashlib_threads.py", "--threads", 1, repeat=args.repeat)
        hash_ms = one["seconds"] * 1000 / 20
        for n in (2, 4):
            r = real(python, "hashlib_threads.py", "--threads", n, repeat=args.repeat)
            # 2.7's hashlib keeps the GIL: one C call, no tick inside.
            step = {"native": hash_ms} if label != "2.7" else {"python": hash_ms, "checks": False}
            sim = simulate(args.gilscope, scenario(
                [{"name": "hash", "count": n, "ops": 20 // n, "steps": [step]}], interpreter))
            row("%s: hashlib 16 MB, %d threads, speed-up" % (label, n),
                one["seconds"] / r["seconds"], sim["speedup"], "×")
        if label == "3.12":
            mixed_one = real(python, "hashlib_threads.py", "--threads", 1, "--hashes", 200,
                             "--mb", 3, "--python-ms", 2, repeat=args.repeat)
            mixed = real(python, "hashlib_threads.py", "--threads", 4, "--hashes", 200, "--mb", 3,
                         "--python-ms", 2, repeat=args.repeat)
            per_op = mixed_one["seconds"] * 1000 / 200
            python_ms = mixed_one["python_ms"]
            sim = simulate(args.gilscope, scenario(
                [{"name": "mix", "count": 4, "ops": 50,
                  "steps": [{"python": python_ms}, {"native": max(0.0, per_op - python_ms)}]}]))
            row("3.12: 4 threads alternating 2 ms Python and hashlib, speed-up",
                mixed_one["seconds"] / mixed["seconds"], sim["speedup"], "×")
        for call in ([False, True] if label == "3.12" else [False]):
            extra = ["--call"] if call else []
            lone = real(python, "lock_counter.py", "--threads", 1, *extra, repeat=args.repeat)
            four = real(python, "lock_counter.py", "--threads", 4, *extra, repeat=args.repeat)
            inc = lone["increment_us"] / 1000  # ms
            hold = {"python": inc / 2}
            if not call:
                hold["checks"] = False  # no call, no loop inside the lock
            sim = simulate(args.gilscope, scenario(
                [{"name": "count", "count": 4, "ops": 50000,
                  "steps": [{"lock": "counter", "hold": [hold]}, {"python": inc / 2}]}],
                interpreter))
            row("%s: 4 threads, counter under a Lock%s, speed-up" %
                (label, " (a call inside)" if call else ""),
                lone["seconds"] / four["seconds"], sim["speedup"], "×")
        if label != "3.12":
            continue
        q = real(python, "queue_pipeline.py", repeat=args.repeat)
        sim = simulate(args.gilscope, scenario(
            [{"name": "producer", "ops": 5000, "steps": [{"python": 0.27}, {"put": "jobs"}]},
             {"name": "consumer", "count": 3, "until": "others",
              "steps": [{"get": "jobs"}, {"python": 0.05}]}], queues={"jobs": {}}))
        row("3.12: producer → queue → 3 consumers, items/s", q["items_per_s"],
            sim["queues"][0]["items_per_s"])
        row("3.12: the same, item wait in the queue p50", q["wait_ms_p50"],
            sim["queues"][0]["wait_ms_p50"], " ms")
        for mode in ("inline", "to_thread", "none"):
            a = real(python, "asyncio_burst.py", "--mode", mode, repeat=args.repeat)
            burst = {"inline": [{"sleep": 5}, {"python": 50}],
                     "to_thread": [{"sleep": 5}, {"to_thread": [{"python": 50}]}],
                     "none": [{"sleep": 5}]}[mode]
            sim = simulate(args.gilscope, scenario(
                [{"name": "sleeper", "kind": "io", "count": 200, "ops": 20,
                  "steps": [{"python": 0.01}, {"sleep": 1}]},
                 {"name": "burst", "steps": burst}], executor="asyncio"))
            row("3.12: asyncio, 200 × 20 sleep(1 ms), 50 ms burst %s: largest lateness" % mode,
                a["max_lateness_ms"], sim["io"]["max_stall_ms"], " ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
