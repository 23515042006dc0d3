#!/usr/bin/env bash
# ./stack token USER [ROLE] and ./stack metrics-token [DIR]: bearer tokens signed with the local key (keys.sh) by
# the tools module's MintToken (smallrye-jwt-build; ./mvnw package or ./stack up builds it).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"

# Tokens live as long as the services accept (exp - iat): the same setting, so a lower maximum shortens both.
token_lifetime=${CRAMPCARE_SECURITY_MAX_TOKEN_LIFETIME_SECONDS:-3600}

token() {
  local user=${1:-} role=${2:-user}
  [[ $user =~ ^[A-Za-z0-9._@-]{1,64}$ ]] || die "usage: ./stack token USER [user|admin|metrics]  (USER: letters, digits, . _ @ -)"
  [[ $role == user || $role == admin || $role == metrics ]] || die "role must be user, admin or metrics"
  "$here/keys.sh"
  [ -f "$tools_jar" ] && [ -d "$tools_lib" ] \
    || die "the token tool is not built ($tools_jar): run ./mvnw package -DskipTests (or ./stack up, which builds it)"
  command -v "$java_bin" >/dev/null || die "$java_bin not found: install a JDK (17 or newer) and set JAVA_HOME to it"
  # Short-lived: the JIT compiler's first tier is all it needs.
  "$java_bin" -XX:TieredStopAtLevel=1 -cp "$tools_jar:$tools_lib/*" io.crampcare.tools.MintToken \
    "$keys_dir/private.pem" "$token_lifetime" "$user" "$role" || die "the token tool failed (see above)"
}

# Prometheus reads its token file at every scrape: replaced whole (rename), never seen half-written. Readable by
# others (Prometheus runs as another user in its container); it opens /q/metrics only, for an hour.
metrics_token() {
  local dir=${1:-$state/prometheus}
  mkdir -p "$dir"
  token prometheus metrics > "$dir/metrics.token.new"
  chmod 644 "$dir/metrics.token.new"
  mv "$dir/metrics.token.new" "$dir/metrics.token"
  say "wrote $dir/metrics.token (role metrics, good for ${token_lifetime}s)"
}

case "${1:-}" in
  token) token "${2:-}" "${3:-}" ;;
  metrics-token) metrics_token "${2:-}" ;;
  *) die "usage: $0 token USER [ROLE] | metrics-token [DIR]" ;;
esac
