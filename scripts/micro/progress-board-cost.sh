#!/usr/bin/env bash
# What recording a call on the progress board costs (ProgressCommunicator around a do-nothing communicator,
# against the same calls made directly; blocking calls, and non-blocking ones through the decorator's request
# pool): a JMH run of scripts/micro/ProgressBoardCost.java, in ns per operation of three calls. Not a figure of
# record on a busy machine: compare the lines of one run.
# Usage: scripts/micro/progress-board-cost.sh [JMH options, e.g. -f 1 -i 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=backends/spi/target/micro
mkdir -p "$out/classes"
mvn -q -o -pl backends/spi compile
jmh="$HOME/.m2/repository/org/openjdk/jmh"
version=1.37
cp="backends/spi/target/classes:$jmh/jmh-core/$version/jmh-core-$version.jar"
cp="$cp:$(find "$HOME/.m2/repository/net/sf/jopt-simple" "$HOME/.m2/repository/org/apache/commons/commons-math3" \
  -name '*.jar' | tr '\n' ':')"
javac -d "$out/classes" -cp "$cp" \
  -processorpath "$jmh/jmh-generator-annprocess/$version/jmh-generator-annprocess-$version.jar:$cp" \
  scripts/micro/ProgressBoardCost.java
java -cp "$out/classes:$cp" org.openjdk.jmh.Main org.jmpibench.micro.ProgressBoardCost "$@"
