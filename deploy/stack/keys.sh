#!/usr/bin/env bash
# ./stack keys: the local stack's JWT key pair (RSA 2048, PEM), made now if missing: keys/private.pem signs the
# tokens (token.sh), keys/public.pem is what the services (and compose: deploy/first-run.sh) check them with. Plain
# openssl, so that it works before any build.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -f "$keys_dir/private.pem" ] && [ -f "$keys_dir/public.pem" ] && exit 0
command -v openssl >/dev/null || die "openssl not found: install it (Debian: apt-get install openssl); it makes the local JWT keys"
mkdir -p "$keys_dir" && chmod 700 "$keys_dir"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys_dir/private.pem" 2>/dev/null
openssl pkey -in "$keys_dir/private.pem" -pubout -out "$keys_dir/public.pem"
say "made a JWT key pair in $keys_dir (local only, gitignored); ./stack token USER gives a token" >&2
