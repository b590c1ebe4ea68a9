#!/usr/bin/env bash
# The A/B gate measured on itself (issue 14's "done when"): N A/A runs of one commit, N A/B runs with a planted
# +25% on one backend's send (head only, JMPI_BENCH_TEST_SLOWDOWN through ab's --head-env), N with +10%; then
# how many runs flagged what. Run it on a quiet machine: every run is a full 'jmpi-bench ab' at its defaults
# (the CI matrix, 16 blocks, a 12-minute time budget; about 9 minutes here), so N=10 takes about 3 x 10 x 9
# minutes. The kinds take turns (A/A, +25%, +10%, A/A, ...), so a drift of the machine touches all three alike
# and a run stopped early has as many of each kind as it could.
#
# Usage: scripts/ab-power.sh [--runs N] [--rev REV] [--backend NAME] [--out DIR] [-- AB OPTIONS...]
#   --runs N        runs of each kind (default 10)
#   --rev REV       the commit measured against itself (default HEAD); built once, in ab's cache
#   --backend NAME  whose send gets the planted slowdown (default shm)
#   --out DIR       where every run's files go (default results/ab-power/<time>)
#   AB OPTIONS      passed to every ab run, e.g. -- --blocks 20 --time-budget 15m -- --sizes 1
# Exit status: 0 when the issue's goals hold (A/A: anything flagged in at most 1 run in 10; +25%: the planted
# send flagged, and nothing else, in at least 9 runs in 10), 1 when they do not, 2 for bad input or a run that
# could not run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/jmpi-bench.jar"
runs=10
rev=HEAD
backend=shm
out=""
ab_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:-}"; shift 2 ;;
    --rev) rev="${2:-}"; shift 2 ;;
    --backend) backend="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    --) shift; ab_args=("$@"); break ;;
    *) echo "ab-power.sh: unknown option '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "ab-power.sh: --runs '$runs' is not a positive whole number" >&2; exit 2
fi
if [ ! -f "$jar" ]; then
  echo "ab-power.sh: $jar not found; build it first: mvn -B -q -DskipTests package" >&2; exit 2
fi
commit="$(git -C "$root" rev-parse --verify --quiet "$rev^{commit}")" || {
  echo "ab-power.sh: --rev '$rev' is not a commit in $root" >&2; exit 2; }
out="${out:-$root/results/ab-power/$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out" || { echo "ab-power.sh: cannot create $out" >&2; exit 2; }
summary="$out/summary.txt"
echo "ab-power: $runs runs each of A/A, +25% and +10% on $backend send; commit $commit; files in $out" | tee "$summary"

# One ab run of the commit against itself; $1 = kind (aa, p25, p10), $2 = run number, $3... = extra ab options.
# Prints one line: kind, run, ab's status, minutes, blocks, hits= (rows of the planted backend that regressed),
# others= (any other row regressed or improved), then what was flagged.
one_run() {
  local kind="$1" n="$2"; shift 2
  local dir="$out/$kind-$n" started status minutes flagged blocks hits others
  started=$(date +%s)
  java -jar "$jar" ab --base "$commit" --head "$commit" --out "$dir" "$@" "${ab_args[@]}" > "$dir.log" 2>&1
  status=$?
  minutes="$(awk -v s="$(( $(date +%s) - started ))" 'BEGIN { printf "%.1f", s / 60 }')"
  if [ "$status" -eq 2 ] || [ ! -f "$dir/comparison.txt" ]; then
    echo "ab-power: $kind run $n did not run (status $status): $(tail -n 1 "$dir.log")" | tee -a "$summary" >&2
    exit 2
  fi
  # Table rows whose verdict is regressed or improved, as "<verdict>:<params>".
  flagged="$(awk '/  (regressed|improved)  / {
      v = ($0 ~ /  regressed  /) ? "regressed" : "improved"
      match($0, /backend=[^ ]+( [a-z]+=[^ ]+)*/); print v ":" substr($0, RSTART, RLENGTH) }' "$dir/comparison.txt")"
  hits=0
  others=0
  if [ -n "$flagged" ]; then
    hits=$(grep -c "^regressed:backend=$backend " <<< "$flagged")
    others=$(grep -vc "^regressed:backend=$backend " <<< "$flagged")
    [ "$kind" = aa ] && { others=$(( others + hits )); hits=0; }
  fi
  blocks="$(sed -n 's/.*(\([0-9]*\) blocks\{0,1\} of 4 forks.*/\1/p' "$dir/comparison.txt" | head -n 1)"
  printf '%-4s run %2d  status %d  %5s min  %2s blocks  hits=%d others=%d  %s\n' "$kind" "$n" "$status" "$minutes" \
      "${blocks:-?}" "$hits" "$others" "$(paste -sd ';' <<< "${flagged:-nothing flagged}")" | tee -a "$summary"
}

for n in $(seq 1 "$runs"); do
  one_run aa "$n"
  one_run p25 "$n" --head-env "JMPI_BENCH_TEST_SLOWDOWN=$backend:send:0.25"
  one_run p10 "$n" --head-env "JMPI_BENCH_TEST_SLOWDOWN=$backend:send:0.10"
done

# Tallies of the per-run lines: runs with any hit, runs with any other flag, runs with a hit and nothing else.
tally() {
  awk -v kind="$1" '$1 == kind {
      for (i = 1; i <= NF; i++) { if ($i ~ /^hits=/) h = substr($i, 6) + 0; if ($i ~ /^others=/) o = substr($i, 8) + 0 }
      hit += (h > 0); other += (o > 0); alone += (h > 0 && o == 0) }
      END { print hit + 0, other + 0, alone + 0 }' "$summary"
}
read -r _ aa_any _ <<< "$(tally aa)"
read -r p25_hit p25_other p25_alone <<< "$(tally p25)"
read -r p10_hit p10_other _ <<< "$(tally p10)"
{
  echo
  echo "A/A:  $aa_any of $runs runs flagged a benchmark (goal: at most 1 in 10)"
  echo "+25%: $backend send flagged in $p25_hit of $runs runs, with nothing else flagged in $p25_alone;" \
       "another benchmark flagged in $p25_other (goal: at least 9 in 10, nothing else)"
  echo "+10%: $backend send flagged in $p10_hit of $runs runs; another benchmark flagged in $p10_other" \
       "(goal: at least 8 in 10)"
  echo "Each run's files: $out/<kind>-<n>/ (comparison.md, base.json, head.json); its console: <kind>-<n>.log"
} | tee -a "$summary"
if [ "$(( aa_any * 10 ))" -le "$runs" ] && [ "$(( p25_alone * 10 ))" -ge "$(( runs * 9 ))" ]; then
  exit 0
fi
exit 1
