#!/usr/bin/env bash
# THE test command: installs prerequisites, builds, runs every test project, prints "N passed, M failed" last.
# build/test.sh --fast: the unit tier only (parsers, rules, planners, the analyzers in memory): no installs, no registry,
# engine, servers or publishes; a minute or two, for the edit-test loop. CI runs the full command.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=.test-results
rm -rf "$results"
mkdir -p "$results" artifacts
log="$PWD/artifacts/test-setup.log"
: >"$log"

# One line when the set-up fails: what failed, how to rerun, where the details are.
fail() {
  echo "tests not run: $1 failed. Rerun: build/test.sh  Log: $log"
  echo "0 passed, 1 failed"
  exit 1
}

# The fast tier: the test classes that need nothing but the compiler and the runtime.
declare -A fast=(
  [Core.Tests]="FullyQualifiedName!~EndToEnd&FullyQualifiedName!~FaultTests&FullyQualifiedName!~RegistryImageWriterTests&FullyQualifiedName!~BaseImageInspectorTests"
  [Analyzers.Tests]="FullyQualifiedName!~GroundTruth&FullyQualifiedName!~PackageAnalyzerTests"
  [Probe.Tests]="FullyQualifiedName~.Units."
  [Lint.Tests]="FullyQualifiedName~."
)

if [ "${1:-}" = "--fast" ]; then
  dotnet build Tooling.sln -c Release -nologo -v:q >>"$log" 2>&1 || fail "dotnet build Tooling.sln"
else
  build/install-prerequisites.sh >>"$log" 2>&1 || fail "installing the prerequisites (build/install-prerequisites.sh)"
  dotnet build Tooling.sln -c Release -nologo -v:q >>"$log" 2>&1 || fail "dotnet build Tooling.sln"
fi

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  filter=()
  if [ "${1:-}" = "--fast" ]; then
    tier="${fast[$(basename "$(dirname "$project")")]:-}"
    [ -n "$tier" ] || continue
    filter=(--filter "$tier")
  fi
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --blame-hang-timeout 15m || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  f=$(grep -o ' failed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  e=$(grep -o ' error="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  t=$(grep -o ' timeout="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done

# A test project that crashed before writing its TRX counts as a failure.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $status -eq 0 ]
