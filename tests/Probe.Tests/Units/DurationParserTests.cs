namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60_000)]
    [InlineData("60m", 3_600_000)]
    [InlineData("1ms", 1)]
    public void Whole_numbers_with_a_unit_parse(string text, int milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("5", "needs a unit")]
    [InlineData("5h", "unknown unit 'h'")]
    [InlineData("1.5s", "unknown unit '.5s'")]
    [InlineData("s", "is not a duration")]
    [InlineData("", "is not a duration")]
    [InlineData("-1s", "is not a duration")]
    [InlineData("0s", "out of range")]
    [InlineData("61m", "out of range")]
    [InlineData("9999999999ms", "is not a duration")]
    public void Anything_else_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
