#!/bin/bash
# Entry point of the nginx stand-in: what the official image's /docker-entrypoint.sh and its
# 20-envsubst-on-templates.sh do before nginx starts: every $NGINX_ENVSUBST_TEMPLATE_DIR/**/*.template
# (/etc/nginx/templates) becomes the same relative path without the suffix under $NGINX_ENVSUBST_OUTPUT_DIR
# (/etc/nginx/conf.d), with ${NAME} replaced for every NAME in the environment that matches $NGINX_ENVSUBST_FILTER
# (default: all); other $words (nginx's own variables) stay as they are.
set -euo pipefail
if [ "${1:-}" = nginx ] || [ "${1:-}" = nginx-debug ]; then
  template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
  suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
  output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
  filter=${NGINX_ENVSUBST_FILTER:-}
  defined_envs=$(printf '${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \"\" } }" < /dev/null))
  if [ -d "$template_dir" ] && [ -n "$(find "$template_dir" -follow -type f -name "*$suffix" -print -quit)" ]; then
    [ -w "$output_dir" ] || { echo "nginx stand-in: $output_dir is not writable (templates in $template_dir)" >&2; exit 1; }
    find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
      relative=${template#"$template_dir/"}
      output=$output_dir/${relative%"$suffix"}
      mkdir -p "$(dirname "$output")"
      echo "nginx stand-in: running envsubst on $template to $output"
      envsubst "$defined_envs" < "$template" > "$output"
    done
  fi
fi
exec "$@"
