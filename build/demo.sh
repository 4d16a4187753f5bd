#!/usr/bin/env bash
# The README's main command: publish samples/HealthySample with ContainerHealth into a chiseled-like image on the
# test-bed registry, run it with runc, and show the usual curl check failing next to the image's own HEALTHCHECK passing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
build/install-prerequisites.sh
dotnet build tests/Demo -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet run --project tests/Demo -c Release --no-build -- demo
