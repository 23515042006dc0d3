# shellcheck shell=bash
# Sourced by ./stack and the scripts beside this one: the settings of the local stack (from the environment, with
# the defaults ./stack's header lists), its messages, and the JDK check.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CRAMPCARE_STATE=${CRAMPCARE_STATE:-$root/.stack}
state=$CRAMPCARE_STATE
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database=${CRAMPCARE_DB:-crampcare}
# The services need a JDK 25: the build writes each one's AOT cache (app.aot) with it, and only the same JDK can
# use that cache. JAVA_HOME first (./mvnw builds with it too), else java on the PATH.
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
kafka_bootstrap=127.0.0.1:${KAFKA_PORT:-9092}
# JWTs: the stack signs with a key pair it makes on first use (keys.sh); the services check issuer and audience.
keys_dir=$state/keys

services=(intake advice reminder)
declare -A port=([intake]=${INTAKE_PORT:-8081} [advice]=${ADVICE_PORT:-8082} [reminder]=${REMINDER_PORT:-8083})

say() { echo "stack: $*"; }
die() { echo "stack: $*" >&2; exit 1; }
# The tools module's main classes (tokens: token.sh), with their dependencies; ./mvnw package writes both.
tools_jar=$root/tools/target/tools.jar
tools_lib=$root/tools/target/lib
