"""What lb_vs_haproxy.py and proxy_vs_nginx.py share: one product's proxy chain against
InfraLab's (and optionally a baseline InfraLab build's), measured in rotating rounds, and the
report of paired ratios: chain req/s, chain CPU per request and the proxy hop's CPU per
request (ours: the chain's CPU minus that of our web server answering wrk directly)."""
import statistics
import subprocess
import time

from webserver_vs_nginx import cpu_seconds, run_wrk


def measure(url, pids, seconds):
    """wrk against url; CPU microseconds per request of every pid in pids."""
    before = [cpu_seconds(p) for p in pids]
    r = run_wrk(url, seconds, pids[0])
    total = r["rps"] * seconds  # close enough for the extra pids
    r["cpu_each"] = [(cpu_seconds(p) - b) * 1e6 / max(total, 1) for p, b in zip(pids, before)]
    return r


def run_rounds(targets, warm_up, rounds, seconds, size):
    """targets: name -> (url, pids). Warms up the `warm_up` names, then runs every target once
    per round in a rotating, alternating order. Returns name -> list of measurements."""
    for which in warm_up:  # upstream keep-alive connections, caches
        subprocess.run(["timeout", "10", "wrk", "-t1", "-c50", "-d1s", targets[which][0]],
                       capture_output=True, check=False)
    print(f"# {rounds} rounds x {seconds} s, wrk -t1 -c50 on CPU 0, "
          f"every server on CPU 1, {size} byte file")
    runs = {which: [] for which in targets}
    names = list(targets)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        if r % 2:
            order.reverse()
        for which in order:
            time.sleep(0.5)
            url, pids = targets[which]
            runs[which].append(measure(url, pids, seconds))
    return runs


def report(runs, theirs, labels, chain_note, hop):
    """theirs: the product's run name, whose first pid is its proxy; labels: run name -> label;
    chain_note: what their chain CPU adds up; hop: (noun, their process, our node)."""
    med = statistics.median
    noun, their_process, our_node = hop
    ratios = [o["rps"] / t["rps"] for o, t in zip(runs["infralab"], runs[theirs])]
    their_chain = [sum(x["cpu_each"]) for x in runs[theirs]]
    their_hop = [x["cpu_each"][0] for x in runs[theirs]]
    ours_chain = [x["cpu_each"][0] for x in runs["infralab"]]
    ours_web = [x["cpu_each"][0] for x in runs["infralab-direct"]]
    ours_hop = [c - w for c, w in zip(ours_chain, ours_web)]
    hop_ratios = [o / t for o, t in zip(ours_hop, their_hop)]
    width = max(len(label) for label in labels.values())
    for which, xs in runs.items():
        print(f"{labels[which]:{width}s}   median {med(x['rps'] for x in xs):10.0f} req/s  "
              f"p50 {xs[len(xs) // 2]['p50']} p99 {xs[len(xs) // 2]['p99']}  "
              f"errors {sum(x['errors'] for x in xs)}")
    print(f"ratio infralab/{theirs} chain req/s: median {med(ratios):.2f} "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}); target >= 1.00")
    print(f"chain CPU per request: {theirs} {med(their_chain):.1f} us ({chain_note}), "
          f"infralab {med(ours_chain):.1f} us (one process)")
    print(f"{noun} hop CPU per request: {their_process} {med(their_hop):.1f} us "
          f"(min {min(their_hop):.1f}, max {max(their_hop):.1f}), infralab {our_node} "
          f"{med(ours_hop):.1f} us (min {min(ours_hop):.1f}, max {max(ours_hop):.1f}; chain - "
          f"direct web {med(ours_web):.1f} us); ratio median {med(hop_ratios):.2f} "
          f"(min {min(hop_ratios):.2f}, max {max(hop_ratios):.2f}; lower is better, "
          f"target <= 1.00)")
    if "baseline" not in runs:
        return
    base_chain = [x["cpu_each"][0] for x in runs["baseline"]]
    base_web = [x["cpu_each"][0] for x in runs["baseline-direct"]]
    base_hop = [c - w for c, w in zip(base_chain, base_web)]
    for label, ours_xs, base_xs in (
            ("chain req/s", [x["rps"] for x in runs["infralab"]],
             [x["rps"] for x in runs["baseline"]]),
            ("chain CPU per request", ours_chain, base_chain),
            ("direct web CPU per request", ours_web, base_web),
            (f"{noun} hop CPU per request", ours_hop, base_hop)):
        pair = [o / b for o, b in zip(ours_xs, base_xs)]
        print(f"ratio infralab/baseline {label}: median {med(pair):.3f} "
              f"(min {min(pair):.3f}, max {max(pair):.3f}); baseline median {med(base_xs):.1f}")
