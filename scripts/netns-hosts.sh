#!/usr/bin/env bash
# Simulated hosts on one machine, for multi-host tests (docs/multihost.md): each host is a network namespace
# with its own address, joined to the others by a bridge that lives in a namespace of its own. Needs root and
# iproute2.
#
#   netns-hosts.sh up PREFIX N     makes hosts PREFIX-h1 .. PREFIX-hN, then checks them (see 'check')
#   netns-hosts.sh check PREFIX    every host reaches every other host's address through mpi0, has no default
#                                  route; exits 1 naming the first host that does not
#   netns-hosts.sh down PREFIX     ends every process in the namespaces PREFIX-*, deletes them, their
#                                  /etc/netns files, Open MPI session directories and shared-memory segments
#
# Host i is namespace PREFIX-hi (also its host name, for scripts/netns-agent.sh), interface mpi0 with
# 10.77.0.i/24, no default route, /etc/netns/PREFIX-hi/hosts naming every host and a resolv.conf pointing at
# 127.0.0.1, so name look-ups stay on the machine. The bridge is br0 in namespace PREFIX-br; the bridge ends of
# the veth pairs are v1 .. vN there. Nothing is added to the root namespace: its default route would carry
# traffic for 10.77.0.x off the machine, so nothing there may ever send to these addresses. A PREFIX unique per
# run (e.g. jmpi-<pid>-<random>) keeps runs side by side apart.
set -euo pipefail

readonly SUBNET=10.77.0
readonly IFACE=mpi0
readonly MAX_HOSTS=200

usage() {
  echo "usage: $0 up PREFIX N | check PREFIX | down PREFIX" >&2
  exit 2
}

hosts_of() {
  ip netns list | awk '{print $1}' | grep -E "^$1-h[0-9]+\$" | sort -V || true
}

up() {
  local prefix=$1 n=$2 i host
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ] || [ "$n" -gt "$MAX_HOSTS" ]; then
    echo "netns-hosts: N must be 1..$MAX_HOSTS, got '$n'" >&2
    exit 2
  fi
  if [ -n "$(ip netns list | awk '{print $1}' | grep -E "^$prefix-" || true)" ]; then
    echo "netns-hosts: namespaces $prefix-* exist already" >&2
    exit 1
  fi
  trap 'down "$prefix" >/dev/null 2>&1' ERR
  local hosts_file
  hosts_file=$(printf '127.0.0.1 localhost\n'
               for i in $(seq 1 "$n"); do printf '%s.%d %s-h%d\n' "$SUBNET" "$i" "$prefix" "$i"; done)
  ip netns add "$prefix-br"
  ip -n "$prefix-br" link add br0 type bridge
  ip -n "$prefix-br" link set br0 up
  for i in $(seq 1 "$n"); do
    host="$prefix-h$i"
    ip netns add "$host"
    mkdir -p "/etc/netns/$host"
    printf '%s\n' "$hosts_file" > "/etc/netns/$host/hosts"
    echo "nameserver 127.0.0.1" > "/etc/netns/$host/resolv.conf"
    # Made inside the bridge's namespace and moved: no interface ever exists in the root namespace.
    ip -n "$prefix-br" link add "v$i" type veth peer name "p$i"
    ip -n "$prefix-br" link set "p$i" netns "$host"
    ip -n "$host" link set "p$i" name "$IFACE"
    ip -n "$host" addr add "$SUBNET.$i/24" dev "$IFACE"
    ip -n "$host" link set lo up
    ip -n "$host" link set "$IFACE" up
    ip -n "$prefix-br" link set "v$i" master br0 up
  done
  trap - ERR
  check "$prefix"
  for i in $(seq 1 "$n"); do
    echo "$prefix-h$i $SUBNET.$i"
  done
}

check() {
  local prefix=$1 host other address route
  local hosts
  hosts=$(hosts_of "$prefix")
  if [ -z "$hosts" ]; then
    echo "netns-hosts: no hosts $prefix-h*" >&2
    exit 1
  fi
  for host in $hosts; do
    if [ -n "$(ip -n "$host" route show default)" ]; then
      echo "netns-hosts: $host has a default route; refusing" >&2
      exit 1
    fi
    for other in $hosts; do
      address=$SUBNET.${other##*-h}
      if ! route=$(ip netns exec "$host" ip route get "$address" 2>&1); then
        echo "netns-hosts: in $host, no route to $address: $route" >&2
        exit 1
      fi
      if [ "$other" = "$host" ]; then
        [[ "$route" == local\ "$address"\ * ]] && continue
      elif [[ " $route " == *" dev $IFACE "* ]]; then
        continue
      fi
      echo "netns-hosts: in $host, $address does not route through $IFACE: $route" >&2
      exit 1
    done
  done
}

down() {
  local prefix=$1 ns pids namespaces tries
  namespaces=$(ip netns list | awk '{print $1}' | grep -E "^$prefix-(h[0-9]+|br)\$" || true)
  for ns in $namespaces; do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
  done
  for ns in $namespaces; do
    for tries in $(seq 1 50); do
      [ -z "$(ip netns pids "$ns" 2>/dev/null || true)" ] && break
      sleep 0.1
    done
    if [ -n "$(ip netns pids "$ns" 2>/dev/null || true)" ]; then
      echo "netns-hosts: processes still in $ns: $(ip netns pids "$ns" | tr '\n' ' ')" >&2
    fi
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "/etc/netns/$ns"
    # Open MPI names its session directory and shared-memory segments after the host name, which is the
    # namespace's name: what a killed job left on that host.
    rm -rf "/tmp/ompi.$ns."*
    rm -f "/dev/shm/vader_segment.$ns."*
  done
}

[ $# -ge 2 ] || usage
if ! [[ "$2" =~ ^[a-z0-9][a-z0-9-]{0,50}$ ]]; then
  echo "netns-hosts: PREFIX must be lower-case letters, digits and '-', at most 51 characters; got '$2'" >&2
  exit 2
fi
case "$1" in
  up) [ $# -eq 3 ] || usage; up "$2" "$3" ;;
  check) [ $# -eq 2 ] || usage; check "$2" ;;
  down) [ $# -eq 2 ] || usage; down "$2" ;;
  *) usage ;;
esac
