#!/usr/bin/env bash
# Verify overhead: the sample published to a registry with and without ContainerHealthVerify=true, alternating, RUNS (5)
# warm runs each; prints the medians, the difference (target: at most the app's start-up + 1.5 s) and the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build tests/Demo -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet run --project tests/Demo -c Release --no-build -- bench-verify "${RUNS:-5}"
