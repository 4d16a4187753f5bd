#!/usr/bin/env bash
# Where a warm publish with ContainerHealth spends its time: MSBuild's performance summary of the last of RUNS (2) warm
# publishes to a registry, an archive and the local Docker engine; ContainerHealth's tasks and targets and their share.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build tests/Demo -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet run --project tests/Demo -c Release --no-build -- bench-profile "${RUNS:-2}"
