using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

[Trait("Tier", "Unit")]
public sealed class DockerDurationTests
{
    [Theory]
    [InlineData("500ms", 500_000_000L)]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("2m", 120_000_000_000L)]
    [InlineData("10us", 10_000L)]
    [InlineData("10µs", 10_000L)]
    [InlineData("7ns", 7L)]
    [InlineData("0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData(" 5s ", 5_000_000_000L)]
    public void Parses_the_syntax_Docker_and_compose_accept(string text, long nanoseconds)
    {
        Assert.True(DockerDuration.TryParse(text, out var duration));
        Assert.Equal(nanoseconds, duration.Nanoseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("-1s")]
    [InlineData("30 s")]
    [InlineData("30sec")]
    [InlineData("1.2.3s")]
    [InlineData("PT30S")]
    [InlineData("00:00:30")]
    public void Rejects_what_Docker_rejects(string text)
    {
        Assert.False(DockerDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1m30s")]
    [InlineData("500ms")]
    [InlineData("1h2m3s4ms")]
    [InlineData("0s")]
    public void Formats_back_to_the_same_text(string text)
    {
        Assert.True(DockerDuration.TryParse(text, out var duration));
        Assert.Equal(text, duration.ToString());
    }
}
