#!/usr/bin/env bash
# container-health lint when registries fail: one compose file naming 12 images on a registry that accepts connections
# and never answers (busybox nc running `sleep`), against the same file on a registry that refuses at once (anchor).
# Target (issue 13): under 5 s per file with every registry unreachable.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Cli -c Release -nologo -v:q >/dev/null
cli="dotnet $PWD/src/Cli/bin/Release/net8.0/container-health.dll"

work=$(mktemp -d)
silent_port=47$((RANDOM % 900 + 100))
busybox nc -ll -p "$silent_port" -e sleep 120 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT

compose() {
  echo "services:"
  for i in $(seq 1 12); do
    printf '  s%d:\n    image: 127.0.0.1:%s/team/service-%d:1.0\n    healthcheck:\n      test: ["CMD", "/app/healthprobe"]\n' "$i" "$1" "$i"
  done
}
mkdir -p "$work/silent" "$work/refused"
compose "$silent_port" > "$work/silent/compose.yaml"
compose 1 > "$work/refused/compose.yaml"

export XDG_CACHE_HOME="$work/cache"
hyperfine --style basic --runs 3 --export-json "$work/lint.json" \
  -n refused "cd $work/refused && $cli lint compose.yaml --fail-on never" \
  -n silent "cd $work/silent && $cli lint compose.yaml --fail-on never" >/dev/null
means=($(grep -o '"mean": *[0-9.e-]*' "$work/lint.json" | awk '{print $2}'))
awk -v refused="${means[0]}" -v silent="${means[1]}" 'BEGIN {
  printf "lint, 12 images on a refusing registry: %.2f s (anchor)\n", refused
  printf "lint, 12 images on a silent registry:   %.2f s (%.1fx; target under 5 s)\n", silent, silent / refused
}'
