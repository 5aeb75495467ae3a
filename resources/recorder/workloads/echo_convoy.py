#!/usr/bin/env python3
"""Calibration workload: the convoy effect on a 1-byte echo server.

    python echo_convoy.py [--cpu-threads N] [--seconds S] [--peer process|thread]
                          [--delay-us D] [--switch-interval MS]

An I/O thread ("io") echoes 1-byte requests arriving on a socketpair with blocking recv/send,
while N CPU-bound threads count down. A peer (a forked process by default, as in the published
echo-server measurements; or a thread) sends a request, waits for the echo, waits D microseconds
(the network's and the client's share of a round trip; default 100) and sends the next, for S
seconds. Each blocking recv of the I/O thread lets a CPU thread take the GIL; when the request
arrives the I/O thread must take it back: about one switch interval on the 3.2+ GIL.

Prints one JSON line measured by the peer: requests per second and the response time (request
sent to echo received) percentiles. Python 2.7 and 3.x on a POSIX system, standard library only.
"""
from __future__ import print_function

import argparse
import json
import os
import platform
import socket
import sys
import threading
import time

clock = getattr(time, "perf_counter", time.time)


def burn(stop):
    while not stop[0]:
        n = 10000
        while n > 0:
            n -= 1


def serve(sock):
    while True:
        data = sock.recv(1)
        if not data or data == b"q":
            return
        sock.send(data)


def client(sock, seconds, delay):
    times = []
    end = clock() + seconds
    while clock() < end:
        t = clock()
        sock.send(b"x")
        if sock.recv(1) != b"x":
            break
        times.append(clock() - t)
        if delay > 0:
            time.sleep(delay)
    sock.send(b"q")
    return times


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(-(-p * len(values) // 100)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpu-threads", type=int, default=1, help="CPU-bound threads (0+)")
    parser.add_argument("--seconds", type=float, default=1.0, help="how long the peer sends")
    parser.add_argument("--peer", choices=("process", "thread"), default="process")
    parser.add_argument("--delay-us", type=float, default=100.0,
                        help="peer's pause between an echo and the next request")
    parser.add_argument("--switch-interval", type=float, help="sys.setswitchinterval, in ms")
    args = parser.parse_args()
    if args.switch_interval and hasattr(sys, "setswitchinterval"):
        sys.setswitchinterval(args.switch_interval / 1000.0)
    server_end, peer_end = socket.socketpair()
    delay = args.delay_us / 1e6
    times = []
    if args.peer == "process":
        report_r, report_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            server_end.close()
            os.close(report_r)
            result = client(peer_end, args.seconds, delay)
            os.write(report_w, json.dumps(result).encode())
            os.close(report_w)
            os._exit(0)
        peer_end.close()
        os.close(report_w)
        peer = None
    else:
        peer = threading.Thread(target=lambda: times.extend(client(peer_end, args.seconds, delay)),
                                name="peer")
    stop = [False]
    io = threading.Thread(target=serve, args=(server_end,), name="io")
    cpus = [threading.Thread(target=burn, args=(stop,), name="cpu-%d" % (i + 1))
            for i in range(args.cpu_threads)]
    for t in cpus + [io] + ([peer] if peer else []):
        t.start()
    io.join()
    stop[0] = True
    for t in cpus + ([peer] if peer else []):
        t.join()
    if peer is None:
        chunks = []
        while True:
            chunk = os.read(report_r, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(report_r)
        os.waitpid(pid, 0)
        times = json.loads(b"".join(chunks).decode())
    result = {"workload": "echo_convoy", "python": platform.python_version(),
              "cpu_threads": args.cpu_threads, "peer": args.peer, "delay_us": args.delay_us,
              "requests": len(times), "requests_per_s": round(len(times) / args.seconds, 1),
              "response_ms_p50": round(percentile(times, 50) * 1e3, 4),
              "response_ms_p90": round(percentile(times, 90) * 1e3, 4)}
    if hasattr(sys, "getswitchinterval"):
        result["switch_interval_ms"] = sys.getswitchinterval() * 1000.0
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
