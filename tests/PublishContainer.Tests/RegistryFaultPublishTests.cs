using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Registry.Faults;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// Real publishes through <see cref="FaultProxy"/>: the SDK pushes the image, then ContainerHealth pushes the config and
/// manifest with the HEALTHCHECK and moves the tag. For each fault the publish either succeeds after bounded retries or
/// fails with one coded line, and every tag the registry has still names a complete image, the SDK's or ours.
/// </summary>
[Trait("Tier", "Publish")]
public sealed class RegistryFaultPublishTests : IClassFixture<FaultyRegistrySample>, IDisposable
{
    private readonly FaultyRegistrySample sample;
    private readonly ITestOutputHelper output;

    public RegistryFaultPublishTests(FaultyRegistrySample sample, ITestOutputHelper output)
    {
        this.sample = sample;
        this.output = output;
        sample.Proxy.Clear();
        sample.TlsProxy.Clear();
        sample.BearerProxy.Clear();
    }

    private FaultProxy Proxy => sample.Proxy;

    [Fact]
    public async Task Connection_resets_during_the_HEALTHCHECK_push_are_retried_and_the_publish_succeeds()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.Method == "PUT" && r.IsBlobUpload, Fault.Reset));
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.ResetAfterForwarding));

        var (published, repository) = await PublishAsync("resets");

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Equal(2, RequestsFor(repository).Count(r => r.FromContainerHealth && r.Outcome == "reset"));
        Assert.True(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried_honouring_Retry_After()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.Method == "HEAD", Fault.Status(500)));
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsManifest && !r.IsTagPut, Fault.Status(503), Times: 2));
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.Status(429, retryAfter: "1")));

        var (published, repository) = await PublishAsync("statuses");

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Equal(["429 (injected)", "201"], RequestsFor(repository).Where(r => r.FromContainerHealth && r.IsTagPut).Select(r => r.Outcome));
        Assert.True(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task A_registry_that_keeps_failing_gets_a_bounded_number_of_attempts_then_one_CH1011_line()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.Status(500), Times: null));

        var (published, repository) = await PublishAsync("failing");

        AssertOneCh1011Line(published, repository, "500", "publish again");
        Assert.Equal(4, RequestsFor(repository).Count(r => r.FromContainerHealth && r.IsTagPut));
        Assert.False(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck, "the tag should still name the SDK's image");
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_fails_at_once_with_one_CH1011_line()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsManifest, Fault.Status(429, retryAfter: "3600"), Times: null));

        var (published, repository) = await PublishAsync("rate-limited");

        AssertOneCh1011Line(published, repository, "retry after 3600 s");
        Assert.Single(RequestsFor(repository), r => r.FromContainerHealth && r.IsManifest);
        Assert.False(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task Credentials_that_expire_for_a_moment_mid_push_are_presented_again()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.Unauthorized));

        var (published, repository) = await PublishAsync("expired");

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Equal(["401 (injected)", "201"], RequestsFor(repository).Where(r => r.FromContainerHealth && r.IsTagPut).Select(r => r.Outcome));
        Assert.True(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task A_bearer_token_that_expires_while_ContainerHealth_moves_the_tag_is_fetched_again()
    {
        var repository = $"token-{Guid.NewGuid().ToString("N")[..6]}";
        var proxy = sample.BearerProxy;
        proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.ExpireTokens));

        var published = await sample.PublishAsync(sample.BearerOptions(repository));
        output.WriteLine(published.Build.Output);

        Assert.True(published.Succeeded, published.Build.Output);
        var ours = proxy.Requests.Where(r => r.FromContainerHealth).ToList();
        Assert.Equal(
            ["PUT 401 (token expired)", "GET token", "PUT 201"],
            ours.SkipWhile(r => !r.IsTagPut).Select(r => $"{r.Method} {r.Outcome}"));
        var tags = await TagAudit.ReadAsync(sample.AnonymousRegistry, repository);
        Assert.True(Assert.Single(tags).IsComplete, tags[0].ToString());
        Assert.True(tags[0].HasHealthcheck);
    }

    [Fact]
    public async Task Credentials_revoked_mid_push_give_one_CH1011_line_that_says_to_check_them()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsManifest, Fault.Unauthorized, Times: null));

        var (published, repository) = await PublishAsync("revoked");

        AssertOneCh1011Line(published, repository, "401", "DOTNET_CONTAINER_REGISTRY_UNAME");
        Assert.False(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task Killed_while_ContainerHealth_moves_the_tag_the_tag_keeps_the_SDKs_complete_image()
    {
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut, Fault.StallRequest));

        var repository = await KillMidPushAsync("killed-tag");

        Assert.False(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task Killed_while_the_SDK_uploads_a_layer_the_previous_image_keeps_its_tag()
    {
        var (first, repository) = await PublishAsync("killed-layer");
        Assert.True(first.Succeeded, first.Build.Output);
        var before = Assert.Single(await EveryTagCompleteAsync(repository));
        sample.App.WriteFile("Changed.cs", "static class Changed { public const string Now = \"" + Guid.NewGuid() + "\"; }");
        Proxy.Add(new FaultRule(r => r.FromSdk && r.Method == "PATCH", Fault.StallRequest));

        try
        {
            await KillMidPushAsync("killed-layer", repository);
        }
        finally
        {
            File.Delete(Path.Combine(sample.App.Directory, "Changed.cs"));
        }

        var after = Assert.Single(await EveryTagCompleteAsync(repository));
        Assert.Equal(before.Digest, after.Digest);
        Assert.True(after.HasHealthcheck);
    }

    [Fact]
    public async Task An_insecure_registry_that_speaks_HTTPS_stays_on_HTTPS_through_connection_resets()
    {
        var repository = $"tls-{Guid.NewGuid().ToString("N")[..6]}";
        var proxy = sample.TlsProxy;
        proxy.Add(new FaultRule(r => r.FromContainerHealth, Fault.Reset, Times: 2));

        var published = await sample.PublishAsync(sample.InsecureHttpsOptions(repository));
        output.WriteLine(published.Build.Output);

        Assert.True(published.Succeeded, published.Build.Output);
        var ours = proxy.Requests.Where(r => r.FromContainerHealth).ToList();
        Assert.Equal(2, ours.Count(r => r.Outcome == "reset"));
        Assert.All(ours, r => Assert.True(r.OverTls, $"{r} went over plain HTTP"));
        Assert.True(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Fact]
    public async Task Multi_RID_index_push_that_keeps_failing_leaves_every_tag_complete()
    {
        var repository = $"multi-{Guid.NewGuid().ToString("N")[..6]}";
        Proxy.Add(new FaultRule(r => r.FromContainerHealth && r.IsTagPut && r.Path.EndsWith("/manifests/1.0", StringComparison.Ordinal), Fault.Status(500), Times: null));

        var published = await sample.PublishAsync(sample.MultiRidOptions(repository));
        output.WriteLine(published.Build.Output);

        AssertOneCh1011Line(published, repository, "500");
        var tags = (await EveryTagCompleteAsync(repository)).ToDictionary(t => t.Tag);
        Assert.Equal(["1.0", "1.0-linux-arm64", "1.0-linux-x64"], tags.Keys.Order());
        Assert.False(tags["1.0"].HasHealthcheck, "the index tag should still name the SDK's index");
        Assert.True(tags["1.0-linux-x64"].HasHealthcheck);
        Assert.True(tags["1.0-linux-arm64"].HasHealthcheck);
    }

    // What the SDK (10.0.401) itself does with the same faults on its part of the push, before ContainerHealth runs.

    [Fact]
    public async Task The_SDK_retries_reset_blob_uploads_and_answers_a_401_on_its_tag_so_the_publish_succeeds()
    {
        Proxy.Add(new FaultRule(r => r.FromSdk && r.Method == "PATCH", Fault.Reset));
        Proxy.Add(new FaultRule(r => r.FromSdk && r.Method == "PUT" && r.IsBlobUpload, Fault.Reset));
        Proxy.Add(new FaultRule(r => r.FromSdk && r.IsTagPut, Fault.Unauthorized));

        var (published, repository) = await PublishAsync("sdk-retries");

        Assert.True(published.Succeeded, published.Build.Output);
        Assert.Equal(2, RequestsFor(repository).Count(r => r.FromSdk && r.Outcome == "reset"));
        Assert.True(Assert.Single(await EveryTagCompleteAsync(repository)).HasHealthcheck);
    }

    [Theory]
    [InlineData("503 on its tag", "CONTAINER1005")]
    [InlineData("429 on a blob check", "CONTAINER1014")]
    [InlineData("500 on every layer upload", "CONTAINER1013")]
    public async Task The_SDK_fails_at_once_on_a_5xx_or_429_and_no_tag_appears(string fault, string sdkCode)
    {
        Proxy.Add(fault switch
        {
            "503 on its tag" => new FaultRule(r => r.FromSdk && r.IsTagPut, Fault.Status(503)),
            "429 on a blob check" => new FaultRule(r => r.FromSdk && r.Method == "HEAD", Fault.Status(429, retryAfter: "1")),
            _ => new FaultRule(r => r.FromSdk && r.Method == "PATCH", Fault.Status(500), Times: null),
        });

        var (published, repository) = await PublishAsync("sdk-fails");

        Assert.False(published.Succeeded);
        Assert.Contains(sdkCode, published.Build.Output);
        Assert.DoesNotContain("CH1011", published.Build.Output);
        Assert.DoesNotContain(RequestsFor(repository), r => r.FromContainerHealth);
        Assert.Empty(await EveryTagCompleteAsync(repository));
    }

    public void Dispose()
    {
        foreach (var request in Proxy.Requests.Where(r => !r.FromSdk || r.Outcome is not ("200" or "201" or "202" or "404")))
        {
            output.WriteLine(request.ToString());
        }
    }

    private IEnumerable<ProxiedRequest> RequestsFor(string repository) =>
        Proxy.Requests.Where(r => r.Path.StartsWith($"/v2/{repository}/", StringComparison.Ordinal));

    private async Task<(ContainerPublishResult Published, string Repository)> PublishAsync(string name, string? repository = null)
    {
        repository ??= $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
        var published = await sample.PublishAsync(sample.Options(repository));
        output.WriteLine($"publish took {published.Duration.TotalSeconds:0.0}s");
        output.WriteLine(published.Build.Output);
        return (published, repository);
    }

    /// <summary>Starts a publish, SIGKILLs it (with its build nodes) once the proxy is stalling one of its requests.</summary>
    private async Task<string> KillMidPushAsync(string name, string? repository = null)
    {
        repository ??= $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
        using var publish = await ContainerPublisher.StartAsync(sample.App.ProjectFile, sample.Options(repository));
        var stalled = await Proxy.WaitForStallAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"killing the publish while the proxy stalls {stalled}");
        publish.Kill();
        var killed = await publish.WaitAsync();
        output.WriteLine(killed.Output);
        Assert.NotEqual(0, killed.ExitCode);
        return repository;
    }

    private async Task<IReadOnlyList<TaggedImage>> EveryTagCompleteAsync(string repository)
    {
        var tags = await TagAudit.ReadAsync(sample.Registry, repository);
        foreach (var tag in tags)
        {
            output.WriteLine(tag.ToString());
        }

        Assert.All(tags, tag => Assert.True(tag.IsComplete, tag.ToString()));
        return tags;
    }

    private static void AssertOneCh1011Line(ContainerPublishResult published, string repository, params string[] expected)
    {
        Assert.False(published.Succeeded);
        var error = Assert.Single(published.Errors);
        Assert.Equal("CH1011", error.Code);
        Assert.Contains($"/{repository}: ", error.Message);
        Assert.All(expected, text => Assert.Contains(text, error.Message));
        Assert.DoesNotContain("MSB4018", published.Build.Output);
        Assert.DoesNotContain("   at ", published.Build.Output);
    }
}
