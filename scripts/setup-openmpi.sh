#!/usr/bin/env bash
# Sets up what the `openmpi` backend needs, idempotently:
#   1. Open MPI itself (mpirun, libmpi_java.so): installed with apt-get when missing and we are root;
#      otherwise we print what to install and stop.
#   2. An mpi.jar that matches the installed libmpi_java.so. Debian/Ubuntu ship the JNI library but no jar,
#      so when there is none beside Open MPI's libraries we compile it from the distribution's source package
#      of exactly the installed version (a private apt configuration adds the deb-src entry: the system's apt
#      sources are never edited) and cache it under ~/.cache/jmpi-bench/openmpi/<package-version>/.
#   3. That jar in the local Maven repository under a fixed coordinate,
#      org.jmpibench.external:openmpi-mpi:installed, so the build can compile against it (scope provided),
#      and a properties file telling the runtime which jar and JNI library directory to use.
# A second run with everything in place only checks and prints a few lines.
#
# Environment: JMPI_CACHE_DIR (default ~/.cache/jmpi-bench), MAVEN_REPO_LOCAL (default ~/.m2/repository).
set -euo pipefail

readonly GROUP_ID=org.jmpibench.external
readonly ARTIFACT_ID=openmpi-mpi
readonly FIXED_VERSION=installed
readonly CACHE_DIR="${JMPI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jmpi-bench}/openmpi"
readonly MAVEN_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
readonly REPO_JAR="$MAVEN_REPO/${GROUP_ID//.//}/$ARTIFACT_ID/$FIXED_VERSION/$ARTIFACT_ID-$FIXED_VERSION.jar"
readonly PROPERTIES="$CACHE_DIR/installed.properties"

say() { echo "setup-openmpi: $*"; }
die() { echo "setup-openmpi: ERROR: $*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
is_debian_like() { command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; }

# --- 1. Open MPI ------------------------------------------------------------------------------------------

libdir_of_openmpi() {
  # ompi_info knows where this installation keeps its libraries; it is in openmpi-bin with mpirun.
  command -v ompi_info >/dev/null || return 1
  ompi_info --path libdir 2>/dev/null | sed -n 's/^ *Libdir: *//p'
}

openmpi_complete() {
  command -v mpirun >/dev/null || return 1
  local libdir
  libdir=$(libdir_of_openmpi) || return 1
  [ -n "$libdir" ] && [ -e "$libdir/libmpi_java.so" ]
}

ensure_openmpi() {
  if openmpi_complete; then
    return
  fi
  if ! is_debian_like; then
    die "Open MPI with Java bindings (mpirun, libmpi_java.so) is missing; install Open MPI 4.x or 5.x built with --enable-mpi-java and run this again"
  fi
  if ! is_root; then
    echo "setup-openmpi: Open MPI is missing. As root, run:" >&2
    echo "    apt-get update && apt-get install -y openmpi-bin libopenmpi-dev" >&2
    echo "setup-openmpi: then run this script again." >&2
    exit 2
  fi
  # A fresh machine may have no package lists yet: update only when apt does not know the package.
  if ! apt-cache policy openmpi-bin 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    say "apt-get update"
    apt-get -q update >/dev/null
  fi
  say "installing openmpi-bin libopenmpi-dev with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends openmpi-bin libopenmpi-dev >/dev/null
  openmpi_complete || die "installed openmpi-bin and libopenmpi-dev, but mpirun or libmpi_java.so is still missing"
}

# --- 2. mpi.jar -------------------------------------------------------------------------------------------

# The deb-src twins of the system's deb entries for this release's suites (codename, codename-updates,
# codename-security), in deb822 and one-line form. Third-party repositories are left out: they rarely carry
# sources and their failure would stop the update.
write_deb_src_entries() {
  local codename=$1 out=$2 f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    awk -v codename="$codename" '
      BEGIN { RS = ""; ORS = "\n" }
      {
        n = split($0, lines, "\n"); types = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= n; i++) {
          if (lines[i] ~ /^Types:/) types = lines[i]
          if (lines[i] ~ /^Suites:/) suites = lines[i]
          if (lines[i] ~ /^Enabled:/) { enabled = lines[i]; sub(/^Enabled: */, "", enabled) }
        }
        if (enabled == "no" || types !~ /[ :]deb( |$)/) next
        kept = ""; m = split(suites, words, /[ \t]+/)
        for (j = 2; j <= m; j++)
          if (words[j] == codename || index(words[j], codename "-") == 1) kept = kept " " words[j]
        if (kept == "") next
        for (i = 1; i <= n; i++) {
          if (lines[i] ~ /^Types:/) print "Types: deb-src"
          else if (lines[i] ~ /^Suites:/) print "Suites:" kept
          else print lines[i]
        }
        printf "\n"
      }' "$f"
  done >"$out/sources.list.d/deb-src.sources"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -e "$f" ] || continue
    awk -v codename="$codename" '
      $1 == "deb" {
        # Find the suite: the field after the URI, skipping an [options] block.
        j = 2; if ($j ~ /^\[/) { while ($j !~ /\]$/) j++; j++ }
        suite = $(j + 1)
        if (suite == codename || index(suite, codename "-") == 1) { $1 = "deb-src"; print }
      }' "$f"
  done >"$out/sources.list.d/deb-src.list"
}

# Downloads the distribution's source package of exactly the installed Open MPI, unpacks it (with its
# distribution patches) and compiles ompi/mpi/java/java/*.java into $1.
build_jar_from_debian_source() {
  local target=$1 src_package=$2 src_version=$3
  local work
  work=$(mktemp -d "${TMPDIR:-/tmp}/jmpi-openmpi-src.XXXXXX")
  # shellcheck disable=SC2064  # expand now: $work is local
  trap "rm -rf '$work'" RETURN
  mkdir -p "$work/apt/sources.list.d" "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/src"
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$codename" ] || die "cannot tell this release's codename from /etc/os-release"
  write_deb_src_entries "$codename" "$work/apt"
  if [ ! -s "$work/apt/sources.list.d/deb-src.sources" ] && [ ! -s "$work/apt/sources.list.d/deb-src.list" ]; then
    die "no apt source for suite '$codename' found in /etc/apt; cannot fetch the $src_package source package"
  fi
  # A private apt configuration: our own deb-src list, package lists and cache; nothing system-wide changes.
  local apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/apt/sources.list.d"
                  -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
                  -o Debug::NoLocking=true)
  if is_root; then
    # Our private directories are root's; apt's sandbox user could not write to them.
    apt_opts+=(-o APT::Sandbox::User=root)
  fi
  say "fetching the source package $src_package=$src_version (private apt configuration, deb-src for $codename)"
  apt-get "${apt_opts[@]}" -qq update >"$work/apt-update.log" 2>&1 \
    || { cat "$work/apt-update.log" >&2; die "apt-get update of the private deb-src configuration failed"; }
  (cd "$work/src" && apt-get "${apt_opts[@]}" -qq source --download-only "$src_package=$src_version") \
    >"$work/apt-source.log" 2>&1 \
    || { cat "$work/apt-source.log" >&2; die "apt-get source --download-only $src_package=$src_version failed"; }

  local dsc java_dir
  dsc=$(ls "$work/src"/*.dsc)
  if command -v dpkg-source >/dev/null; then
    # apt has verified every file against the signed Sources index; dpkg-source need not check again.
    (cd "$work/src" && dpkg-source --no-check -x "$dsc" tree) >"$work/dpkg-source.log" 2>&1 \
      || { cat "$work/dpkg-source.log" >&2; die "dpkg-source -x failed"; }
    java_dir="$work/src/tree/ompi/mpi/java/java"
  else
    # Without dpkg-dev: take the Java sources from the upstream tarball and apply the distribution's patches
    # that touch them, in series order.
    mkdir -p "$work/src/tree"
    tar -xf "$(ls "$work/src"/*.orig.tar.*)" -C "$work/src/tree" --strip-components=1 --wildcards '*/ompi/mpi/java/java/*'
    local debian_tar
    debian_tar=$(ls "$work/src"/*.debian.tar.* 2>/dev/null || true)
    if [ -n "$debian_tar" ]; then
      tar -xf "$debian_tar" -C "$work/src/tree"
      local patch_file
      while read -r patch_file; do
        [ -n "$patch_file" ] && [ "${patch_file:0:1}" != "#" ] || continue
        if grep -q '^+++ .*ompi/mpi/java/java/' "$work/src/tree/debian/patches/$patch_file"; then
          command -v patch >/dev/null || die "the Debian patch $patch_file touches the Java sources; install 'patch' or 'dpkg-dev'"
          (cd "$work/src/tree" && patch -s -p1 <"debian/patches/$patch_file") || die "patch $patch_file failed"
        fi
      done <"$work/src/tree/debian/patches/series"
    fi
    java_dir="$work/src/tree/ompi/mpi/java/java"
  fi
  [ -d "$java_dir" ] || die "the source package has no ompi/mpi/java/java directory"

  say "compiling $(ls "$java_dir"/*.java | wc -l) Java sources of Open MPI's bindings"
  mkdir -p "$work/classes"
  # --release 11: the jar must load on any JVM the suite runs on (17 by default), whichever javac is first.
  javac -nowarn -Xlint:none --release 11 -encoding UTF-8 -d "$work/classes" "$java_dir"/*.java 2>"$work/javac.log" \
    || { cat "$work/javac.log" >&2; die "javac failed on Open MPI's Java sources"; }
  mkdir -p "$(dirname "$target")"
  jar cf "$target.tmp" -C "$work/classes" .
  mv -f "$target.tmp" "$target"
}

# Prints the path of an mpi.jar matching the installed libmpi_java.so, building it when needed.
find_or_build_jar() {
  local libdir=$1 cache_key=$2
  if [ -f "$libdir/mpi.jar" ]; then
    echo "$libdir/mpi.jar"
    return
  fi
  local cached="$CACHE_DIR/$cache_key/mpi.jar"
  if [ -f "$cached" ]; then
    echo "$cached"
    return
  fi
  is_debian_like || die "no mpi.jar beside $libdir/libmpi_java.so, and building it is only automated on Debian/Ubuntu; build Open MPI with --enable-mpi-java"
  local owner src_package src_version
  owner=$(dpkg -S "$(readlink -f "$libdir/libmpi_java.so")" 2>/dev/null | head -1 | cut -d: -f1-2) \
    || die "$libdir/libmpi_java.so belongs to no Debian package: cannot tell which source to build mpi.jar from"
  src_package=$(dpkg-query -W -f='${source:Package}' "$owner")
  src_version=$(dpkg-query -W -f='${source:Version}' "$owner")
  build_jar_from_debian_source "$cached" "$src_package" "$src_version" >&2
  echo "$cached"
}

# --- 3. Maven and the runtime -----------------------------------------------------------------------------

install_into_maven_repo() {
  local jar=$1
  if [ -f "$REPO_JAR" ] && cmp -s "$jar" "$REPO_JAR"; then
    say "local Maven repository already has $GROUP_ID:$ARTIFACT_ID:$FIXED_VERSION"
    return
  fi
  command -v mvn >/dev/null || die "mvn not found: cannot install $jar into the local Maven repository"
  local repo_opt=()
  [ -n "${MAVEN_REPO_LOCAL:-}" ] && repo_opt=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
  local log
  log=$(mktemp)
  mvn -q -B -Dstyle.color=never "${repo_opt[@]}" install:install-file -Dfile="$jar" -DgroupId=$GROUP_ID \
    -DartifactId=$ARTIFACT_ID -Dversion=$FIXED_VERSION -Dpackaging=jar -DgeneratePom=true >"$log" 2>&1 \
    || { cat "$log" >&2; rm -f "$log"; die "mvn install:install-file failed"; }
  rm -f "$log"
  say "installed $jar into the local Maven repository as $GROUP_ID:$ARTIFACT_ID:$FIXED_VERSION"
}

write_properties() {
  local jar=$1 libdir=$2 version=$3 package_version=$4
  local content
  content=$(printf '%s\n' \
    "# Written by scripts/setup-openmpi.sh; read by the openmpi backend (org.jmpibench.openmpi)." \
    "mpi.jar=$jar" \
    "libmpi_java.dir=$libdir" \
    "openmpi.version=$version" \
    "package.version=$package_version")
  if [ -f "$PROPERTIES" ] && [ "$(cat "$PROPERTIES")" = "$content" ]; then
    return
  fi
  mkdir -p "$CACHE_DIR"
  printf '%s\n' "$content" >"$PROPERTIES.tmp"
  mv -f "$PROPERTIES.tmp" "$PROPERTIES"
  say "wrote $PROPERTIES"
}

main() {
  ensure_openmpi
  local libdir version package_version
  libdir=$(libdir_of_openmpi)
  version=$(mpirun --version 2>/dev/null | sed -n 's/^mpirun (Open MPI) //p' | head -1)
  [ -n "$version" ] || die "cannot tell the Open MPI version from 'mpirun --version'"
  package_version=$version
  if is_debian_like; then
    local owner
    owner=$(dpkg -S "$(readlink -f "$libdir/libmpi_java.so")" 2>/dev/null | head -1 | cut -d: -f1-2 || true)
    [ -n "$owner" ] && package_version=$(dpkg-query -W -f='${Version}' "$owner")
  fi
  say "Open MPI $version (package $package_version), libmpi_java.so in $libdir"
  local jar
  jar=$(find_or_build_jar "$libdir" "$package_version")
  say "mpi.jar: $jar"
  install_into_maven_repo "$jar"
  write_properties "$jar" "$libdir" "$version" "$package_version"
  say "ready"
}

main "$@"
