#!/usr/bin/env bash
# Installs what the multi-host tests (bench/multihost) need to simulate hosts with network namespaces on a fresh
# Debian machine: iproute2 ('ip netns', veth, bridge). util-linux ('unshare') and hostname are essential
# packages, always there. Idempotent: does nothing when everything is there. Without these (or without root) the
# multi-host tests skip with one line saying why; nothing else needs them.
#
# Needs root (apt-get). Usage: scripts/setup-netns.sh
set -euo pipefail

if command -v ip >/dev/null && command -v unshare >/dev/null && command -v hostname >/dev/null; then
  echo "setup-netns: already installed: ip ($(ip -V)), unshare, hostname"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-netns: need root to install iproute2 (the multi-host tests will skip without it)" >&2
  exit 1
fi
echo "setup-netns: installing iproute2"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends iproute2
echo "setup-netns: $(ip -V)"
