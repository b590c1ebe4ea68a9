#!/usr/bin/env bash
# Installs what the suite needs beyond Maven Central, idempotently, and says what it did:
#   - Open MPI and a mpi.jar matching its libmpi_java.so   (scripts/setup-openmpi.sh)
#   - MPJ Express                                          (scripts/setup-mpj.sh)
#   - fonts for headless charts, Chromium for the report check (scripts/setup-report.sh)
#   - iproute2, for the multi-host tests' simulated hosts     (scripts/setup-netns.sh)
#   - a JDK >= 22 to compile shm's Java 22+ sources with  (scripts/setup-jdk.sh)
# Each step runs apt-get only when something is missing and we are root; otherwise it prints what to install.
# A step that cannot be done leaves its backend unavailable (the suite then says why) unless
# JMPI_SETUP_STRICT=1, which makes any failed step fail the whole set-up (CI uses that).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0
for step in setup-openmpi.sh setup-mpj.sh setup-report.sh setup-netns.sh setup-jdk.sh; do
  if [ -x "$here/$step" ] || [ -f "$here/$step" ]; then
    echo "== $step"
    if ! bash "$here/$step"; then
      echo "setup: $step failed; the parts it installs will show as not available" >&2
      status=1
    fi
  fi
done
if [ "${JMPI_SETUP_STRICT:-0}" = "1" ]; then
  exit "$status"
fi
exit 0
