#!/usr/bin/env bash
# Runs the whole test command (.ci/run) N times, each in a fresh clone of HEAD in a temporary directory, and says
# per run: pass or fail, wall time, and the tests that failed. Each run's surefire reports and console log are kept.
#
# Usage: scripts/flake-hunt.sh N [--hog]
#   --hog   also keep one of the two cores busy (a shell loop pinned with taskset to the last CPU) for the whole
#           run, to shake out tests that only pass on a quiet machine
# Env:    FLAKE_HUNT_DIR  where the reports go (default: a new directory under ${TMPDIR:-/tmp})
#
# Exit status: 0 when every run passed, 1 when any failed, 2 on bad usage.
set -uo pipefail

usage() {
  echo "usage: scripts/flake-hunt.sh N [--hog]   (N: number of runs, at least 1)" >&2
  exit 2
}
[ $# -ge 1 ] && [ $# -le 2 ] || usage
runs="$1"
case "$runs" in '' | *[!0-9]* | 0) echo "flake-hunt: N must be a positive number, got '$runs'" >&2; usage ;; esac
hog=0
if [ $# -eq 2 ]; then
  [ "$2" = "--hog" ] || { echo "flake-hunt: unknown option '$2'" >&2; usage; }
  hog=1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)" || exit 2
out="${FLAKE_HUNT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/jmpi-flake-hunt-XXXXXX")}"
mkdir -p "$out"
last_cpu=$(( $(nproc) - 1 ))
hog_pid=""
work=""

stop_hog() {
  if [ -n "$hog_pid" ]; then
    kill "$hog_pid" 2>/dev/null
    wait "$hog_pid" 2>/dev/null
    hog_pid=""
  fi
}
cleanup() {
  stop_hog
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The failed test cases of one run, "Class#method" each, from its surefire XML reports.
failed_tests() {
  local dir="$1"
  find "$dir" -path '*/target/surefire-reports/TEST-*.xml' -print0 2>/dev/null \
    | xargs -0 -r awk '
        /<testcase / {
          match($0, /name="[^"]*"/); name = substr($0, RSTART + 6, RLENGTH - 7)
          match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12)
        }
        /<(failure|error)[ >]/ { print cls "#" name }' \
    | sort -u
}

echo "flake-hunt: $runs run(s) of .ci/run at $commit$([ "$hog" = 1 ] && echo ", CPU hog on cpu $last_cpu")"
echo "flake-hunt: reports in $out"
summary=()
failures=0
for i in $(seq 1 "$runs"); do
  work="$(mktemp -d "${TMPDIR:-/tmp}/jmpi-flake-run-XXXXXX")"
  git clone -q --no-hardlinks "$repo" "$work/jmpi-bench" && git -C "$work/jmpi-bench" checkout -q "$commit" || exit 2
  if [ "$hog" = 1 ]; then
    taskset -c "$last_cpu" sh -c 'while :; do :; done' &
    hog_pid=$!
  fi
  log="$out/run-$i.log"
  start=$(date +%s)
  # Started in the background, this script may have inherited SIGINT ignored, and its children with it: the
  # tests that send SIGINT would then be skipped. Run the tests with SIGINT (and SIGQUIT) at their defaults.
  (cd "$work/jmpi-bench" && env --default-signal=INT,QUIT .ci/run) >"$log" 2>&1
  status=$?
  seconds=$(( $(date +%s) - start ))
  stop_hog
  mkdir -p "$out/run-$i"
  (cd "$work/jmpi-bench" && find . -path '*/target/surefire-reports' -type d) | while read -r reports; do
    mkdir -p "$out/run-$i/$(dirname "$reports")"
    cp -r "$work/jmpi-bench/$reports" "$out/run-$i/$(dirname "$reports")/"
  done
  failed="$(failed_tests "$work/jmpi-bench" | paste -sd ' ' -)"
  if [ "$status" -eq 0 ]; then
    verdict="pass"
  else
    verdict="FAIL (status $status)"
    failures=$((failures + 1))
    [ -z "$failed" ] && failed="(no failed test in the reports; see $log)"
  fi
  line="run $i: $verdict, $(( seconds / 60 ))m$(printf '%02d' $(( seconds % 60 )))s${failed:+, failed: $failed}"
  echo "flake-hunt: $line"
  summary+=("$line")
  rm -rf "$work"
  work=""
done
echo "flake-hunt: summary ($commit$([ "$hog" = 1 ] && echo ", with CPU hog")):"
printf '  %s\n' "${summary[@]}"
echo "flake-hunt: $((runs - failures)) of $runs passed; reports and logs in $out"
[ "$failures" -eq 0 ]
