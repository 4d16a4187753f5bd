#!/usr/bin/env bash
# Publish overhead: the sample with and without ContainerHealth to a registry, an archive and the local Docker engine,
# alternating, RUNS (5) warm runs each; prints the medians, their ratios (target <= 1.05x) and the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build tests/Demo -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet run --project tests/Demo -c Release --no-build -- bench "${RUNS:-5}"
