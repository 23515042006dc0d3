#!/usr/bin/env bash
# Builds every image docker-compose.yml needs on a Docker engine that reaches no registry (this machine, CI):
#   deploy/images/build.sh
# 1. a Debian bookworm base made with debootstrap from the Debian mirror apt already uses (cached: the tarball in
#    $CRAMPCARE_IMAGE_CACHE, the image in the engine), 2. stand-ins for the pinned official images compose names,
#    built from Debian packages and this repo behind the interface those images document, tagged with their names
#    (deploy/images/README.md), 3. the three services, by `docker-compose build` from their Dockerfile.jvm.
# On a host that reaches the registries none of this is needed: compose pulls the official images.
# Needs root (debootstrap), docker, docker-compose, debootstrap; the services' and the broker's Maven output
# (./mvnw package -DskipTests; run here through the build lock when missing).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${CRAMPCARE_IMAGE_CACHE:-/var/cache/crampcare-images}
base=crampcare-stand-in/debian:bookworm
# The official images compose names, and what stands in for each (directory under deploy/images).
declare -A stand_in=(
  [registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21]=java-runtime
  [eclipse-temurin:25-jre]=temurin-runtime
  [apache/kafka:4.1.2]=kafka
  [postgres:15]=postgres
  [nginx:1.28.0]=nginx
)
order=(registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21 eclipse-temurin:25-jre apache/kafka:4.1.2 postgres:15
  nginx:1.28.0)
# The services' base (eclipse-temurin:25-jre) stands in with this machine's JDK 25 (no Debian package of it):
# CRAMPCARE_IMAGE_JDK, else JAVA_HOME if it is a JDK 25, else the Temurin 25 under /usr/lib/jvm.
jdk25() {
  local dir
  for dir in "${CRAMPCARE_IMAGE_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-*; do
    [ -n "$dir" ] && [ -x "$dir/bin/java" ] || continue
    "$dir/bin/java" -version 2>&1 | head -n 1 | grep -q '"25' && { echo "$dir"; return; }
  done
  die "no JDK 25 found for the services' base image: install Temurin 25 or set CRAMPCARE_IMAGE_JDK"
}

say() { printf '%s images: %s\n' "$(date +%T)" "$*"; }
die() { echo "images: $*" >&2; exit 1; }

# The Debian mirror apt uses (deb822 .sources first, then sources.list).
mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

build_base() {
  if docker image inspect "$base" >/dev/null 2>&1; then say "$base cached in the engine"; return; fi
  local tarball=$cache/debian-bookworm-minbase.tar
  if [ ! -f "$tarball" ]; then
    command -v debootstrap >/dev/null || die "debootstrap missing: apt-get install -y debootstrap"
    local tree; tree=$(mktemp -d)
    say "debootstrap bookworm from $(mirror) (first run, about 30 s)"
    debootstrap --variant=minbase bookworm "$tree" "$(mirror)" >"$tree.log" 2>&1 \
      || { tail -n 20 "$tree.log" >&2; die "debootstrap failed (log $tree.log)"; }
    # As Debian's own container images: no services start inside builds, no recommends, no apt caches.
    printf '#!/bin/sh\nexit 101\n' > "$tree/usr/sbin/policy-rc.d" && chmod 755 "$tree/usr/sbin/policy-rc.d"
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$tree/etc/apt/apt.conf.d/90containers"
    chroot "$tree" apt-get clean && rm -rf "$tree"/var/lib/apt/lists/* "$tree"/var/log/*.log "$tree.log"
    mkdir -p "$cache"
    tar -C "$tree" --numeric-owner -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$tree"
  fi
  say "importing $tarball as $base"
  docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' "$tarball" "$base" >/dev/null
}

build_stand_in() {
  local name=$1 dir=$here/${stand_in[$1]} context=$root/deploy
  say "building $name (stand-in from $dir)"
  if [ "${stand_in[$1]}" = temurin-runtime ]; then
    # Its own context: the Dockerfile and a copy of the JDK (removed again below).
    context=$(mktemp -d)
    cp -a "$(jdk25)" "$context/jdk"
  fi
  # --network host: apt inside the build reaches the mirror only through the host's network here.
  docker build -q --network host --build-arg BASE="$base" --build-arg JAVA_RUNTIME="${order[0]}" \
    --label org.opencontainers.image.description="CrampCare stand-in for $name, built by deploy/images/build.sh" \
    -t "$name" -f "$dir/Dockerfile" "$context" >"$log" 2>&1 || { cat "$log" >&2; die "building $name failed"; }
  [ "$context" = "$root/deploy" ] || rm -rf "$context"
}

maven_output() {
  local missing=no svc
  for svc in intake advice reminder; do
    [ -f "$root/$svc-service/target/quarkus-app/quarkus-run.jar" ] || missing=yes
  done
  [ -d "$root/deploy/kafka/target/lib" ] || missing=yes
  [ "$missing" = yes ] || return 0
  say "./mvnw package -DskipTests (service jars or the broker's libraries missing)"
  (cd "$root" && flock /tmp/crampcare-mvn.lock ./mvnw -B -ntp package -DskipTests -q)
}

started=$SECONDS
# Builder output goes here and is shown only when a build fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd first)"
maven_output
build_base
for name in "${order[@]}"; do build_stand_in "$name"; done
say "building the services (docker-compose build)"
(cd "$root" && docker-compose build -q intake-service advice-service reminder-service) >"$log" 2>&1 \
  || { cat "$log" >&2; die "building the services failed"; }
say "done in $((SECONDS - started)) s"
