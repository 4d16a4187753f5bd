#!/usr/bin/env bash
# The README's first command: publish samples/HealthySample with ContainerHealth into a chiseled-like image, run it under
# a private Docker engine with its own HEALTHCHECK and with the usual curl check, and show what Docker says about each.
# Output of installs and builds goes to the log; a failure prints one line: what failed, how to rerun, where the log is.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p artifacts
export CONTAINERHEALTH_DEMO_LOG="$PWD/artifacts/demo.log"
: >"$CONTAINERHEALTH_DEMO_LOG"

fail() {
  echo "demo failed: $1. Rerun: build/demo.sh  Log: $CONTAINERHEALTH_DEMO_LOG" >&2
  exit 1
}

echo "==> installing what the demo needs (Debian packages, the Docker engine), when missing"
build/install-prerequisites.sh >>"$CONTAINERHEALTH_DEMO_LOG" 2>&1 || fail "installing the prerequisites (build/install-prerequisites.sh)"
echo "==> building the demo and the ContainerHealth package"
dotnet build tests/Demo -c Release -nologo -v:q >>"$CONTAINERHEALTH_DEMO_LOG" 2>&1 || fail "building tests/Demo"
dotnet run --project tests/Demo -c Release --no-build -- demo || fail "the demo run (above)"
