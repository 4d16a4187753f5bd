#!/usr/bin/env bash
# Publish overhead: the sample to the same warm registry with and without ContainerHealth, alternating, >= 5 runs each
# after a warm-up; prints both medians and their ratio (target <= 1.10x). RUNS=N to change the count.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build tests/Demo -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet run --project tests/Demo -c Release --no-build -- bench "${RUNS:-5}"
