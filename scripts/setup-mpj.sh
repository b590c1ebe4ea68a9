#!/usr/bin/env bash
# Makes MPJ Express usable by the build: installs it when missing (Debian's libmpj-java, as root) and puts the jar
# we compile against into the local Maven repository under fixed coordinates, since no MPJ Express artifact is on
# Maven Central. Idempotent: a second run only checks and says so.
#
#   scripts/setup-mpj.sh            # use $MPJ_HOME if set, else Debian's /usr/share/mpj (installed when missing)
#   MPJ_HOME=/opt/mpj scripts/setup-mpj.sh
#
# Installs into ~/.m2: org.jmpibench.external:mpj-express:installed (a copy of MPJ_HOME/lib/mpj.jar).
# The root pom enables backends/mpjexpress only when that artifact exists.
set -euo pipefail

GROUP_ID=org.jmpibench.external
ARTIFACT_ID=mpj-express
VERSION=installed
DEBIAN_HOME=/usr/share/mpj
DEBIAN_LOG4J=/usr/share/java/log4j-1.2.jar

say() { echo "setup-mpj: $*"; }
fail() { echo "setup-mpj: $*" >&2; exit 1; }

apt_install() {
  # apt-get update only when the package is unknown to apt: a second run must not touch the network.
  if ! apt-cache show "$@" >/dev/null 2>&1; then
    say "apt-get update"
    apt-get update -qq
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [[ -n "${MPJ_HOME:-}" ]]; then
  home="$MPJ_HOME"
  [[ -f "$home/lib/mpj.jar" ]] || fail "MPJ_HOME=$home has no lib/mpj.jar; unset MPJ_HOME to use Debian's libmpj-java"
  say "using MPJ_HOME=$home"
else
  home="$DEBIAN_HOME"
  if [[ -f "$home/lib/mpj.jar" && -f "$DEBIAN_LOG4J" ]]; then
    say "libmpj-java already installed ($home)"
  elif [[ $(id -u) -eq 0 ]]; then
    apt_install libmpj-java liblog4j1.2-java
  else
    fail "MPJ Express is not installed. As root run: apt-get install libmpj-java liblog4j1.2-java" \
         "(or point MPJ_HOME at an MPJ Express 0.44 installation)"
  fi
fi

for jar in mpj.jar mpi.jar mpjdev.jar mpjbuf.jar xdev.jar niodev.jar smpdev.jar starter.jar runtimecommon.jar \
           loader2.jar mpiExp.jar; do
  [[ -f "$home/lib/$jar" ]] || fail "$home/lib/$jar is missing: the niodev and smpdev launchers need it"
done
if ! ls "$home"/lib/log4j*.jar >/dev/null 2>&1 && [[ ! -f "$DEBIAN_LOG4J" ]]; then
  fail "no log4j 1.2 jar in $home/lib or $DEBIAN_LOG4J (Debian: apt-get install liblog4j1.2-java)"
fi

repo_jar="$HOME/.m2/repository/${GROUP_ID//.//}/$ARTIFACT_ID/$VERSION/$ARTIFACT_ID-$VERSION.jar"
if [[ -f "$repo_jar" ]] && cmp -s "$repo_jar" "$home/lib/mpj.jar"; then
  say "$GROUP_ID:$ARTIFACT_ID:$VERSION already in the local Maven repository"
else
  command -v mvn >/dev/null || fail "mvn is not on the PATH"
  say "installing $home/lib/mpj.jar as $GROUP_ID:$ARTIFACT_ID:$VERSION"
  # Run outside the project: with a pom in the working directory Maven would run the goal once per module.
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  (cd "$scratch" && mvn -q -B install:install-file -Dfile="$(readlink -f "$home/lib/mpj.jar")" \
     -DgroupId="$GROUP_ID" -DartifactId="$ARTIFACT_ID" -Dversion="$VERSION" -Dpackaging=jar -DgeneratePom=true)
fi
say "done: MPJ Express at $home; the mpj-niodev and mpj-smpdev backends will be built"
