#!/usr/bin/env bash
# Inter-host against intra-host figures for the backends that span hosts (openmpi, mpj-niodev, tcp): one-way
# latency of 4 B and bandwidth of 1 MiB messages (send, np 2), measured in one go on simulated hosts
# (docs/multihost.md):
#   intra  one namespace host, both ranks on it         (hostfile: h1 slots=2)
#   inter  two namespace hosts, one rank on each        (hostfile: h1 slots=1, h2 slots=1)
# Each is one `bench` run, started inside host 1 like the multi-host tests; then a small table of both.
# Run it as root on a quiet machine (nothing else building or running): the simulated hosts share the cores.
#
# Usage: scripts/multihost-figures.sh [RESULTS_DIR]     (default results/multihost-figures-<time>)
# Env:   FIGURES_JMH   JMH settings for both runs (default "-f 3 -wi 3 -w 1s -i 5 -r 1s")
#        JAVA          the java that runs the command line (default: java on the PATH)
#
# As in the tests, Open MPI's ranks yield when idle and are not bound (every simulated host would bind its first
# rank to the same core); both runs get the same settings. What "intra" measures is what each backend does on
# one host: openmpi uses shared memory there (vader), tcp and mpj-niodev TCP through the kernel. These are
# simulated hosts: the figures compare the backends' paths, they say nothing about a real network.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/jmpi-bench.jar"
java="${JAVA:-java}"
jmh="${FIGURES_JMH:--f 3 -wi 3 -w 1s -i 5 -r 1s}"
out="${1:-$root/results/multihost-figures-$(date +%Y%m%d-%H%M%S)}"
backends=openmpi,mpj-niodev,tcp
readonly ONE_MIB_INTS=256Ki

if [ "$(id -u)" != 0 ]; then
  echo "multihost-figures: needs root (network namespaces)" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "multihost-figures: $jar not found; build it first: mvn -q -DskipTests package" >&2
  exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"

prefix="jmpi-fig-$$"
trap '"$root/scripts/netns-hosts.sh" down "$prefix"' EXIT
"$root/scripts/netns-hosts.sh" up "$prefix" 2 >/dev/null
printf '%s slots=2\n' "$prefix-h1" > "$out/intra.hosts"
printf '%s slots=1\n%s slots=1\n' "$prefix-h1" "$prefix-h2" > "$out/inter.hosts"

# Everything runs inside host 1 (its own host name, as the tests do): JMH, rank 0, mpirun, the rendezvous.
in_host1() {
  ip netns exec "$prefix-h1" unshare --uts sh -c 'hostname "$0" && exec "$@"' "$prefix-h1" "$@"
}

status=0
for layout in intra inter; do
  echo "== $layout: $(tr '\n' ' ' < "$out/$layout.hosts")"
  # shellcheck disable=SC2086 # $jmh is a list of options
  if ! OMPI_MCA_mpi_yield_when_idle=1 OMPI_MCA_hwloc_base_binding_policy=none \
      in_host1 "$java" -jar "$jar" bench --backends "$backends" --ops send --sizes "1,$ONE_MIB_INTS" --np 2 \
      $jmh --hostfile "$out/$layout.hosts" --interface mpi0 --launch-agent "$root/scripts/netns-agent.sh" \
      --results-dir "$out/$layout" | tee "$out/$layout.out"; then
    status=1 # a failed job: its cell of the table stays '-'
  fi
done

# One row per backend from JMH's CSV of each run: the primary score of send is the one-way time in us/op;
# bandwidth in MB/s is bytes / us.
score() { # layout, backend, size in ints -> "score error", or "- -"
  local csv
  csv="$(find "$out/$1" -name '*.csv' | head -n 1)"
  [ -n "$csv" ] || { echo "- -"; return; }
  awk -F, -v backend="$2" -v size="$3" '
    { sub(/\r$/, ""); for (i = 1; i <= NF; i++) gsub(/^"|"$/, "", $i) }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["Benchmark"] ~ /PingPong\.send$/ && $col["Param: backend"] == backend && $col["Param: size"] == size {
      print $col["Score"], $col["Score Error (99.9%)"]; found = 1; exit }
    END { if (!found) print "- -" }' "$csv"
}
{
  printf '\nsend, np 2, simulated hosts: intra = both ranks on one host, inter = one rank on each of two\n'
  printf '%-12s %14s %14s %16s %16s\n' backend "4 B intra us" "4 B inter us" "1 MiB intra MB/s" "1 MiB inter MB/s"
  for backend in ${backends//,/ }; do
    row=("$backend")
    for size in 1 $((256 * 1024)); do
      for layout in intra inter; do
        read -r value _ < <(score "$layout" "$backend" "$size")
        if [ "$value" = - ]; then
          row+=("-")
        elif [ "$size" = 1 ]; then
          row+=("$(awk -v t="$value" 'BEGIN { printf "%.2f", t }')")
        else
          row+=("$(awk -v t="$value" -v b=$((size * 4)) 'BEGIN { printf "%.0f", b / t }')")
        fi
      done
    done
    printf '%-12s %14s %14s %16s %16s\n' "${row[@]}"
  done
  printf '\nresults in %s (charts of both runs: ./jmpi-bench plot %s/intra/*[0-9].json %s/inter/*[0-9].json)\n' \
    "$out" "$out" "$out"
} | tee "$out/table.txt"
exit "$status"
