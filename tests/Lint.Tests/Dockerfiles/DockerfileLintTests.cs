using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

/// <summary>
/// Dockerfiles shaped like the ones teams write (read in public repositories, written anew here): the official
/// multi-platform .NET sample, Visual Studio's four-stage template, ARG-driven bases, distroless with busybox copied in,
/// FROM scratch with a copied checker, RUN in the final stage, package installs, Windows' escape directive.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class DockerfileLintTests : IDisposable
{
    private const string OfficialShape = """
        # syntax=docker/dockerfile:1
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG TARGETARCH
        WORKDIR /source
        COPY --link *.csproj .
        RUN dotnet restore -a $TARGETARCH
        COPY --link . .
        RUN dotnet publish -a $TARGETARCH --no-restore -o /app

        FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
        EXPOSE 8080
        WORKDIR /app
        COPY --link --from=build /app .
        USER $APP_UID
        {0}
        ENTRYPOINT ["./shop-api"]
        """;

    private const int CheckLine = 15;

    private readonly DockerfileLint lint = new();

    [Fact]
    public void The_official_multi_platform_shape_resolves_to_the_final_stage_base_and_the_probe_check_is_clean()
    {
        var text = string.Format(OfficialShape, """HEALTHCHECK CMD ["/app/healthprobe", "--path", "/healthz"]""");

        var container = lint.Container(text);

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", container.Image);
        Assert.Equal((10, 1), (container.ImagePosition.Line, container.ImagePosition.Column));
        Assert.Equal([8080], container.Ports);
        Assert.Empty(lint.Lint(text, Chiseled));
    }

    [Fact]
    public void A_curl_shell_check_on_a_chiseled_base_is_CH1001_and_CH1002_at_the_HEALTHCHECK_line()
    {
        var text = string.Format(OfficialShape, "HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/healthz || exit 1");

        var diagnostics = lint.Lint(text, Chiseled);

        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal((CheckLine, 1), (d.Line, d.Column)));
        Assert.Contains("no RUN of the Dockerfile proves one", diagnostics[0].Message);
        Assert.Contains("'curl', which the base image localhost:5000/chiseled:10.0 does not have and the Dockerfile does not add", diagnostics[1].Message);
    }

    [Fact]
    public void An_exec_form_curl_check_needs_no_shell_but_is_CH1002()
    {
        var text = string.Format(OfficialShape, """HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]""");

        var diagnostic = Assert.Single(lint.Lint(text, Chiseled));

        Assert.Equal(DiagnosticCodes.ProgramMissing, diagnostic.Code);
    }

    [Fact]
    public void The_build_stage_RUNs_prove_nothing_about_the_final_image_but_a_RUN_in_the_final_stage_proves_a_shell()
    {
        var text = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            RUN dotnet publish -o /app
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
            COPY --from=build /app /app
            RUN ["/app/shop-api", "--migrate"]
            RUN echo ready > /tmp/ready
            HEALTHCHECK CMD curl -f http://localhost:8080/healthz
            """;

        var diagnostic = Assert.Single(lint.Lint(text, Chiseled));

        // The shell is proven by line 6, curl is still missing.
        Assert.Equal(DiagnosticCodes.ProgramMissing, diagnostic.Code);
        Assert.Equal(7, diagnostic.Line);
    }

    [Theory]
    [InlineData("RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*")]
    [InlineData("RUN apk add --no-cache curl")]
    [InlineData("RUN microdnf install -y curl-minimal")]
    [InlineData("RUN <<EOF\nset -e\ncurl -fsSL -o /usr/local/bin/curl https://example.com/static-curl\nchmod +x /usr/local/bin/curl\nEOF")]
    public void A_package_install_or_a_RUN_that_names_the_program_makes_it_unknown_never_a_CH1002(string run)
    {
        var text = $"FROM mcr.microsoft.com/dotnet/aspnet:10.0\n{run}\nHEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1\n";

        Assert.Empty(lint.Lint(text, Busybox));
    }

    [Fact]
    public void Busybox_copied_into_distroless_adds_its_programs_but_not_a_shell_it_did_not_copy()
    {
        var text = """
            FROM busybox:1.36-musl AS tools
            FROM gcr.io/distroless/static-debian12:nonroot
            COPY --from=tools /bin/busybox /bin/busybox
            COPY --from=tools /bin/wget /usr/bin/wget
            COPY server /server
            HEALTHCHECK CMD {0}
            ENTRYPOINT ["/server"]
            """;

        Assert.Empty(lint.Lint(string.Format(text, """["/bin/busybox", "wget", "-q", "--spider", "http://localhost:8080/healthz"]"""), DockerfileLint.Static));
        Assert.Empty(lint.Lint(string.Format(text, """["wget", "-q", "--spider", "http://localhost:8080/healthz"]"""), DockerfileLint.Static));
        var shell = Assert.Single(lint.Lint(string.Format(text, "wget -q --spider http://localhost:8080/healthz || exit 1"), DockerfileLint.Static));
        Assert.Equal(DiagnosticCodes.ShellMissing, shell.Code);
        Assert.Equal(6, shell.Line);
    }

    [Fact]
    public void A_static_shell_copied_in_makes_a_shell_form_check_runnable()
    {
        var text = """
            FROM gcr.io/distroless/java21-debian12
            COPY --from=busybox:1.36.0-uclibc /bin/sh /bin/sh
            COPY --from=busybox:1.36.0-uclibc /bin/wget /bin/wget
            HEALTHCHECK --interval=10s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
            """;

        AssertClean(lint.Lint(text, DockerfileLint.Static with { Image = "gcr.io/distroless/java21-debian12" }));
    }

    [Fact]
    public void From_scratch_with_a_copied_checker_is_clean_and_without_the_copy_it_is_CH1002()
    {
        var text = """
            FROM scratch
            COPY --from=ghcr.io/example/whoami:v1 /whoami /whoami
            COPY --from=ghcr.io/example/checks:1 /bin/httpcheck /bin/httpcheck
            HEALTHCHECK --interval=5s --retries=2 CMD ["httpcheck", "http://127.0.0.1:8080/health"]
            ENTRYPOINT ["/whoami", "-port", "8080"]
            """;
        var container = lint.Container(text);
        Assert.Equal("scratch", container.Image);
        Assert.True(container.Dockerfile!.Root.IsScratch);

        AssertClean(lint.Lint(text, DockerfileBaseFacts.Scratch));
        var missing = Assert.Single(lint.Lint(text.Replace("/bin/httpcheck /bin/httpcheck", "/bin/httpcheck /opt/httpcheck"), DockerfileBaseFacts.Scratch));
        Assert.Equal(DiagnosticCodes.ProgramMissing, missing.Code);
    }

    [Fact]
    public void The_probe_copied_from_a_probe_only_image_is_clean()
    {
        var text = """
            FROM gcr.io/distroless/static-debian12
            COPY --from=registry.example.com/tools/healthprobe:1.0 /healthprobe /healthprobe
            COPY app /app
            EXPOSE 3000
            HEALTHCHECK CMD ["/healthprobe", "http://localhost:3000/healthz"]
            """;

        Assert.Empty(lint.Lint(text, DockerfileLint.Static));
    }

    [Fact]
    public void ARG_driven_bases_take_their_defaults_or_the_build_arguments()
    {
        var text = """
            ARG REGISTRY=mcr.microsoft.com
            ARG TAG=10.0
            ARG VARIANT
            FROM ${REGISTRY}/dotnet/aspnet:${TAG}${VARIANT:+-$VARIANT}
            HEALTHCHECK CMD ["/app/healthprobe"]
            """;

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", lint.Container(text).Image);
        var options = new DockerfileBuildOptions { BuildArguments = new Dictionary<string, string> { ["TAG"] = "9.0", ["VARIANT"] = "noble-chiseled" } };
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled", lint.Container(text, options).Image);
    }

    [Fact]
    public void A_base_from_an_ARG_nobody_sets_keeps_the_variable_so_it_is_not_guessed()
    {
        var container = lint.Container("ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nHEALTHCHECK CMD [\"/app/healthprobe\"]\n");

        Assert.Equal(["BASE_IMAGE"], container.Dockerfile!.Root.UnsetVariables);
        Assert.Contains("$", container.Image);
    }

    [Fact]
    public void Visual_Studio_four_stage_shape_builds_final_on_base_and_target_picks_another_stage()
    {
        var text = """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
            USER $APP_UID
            WORKDIR /app
            EXPOSE 8080
            EXPOSE 8081

            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            ARG BUILD_CONFIGURATION=Release
            WORKDIR /src
            COPY ["Shop.Api/Shop.Api.csproj", "Shop.Api/"]
            RUN dotnet restore "./Shop.Api/Shop.Api.csproj"
            COPY . .
            RUN dotnet build "./Shop.Api.csproj" -c $BUILD_CONFIGURATION -o /app/build

            FROM build AS publish
            RUN dotnet publish "./Shop.Api.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

            FROM base AS final
            WORKDIR /app
            COPY --from=publish /app/publish .
            HEALTHCHECK CMD ["/app/healthprobe", "http://localhost:9090/healthz"]
            ENTRYPOINT ["dotnet", "Shop.Api.dll"]
            """;

        var container = lint.Container(text);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", container.Image);
        Assert.Equal("final", container.Name);
        Assert.Equal([8080, 8081], container.Ports);
        var port = Assert.Single(lint.Lint(text, Chiseled));
        Assert.Equal(DiagnosticCodes.PortMismatch, port.Code);
        Assert.Contains("probes port 9090, but the app listens on 8080 or 8081", port.Message);

        var build = lint.Container(text, new DockerfileBuildOptions { Target = "publish" });
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", build.Image);
        Assert.Empty(build.Checks);
    }

    [Fact]
    public void An_unknown_target_is_CH1006_naming_the_stages()
    {
        var result = DeploymentLint.Read(lint.Write("FROM alpine AS base\nFROM base AS final\n"), LintLimits.Default, new DockerfileBuildOptions { Target = "runtime" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains("(its stages: base, final)", diagnostic.Message);
    }

    [Fact]
    public void ENV_ASPNETCORE_HTTP_PORTS_decides_the_port_a_check_must_probe()
    {
        var text = """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
            ARG PORT=5000
            ENV ASPNETCORE_HTTP_PORTS=$PORT
            HEALTHCHECK CMD ["/app/healthprobe", "http://localhost:8080/healthz"]
            """;

        var diagnostic = Assert.Single(lint.Lint(text, Chiseled));

        Assert.Equal(DiagnosticCodes.PortMismatch, diagnostic.Code);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=5000", diagnostic.Message);
        Assert.Equal(4, diagnostic.Line);
    }

    [Theory]
    [InlineData("--interval=5", "--interval=5")]
    [InlineData("--timeout=0.5ms", "--timeout=0.5ms")]
    [InlineData("--retries=-1", "--retries=-1")]
    [InlineData("--start-period=soon", "--start-period=soon")]
    [InlineData("--intervall=5s", "--intervall")]
    public void HEALTHCHECK_options_docker_build_refuses_are_CH1006(string option, string named)
    {
        var diagnostic = Assert.Single(lint.Lint($"FROM alpine\nHEALTHCHECK {option} CMD [\"/app/healthprobe\"]\n", Busybox));

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains(named, diagnostic.Message);
        Assert.Equal(2, diagnostic.Line);
    }

    [Fact]
    public void HEALTHCHECK_NONE_is_respected_and_the_last_HEALTHCHECK_of_the_chain_wins()
    {
        Assert.Empty(lint.Lint("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nHEALTHCHECK NONE\n", Chiseled));

        var overridden = """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS base
            HEALTHCHECK CMD curl -f http://localhost:8080/healthz
            FROM base
            HEALTHCHECK CMD ["/app/healthprobe"]
            """;
        Assert.Empty(lint.Lint(overridden, Chiseled));
        Assert.Equal(2, lint.Lint(overridden.Replace("HEALTHCHECK CMD [\"/app/healthprobe\"]", "LABEL inherited=true"), Chiseled).Count);
    }

    [Fact]
    public void No_HEALTHCHECK_on_a_shell_less_dotnet_base_is_CH1016_with_the_probe_line_at_the_final_FROM()
    {
        var text = string.Format(OfficialShape, "");

        var diagnostic = Assert.Single(lint.Lint(text, Chiseled));

        Assert.Equal(DiagnosticCodes.DockerfileWithoutHealthCheck, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Message, diagnostic.Severity);
        Assert.Equal(10, diagnostic.Line);
        Assert.Contains("""Add: HEALTHCHECK CMD ["/app/healthprobe","--path","/healthz"]""", diagnostic.Message);
    }

    [Fact]
    public void No_HEALTHCHECK_on_a_static_base_is_CH1016_with_the_probe_image_copy_and_the_exposed_port()
    {
        var diagnostic = Assert.Single(lint.Lint("FROM gcr.io/distroless/static-debian12\nCOPY server /server\nEXPOSE 3000\nENTRYPOINT [\"/server\"]\n", DockerfileLint.Static));

        Assert.Equal(DiagnosticCodes.DockerfileWithoutHealthCheck, diagnostic.Code);
        Assert.Contains("COPY --from=REGISTRY/healthprobe:TAG /healthprobe /healthprobe and HEALTHCHECK CMD [\"/healthprobe\",\"http://localhost:3000/healthz\"]", diagnostic.Message);
    }

    [Fact]
    public void No_CH1016_when_the_base_has_a_shell_or_a_RUN_proves_one()
    {
        Assert.Empty(lint.Lint("FROM alpine\nCOPY app /app\n", Busybox));
        Assert.Empty(lint.Lint("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN mkdir -p /data\n", Chiseled));
    }

    [Fact]
    public void A_SHELL_instruction_is_what_a_shell_form_check_runs_with()
    {
        var text = """
            FROM gcr.io/distroless/base-debian12:debug
            SHELL ["/busybox/sh", "-c"]
            RUN mkdir -p /data
            HEALTHCHECK CMD /app/healthprobe || exit 1
            """;

        // The RUN proves /busybox/sh; /bin/sh (which the base lacks) is not what the check runs with.
        AssertClean(lint.Lint(text, DockerfileLint.Static));
        var missing = Assert.Single(lint.Lint(text.Replace("RUN mkdir -p /data\n", ""), DockerfileLint.Static));
        Assert.Equal(DiagnosticCodes.ProgramMissing, missing.Code);
        Assert.Contains("SHELL '/busybox/sh'", missing.Message);
    }

    [Fact]
    public void The_escape_directive_shape_of_Windows_Dockerfiles_reads_its_backtick_continuations()
    {
        var text = """
            # escape=`
            ARG WINDOWS_TAG=ltsc2022
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-${WINDOWS_TAG}
            WORKDIR C:\app
            COPY publish\ .
            HEALTHCHECK --interval=30s `
              --timeout=5s `
              CMD ["C:\\app\\healthcheck.exe"]
            """;

        var container = lint.Container(text);

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022", container.Image);
        var check = Assert.Single(container.Checks);
        Assert.Equal(6, check.Line);
        Assert.Equal("C:\\app\\healthcheck.exe", check.Command!.Program);
    }

    [Fact]
    public void Automatic_platform_arguments_follow_the_platform()
    {
        var text = "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12:nonroot-${TARGETARCH}\n";

        Assert.Equal("gcr.io/distroless/static-debian12:nonroot-arm64", lint.Container(text, new DockerfileBuildOptions { Platform = "linux/arm64" }).Image);
    }

    public void Dispose() => lint.Dispose();

    private static void AssertClean(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            Assert.Fail(string.Join("\n", diagnostics));
        }
    }
}
