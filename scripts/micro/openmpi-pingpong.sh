#!/usr/bin/env bash
# Micro-check of the openmpi backend's overhead: half round trip of 1 int at np=2 through our SPI, through
# Open MPI's Java API directly (both in one job, alternating rounds), and in C (MPI_Send/MPI_Recv, mpicc).
# Not a benchmark of record: absolute times drift 2-3x on a busy machine; compare within one run.
# The Java and C jobs alternate REPEAT times (default 3): on a shared machine compare minima, or medians of a
# quiet repetition.
# Usage: [REPEAT=n] scripts/micro/openmpi-pingpong.sh [rounds] [iterations-per-round]
# Needs scripts/setup-openmpi.sh to have run, and mpicc (libopenmpi-dev).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-101}
iterations=${2:-2000}
out=backends/openmpi/target/micro
mkdir -p "$out"

mvn -q -o -pl backends/openmpi -am install -DskipTests
mvn -q -o -pl backends/openmpi test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/classpath.txt" \
  -Dmdep.includeScope=test
cp="backends/openmpi/target/test-classes:backends/openmpi/target/classes:$(cat "$out/classpath.txt")"

mpicc -O2 -o "$out/pingpong" backends/openmpi/src/test/c/pingpong.c

root=(); [ "$(id -u)" -eq 0 ] && root=(--allow-run-as-root)
for repetition in $(seq "${REPEAT:-3}"); do
  echo "== $repetition. Java: SPI vs Open MPI's Java API, one job (through the openmpi launcher)"
  java -cp "$cp" org.jmpibench.openmpi.PingPongMicroCheck "$rounds" "$iterations"
  echo "== $repetition. C, same mpirun options as the launcher"
  mpirun "${root[@]}" --mca pml ob1 --mca btl self,vader -np 2 "$out/pingpong" "$rounds" "$iterations"
done
