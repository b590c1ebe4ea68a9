#!/usr/bin/env bash
# Writes the build's identity for `jmpi-bench --version`: the version, and the git commit the jar is built from
# (with a flag when tracked files had uncommitted changes). Run by Maven when bench/cli is built; works in a
# linked worktree, and outside a git checkout (a source archive) it writes an empty commit. Never fails a build.
#
# Usage: scripts/build-info.sh VERSION OUTPUT.properties
set -u
version="${1:?usage: $0 VERSION OUTPUT.properties}"
out="${2:?usage: $0 VERSION OUTPUT.properties}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="" dirty="" time=""
if commit="$(git -C "$root" rev-parse --verify -q HEAD 2>/dev/null)"; then
  time="$(git -C "$root" log -1 --format=%cI HEAD 2>/dev/null || true)"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then dirty=true; else dirty=false; fi
else
  commit=""
fi
mkdir -p "$(dirname "$out")"
printf 'version=%s\ncommit=%s\ndirty=%s\ncommitTime=%s\n' "$version" "$commit" "$dirty" "$time" >"$out"
