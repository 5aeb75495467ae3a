#!/usr/bin/env python3
"""Real CPython against GIL Scope's simulation, on the calibration workloads.

    python3 compare.py --gilscope PATH/TO/gilscope [--python PATH]... [--repeat N] [--json OUT]
                       [--machine NAME]

For every interpreter given (default: every ~/.pyenv/versions/*/bin/python and python3 on PATH):
  * countdown with 1, 2 and 4 threads, same total work, without the recorder: time against one
    thread (median of --repeat runs); and the simulated ratio (gil or legacy-gil, 2 cores, the
    measured one-thread time as the work);
  * the echo convoy with one CPU thread at switch intervals 5 ms and 0.5 ms: the response time the
    peer measures without the recorder, the I/O latency in a recorded trace, and the simulated
    I/O latency of one io worker (0.02 ms of Python, 0.15 ms blocking) beside one CPU worker;
  * the recorder's cost: its tight-loop slowdown and how much longer a recorded countdown runs;
  * a recorded two-thread countdown's median hold and switches per second, and the simulated ones.
Prints a Markdown table. Keep the machine otherwise idle: other busy processes stretch hand-offs.
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(HERE, "gilscope_record.py")
WORKLOADS = os.path.join(HERE, "workloads")


def run_json(cmd, whole=False):
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True).stdout
    return json.loads(out if whole else out.strip().splitlines()[-1])


def version_of(python):
    out = subprocess.run([python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
                         stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    return tuple(int(x) for x in out.split("."))


def simulate(gilscope, scenario, machine=None):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(scenario, f)
    try:
        return run_json([gilscope, "--scenario", f.name, "--metrics", "-"] +
                        (["--machine", machine] if machine else []), whole=True)
    finally:
        os.unlink(f.name)


def trace_io_latency(path, pid=1):
    """Median I/O latency of one process in a recorded trace, as GIL Scope's metrics define it:
    from an io-end mark until the thread next starts running."""
    with open(path) as f:
        events = json.load(f)["traceEvents"]
    segments, ends = {}, {}
    for e in events:
        if e.get("pid") != pid:
            continue
        if e["ph"] == "X":
            segments.setdefault(e["tid"], []).append((e["ts"], e["ts"] + e["dur"], e["name"]))
        elif e["ph"] == "i" and e["name"] == "io-end":
            ends.setdefault(e["tid"], []).append(e["ts"])
    latencies = []
    for tid, times in ends.items():
        runs = sorted(s for s in segments.get(tid, []) if s[2] == "running")
        for t in times:
            after = [s[0] for s in runs if s[0] > t or (s[0] == t)]
            if after:
                latencies.append((after[0] - t) / 1000.0)
    return statistics.median(latencies) if latencies else float("nan")


def trace_meta(path):
    with open(path) as f:
        return json.load(f)["otherData"]


def countdown_rounds(python, total, repeat):
    """Rounds of 1, 2 and 4 threads back to back; per round the ratio to the one-thread time, so
    that a slow patch of a shared machine hits both sides of a ratio. Medians over the rounds.
    Also the workers' voluntary context switches per second (sleeps on the GIL) with 2 threads."""
    ratios = {2: [], 4: []}
    ones, sleeps = [], []
    for _ in range(repeat):
        runs = {n: run_json([python, os.path.join(WORKLOADS, "countdown.py"), "--threads", str(n),
                             "--total", str(total)]) for n in (1, 2, 4)}
        ones.append(runs[1]["seconds"])
        for n in (2, 4):
            ratios[n].append(runs[n]["seconds"] / runs[1]["seconds"])
        sleeps.append(runs[2].get("voluntary_switches", 0) / runs[2]["seconds"])
    return (statistics.median(ones), {n: statistics.median(v) for n, v in ratios.items()},
            statistics.median(sleeps))


def trace_holds(path, pid=1):
    """Median running stretch and switches per second among the rows of one process."""
    with open(path) as f:
        data = json.load(f)
    stretches = sorted((e["ts"], e["dur"], e["tid"]) for e in data["traceEvents"]
                       if e.get("pid") == pid and e["ph"] == "X" and e["name"] == "running")
    switches = sum(1 for a, b in zip(stretches, stretches[1:]) if a[2] != b[2])
    seconds = data["otherData"]["end_ns"] / 1e9
    return statistics.median(s[1] / 1000.0 for s in stretches), switches / seconds


def measure(python, gilscope, repeat, total, machine=None):
    version = version_of(python)
    new_gil = version[0] == 3
    interpreter = "gil" if new_gil else "legacy-gil"
    row = {"python": ".".join(map(str, version)), "load_before": os.getloadavg()[0]}
    one, ratios, sleeps = countdown_rounds(python, total, repeat)
    row["countdown_1_s"] = one
    for n in (2, 4):
        row["countdown_%d_real" % n] = ratios[n]
        workers = [{"kind": "cpu", "count": n, "cpu_ms": one * 1000 / n}]
        sim = simulate(gilscope, {"name": "countdown", "interpreter": interpreter, "cores": 2,
                                  "workers": workers})
        row["countdown_%d_sim" % n] = sim["makespan_ms"] / sim["sequential_ms"]
        if machine:
            cal = simulate(gilscope, {"name": "countdown", "interpreter": interpreter, "cores": 2,
                                      "workers": workers}, machine)
            row["countdown_%d_cal" % n] = cal["makespan_ms"] / cal["sequential_ms"]
        if n == 2:
            row["sleeps_real"] = sleeps
            row["hold_sim"] = sim["gil"]["hold_ms_p50"]
            row["switches_sim"] = sim["gil"]["switches_per_s"]
            row["failed_sim"] = sim["gil"]["failed_acquires_per_s"]
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "cd2.json")
        run_json([python, RECORDER, "--quiet", "--out", trace] +
                 (["--switch-interval", "5"] if new_gil else []) +
                 ["--", os.path.join(WORKLOADS, "countdown.py"), "--threads", "2",
                  "--total", str(total // 5)])
        row["hold_recorded"], row["switches_recorded"] = trace_holds(trace)
        # The recorder's cost on the same countdown, one thread.
        trace = os.path.join(tmp, "cd.json")
        recorded = run_json([python, RECORDER, "--quiet", "--out", trace, "--",
                             os.path.join(WORKLOADS, "countdown.py"), "--threads", "1",
                             "--total", str(total // 4)])
        row["record_slowdown_countdown"] = recorded["seconds"] / (one / 4)
        row["record_slowdown_tight_loop"] = trace_meta(trace)["recorder_slowdown"]
        row["hook"] = trace_meta(trace)["hook"]
        for interval in ((5.0, 0.5) if new_gil else (None,)):
            key = "%g" % interval if interval else "legacy"
            extra = ["--switch-interval", str(interval)] if interval else []
            responses, rates, recorded = [], [], []
            for _ in range(repeat):
                real = run_json([python, os.path.join(WORKLOADS, "echo_convoy.py"),
                                 "--seconds", "1"] + extra)
                responses.append(real["response_ms_p50"])
                rates.append(real["requests_per_s"])
                trace = os.path.join(tmp, "echo.json")
                run_json([python, RECORDER, "--quiet", "--out", trace] + extra +
                         ["--", os.path.join(WORKLOADS, "echo_convoy.py"), "--seconds", "0.5"])
                recorded.append(trace_io_latency(trace))
            row["convoy_%s_response" % key] = statistics.median(responses)
            row["convoy_%s_rps" % key] = statistics.median(rates)
            row["convoy_%s_recorded" % key] = statistics.median(recorded)
            scenario = {"name": "echo convoy", "interpreter": interpreter, "cores": 2,
                        "workers": [{"kind": "cpu", "count": 1, "cpu_ms": 2000},
                                    {"kind": "io", "count": 1, "ops": 200, "cpu_ms": 0.02,
                                     "io_ms": 0.15}]}
            if interval:
                scenario["params"] = {"switch_interval_ms": interval}
            sim = simulate(gilscope, scenario)
            row["convoy_%s_sim" % key] = sim["io"]["latency_ms_p50"]
            if machine:
                row["convoy_%s_cal" % key] = simulate(gilscope, scenario, machine)["io"]["latency_ms_p50"]
    row["load_after"] = os.getloadavg()[0]
    return row


def table(rows):
    lines = ["| Python | recorder: hook, slowdown tight loop / countdown "
             "| countdown 2 threads vs 1: real / sim | 4 threads vs 1: real / sim "
             "| 2 threads, recorded: hold p50 ms, switches/s "
             "| sim: hold p50 ms, switches/s, failed/s "
             "| real GIL sleeps/s (unrecorded) |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %s, %.1fx / %.1fx | %.2fx / %.2fx | %.2fx / %.2fx | %.3g, %.0f "
                     "| %.3g, %.0f, %.0f | %.0f |" % (
                         r["python"], r["hook"], r["record_slowdown_tight_loop"],
                         r["record_slowdown_countdown"], r["countdown_2_real"],
                         r["countdown_2_sim"],
                         r["countdown_4_real"], r["countdown_4_sim"], r["hold_recorded"],
                         r["switches_recorded"], r["hold_sim"], r["switches_sim"], r["failed_sim"],
                         r["sleeps_real"]))
    lines += ["", "| Python | echo convoy, 5 ms: real response / recorded I/O latency / sim (ms) "
                  "| 0.5 ms: real / recorded / sim (ms) | requests/s real at 5 ms / 0.5 ms |",
              "|---|---|---|---|"]
    for r in rows:
        def convoy(key):
            if "convoy_%s_sim" % key not in r:
                return "—"
            return "%.3g / %.3g / %.3g" % (r["convoy_%s_response" % key],
                                           r["convoy_%s_recorded" % key],
                                           r["convoy_%s_sim" % key])
        if "convoy_5_sim" in r:
            lines.append("| %s | %s | %s | %.0f / %.0f |" % (
                r["python"], convoy("5"), convoy("0.5"), r["convoy_5_rps"], r["convoy_0.5_rps"]))
        else:
            lines.append("| %s | old GIL (no interval): %s | — | %.0f |" % (
                r["python"], convoy("legacy"), r["convoy_legacy_rps"]))
    return "\n".join(lines)


def summary(rows):
    """One row per Python: real against simulated with default costs and with the machine's."""
    def triple(r, key):
        if key + "_sim" not in r:
            return "—"
        real = r.get(key + "_real", r.get(key + "_response"))
        return "%.2f / %.2f / %.2f" % (real, r[key + "_sim"], r[key + "_cal"])
    lines = ["| Python | 2 threads ÷ 1 | 4 threads ÷ 1 | convoy at 5 ms (ms) | at 0.5 ms (ms) "
             "| recorder slowdown, tight loop |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| %s | %s | %s | %s | %s | %.1fx (%s) |" % (
            r["python"], triple(r, "countdown_2"), triple(r, "countdown_4"),
            triple(r, "convoy_5"), triple(r, "convoy_0.5"), r["record_slowdown_tight_loop"],
            r["hook"]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gilscope", required=True)
    parser.add_argument("--python", action="append")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--total", type=int, default=20000000, help="countdown size")
    parser.add_argument("--json", help="also write the raw figures here")
    parser.add_argument("--machine", help="also simulate with this machine profile "
                                          "(gilscope calibrate): the calibrated column")
    args = parser.parse_args()
    pythons = args.python
    if not pythons:
        # pyenv's versions and python3 on PATH, one per version.
        found = glob.glob(os.path.expanduser("~/.pyenv/versions/*/bin/python"))
        if shutil.which("python3"):
            found.append(shutil.which("python3"))
        by_version = {}
        for python in found:
            by_version.setdefault(version_of(python), python)
        pythons = [by_version[v] for v in sorted(by_version)]
    rows = []
    for python in pythons:
        sys.stderr.write("measuring %s\n" % python)
        rows.append(measure(python, args.gilscope, args.repeat, args.total, args.machine))
        sys.stderr.write(json.dumps(rows[-1]) + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    print(table(rows))
    if args.machine:
        print()
        print(summary(rows))


if __name__ == "__main__":
    main()
