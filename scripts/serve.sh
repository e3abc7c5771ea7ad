#!/usr/bin/env bash
# Sets everything up and serves the app at http://127.0.0.1:8080 (release build).
# Another port: `bash scripts/serve.sh --port 8081`, or `PORT=8081 bash scripts/serve.sh`
# (--port wins when both are given).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8080}"
rest=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --port) port="${args[i + 1]:-}"; i=$((i + 1)) ;;
    --port=*) port="${args[i]#--port=}" ;;
    *) rest+=("${args[i]}") ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
  echo "Not a port number: '$port' (give 1-65535 with --port or PORT)." >&2
  exit 2
fi
# Trunk answers a busy port with a stack trace after the whole build: say so first, plainly.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port on 127.0.0.1 is already in use (another server, or the app already running)." >&2
  echo "Stop it, or serve on another port: PORT=$((port + 1)) bash scripts/serve.sh" >&2
  exit 1
fi
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
# Live reload is an inline script, which the page's CSP forbids.
exec trunk serve --release --no-autoreload --port "$port" ${rest[@]+"${rest[@]}"}
