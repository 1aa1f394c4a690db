#!/usr/bin/env python3
"""Side-by-side benchmark: InfraLab's load balancer -> three InfraLab web servers against
HAProxy (nbthread 1, balance roundrobin) -> three nginx ports, the same 1 KiB file at the end
of both chains.

Method (shared/reference/performance.md): everything that serves is pinned to CPU 1, wrk to
CPU 0 (`wrk -t1 -c50`); runs alternate for ROUNDS rounds in rotating order, each bounded by
`timeout`. HAProxy chain: haproxy 2.6 with `nbthread 1`, `mode http`, `option
http-keep-alive`, `option forwardfor`, timeouts connect 5s / client 30s / server 30s, three
`server` lines (no checks) to one static nginx worker listening on three ports (the
webserver_vs_nginx.py configuration). InfraLab chain: one `infralab run --threads 1` process
holding the load-balancer node (round-robin, health checks of the file every 2 s) and the
three web-server nodes it links to. Reported: the median of the paired end-to-end req/s
ratios (min-max), the CPU microseconds per request of each chain, and of the balancer hop
alone: the haproxy process is measured directly; ours is the chain's CPU minus that of our
web servers answering wrk directly in the same process (measured in the same rounds).

With --baseline OTHER_BINARY a second InfraLab build (e.g. one from before a change) runs the
same chain in its own process on CPU 1 too, in the same rotation, and the report adds the
paired ratios of this build against it (chain req/s, chain CPU and hop CPU per request).

Usage: tests/bench/lb_vs_haproxy.py [--infralab build/release/app/infralab]
           [--rounds 5] [--seconds 5] [--size 1024] [--threads 1] [--baseline BINARY]
On a busy machine the scheduler gives each runnable thread a share of CPU 1: the HAProxy chain
is two processes, ours one thread, so its req/s suffers more from other load than its CPU per
request does (performance.md: drop runs when other processes used more than a quarter core).
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


def find(tool):
    return shutil.which(tool) or (f"/usr/sbin/{tool}" if os.path.exists(f"/usr/sbin/{tool}") else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--infralab", default="build/release/app/infralab")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--size", type=int, default=1024)
    ap.add_argument("--threads", type=int, default=1,
                    help="network threads of the infralab process (all pinned to CPU 1)")
    ap.add_argument("--baseline", help="another infralab binary to compare side by side")
    args = ap.parse_args()
    for tool in ("haproxy", "nginx", "wrk", "taskset"):
        if not find(tool):
            sys.exit(f"{tool} is missing: apt-get install haproxy nginx-light wrk util-linux")
    if not os.access(args.infralab, os.X_OK):
        sys.exit(f"{args.infralab} is not built (cmake --preset release && cmake --build --preset release)")
    if args.baseline and not os.access(args.baseline, os.X_OK):
        sys.exit(f"{args.baseline} is not an executable")

    work = tempfile.mkdtemp(prefix="infralab-bench-lb-")
    www = os.path.join(work, "www")
    os.makedirs(www)
    name = f"f{args.size}.bin"
    with open(os.path.join(www, name), "wb") as f:
        f.write(os.urandom(args.size))

    nginx_ports = [free_port() for _ in range(3)]
    haproxy_port = free_port()
    listens = "".join(f"        listen 127.0.0.1:{p};\n" for p in nginx_ports)
    with open(os.path.join(work, "nginx.conf"), "w") as f:
        f.write(f"""worker_processes 1;
master_process off;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    keepalive_requests 1000000;
    sendfile on; tcp_nopush on;
    server {{
{listens}        root {www};
        location / {{ }}
    }}
}}
""")
    servers = "".join(f"    server web{i + 1} 127.0.0.1:{p}\n" for i, p in enumerate(nginx_ports))
    with open(os.path.join(work, "haproxy.cfg"), "w") as f:
        f.write(f"""global
    nbthread 1
    maxconn 4096
defaults
    mode http
    option http-keep-alive
    option forwardfor
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend fe
    bind 127.0.0.1:{haproxy_port}
    default_backend be
backend be
    balance roundrobin
{servers}""")

    def write_topology(path, lb_port, web_ports):
        nodes = [{"id": "lb", "kind": "load-balancer",
                  "config": {"port": lb_port, "algorithm": "round-robin",
                             "health_check_path": f"/{name}"}}]
        nodes += [{"id": f"web-{i + 1}", "kind": "web-server",
                   "config": {"port": p, "root": www, "gzip": False}}
                  for i, p in enumerate(web_ports)]
        with open(path, "w") as f:
            json.dump({"format": "infralab-topology", "version": 1, "name": "bench",
                       "nodes": nodes,
                       "links": [{"from": "lb", "to": f"web-{i + 1}"} for i in range(3)]}, f)

    # name -> (binary, balancer port, web server ports)
    builds = {"infralab": (args.infralab, free_port(), [free_port() for _ in range(3)])}
    if args.baseline:
        builds["baseline"] = (args.baseline, free_port(), [free_port() for _ in range(3)])

    procs = []
    try:
        nginx = subprocess.Popen(["taskset", "-c", "1", find("nginx"), "-c",
                                  os.path.join(work, "nginx.conf"), "-p", work],
                                 stderr=subprocess.DEVNULL)
        procs.append(nginx)
        haproxy = subprocess.Popen(["taskset", "-c", "1", find("haproxy"), "-db", "-f",
                                    os.path.join(work, "haproxy.cfg")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(haproxy)
        env = dict(os.environ, QT_NO_GLIB="1")
        pids = {}
        for build, (binary, lb_port, web_ports) in builds.items():
            topology = os.path.join(work, f"{build}.infralab.json")
            write_topology(topology, lb_port, web_ports)
            proc = subprocess.Popen(["taskset", "-c", "1", binary, "run", topology,
                                     "--threads", str(args.threads)], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            procs.append(proc)
            pids[build] = proc.pid
        ports = nginx_ports + [haproxy_port]
        for _, lb_port, web_ports in builds.values():
            ports += web_ports + [lb_port]
        for port in ports:
            if not wait_port(port):
                sys.exit("a server did not start")

        targets = {"haproxy": (f"http://127.0.0.1:{haproxy_port}/{name}", [haproxy.pid, nginx.pid])}
        for build, (_, lb_port, web_ports) in builds.items():
            targets[build] = (f"http://127.0.0.1:{lb_port}/{name}", [pids[build]])
            targets[f"{build}-direct"] = (f"http://127.0.0.1:{web_ports[0]}/{name}", [pids[build]])
        runs = chainbench.run_rounds(targets, ["haproxy"] + list(builds), args.rounds,
                                     args.seconds, args.size)
        chainbench.report(runs, "haproxy",
                          {"haproxy": "haproxy -> 3 nginx", "infralab": "infralab lb -> 3 web",
                           "infralab-direct": "infralab web direct",
                           "baseline": "baseline lb -> 3 web",
                           "baseline-direct": "baseline web direct"},
                          "haproxy + nginx", ("balancer", "haproxy process", "lb"))
    finally:
        stop_all(procs)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
