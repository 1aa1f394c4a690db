#!/usr/bin/env python3
"""Side-by-side benchmark: InfraLab's reverse proxy -> InfraLab web server against nginx
proxy_pass -> nginx, the same 1 KiB file at the end of both chains.

Method (shared/reference/performance.md): everything that serves is pinned to CPU 1, wrk to
CPU 0 (`wrk -t1 -c50`); runs alternate for ROUNDS rounds in rotating order, each bounded by
`timeout`. nginx chain: a proxy worker (proxy_http_version 1.1, `keepalive 32` upstream,
Connection "", the usual X-Forwarded-*/X-Real-IP/Via block, access_log off) in front of a
static nginx (the webserver_vs_nginx.py configuration), two processes. InfraLab chain: one
`infralab run --threads 1` process holding the reverse-proxy node (cache off) and the
web-server node it links to. Reported: the median of the paired end-to-end req/s ratios
(min-max), the CPU microseconds per request of each chain, and of the proxy hop alone: the
nginx proxy process is measured directly; ours is the chain's CPU minus that of our web
server answering wrk directly in the same process (measured in the same rounds).

With --baseline OTHER_BINARY a second InfraLab build (e.g. one from before a change) runs the
same chain in its own process on CPU 1 too, in the same rotation, and the report adds the
paired ratios of this build against it (chain req/s, chain CPU and hop CPU per request).

Usage: tests/bench/proxy_vs_nginx.py [--infralab build/release/app/infralab]
           [--rounds 5] [--seconds 5] [--size 1024] [--baseline BINARY]
Everything listens on 127.0.0.1 only; every process started is stopped by its PID.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webserver_vs_nginx import cpu_seconds, free_port, run_wrk, stop_all, wait_port  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--infralab", default="build/release/app/infralab")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--size", type=int, default=1024)
    ap.add_argument("--baseline", help="another infralab binary to compare side by side")
    args = ap.parse_args()
    for tool in ("nginx", "wrk", "taskset"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"{tool} is missing: apt-get install nginx-light wrk util-linux")
    if not os.access(args.infralab, os.X_OK):
        sys.exit(f"{args.infralab} is not built (cmake --preset release && cmake --build --preset release)")
    if args.baseline and not os.access(args.baseline, os.X_OK):
        sys.exit(f"{args.baseline} is not an executable")

    work = tempfile.mkdtemp(prefix="infralab-bench-proxy-")
    www = os.path.join(work, "www")
    os.makedirs(www)
    name = f"f{args.size}.bin"
    with open(os.path.join(www, name), "wb") as f:
        f.write(os.urandom(args.size))

    backend_port, nproxy_port = free_port(), free_port()
    # name -> (binary, proxy port, web server port)
    builds = {"infralab": (args.infralab, free_port(), free_port())}
    if args.baseline:
        builds["baseline"] = (args.baseline, free_port(), free_port())
    common = """worker_processes 1;
master_process off;
daemon off;
events {{ worker_connections 4096; }}
"""
    os.makedirs(os.path.join(work, "backend"))
    os.makedirs(os.path.join(work, "proxy"))
    with open(os.path.join(work, "backend.conf"), "w") as f:
        f.write(common.format() + f"""pid {work}/backend/nginx.pid;
error_log {work}/backend/error.log warn;
http {{
    access_log off;
    keepalive_requests 1000000;
    sendfile on; tcp_nopush on;
    server {{ listen 127.0.0.1:{backend_port}; root {www}; location / {{ }} }}
}}
""")
    with open(os.path.join(work, "proxy.conf"), "w") as f:
        f.write(common.format() + f"""pid {work}/proxy/nginx.pid;
error_log {work}/proxy/error.log warn;
http {{
    access_log off;
    keepalive_requests 1000000;
    upstream web {{ server 127.0.0.1:{backend_port}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{nproxy_port};
        location / {{
            proxy_pass http://web;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $host;
            proxy_set_header Via "1.1 nginx";
        }}
    }}
}}
""")
    def write_topology(path, proxy_port, web_port):
        with open(path, "w") as f:
            json.dump({"format": "infralab-topology", "version": 1, "name": "bench",
                       "nodes": [{"id": "proxy", "kind": "reverse-proxy",
                                  "config": {"port": proxy_port, "cache": False}},
                                 {"id": "web", "kind": "web-server",
                                  "config": {"port": web_port, "root": www, "gzip": False}}],
                       "links": [{"from": "proxy", "to": "web"}]}, f)

    procs = []
    try:
        backend = subprocess.Popen(["taskset", "-c", "1", "nginx", "-c",
                                    os.path.join(work, "backend.conf"), "-p", work],
                                   stderr=subprocess.DEVNULL)
        procs.append(backend)
        nproxy = subprocess.Popen(["taskset", "-c", "1", "nginx", "-c",
                                   os.path.join(work, "proxy.conf"), "-p", work],
                                  stderr=subprocess.DEVNULL)
        procs.append(nproxy)
        env = dict(os.environ, QT_NO_GLIB="1")
        pids = {}
        for build, (binary, proxy_port, web_port) in builds.items():
            topology = os.path.join(work, f"{build}.infralab.json")
            write_topology(topology, proxy_port, web_port)
            proc = subprocess.Popen(["taskset", "-c", "1", binary, "run", topology,
                                     "--threads", "1"], env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            procs.append(proc)
            pids[build] = proc.pid
        ports = [backend_port, nproxy_port]
        for _, proxy_port, web_port in builds.values():
            ports += [web_port, proxy_port]
        for port in ports:
            if not wait_port(port):
                sys.exit("a server did not start")

        def measure(url, pids):
            """wrk against url; CPU per request of every pid in pids."""
            before = [cpu_seconds(p) for p in pids]
            r = run_wrk(url, args.seconds, pids[0])
            total = r["rps"] * args.seconds  # close enough for the extra pids
            r["cpu_each"] = [(cpu_seconds(p) - b) * 1e6 / max(total, 1)
                             for p, b in zip(pids, before)]
            return r

        targets = {"nginx": (f"http://127.0.0.1:{nproxy_port}/{name}", [nproxy.pid, backend.pid])}
        for build, (_, proxy_port, web_port) in builds.items():
            targets[build] = (f"http://127.0.0.1:{proxy_port}/{name}", [pids[build]])
            targets[f"{build}-direct"] = (f"http://127.0.0.1:{web_port}/{name}", [pids[build]])
        runs = {which: [] for which in targets}
        # Warm up both chains (upstream keep-alive connections, caches).
        for which in ["nginx"] + list(builds):
            subprocess.run(["timeout", "10", "wrk", "-t1", "-c50", "-d1s", targets[which][0]],
                           capture_output=True, check=False)
        print(f"# {args.rounds} rounds x {args.seconds} s, wrk -t1 -c50 on CPU 0, "
              f"every server on CPU 1, {args.size} byte file")
        names = list(targets)
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            if r % 2:
                order.reverse()
            for which in order:
                time.sleep(0.5)
                url, which_pids = targets[which]
                runs[which].append(measure(url, which_pids))

        med = statistics.median
        ratios = [o["rps"] / n["rps"] for o, n in zip(runs["infralab"], runs["nginx"])]
        nginx_chain = [sum(x["cpu_each"]) for x in runs["nginx"]]
        nginx_hop = [x["cpu_each"][0] for x in runs["nginx"]]
        ours_chain = [x["cpu_each"][0] for x in runs["infralab"]]
        ours_web = [x["cpu_each"][0] for x in runs["infralab-direct"]]
        ours_hop = [c - w for c, w in zip(ours_chain, ours_web)]
        hop_ratios = [o / n for o, n in zip(ours_hop, nginx_hop)]
        labels = {"nginx": "nginx proxy -> nginx", "infralab": "infralab proxy -> web",
                  "infralab-direct": "infralab web direct", "baseline": "baseline proxy -> web",
                  "baseline-direct": "baseline web direct"}
        for which, xs in runs.items():
            print(f"{labels[which]:24s} median {med(x['rps'] for x in xs):10.0f} req/s  "
                  f"p50 {xs[len(xs) // 2]['p50']} p99 {xs[len(xs) // 2]['p99']}  "
                  f"errors {sum(x['errors'] for x in xs)}")
        print(f"ratio infralab/nginx chain req/s: median {med(ratios):.2f} "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}); target >= 1.00")
        print(f"chain CPU per request: nginx {med(nginx_chain):.1f} us (proxy + backend), "
              f"infralab {med(ours_chain):.1f} us (one process)")
        print(f"proxy hop CPU per request: nginx proxy process {med(nginx_hop):.1f} us "
              f"(min {min(nginx_hop):.1f}, max {max(nginx_hop):.1f}), infralab proxy "
              f"{med(ours_hop):.1f} us (min {min(ours_hop):.1f}, max {max(ours_hop):.1f}; chain - "
              f"direct web {med(ours_web):.1f} us); ratio median {med(hop_ratios):.2f} "
              f"(min {min(hop_ratios):.2f}, max {max(hop_ratios):.2f}; lower is better, "
              f"target <= 1.00)")
        if "baseline" in builds:
            base_chain = [x["cpu_each"][0] for x in runs["baseline"]]
            base_hop = [c - x["cpu_each"][0] for c, x in zip(base_chain, runs["baseline-direct"])]
            for label, ours_xs, base_xs in (
                    ("chain req/s", [x["rps"] for x in runs["infralab"]],
                     [x["rps"] for x in runs["baseline"]]),
                    ("chain CPU per request", ours_chain, base_chain),
                    ("direct web CPU per request", ours_web,
                     [x["cpu_each"][0] for x in runs["baseline-direct"]]),
                    ("proxy hop CPU per request", ours_hop, base_hop)):
                pair = [o / b for o, b in zip(ours_xs, base_xs)]
                print(f"ratio infralab/baseline {label}: median {med(pair):.3f} "
                      f"(min {min(pair):.3f}, max {max(pair):.3f}); baseline median "
                      f"{med(base_xs):.1f}")
    finally:
        stop_all(procs)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
