#!/usr/bin/env python3
"""Side-by-side benchmark: InfraLab's traffic generator against wrk, both loading the same nginx.

Method (shared/reference/performance.md): nginx (1 worker, static 1 KiB file, access_log off,
the webserver_vs_nginx.py configuration) pinned to CPU 1; the load generator pinned to CPU 0
with one thread: `wrk -t1 -cN -dSs --latency`, or `infralab run --threads 1` of a topology
holding only a traffic-generator node (closed model, N connections, duration_s S) whose
`targets` names the nginx port. Runs alternate for ROUNDS rounds in rotating order, each
bounded by `timeout`. For every run we record req/s, p50/p90/p99, the generator's CPU and
nginx's CPU (utime + stime from /proc/PID/stat); the report gives the median of the paired
req/s ratios (ours / wrk, min-max), both tools' CPU microseconds per request, nginx's CPU per
request under each, and the paired percentile ratios. Two loads by default: 50 connections
(the maximum rate: nginx's core saturates) and 4 connections (moderate load, where latency is
the round trip, not a queue).

Usage: tests/bench/generator_vs_wrk.py [--infralab build/release/app/infralab]
           [--rounds 5] [--seconds 5] [--connections 50,4]
Everything listens on 127.0.0.1 only; every process started is stopped by its PID.
"""
import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webserver_vs_nginx import cpu_seconds, free_port, stop_all, wait_port  # noqa: E402

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else float("nan")


def machine_busy():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd, env, nginx_pid, parse):
    """Runs one load generator to the end; returns its numbers plus CPU figures. The
    generator's CPU is what its process tree used once waited for (taskset execs, timeout
    forks the tool and waits for it, we wait for timeout)."""
    busy0, total0 = machine_busy()
    n0 = cpu_seconds(nginx_pid)
    c0 = children_cpu()
    start = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        stop_all([proc])
    wall = time.time() - start
    gen_cpu = children_cpu() - c0
    nginx_cpu = cpu_seconds(nginx_pid) - n0
    busy1, total1 = machine_busy()
    result = parse(out, err)
    result["gen_cpu_us_per_req"] = gen_cpu * 1e6 / max(result["requests"], 1)
    result["nginx_cpu_us_per_req"] = nginx_cpu * 1e6 / max(result["requests"], 1)
    result["machine_cores"] = (busy1 - busy0) / max(total1 - total0, 1) * os.cpu_count()
    result["wall"] = wall
    return result


def parse_wrk(out, err):
    total = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not total or not rps:
        raise RuntimeError("wrk failed:\n" + out + err)
    lat = {p: to_ms(m.group(1)) for p in ("50", "90", "99")
           if (m := re.search(rf"^\s+{p}%\s+([\d.]+\w+)", out, re.M))}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"requests": int(total.group(1)), "rps": float(rps.group(1)),
            "p50": lat.get("50"), "p90": lat.get("90"), "p99": lat.get("99"),
            "errors": (int(errors.group(1)) if errors else 0)
            + (sum(int(x) for x in socket.groups()) if socket else 0)}


def parse_ours(out, err):
    total = re.search(r"(\d+) requests in ([\d.]+)s", out)
    rps = re.search(r"Requests/sec: ([\d.]+)", out)
    row = re.search(r"Latency +min.*\n +(.+)\n", out)
    errors = re.search(r"Errors: connect (\d+), timeout (\d+), reset (\d+), protocol (\d+), "
                       r"4xx (\d+), 5xx (\d+)", out)
    if not total or not rps or not row or not errors:
        raise RuntimeError("infralab run failed:\n" + out + err)
    cells = [to_ms(x) for x in row.group(1).split()]  # min avg p50 p90 p99 p99.9 max stdev
    return {"requests": int(total.group(1)), "rps": float(rps.group(1)),
            "p50": cells[2], "p90": cells[3], "p99": cells[4],
            "errors": sum(int(x) for x in errors.groups())}


def summarise(label, results, key, fmt="{:.2f}"):
    xs = [r[key] for r in results]
    return f"{label} {fmt.format(statistics.median(xs))} (min {fmt.format(min(xs))}, max {fmt.format(max(xs))})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--infralab", default="build/release/app/infralab")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", default="50,4")
    args = ap.parse_args()
    for tool in ("nginx", "wrk", "taskset"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"{tool} is missing: apt-get install nginx-light wrk util-linux")
    if not os.access(args.infralab, os.X_OK):
        sys.exit(f"{args.infralab} is not built (cmake --preset release && cmake --build --preset release)")

    work = tempfile.mkdtemp(prefix="infralab-bench-gen-")
    www = os.path.join(work, "www")
    os.makedirs(www)
    with open(os.path.join(www, "f1024.bin"), "wb") as f:
        f.write(os.urandom(1024))
    port = free_port()
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 1;
master_process off;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    keepalive_requests 1000000;
    sendfile on; tcp_nopush on;
    server {{ listen 127.0.0.1:{port}; root {www}; location / {{ }} }}
}}
""")
    url = f"http://127.0.0.1:{port}/f1024.bin"
    env = dict(os.environ, QT_NO_GLIB="1")
    procs = []
    try:
        nginx = subprocess.Popen(["taskset", "-c", "1", "nginx", "-c", conf, "-p", work],
                                 stderr=subprocess.DEVNULL)
        procs.append(nginx)
        if not wait_port(port):
            sys.exit("nginx did not start")
        print(f"# {args.rounds} rounds x {args.seconds} s; generator on CPU 0 (one thread), "
              f"nginx (1 worker, static 1 KiB) on CPU 1; {args.infralab}")
        for connections in [int(c) for c in args.connections.split(",")]:
            topology = os.path.join(work, f"load{connections}.infralab.json")
            with open(topology, "w") as f:
                json.dump({"format": "infralab-topology", "version": 1, "name": "bench",
                           "nodes": [{"id": "load", "kind": "traffic-generator", "config": {
                               "connections": connections, "duration_s": args.seconds,
                               "targets": [f"http://127.0.0.1:{port}"],
                               "requests": [{"method": "GET", "path": "/f1024.bin",
                                             "weight": 1}]}}],
                           "links": []}, f)
            commands = {
                "wrk": ["taskset", "-c", "0", "timeout", str(args.seconds + 10), "wrk", "-t1",
                        f"-c{connections}", f"-d{args.seconds}s", "--latency", url],
                "infralab": ["taskset", "-c", "0", "timeout", str(args.seconds + 20),
                             args.infralab, "run", topology, "--threads", "1",
                             "--duration", str(args.seconds + 0.3)],
            }
            parsers = {"wrk": parse_wrk, "infralab": parse_ours}
            results = {"wrk": [], "infralab": []}
            for r in range(args.rounds):
                order = ["wrk", "infralab"] if r % 2 == 0 else ["infralab", "wrk"]
                for name in order:
                    time.sleep(0.5)
                    results[name].append(measure(commands[name], env, nginx.pid, parsers[name]))
            print(f"\n## {connections} connections")
            for name in ("wrk", "infralab"):
                xs = results[name]
                med = lambda k: statistics.median(x[k] for x in xs)  # noqa: E731
                print(f"{name:9s} {med('rps'):9.0f} req/s  p50 {med('p50'):.3f} ms  "
                      f"p90 {med('p90'):.3f} ms  p99 {med('p99'):.3f} ms  "
                      f"own CPU {med('gen_cpu_us_per_req'):.2f} us/req  "
                      f"nginx CPU {med('nginx_cpu_us_per_req'):.2f} us/req  "
                      f"errors {sum(x['errors'] for x in xs)}  "
                      f"machine busy cores {max(x['machine_cores'] for x in xs):.2f} (max)")
            pairs = list(zip(results["infralab"], results["wrk"]))
            for key, label in (("rps", "req/s"), ("p50", "p50"), ("p90", "p90"), ("p99", "p99"),
                               ("gen_cpu_us_per_req", "generator CPU per request")):
                ratios = [o[key] / w[key] for o, w in pairs if w[key]]
                print(f"ratio infralab/wrk {label}: median {statistics.median(ratios):.2f} "
                      f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
    finally:
        stop_all(procs)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
