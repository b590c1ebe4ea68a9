#!/usr/bin/env bash
# Finds a JDK >= 22 for the build to compile shm's Java 22+ sources (backends/shm/src/main/java22: the file is
# mapped and copied through the foreign-memory API) and links it at ~/.cache/jmpi-bench/jdk22, where the shm
# module looks for it. Maven itself keeps running on the default JDK (17 is enough). Idempotent.
#
#   scripts/setup-jdk.sh                       # $JMPI_JDK22_HOME, else $JAVA_HOME, else the newest in /usr/lib/jvm
#   JMPI_JDK22_HOME=/opt/jdk-25 scripts/setup-jdk.sh
#
# Without a JDK >= 22 the build still works: it skips those sources (with a warning), and shm then maps and copies
# through Java 17's API on every JDK. This script then exits 1, which scripts/setup.sh reports (and, with
# JMPI_SETUP_STRICT=1, fails on). No Debian 12 package provides a JDK >= 22; Adoptium's Temurin does.
set -euo pipefail

MINIMUM=22
link="$HOME/.cache/jmpi-bench/jdk22"

say() { echo "setup-jdk: $*"; }

# The feature release of the JDK at $1 (from its release file), or nothing.
feature_of() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${version:-}"
}

usable() {
  local feature
  [[ -x "$1/bin/javac" ]] || return 1
  feature=$(feature_of "$1")
  [[ -n "$feature" && "$feature" -ge $MINIMUM ]]
}

chosen=""
if [[ -n "${JMPI_JDK22_HOME:-}" ]]; then
  if ! usable "$JMPI_JDK22_HOME"; then
    echo "setup-jdk: JMPI_JDK22_HOME=$JMPI_JDK22_HOME is not a JDK >= $MINIMUM" >&2
    exit 1
  fi
  chosen="$JMPI_JDK22_HOME"
elif [[ -n "${JAVA_HOME:-}" ]] && usable "$JAVA_HOME"; then
  chosen="$JAVA_HOME"
else
  best=0
  for home in /usr/lib/jvm/*; do
    if usable "$home"; then
      feature=$(feature_of "$home")
      if (( feature > best )); then
        best=$feature
        chosen="$home"
      fi
    fi
  done
fi

if [[ -z "$chosen" ]]; then
  rm -f "$link"
  echo "setup-jdk: no JDK >= $MINIMUM found (JMPI_JDK22_HOME, JAVA_HOME, /usr/lib/jvm): shm's Java 22+ path is not" \
       "built and shm copies at Java 17's speed on every JDK; install one (e.g. Temurin 25) and run this again" >&2
  exit 1
fi

chosen=$(cd "$chosen" && pwd -P)
if [[ -L "$link" && "$(readlink "$link")" == "$chosen" ]]; then
  say "JDK $(feature_of "$chosen") at $chosen already linked at $link"
else
  mkdir -p "$(dirname "$link")"
  ln -sfn "$chosen" "$link"
  say "linked JDK $(feature_of "$chosen") at $chosen as $link (compiles shm's Java 22+ sources)"
fi
