#!/usr/bin/env bash
# Makes one real benchmark run the regression baseline.
#
# Shows how RESULTS.json compares with the current baseline (if any), then copies RESULTS.json and the
# RESULTS.context.json beside it to results/baseline/baseline.json and baseline.context.json. Refuses a
# file that is not JMH JSON or has no context. Commit the two files afterwards; nothing is committed here.
#
# Usage: scripts/refresh-baseline.sh [RESULTS.json]     (default: the newest results/*.json)
# Env:   JMPI_BENCH_CLASSPATH  class path holding jmpi-regression (default: bench/target/jmpi-bench.jar)
#        JMPI_BASELINE         baseline file to write (default: results/baseline/baseline.json)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

results="${1:-}"
if [[ -z "$results" ]]; then
  # Newest results file, not a context file. A failed run writes none, so look at what is picked.
  results="$(ls -t results/*.json 2>/dev/null | grep -v '\.context\.json$' | head -n 1 || true)"
  if [[ -z "$results" ]]; then
    echo "refresh-baseline: no results/*.json to choose from; run the benchmarks or name a file" >&2
    exit 2
  fi
  echo "refresh-baseline: using the newest results file, $results"
fi

classpath="${JMPI_BENCH_CLASSPATH:-bench/target/jmpi-bench.jar}"
if [[ ! -e "${classpath%%:*}" ]]; then
  echo "refresh-baseline: $classpath not found; build it (mvn -q package -DskipTests) or set JMPI_BENCH_CLASSPATH" >&2
  exit 2
fi

baseline="${JMPI_BASELINE:-results/baseline/baseline.json}"
java -cp "$classpath" org.jmpibench.regression.CompareCommand "$baseline" "$results" --update-baseline
echo "Update the table of facts in $(dirname "$baseline")/README.md to the new run (BaselineReadmeTest checks it)."
echo "Review, then commit: git add $(dirname "$baseline") && git commit -m \"Benchmark baseline from $(basename "$results")\""
