#!/usr/bin/env bash
# Issue 19's measurement: the shm backend's 1 MiB send (half round trip at np 2) with ranks on JDK 17 and on
# JDK 25, and the "two-copy bound" (2 x a C memcpy of 1 MiB), interleaved in one run so all three see the same
# machine state. Not a benchmark of record (the JMH suite is): compare within one run, on a quiet machine.
# Targets (issue 19): JDK 25 <= 0.6 x JDK 17, and JDK 25 <= 1.5 x the two-copy bound.
# Usage: [REPEAT=n] [JDKS="17 25"] scripts/micro/shm-jdk.sh [bytes=1048576] [runs=7]
# Needs a JDK >= 22 linked by scripts/setup-jdk.sh (else JDK 25 runs shm's Java 17 path: see the "memory:" line),
# and a C compiler (cc).
set -euo pipefail
cd "$(dirname "$0")/../.."
bytes=${1:-1048576}
runs=${2:-7}
out=backends/shm/target/micro
mkdir -p "$out"

mvn -B -q -o -pl backends/shm -am compile
cp="backends/shm/target/classes:backends/spi/target/classes:backends/launcher/target/classes:backends/collectives/target/classes"
cc -O2 -o "$out/memcpy_bound" backends/shm/src/test/c/memcpy_bound.c

results="$out/results.txt"
: > "$results"
for repetition in $(seq "${REPEAT:-3}"); do
  echo "== repetition $repetition"
  for jdk in ${JDKS:-17 25}; do
    java -cp "$cp" org.jmpibench.shm.ShmPingPongMain 2 yield "$runs" "$bytes" "$jdk" | grep '^RESULT' \
      | sed "s/^/jdk=$jdk /" | tee -a "$results"
  done
  "$out/memcpy_bound" "$bytes" "$runs" | tee -a "$results"
done

echo "== summary (medians of each repetition's median; per repetition above)"
awk -v bytes="$bytes" '
  function median(list, n,   i, j, t) {
    for (i = 1; i <= n; i++)
      for (j = i + 1; j <= n; j++)
        if (list[j] < list[i]) { t = list[i]; list[i] = list[j]; list[j] = t }
    return list[int((n + 1) / 2)]
  }
  /bytes=/ {
    key = ""; value = ""
    for (f = 1; f <= NF; f++) {
      if ($f ~ /^jdk=/) key = substr($f, 5)
      if ($f == "RESULT" && $(f + 1) == "memcpy") key = "memcpy"
      if ($f ~ /^median_us=/) value = substr($f, 11)
      if ($f ~ /^bytes=/ && substr($f, 7) != bytes) key = ""
    }
    if (key != "" && value != "") { n[key]++; v[key, n[key]] = value }
  }
  END {
    for (k in n) {
      for (i = 1; i <= n[k]; i++) l[i] = v[k, i]
      m[k] = median(l, n[k])
      printf "%-8s %10.3f us\n", k, m[k]
    }
    if (("17" in m) && ("25" in m)) printf "JDK 25 / JDK 17       = %.2f (target <= 0.6)\n", m["25"] / m["17"]
    if (("25" in m) && ("memcpy" in m))
      printf "JDK 25 / (2 x memcpy) = %.2f (target <= 1.5)\n", m["25"] / (2 * m["memcpy"])
  }' "$results"
