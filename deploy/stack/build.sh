#!/usr/bin/env bash
# ./stack up's build: ./mvnw package -DskipTests when a jar (or AOT cache) is missing, the JDK changed, or any source,
# pom or contract file changed since the last build; else nothing. One build at a time on this machine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
# shellcheck source=instances.sh
. "$here/instances.sh"

java_version() { "$java_bin" -version 2>&1 | head -n 1; }
# The JDK of java_bin, for ./mvnw (its java.home property; a JAVA_HOME set is used as it is).
java_home() {
  [ -z "${JAVA_HOME:-}" ] || { echo "$JAVA_HOME"; return; }
  "$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}'
}

stamp=$state/build.stamp
stale=no
for svc in "${services[@]}"; do [ -f "$(jar_of "$svc")" ] && [ -f "$(aot_cache_of "$svc")" ] || stale=yes; done
[ -d "$root/deploy/kafka/target/lib" ] || stale=yes
[ -f "$tools_jar" ] && [ -d "$tools_lib" ] || stale=yes
# A cache written by another JDK (JAVA_HOME changed since the build) is of no use: build again with this one.
[ "$(cat "$state/build.java" 2>/dev/null)" = "$(java_version)" ] || stale=yes
if [ "$stale" = no ] && [ -f "$stamp" ]; then
  [ -n "$(find "$root" -path "$root/.stack" -prune -o -path '*/target' -prune -o -path "$root/.git" -prune -o \
    -type f \( -path '*/src/*' -o -name pom.xml -o -name topics.conf \) -newer "$stamp" -print -quit)" ] && stale=yes
fi
[ -f "$stamp" ] || stale=yes
[ "$stale" = yes ] || exit 0
say "building (./mvnw package -DskipTests), log in $state/logs/build.log"
touch "$state/build.stamp.new"
# One build at a time on this machine, even with a second stack (or a bench) building beside this one.
if ! (cd "$root" && flock 9 && JAVA_HOME=$(java_home) ./mvnw -B -ntp package -DskipTests) \
     9>"${TMPDIR:-/tmp}/crampcare-build.lock" >"$state/logs/build.log" 2>&1; then
  grep -E '\[ERROR\]' "$state/logs/build.log" | head -n 15 >&2
  die "the build failed; full log: $state/logs/build.log"
fi
mv "$state/build.stamp.new" "$stamp"
java_version > "$state/build.java"
