#!/usr/bin/env python3
"""Benchmark: start of a 50-node topology to all-listening (issue 6: under 1 s).

Writes a topology of N web servers (port 0, the bundled demo site), starts
`infralab run` on it ROUNDS times and measures, per round, the wall time from
spawning the process to the `ready` line, and to every printed URL accepting a TCP
connection. Also the whole process including exit (SIGTERM, graceful drain). Prints
the median and min-max. Not a timed test: run by hand.

Usage: tests/bench/lab_start_bench.py [--infralab build/release/app/infralab]
           [--nodes 50] [--rounds 7] [--threads 2]
Everything listens on 127.0.0.1 only; every process started is stopped by its PID.
"""
import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def topology(nodes):
    return {
        "format": "infralab-topology", "version": 1, "name": f"{nodes} web servers",
        "nodes": [{"id": f"web-{i}", "kind": "web-server", "config": {"port": 0}}
                  for i in range(nodes)],
        "links": [],
    }


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def one_round(binary, path, threads, nodes):
    env = dict(os.environ, QT_NO_GLIB="1")
    start = time.perf_counter()
    process = subprocess.Popen([binary, "run", path, "--threads", str(threads)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        ports = []
        for line in process.stdout:
            line = line.strip()
            if line == "ready":
                break
            ports.append(int(line.rsplit(":", 1)[1]))
        ready = time.perf_counter() - start
        if len(ports) != nodes:
            raise RuntimeError(f"{len(ports)} of {nodes} nodes printed: {process.stderr.read()}")
        if not all(listening(p) for p in ports):
            raise RuntimeError("a printed port does not accept connections")
        all_listening = time.perf_counter() - start
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        total = time.perf_counter() - start
        return ready, all_listening, total
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--infralab", default="build/release/app/infralab")
    parser.add_argument("--nodes", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "many.infralab.json")
        with open(path, "w") as f:
            json.dump(topology(args.nodes), f)
        rows = [one_round(args.infralab, path, args.threads, args.nodes)
                for _ in range(args.rounds)]

    def show(name, values):
        ms = [v * 1000 for v in values]
        print(f"{name:<36} median {statistics.median(ms):7.1f} ms  "
              f"(min {min(ms):.1f}, max {max(ms):.1f})")

    print(f"{args.nodes} web-server nodes, {args.threads} network threads, {args.rounds} rounds, "
          f"{args.infralab}")
    show("spawn -> 'ready'", [r[0] for r in rows])
    show("spawn -> every port accepts", [r[1] for r in rows])
    show("spawn -> SIGTERM -> exit 0", [r[2] for r in rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
