#!/usr/bin/env bash
# The test bed's warm round trip (publish → run → health check) against a plain warm publish, same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --project tests/TestBed.Bench -c Release -- "${1:-3}"
