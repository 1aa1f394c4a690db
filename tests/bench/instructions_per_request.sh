#!/usr/bin/env bash
# Instructions per request of the web server, counted by callgrind (all threads), for one or
# more infralab binaries side by side: repeatable where wall-clock benchmarks are noisy (a
# loaded machine, 2 cores). Each binary runs `infralab run` on a one-node topology and serves
# SHORT then LONG keep-alive GETs of the demo page on one connection; the difference of the
# two totals divided by (LONG - SHORT) is the per-request cost without start-up and shutdown.
# Timer and wake-up paths vary with timing, so expect a spread of a few percent per run.
#
#   tests/bench/instructions_per_request.sh [--rounds N] BINARY [BINARY...]
set -euo pipefail
rounds=2 short=300 long=2300
if [[ ${1:-} == --rounds ]]; then rounds=$2; shift 2; fi
[[ $# -ge 1 ]] || { sed -n 2,9p "$0"; exit 2; }
command -v valgrind > /dev/null || { echo "needs valgrind" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/web.infralab.json" <<'JSON'
{ "format": "infralab-topology", "version": 1, "name": "bench",
  "nodes": [ { "id": "web", "kind": "web-server", "config": { "port": 0 } } ], "links": [] }
JSON

total_ir() { # BINARY REQUESTS
    local out="$work/run.out" pid port
    QT_NO_GLIB=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        "$1" run "$work/web.infralab.json" > "$out" 2> "$work/vg.err" &
    pid=$!
    for _ in $(seq 1 300); do grep -q '^ready$' "$out" 2> /dev/null && break; sleep 0.2; done
    port=$(awk '/ web-server /{print $3}' "$out"); port=${port##*:}
    python3 - "$port" "$2" <<'PY'
import socket, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port))
request, buffer = b"GET / HTTP/1.1\r\nHost: bench\r\n\r\n", b""
for _ in range(n):
    s.sendall(request)
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end >= 0:
            head = buffer[:end].decode("latin-1").lower().split("\r\n")
            length = int(next(l.split(":")[1] for l in head if l.startswith("content-length")))
            if len(buffer) >= end + 4 + length:
                buffer = buffer[end + 4 + length:]
                break
        buffer += s.recv(65536)
s.close()
PY
    kill -INT "$pid"; wait "$pid" || true
    awk '/^summary:/{print $2}' "$work/cg.out"
}

for round in $(seq 1 "$rounds"); do
    for binary in "$@"; do
        a=$(total_ir "$binary" $short); b=$(total_ir "$binary" $long)
        echo "round $round  $binary  $(( (b - a) / (long - short) )) instructions/request"
    done
done
