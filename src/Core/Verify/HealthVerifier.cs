using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ContainerHealth.HealthCheck;
using ContainerHealth.Images;

namespace ContainerHealth.Verify;

/// <summary>
/// Starts the image once under the engine and waits for the engine's own health verdict on the check, then removes the
/// container — on every path: verdict, timeout, cancellation, and (through <see cref="OrphanedContainerGuard"/>) the
/// death of this process. Podman runs checks only from systemd timers, so under Podman each check is started with
/// <c>podman healthcheck run</c>, which records it the same way.
/// </summary>
public sealed class HealthVerifier(ContainerEngine engine)
{
    public const string Label = "io.containerhealth.verify";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<VerifyOutcome> VerifyAsync(string image, VerifyCheck check, VerifyOptions options, CancellationToken cancellationToken)
    {
        var imageCheck = check.Test is null ? await ImageHealthCheckAsync(image, cancellationToken) : null;
        var test = check.Test ?? imageCheck?.Test;
        if (test is null or [] or ["NONE"])
        {
            return new VerifyOutcome(VerifyVerdict.NoHealthCheck, TimeSpan.Zero, [], [], null, test);
        }

        var retries = check.Test is null ? imageCheck!.Retries : check.Retries;
        retries = retries > 0 ? retries : 3;
        var imageStartPeriod = check.Test is null ? imageCheck!.StartPeriod.ToTimeSpan() : TimeSpan.Zero;
        var startPeriod = imageStartPeriod > VerifyOptions.MinimumStartPeriod ? imageStartPeriod : VerifyOptions.MinimumStartPeriod;
        var spec = new ContainerSpec(
            "containerhealth-verify-" + Guid.NewGuid().ToString("N")[..12],
            image,
            check.Test,
            VerifyOptions.CheckInterval,
            check.Timeout.ToTimeSpan(),
            startPeriod < options.Timeout ? startPeriod : options.Timeout,
            retries,
            options.Environment,
            options.Network,
            new Dictionary<string, string> { [Label] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) });

        var clock = Stopwatch.StartNew();
        using var guard = OrphanedContainerGuard.Start(engine, spec.Name);
        try
        {
            var created = await CreateAsync(spec, cancellationToken);
            if (!created.Succeeded)
            {
                throw new ImageUnavailableException($"{engine.Program} could not create a container of {image}: {created.Message}");
            }

            var started = await engine.RunAsync(["start", spec.Name], cancellationToken, TimeSpan.FromMinutes(1));
            if (!started.Succeeded)
            {
                var output = await OutputAsync(spec.Name);
                return new VerifyOutcome(VerifyVerdict.Exited, clock.Elapsed, [], [.. output, .. Lines(started.Message)], null, test);
            }

            var (verdict, state) = await WaitAsync(spec.Name, retries, options.Timeout, clock, cancellationToken);
            var containerOutput = await OutputAsync(spec.Name);
            return new VerifyOutcome(verdict, clock.Elapsed, state.HealthLog, containerOutput, state.Running ? null : state.ExitCode, test);
        }
        finally
        {
            await engine.RunAsync(["rm", "--force", spec.Name], CancellationToken.None, TimeSpan.FromMinutes(1));
        }
    }

    private async Task<(VerifyVerdict, ContainerState)> WaitAsync(string name, int retries, TimeSpan timeout, Stopwatch clock, CancellationToken cancellationToken)
    {
        DateTimeOffset? appStarted = null;
        while (true)
        {
            if (engine.IsPodman)
            {
                await engine.RunAsync(["healthcheck", "run", name], cancellationToken, timeout);
            }

            var state = await InspectAsync(name, cancellationToken);
            if (appStarted is null && state.HealthLog.Count > 0 && state.HealthLog[^1].ExitCode != 0 && await AppStartedAsync(name, cancellationToken))
            {
                appStarted = DateTimeOffset.UtcNow;
            }

            var verdict = state.HealthStatus == "healthy" ? VerifyVerdict.Healthy
                : !state.Running ? VerifyVerdict.Exited
                : state.HealthLog.Any(HealthDiagnosis.CannotStart) ? VerifyVerdict.CheckCannotStart
                : state.HealthStatus == "unhealthy" || FailedSince(state, appStarted, retries) ? VerifyVerdict.Unhealthy
                : clock.Elapsed >= timeout ? VerifyVerdict.TimedOut
                : (VerifyVerdict?)null;
            if (verdict is { } found)
            {
                return (found, state);
            }

            await Task.Delay(engine.IsPodman ? VerifyOptions.CheckInterval : PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Within the start period the engine does not count failures; once the app said it started (.NET: "Application
    /// started"), <paramref name="retries"/> failures in a row begun after that are a verdict, without waiting the period out.
    /// </summary>
    private static bool FailedSince(ContainerState state, DateTimeOffset? appStarted, int retries)
    {
        if (appStarted is not { } since)
        {
            return false;
        }

        var after = state.HealthLog.Where(e => e.Start > since).ToList();
        var needed = Math.Min(retries, 4);
        return after.Count >= needed && after.TakeLast(needed).All(e => e.ExitCode != 0);
    }

    private async Task<bool> AppStartedAsync(string name, CancellationToken cancellationToken)
    {
        var logs = await engine.RunAsync(["logs", "--tail", "200", name], cancellationToken, TimeSpan.FromMinutes(1));
        return AppStartup.HasStarted(logs.Output + "\n" + logs.Error);
    }

    private async Task<ContainerState> InspectAsync(string name, CancellationToken cancellationToken)
    {
        var inspect = await engine.RunAsync(["container", "inspect", name], cancellationToken, TimeSpan.FromMinutes(1));
        return inspect.Succeeded ? ContainerState.Parse(inspect.Output) : new ContainerState(false, -1, null, []);
    }

    private async Task<IReadOnlyList<string>> OutputAsync(string name)
    {
        var logs = await engine.RunAsync(["logs", "--tail", "40", name], CancellationToken.None, TimeSpan.FromMinutes(1));
        return Lines(logs.Output + "\n" + logs.Error);
    }

    private Task<EngineCommandResult> CreateAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Test is ["CMD", ..] && !engine.IsPodman)
        {
            return DockerApiContainerCreator.CreateAsync(spec, cancellationToken);
        }

        List<string> arguments = ["create", "--name", spec.Name, "--network", spec.Network];
        foreach (var (key, value) in spec.Labels)
        {
            arguments.AddRange(["--label", key + "=" + value]);
        }

        foreach (var variable in spec.Environment)
        {
            arguments.AddRange(["--env", variable]);
        }

        switch (spec.Test)
        {
            case ["CMD-SHELL", var line]:
                arguments.AddRange(["--health-cmd", line]);
                break;
            case ["CMD", ..] test:
                // Podman takes the exec form as a JSON array.
                arguments.AddRange(["--health-cmd", new JsonArray(test.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()).ToJsonString()]);
                break;
        }

        arguments.AddRange(["--health-interval", Duration(spec.Interval), "--health-start-period", Duration(spec.StartPeriod), "--health-retries", spec.Retries.ToString(CultureInfo.InvariantCulture)]);
        if (spec.Timeout > TimeSpan.Zero)
        {
            arguments.AddRange(["--health-timeout", Duration(spec.Timeout)]);
        }

        arguments.Add(spec.Image);
        return engine.RunAsync(arguments, cancellationToken, TimeSpan.FromMinutes(1));
    }

    private async Task<HealthCheckDefinition?> ImageHealthCheckAsync(string image, CancellationToken cancellationToken)
    {
        var format = engine.IsPodman ? "{{json .HealthCheck}}" : "{{json .Config.Healthcheck}}";
        var inspect = await engine.RunAsync(["image", "inspect", "--format", format, image], cancellationToken, TimeSpan.FromMinutes(1));
        if (!inspect.Succeeded)
        {
            throw new ImageUnavailableException($"`{engine.Program} image inspect {image}` failed: {inspect.Message}");
        }

        return JsonNode.Parse(inspect.Output.Trim() is { Length: > 0 } json ? json : "null") is JsonObject healthcheck ? ConfigHealthcheck.FromJson(Normalise(healthcheck)) : null;
    }

    /// <summary>Podman spells the fields in Go's default JSON case (Test, Interval, ...) as Docker does, but as durations may differ; keep what parses.</summary>
    private static JsonObject Normalise(JsonObject healthcheck)
    {
        foreach (var field in new[] { "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries" })
        {
            if (healthcheck[field] is JsonValue value && !value.TryGetValue<long>(out _))
            {
                healthcheck.Remove(field);
            }
        }

        return healthcheck;
    }

    private static string Duration(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
}
