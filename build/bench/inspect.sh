#!/usr/bin/env bash
# Base image inspection, cold and warm, against `skopeo copy` of the same image from the same registry, same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --project tests/Inspect.Bench -c Release -- "${1:-5}"
