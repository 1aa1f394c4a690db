#!/usr/bin/env python3
"""Side-by-side benchmark: InfraLab's web-server node against nginx serving the same files.

Method (shared/reference/performance.md): both servers pinned to CPU 1 with one network
thread / one worker, wrk pinned to CPU 0 (`wrk -t1 -c50`), runs alternate for ROUNDS rounds
in rotating order, each bounded by `timeout`. For every run we record req/s and the server's
CPU time (utime + stime from /proc/PID/stat); the report gives the median of the paired
req/s ratios (min-max) and the server CPU microseconds per request. nginx: 1 worker,
access_log off, sendfile on, static file (no open_file_cache), the configuration the
baseline in performance.md uses.

Also measures the memory of 10,000 idle keep-alive connections to the InfraLab server.

With --baseline OTHER_BINARY a second InfraLab build (e.g. one from before a change) serves the
same files on CPU 1 too, in the same rotation, and the report adds the paired ratios of this
build against it: how the metrics recording costs was measured (issue 6, must lose < 3%).

Usage: tests/bench/webserver_vs_nginx.py [--infralab build/release/app/infralab]
           [--rounds 5] [--seconds 5] [--sizes 1024,65536,1048576] [--skip-memory]
Everything listens on 127.0.0.1 only; every process started is stopped by its PID.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def wait_port(port, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def stop_all(procs):
    """SIGTERM every process we started (by its PID), then wait; kill what does not exit."""
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()


def run_wrk(url, seconds, pid):
    before = cpu_seconds(pid)
    start = time.time()
    out = subprocess.run(["taskset", "-c", "0", "timeout", str(seconds + 10), "wrk", "-t1", "-c50",
                          f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=False).stdout
    wall = time.time() - start
    cpu = cpu_seconds(pid) - before
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    if not m or not total:
        raise RuntimeError("wrk failed:\n" + out)
    requests = int(total.group(1))
    return {"rps": float(m.group(1)), "cpu_us_per_req": cpu * 1e6 / max(requests, 1),
            "server_cores": cpu / wall, "errors": int(errors.group(1)) if errors else 0,
            "p50": p50.group(1) if p50 else "?", "p99": p99.group(1) if p99 else "?"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--infralab", default="build/release/app/infralab")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--sizes", default="1024,65536,1048576")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--baseline", help="another infralab binary to compare side by side")
    args = ap.parse_args()
    for tool in ("nginx", "wrk", "taskset"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"{tool} is missing: apt-get install nginx-light wrk util-linux")
    if not os.access(args.infralab, os.X_OK):
        sys.exit(f"{args.infralab} is not built (cmake --preset release && cmake --build --preset release)")

    work = tempfile.mkdtemp(prefix="infralab-bench-")
    www = os.path.join(work, "www")
    os.makedirs(www)
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        with open(os.path.join(www, f"f{size}.bin"), "wb") as f:
            f.write(os.urandom(size))

    nginx_port, ours_port, base_port = free_port(), free_port(), free_port()
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        # master_process off: one process does the serving, so its CPU time is what we read.
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
    server {{ listen 127.0.0.1:{nginx_port}; root {www}; location / {{ }} }}
}}
""")
    topology = os.path.join(work, "bench.infralab.json")
    with open(topology, "w") as f:
        json.dump({"format": "infralab-topology", "version": 1, "name": "bench",
                   "nodes": [{"id": "web", "kind": "web-server",
                              "config": {"port": ours_port, "root": www, "gzip": False}}],
                   "links": []}, f)

    procs = []
    try:
        nginx = subprocess.Popen(["taskset", "-c", "1", "nginx", "-c", conf, "-p", work],
                                 stderr=subprocess.DEVNULL)
        procs.append(nginx)
        env = dict(os.environ, QT_NO_GLIB="1")
        ours = subprocess.Popen(["taskset", "-c", "1", args.infralab, "run", topology,
                                 "--threads", "1"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        procs.append(ours)
        if not wait_port(nginx_port) or not wait_port(ours_port):
            sys.exit("a server did not start")
        servers = {"nginx": (nginx.pid, nginx_port), "infralab": (ours.pid, ours_port)}
        if args.baseline:
            base_topology = os.path.join(work, "baseline.infralab.json")
            with open(topology) as f:
                base = json.load(f)
            base["nodes"][0]["config"]["port"] = base_port
            with open(base_topology, "w") as f:
                json.dump(base, f)
            baseline = subprocess.Popen(["taskset", "-c", "1", args.baseline, "run", base_topology,
                                         "--threads", "1"], env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
            procs.append(baseline)
            if not wait_port(base_port):
                sys.exit("the baseline server did not start")
            servers["baseline"] = (baseline.pid, base_port)

        print(f"# {args.rounds} rounds x {args.seconds} s, wrk -t1 -c50 on CPU 0, servers on CPU 1")
        for size in sizes:
            names = list(servers)
            results = {name: [] for name in names}
            for r in range(args.rounds):
                order = names[r % len(names):] + names[:r % len(names)]
                if r % 2:
                    order.reverse()
                for name in order:
                    pid, port = servers[name]
                    time.sleep(0.5)
                    results[name].append(run_wrk(f"http://127.0.0.1:{port}/f{size}.bin",
                                                 args.seconds, pid))
            ratios = [o["rps"] / n["rps"] for o, n in zip(results["infralab"], results["nginx"])]
            cpu_ratios = [o["cpu_us_per_req"] / n["cpu_us_per_req"]
                          for o, n in zip(results["infralab"], results["nginx"])]
            med = lambda xs, k: statistics.median(x[k] for x in xs)
            print(f"\n## {size} byte file")
            for name in ("nginx", "infralab"):
                xs = results[name]
                print(f"{name:9s} median {med(xs, 'rps'):10.0f} req/s  "
                      f"{med(xs, 'cpu_us_per_req'):6.2f} us CPU/req  "
                      f"p50 {xs[len(xs) // 2]['p50']} p99 {xs[len(xs) // 2]['p99']}  "
                      f"errors {sum(x['errors'] for x in xs)}")
            print(f"ratio infralab/nginx req/s: median {statistics.median(ratios):.2f} "
                  f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
            print(f"ratio infralab/nginx CPU per request: median {statistics.median(cpu_ratios):.2f} "
                  f"(lower is better)")
            if "baseline" in results:
                xs = results["baseline"]
                print(f"{'baseline':9s} median {med(xs, 'rps'):10.0f} req/s  "
                      f"{med(xs, 'cpu_us_per_req'):6.2f} us CPU/req")
                pairs = list(zip(results["infralab"], xs))
                rps = [o["rps"] / b["rps"] for o, b in pairs]
                cpu = [o["cpu_us_per_req"] / b["cpu_us_per_req"] for o, b in pairs]
                print(f"ratio infralab/baseline req/s: median {statistics.median(rps):.3f} "
                      f"(min {min(rps):.3f}, max {max(rps):.3f})")
                print(f"ratio infralab/baseline CPU per request: median {statistics.median(cpu):.3f} "
                      f"(min {min(cpu):.3f}, max {max(cpu):.3f})")

        if not args.skip_memory:
            soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 20000), hard))
            before = rss_kib(ours.pid)
            sockets = []
            request = b"GET /f1024.bin HTTP/1.1\r\nHost: bench\r\n\r\n"
            for _ in range(10000):
                s = socket.create_connection(("127.0.0.1", ours_port))
                s.sendall(request)
                sockets.append(s)
            for s in sockets:
                s.recv(65536)
            time.sleep(1)
            after = rss_kib(ours.pid)
            print(f"\n## memory: 10,000 idle keep-alive connections (after one request each)")
            print(f"RSS before {before / 1024:.1f} MiB, after {after / 1024:.1f} MiB, "
                  f"cost {(after - before) / 1024:.1f} MiB ({(after - before) * 1024 / 10000:.0f} bytes each)")
            for s in sockets:
                s.close()
    finally:
        stop_all(procs)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
