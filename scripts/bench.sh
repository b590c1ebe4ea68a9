#!/usr/bin/env bash
# The main job, as `mvn verify -Pbench` runs it: benchmarks from the built jar, charts of the run, and, when a
# baseline is given, the regression gate. Every step runs even if an earlier one reported a failed job (a run
# that lost one backend still has results worth drawing); the script then exits with the worst status.
#
# Usage: scripts/bench.sh [-Dbench.<name>=<value> ...]     (empty values mean the harness's default)
# Env:   BENCH_BASELINE  results file to compare the run against (set from -Dbench.baseline by Maven)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/jmpi-bench.jar"
props=()
for arg in "$@"; do
  case "$arg" in
    -Dbench.*=) ;;                        # unset in Maven: leave the harness's default
    -Dbench.*=*) props+=("$arg") ;;
    *) echo "bench.sh: unexpected argument '$arg' (expected -Dbench.<name>=<value>)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$jar" ]; then
  echo "bench.sh: $jar not found; build it first (mvn -DskipTests package)" >&2
  exit 2
fi
output="$(mktemp)"
trap 'rm -f "$output"' EXIT

java "${props[@]}" -jar "$jar" bench | tee "$output"
bench_status=${PIPESTATUS[0]}

# The results file this run wrote, as it names it on its last lines (other runs may write beside it).
run="$(sed -n 's/^results: //p' "$output" | tail -n 1)"
if [ -z "$run" ]; then
  echo "bench.sh: the benchmark run wrote no results file (status $bench_status)" >&2
  exit $(( bench_status == 0 ? 1 : bench_status ))
fi

java -jar "$jar" plot "$run"
plot_status=$?

compare_status=0
if [ -n "${BENCH_BASELINE:-}" ]; then
  java -jar "$jar" compare "$BENCH_BASELINE" "$run" \
    --markdown "${run%.json}.compare.md" --json "${run%.json}.compare.json"
  compare_status=$?
fi

worst=$bench_status
for status in $plot_status $compare_status; do
  [ "$status" -gt "$worst" ] && worst=$status
done
[ "$bench_status" -ne 0 ] && echo "bench.sh: some benchmark jobs failed: see the run's summary and its .context.json" >&2
[ "$compare_status" -eq 1 ] && echo "bench.sh: regression against $BENCH_BASELINE: see ${run%.json}.compare.md" >&2
exit "$worst"
