#!/usr/bin/env bash
# gRPC probe benchmark (not a test), run by build/bench/probe.sh or alone: the static healthprobe's grpc:// check
# (grpc.health.v1.Health/Check over cleartext HTTP/2) against its http:// check, both on the same local Kestrel app
# (samples/GrpcSample: an Http2 endpoint with the gRPC health service, an Http1 endpoint with MapHealthChecks("/healthz")),
# measured in this run. Target: gRPC wall ≤ 1.3× HTTP wall; the static file stays ≤ 2.0 MB per RID (probe.sh checks size).
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run build/install-prerequisites.sh" >&2; exit 1; }
done

out=artifacts/bench/probe-grpc
rm -rf "$out"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

probe=artifacts/bench/probe/linux-x64/healthprobe
if [ ! -x "$probe" ]; then
  echo "building the probe (static linux-x64)..."
  dotnet publish src/Probe/healthprobe.csproj -c Release -r linux-x64 -o "$out/linux-x64" -nologo -v:q >"$out/publish.log" 2>&1 \
    || { cat "$out/publish.log"; exit 1; }
  probe="$out/linux-x64/healthprobe"
fi

echo "building samples/GrpcSample..."
dotnet build samples/GrpcSample/GrpcSample.csproj -c Release -o "$out/sample" -nologo -v:q >"$out/sample-build.log" 2>&1 \
  || { cat "$out/sample-build.log"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
grpc_port=$(free_port)
http_port=$(free_port)
Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$grpc_port" Kestrel__Endpoints__grpc__Protocols=Http2 \
Kestrel__Endpoints__http__Url="http://127.0.0.1:$http_port" Kestrel__Endpoints__http__Protocols=Http1 \
UnhealthyMarker="$out/unhealthy" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$out/sample/GrpcSample.dll" >"$out/sample.log" 2>&1 &
sample_pid=$!
trap 'kill $sample_pid 2>/dev/null || true' EXIT

grpc="grpc://127.0.0.1:$grpc_port"
http="http://127.0.0.1:$http_port/healthz"
for _ in $(seq 200); do
  "$probe" "$grpc" >/dev/null 2>&1 && "$probe" "$http" >/dev/null 2>&1 && break
  sleep 0.05
done
# Both checks must agree on the verdict before they are timed, and both must see the health check fail.
"$probe" "$grpc" && "$probe" "$http"
touch "$out/unhealthy"
if "$probe" "$grpc" || "$probe" "$http"; then
  echo "a check stayed healthy while the app's health check failed" >&2
  exit 1
fi
rm "$out/unhealthy"

nice_cmd=()
[ "$(id -u)" -eq 0 ] && nice_cmd=(nice -n -10)

echo "timing (hyperfine)..."
"${nice_cmd[@]}" hyperfine -N --warmup 20 --min-runs 200 --style none \
  -n grpc "$probe $grpc" -n http "$probe $http" \
  --export-json "$out/timing.json" >/dev/null 2>"$out/hyperfine.log"

python3 - "$out" <<'PY'
import json, os, sys
results = {r["command"]: r for r in json.load(open(os.path.join(sys.argv[1], "timing.json")))["results"]}
ms = lambda s: s * 1000
print()
print("| healthprobe check (same Kestrel app) | wall mean ± σ (ms) | CPU (ms) |")
print("|---|---|---|")
for name, label in [("grpc", "grpc:// Health/Check (HTTP/2)"), ("http", "http:// GET /healthz (HTTP/1.1)")]:
    r = results[name]
    print(f"| {label} | {ms(r['mean']):.2f} ± {ms(r['stddev']):.2f} | {ms(r['user'] + r['system']):.2f} |")
ratio = results["grpc"]["mean"] / results["http"]["mean"]
print()
print(f"{'PASS' if ratio <= 1.3 else 'FAIL'}  gRPC check wall ≤ 1.3× HTTP check: {ratio:.2f}×")
PY
