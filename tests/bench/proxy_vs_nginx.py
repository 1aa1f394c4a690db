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
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chainbench  # noqa: E402
from webserver_vs_nginx import free_port, stop_all, wait_port  # noqa: E402


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

        targets = {"nginx": (f"http://127.0.0.1:{nproxy_port}/{name}", [nproxy.pid, backend.pid])}
        for build, (_, proxy_port, web_port) in builds.items():
            targets[build] = (f"http://127.0.0.1:{proxy_port}/{name}", [pids[build]])
            targets[f"{build}-direct"] = (f"http://127.0.0.1:{web_port}/{name}", [pids[build]])
        runs = chainbench.run_rounds(targets, ["nginx"] + list(builds), args.rounds,
                                     args.seconds, args.size)
        chainbench.report(runs, "nginx",
                          {"nginx": "nginx proxy -> nginx", "infralab": "infralab proxy -> web",
                           "infralab-direct": "infralab web direct",
                           "baseline": "baseline proxy -> web",
                           "baseline-direct": "baseline web direct"},
                          "proxy + backend", ("proxy", "nginx proxy process", "proxy"))
    finally:
        stop_all(procs)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
