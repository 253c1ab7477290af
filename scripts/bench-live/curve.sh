#!/usr/bin/env bash
# The scale curve of docs/BENCHMARKS.md: N = 200, 500, 1,000, 2,000, 5,000 phones, one and two
# server processes, one bench:live run each (one at a time), appended to a JSONL file, then
# drawn as an SVG.
#
#   scripts/bench-live/curve.sh [OUT.jsonl] [extra bench:live options...]
#   e.g. scripts/bench-live/curve.sh docs/bench/curve.jsonl --duration 60
#
# CLIENTS and PROCESSES override the lists, e.g. CLIENTS="200 500" PROCESSES=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="${1:-.bench/curve-$(date +%Y%m%d-%H%M%S).jsonl}"
shift || true
clients="${CLIENTS:-200 500 1000 2000 5000}"
processes="${PROCESSES:-1 2}"
mkdir -p "$(dirname "$out")"

for p in $processes; do
  for n in $clients; do
    echo "▶ bench:live --clients $n --processes $p $*"
    # A failed run (e.g. the server fell over) is reported and the curve goes on.
    npm run --silent bench:live -- --clients "$n" --processes "$p" --out "$out" "$@" \
      || echo "✖ run with $n clients, $p processes failed (exit $?)"
  done
done

svg="${out%.jsonl}.svg"
npm run --silent bench:chart -- "$out" "$svg"
echo "results: $out"
echo "chart:   $svg"
