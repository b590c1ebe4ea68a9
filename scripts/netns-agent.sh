#!/bin/sh
# A stand-in for ssh between the simulated hosts of scripts/netns-hosts.sh: runs a command inside the network
# namespace named by the first argument, with that name as its host name (its own UTS namespace, so Open MPI's
# session directories and shared-memory segments of different hosts never meet).
#
#   netns-agent.sh HOST WORD...
#
# Like ssh, it joins the WORDs with spaces and gives the line to a shell on the "remote" side (Open MPI's
# plm_rsh_agent and jmpi-bench's JMPI_LAUNCH_AGENT both build their commands for ssh), passes stdin, stdout
# and stderr through, stays here (in the caller's namespace) while the command runs, and ends with its status.
# When the command dies by a signal, it says so on stderr the way ssh reports a remote end that went away.
if [ $# -lt 2 ]; then
  echo "usage: $0 HOST COMMAND..." >&2
  exit 255
fi
host=$1
shift
# In the background and waited for with wait's own stderr silenced, so that this shell adds no "Killed" line to
# the command's output (ssh would not); fd 3 keeps our stdin, which an asynchronous command would lose to
# /dev/null.
exec 3<&0
ip netns exec "$host" unshare --uts sh -c 'hostname "$1" && shift && exec sh -c "$*"' netns-agent "$host" "$@" \
  <&3 3<&- &
wait $! 2>/dev/null
status=$?
if [ "$status" -gt 128 ]; then
  echo "Connection to $host closed by remote host." >&2
fi
exit "$status"
