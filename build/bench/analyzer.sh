#!/usr/bin/env bash
# Analyzer cost: a generated ASP.NET Core app (FILES source files, endpoints spread across them, default 1000) compiled
# with -p:ReportAnalyzer=true, with and without the ContainerHealth analyzers. Prints the CH0xxx analyzers' time as a
# share of the compile (Csc task) and beside ASP.NET Core's own analyzers measured in the same compilation.
#   build/bench/analyzer.sh            FILES=1000 RUNS=1 by default (RUNS=3: median of three; each compile takes minutes)
#   LAYOUT=referenced build/bench/analyzer.sh   the feature files live in a referenced class library (the app calls its
#                                      extension methods, its controllers are application parts), so the analyzers read
#                                      the library's sources handed over by the package's targets (the cross-project cost)
#   PUBLISH=1 build/bench/analyzer.sh  compiles as for a publish (-p:_ContainerHealthRecordEndpoints=true, which the targets
#                                      set from _IsPublishing): the endpoint generator writes the app's health endpoints into
#                                      the assembly, and the run fails unless the built assembly holds them
# Then CPU_RUNS (5) compiles with and without the package, for the CPU time it adds (ReportAnalyzer counts wall time).
#   IL=1 build/bench/analyzer.sh       the IL analyzers (what hosts other than the dotnet CLI on linux-x64 get)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
files=${FILES:-1000}
runs=${RUNS:-1}
layout=${LAYOUT:-single}
publish=${PUBLISH:-0}
work=$(mktemp -d /tmp/ch-bench-analyzer.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The analyzers as the package hands them to the dotnet CLI's compiler on linux-x64: compiled ahead of time (IL=1: the
# IL of analyzers/dotnet/cs, what other hosts get). A private copy, so rebuilding the repository during the run cannot
# change what is measured.
if [ "${IL:-0}" = 1 ]; then
  dotnet build src/Analyzers/ContainerHealth.EndpointRecorder -c Release -nologo -v:q >/dev/null
  mkdir -p "$work/analyzers"
  cp src/Analyzers/ContainerHealth.EndpointRecorder/bin/Release/netstandard2.0/ContainerHealth.{Analyzers,EndpointRecorder}.dll "$work/analyzers/"
  compiled="IL (JIT-compiled in each compile)"
else
  dotnet publish src/Analyzers/ContainerHealth.Analyzers.ReadyToRun -c Release -nologo -v:q -o "$work/analyzers" >/dev/null
  compiled="ReadyToRun for linux-x64, as the dotnet CLI gets them"
fi
analyzers="$work/analyzers"

# The app references the analyzers (the endpoint recorder only when compiling for a publish) and the package's props (its
# CompilerVisibleProperty list) as the nupkg does; with
# LAYOUT=referenced also its targets (they hand the referenced project's sources to the analyzers).
if [ "$layout" = referenced ]; then
  referenced_items='<ProjectReference Include="Features/Features.csproj" /><Compile Remove="Features/**" />'
  targets_import="<Import Project=\"$repo/build/ContainerHealth.targets\" Condition=\"'\$(WithContainerHealth)' != 'false'\" />"
else
  referenced_items=''
  targets_import=''
fi
cat >"$work/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <Import Project="$repo/build/ContainerHealth.props" Condition="'\$(WithContainerHealth)' != 'false'" />
  <ItemGroup Condition="'\$(WithContainerHealth)' != 'false'">
    <Analyzer Include="$analyzers/ContainerHealth.Analyzers.dll" />
    <Analyzer Include="$analyzers/ContainerHealth.EndpointRecorder.dll" Condition="'\$(_ContainerHealthRecordEndpoints)' == 'true'" />
  </ItemGroup>
  <ItemGroup>$referenced_items</ItemGroup>
  $targets_import
</Project>
XML

mkdir -p "$work/Features"
endpoints=0
{
  echo 'using Bench.Features;'
  echo 'var builder = WebApplication.CreateBuilder(args);'
  echo 'builder.Services.AddHealthChecks();'
  echo 'builder.Services.AddControllers();'
  echo 'builder.Services.AddAuthorization();'
  for i in $(seq 1 "$files"); do echo "builder.Services.AddSingleton<Service$i>();"; done
  echo 'var app = builder.Build();'
  echo 'app.MapHealthChecks("/healthz");'
  echo 'app.MapControllers();'
  for i in $(seq 1 "$files"); do [ $((i % 10)) -ne 0 ] && echo "app.MapFeature$i();"; done
  echo 'app.Run();'
} >"$work/Program.cs"
for i in $(seq 1 "$files"); do
  if [ $((i % 10)) -eq 0 ]; then
    endpoints=$((endpoints + 3))
    cat >"$work/Features/Feature$i.cs" <<CS
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bench.Features;

public sealed record Item$i(int Id, string Name, decimal Price);

public sealed class Service$i
{
    private readonly Dictionary<int, Item$i> items = new();
    public Item$i? Find(int id) => items.TryGetValue(id, out var item) ? item : null;
    public IEnumerable<Item$i> All() => items.Values.OrderBy(item => item.Name);
    public Item$i Add(string name, decimal price) { var item = new Item$i(items.Count + 1, name, price); items[item.Id] = item; return item; }
}

[ApiController]
[Route("api/[controller]")]
public sealed class Orders${i}Controller(Service$i service) : ControllerBase
{
    [HttpGet]
    public IEnumerable<Item$i> Get() => service.All();

    [HttpGet("{id:int}")]
    public ActionResult<Item$i> Get(int id) => service.Find(id) is { } item ? item : NotFound();

    [Authorize]
    [HttpPost]
    public Item$i Post(Item$i item) => service.Add(item.Name, item.Price);
}
CS
  else
    endpoints=$((endpoints + 4))
    cat >"$work/Features/Feature$i.cs" <<CS
namespace Bench.Features;

public sealed record Item$i(int Id, string Name, decimal Price);

public sealed class Service$i
{
    private readonly Dictionary<int, Item$i> items = new();
    public Item$i? Find(int id) => items.TryGetValue(id, out var item) ? item : null;
    public IEnumerable<Item$i> All() => items.Values.OrderBy(item => item.Name);
    public Item$i Add(string name, decimal price) { var item = new Item$i(items.Count + 1, name, price); items[item.Id] = item; return item; }
}

public static class Feature${i}Endpoints
{
    private const string Prefix = "/f$i";

    public static IEndpointRouteBuilder MapFeature$i(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("f$i");
        group.MapGet("/", (Service$i service) => service.All());
        group.MapGet("/{id:int}", (int id, Service$i service) => service.Find(id) is { } item ? Results.Ok(item) : Results.NotFound());
        group.MapPost("/", (Item$i item, Service$i service) => service.Add(item.Name, item.Price)).RequireAuthorization();
        group.MapDelete("/{id:int}", (int id) => Results.NoContent()).WithName("delete$i");
        return app;
    }
}
CS
  fi
done

if [ "$layout" = referenced ]; then
  cat >"$work/Features/Features.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
    <Using Include="Microsoft.AspNetCore.Builder" />
    <Using Include="Microsoft.AspNetCore.Http" />
    <Using Include="Microsoft.AspNetCore.Routing" />
  </ItemGroup>
</Project>
XML
fi

echo "layout: $layout"
echo "analyzers: $compiled"
if [ "$publish" = 1 ]; then
  mode="compiling for a publish (endpoint generator on)"
  record_endpoints=true
else
  mode="ordinary build (no endpoint recorder)"
  record_endpoints=false
fi
echo "mode: $mode"
echo "app: $((files + 1)) source files, $endpoints endpoints (minimal APIs in groups via extension methods, every 10th file a controller)"
dotnet restore "$work/Bench.csproj" -nologo -v:q >/dev/null
# Warm the compiler server so neither configuration pays its start-up.
dotnet build "$work/Bench.csproj" -c Release --no-restore -nologo -v:q -p:WithContainerHealth=false >/dev/null

# One compile: prints "<csc ms> <ours s> <aspnet s> <all analyzers s> <our generator s>"; ours counts the analyzers of
# ContainerHealth.Analyzers and the generator of ContainerHealth.EndpointRecorder (the health-endpoint metadata).
measure() {
  local log="$work/build-$1-$2.log"
  dotnet build "$work/Bench.csproj" -c Release --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary \
    -p:ReportAnalyzer=true -p:WithContainerHealth="$1" -p:_ContainerHealthRecordEndpoints="$record_endpoints" >"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
  awk '
    function seconds(s) { return s ~ /^</ ? 0 : s + 0 }
    /Total analyzer execution time:/ { section = "analyzer"; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) total = $i }
    /Total generator execution time:/ { section = "generator" }
    /^ *[<0-9.]+ +[<0-9]+ +ContainerHealth\.Analyzers, Version=/ { if (section != "generator") ours = seconds($1) }
    /^ *[<0-9.]+ +[<0-9]+ +ContainerHealth\.EndpointRecorder, Version=/ { if (section == "generator") generator = seconds($1) }
    /^ *[<0-9.]+ +[<0-9]+ +Microsoft\.AspNetCore\.App\.Analyzers, Version=/ { if (section != "generator") aspnet = seconds($1) }
    /^ +[0-9]+ ms +Csc +[0-9]+ calls/ { csc = $1 }
    END { printf "%d %.3f %.3f %.3f %.3f\n", csc, ours + generator, aspnet, total, generator }
  ' "$log"
}

# The metadata the generator wrote into the app (AssemblyMetadata's value is a UTF-8 string in the blob heap), or nothing.
recorded_endpoints() {
  LC_ALL=C grep -ao 'v1|[a-z]*complete|[^[:cntrl:]]*' "$work/bin/Release/net10.0/Bench.dll" | head -1 || true
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
with=()
without=()
for run in $(seq 1 "$runs"); do
  with+=("$(measure true "$run")")
  recorded=$(recorded_endpoints)
  if [ "$publish" = 1 ] && [ -z "$recorded" ]; then
    echo "the endpoint generator wrote no ContainerHealth.HealthEndpoints metadata into Bench.dll: nothing to measure" >&2
    exit 1
  fi
  without+=("$(measure false "$run")")
done
[ -z "$recorded" ] || echo "recorded in Bench.dll: $recorded"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
column() { local n=$1; shift; printf '%s\n' "$@" | awk -v n="$n" '{ print $n }' | median; }

# ReportAnalyzer counts the wall time inside each callback, which includes waiting for the compiler's own work and locks
# (a generator asking the first semantic question builds the app's symbols, which the compile does anyway). What the
# package really adds is CPU time: CPU_RUNS (5) compiles with it and without it, alternating, without ReportAnalyzer; user +
# system seconds of the build and the compiler it waits for.
cpu_seconds() {
  (
    dotnet build "$work/Bench.csproj" -c Release --no-restore --no-incremental -nologo -v:q \
      -p:WithContainerHealth="$1" -p:_ContainerHealthRecordEndpoints="$record_endpoints" >/dev/null 2>&1
    awk '{ printf "%.2f\n", ($16 + $17) / 100 }' "/proc/$BASHPID/stat"
  )
}
cpu_with=()
cpu_without=()
for run in $(seq 1 "${CPU_RUNS:-5}"); do
  cpu_with+=("$(cpu_seconds true)")
  cpu_without+=("$(cpu_seconds false)")
done
echo "compile CPU seconds with ContainerHealth: ${cpu_with[*]}; without: ${cpu_without[*]}"
package_cpu="$(printf '%s\n' "${cpu_with[@]}" | median) $(printf '%s\n' "${cpu_without[@]}" | median)"

csc_with=$(column 1 "${with[@]}")
csc_without=$(column 1 "${without[@]}")
ours=$(column 2 "${with[@]}")
aspnet=$(column 3 "${with[@]}")
total=$(column 4 "${with[@]}")
generator=$(column 5 "${with[@]}")
grep -q "warning CH0" "$work"/build-true-1.log && echo "note: the generated app triggered a CH0xxx diagnostic" || true

load="$load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "load average (1, 5, 15 min): $load"
awk -v cw="$csc_with" -v co="$csc_without" -v ours="$ours" -v asp="$aspnet" -v total="$total" -v gen="$generator" -v runs="$runs" \
  -v files="$((files + 1))" -v layout="$layout" -v publish="$publish" -v load="$load" -v cpu="$package_cpu" -v cpu_runs="${CPU_RUNS:-5}" '
BEGIN {
  share = 100 * ours * 1000 / cw
  printf "median of %d compiles (-p:ReportAnalyzer=true; analyzer seconds are summed over threads, not wall time)\n", runs
  printf "  %-40s %8d ms\n", "compile (Csc task) with ContainerHealth", cw
  printf "  %-40s %8d ms   (difference %+d ms, %+.1f%%; noise on a shared machine)\n", "compile (Csc task) without", co, cw - co, 100 * (cw - co) / co
  printf "  %-40s %8.3f s    %5.2f%% of compile\n", "ContainerHealth.Analyzers (CH0xxx + metadata)", ours, share
  printf "  %-40s %8.3f s    %5.2f%% of compile\n", "  of which the endpoint recorder", gen, 100 * gen * 1000 / cw
  printf "  %-40s %8.3f s    %5.2f%% of compile\n", "Microsoft.AspNetCore.App.Analyzers", asp, 100 * asp * 1000 / cw
  printf "  %-40s %8.3f s    %5.2f%% of compile\n", "all analyzers in the compilation", total, 100 * total * 1000 / cw
  if (asp > 0) printf "  ratio ContainerHealth / ASP.NET Core analyzers: %.3f\n", ours / asp
  printf "  target: ContainerHealth <= 1%% of compile: %s\n", share <= 1 ? "met" : "NOT met"
  split(cpu, c, " ")
  printf "  CPU time of the compile (median of %d each): %.2f s with ContainerHealth, %.2f s without: %+.2f%%\n", cpu_runs, c[1], c[2], 100 * (c[1] - c[2]) / c[2]
  printf "row for docs/benchmarks.md:\n"
  printf "| analyzer%s%s (load %s) | %d-file app, median of %d compiles: ContainerHealth %.2f%% of compile by ReportAnalyzer (CH0xxx rules %.2f%%, the endpoint recorder %.2f%%); ASP.NET Core'"'"'s own analyzers %.2f%%; CPU time of the compile with / without ContainerHealth %.2f / %.2f s (%+.2f%%, medians of %d) | ≤ 1%% |\n",
    publish == 1 ? ", compiling for a publish" : "", layout == "single" ? "" : ", " layout " layout", load, files, runs,
    share, 100 * (ours - gen) * 1000 / cw, 100 * gen * 1000 / cw, 100 * asp * 1000 / cw, c[1], c[2], 100 * (c[1] - c[2]) / c[2], cpu_runs
}'
