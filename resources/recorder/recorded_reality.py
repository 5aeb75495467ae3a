#!/usr/bin/env python3
"""Real against simulated from a recording: runs the workloads under resources/recorder/workloads/
with real Pythons, records the same runs with gilscope_record.py (the instrumenting recorder),
turns each recording into its equivalent scenario (gilscope --load-trace --as-scenario) and
simulates that.

    python3 recorded_reality.py --gilscope build/app/gilscope --python PY312 [--python27 PY27]
                                [--repeat 3]

Real figures are medians of REPEAT unrecorded runs. A speed-up from recordings is the simulated
worker phase (first worker start to last worker end) of the 1-thread recording's scenario over
that of the N-thread one's; nothing is fitted. Prints a Markdown table: workload, real, from a
recording, difference.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "workloads")
RECORDER = os.path.join(HERE, "gilscope_record.py")


def real(python, script, args, repeat):
    runs = []
    for _ in range(repeat):
        out = subprocess.run([python, os.path.join(WORKLOADS, script)] + args, check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    keys = [k for k, v in runs[0].items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def recorded_scenario(gilscope, python, script, args, tmp):
    trace = os.path.join(tmp, "trace.json")
    scenario = os.path.join(tmp, "scenario.json")
    subprocess.run([python, RECORDER, "--quiet", "--out", trace, "--",
                    os.path.join(WORKLOADS, script)] + args, check=True, capture_output=True)
    subprocess.run([gilscope, "--load-trace", trace, "--as-scenario", scenario], check=True,
                   capture_output=True)
    with open(scenario) as f:
        return json.load(f)


def simulate(gilscope, scenario, tmp):
    path = os.path.join(tmp, "sim.json")
    rows = os.path.join(tmp, "sim.csv")
    with open(path, "w") as f:
        json.dump(scenario, f)
    metrics = json.loads(subprocess.run([gilscope, "--scenario", path, "--metrics", "-", "--csv",
                                         rows], check=True, capture_output=True,
                                        text=True).stdout)
    start, end = None, None
    with open(rows) as f:
        for row in csv.DictReader(f):
            if row["thread"].startswith("MainThread") or row["state"] in ("absent", "done"):
                continue
            s, e = int(row["start_ns"]), int(row["end_ns"])
            start = s if start is None else min(start, s)
            end = e if end is None else max(end, e)
    metrics["worker_phase_ms"] = (end - start) / 1e6 if start is not None else 0.0
    return metrics


def steps_of(scenario):
    """The scenario's groups in short: name x count: steps."""
    parts = []
    for g in scenario["workers"]:
        steps = "/".join(next(iter(s)) for s in g.get("steps", [])) or g.get("kind", "cpu")
        parts.append("%s×%d %s" % (g.get("name", "?"), g.get("count", 1), steps))
    return "; ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gilscope", required=True)
    parser.add_argument("--python", required=True, help="CPython 3.12+")
    parser.add_argument("--python27")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="recorded-reality-")

    def row(name, real_value, sim_value, unit, scenario):
        diff = (sim_value - real_value) / real_value * 100 if real_value else float("nan")
        print("| %s | %.3g%s | %.3g%s | %+.0f %% | %s |"
              % (name, real_value, unit, sim_value, unit, diff, steps_of(scenario)), flush=True)

    def phase(python, script, extra):
        scenario = recorded_scenario(args.gilscope, python, script, extra, tmp)
        return simulate(args.gilscope, scenario, tmp)["worker_phase_ms"], scenario

    print("| workload | real | from a recording | difference | equivalent scenario |\n"
          "|---|---|---|---|---|")
    pythons = [("3.12", args.python)] + ([("2.7", args.python27)] if args.python27 else [])
    for label, python in pythons:
        one_real = real(python, "hashlib_threads.py", ["--threads", "1"], args.repeat)
        one_sim, _ = phase(python, "hashlib_threads.py", ["--threads", "1"])
        for n in (2, 4):
            r = real(python, "hashlib_threads.py", ["--threads", str(n)], args.repeat)
            sim, scenario = phase(python, "hashlib_threads.py", ["--threads", str(n)])
            row("%s: hashlib 16 MB, %d threads, speed-up" % (label, n),
                one_real["seconds"] / r["seconds"], one_sim / sim, "×", scenario)
        if label == "3.12":
            mixed = ["--hashes", "200", "--mb", "3", "--python-ms", "2"]
            one_real = real(python, "hashlib_threads.py", ["--threads", "1"] + mixed, args.repeat)
            four_real = real(python, "hashlib_threads.py", ["--threads", "4"] + mixed, args.repeat)
            one_sim, _ = phase(python, "hashlib_threads.py", ["--threads", "1"] + mixed)
            four_sim, scenario = phase(python, "hashlib_threads.py", ["--threads", "4"] + mixed)
            row("3.12: 4 threads alternating 2 ms Python and hashlib, speed-up",
                one_real["seconds"] / four_real["seconds"], one_sim / four_sim, "×", scenario)
        one_real = real(python, "lock_counter.py", ["--threads", "1"], args.repeat)
        four_real = real(python, "lock_counter.py", ["--threads", "4"], args.repeat)
        one_sim, _ = phase(python, "lock_counter.py", ["--threads", "1"])
        four_sim, scenario = phase(python, "lock_counter.py", ["--threads", "4"])
        row("%s: 4 threads, counter under a Lock, speed-up" % label,
            one_real["seconds"] / four_real["seconds"], one_sim / four_sim, "×", scenario)
        if label != "3.12":
            continue
        q = real(python, "queue_pipeline.py", [], args.repeat)
        scenario = recorded_scenario(args.gilscope, python, "queue_pipeline.py", [], tmp)
        m = simulate(args.gilscope, scenario, tmp)
        rate = m["queues"][0]["items_per_s"] if m["queues"] else 0.0
        row("3.12: producer → queue → 3 consumers, items/s", q["items_per_s"], rate, "",
            scenario)
        for mode in ("inline", "to_thread"):
            a = real(python, "asyncio_burst.py", ["--mode", mode], args.repeat)
            scenario = recorded_scenario(args.gilscope, python, "asyncio_burst.py",
                                         ["--mode", mode], tmp)
            m = simulate(args.gilscope, scenario, tmp)
            row("3.12: asyncio, 50 ms burst %s, largest lateness" % mode, a["max_lateness_ms"],
                m["io"]["max_stall_ms"], " ms", scenario)
    return 0


if __name__ == "__main__":
    sys.exit(main())
