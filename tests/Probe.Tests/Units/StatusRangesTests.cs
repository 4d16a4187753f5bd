namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class StatusRangesTests
{
    [Theory]
    [InlineData("200-399", 200, true)]
    [InlineData("200-399", 399, true)]
    [InlineData("200-399", 400, false)]
    [InlineData("200-399", 199, false)]
    [InlineData("200", 200, true)]
    [InlineData("200", 201, false)]
    [InlineData("200, 204,300-308", 307, true)]
    [InlineData("200, 204,300-308", 309, false)]
    public void Ranges_contain_their_statuses(string text, int status, bool contained)
    {
        Assert.True(StatusRanges.TryParse(text, out var ranges, out var error), error);
        Assert.Equal(contained, ranges.Contains(status));
        Assert.Equal(text, ranges.Text);
    }

    [Fact]
    public void Default_is_kubernetes_200_to_399()
    {
        Assert.True(StatusRanges.Default.Contains(200));
        Assert.True(StatusRanges.Default.Contains(399));
        Assert.False(StatusRanges.Default.Contains(400));
        Assert.Equal("200-399", StatusRanges.Default.Text);
    }

    [Theory]
    [InlineData("2xx")]
    [InlineData("")]
    [InlineData("399-200")]
    [InlineData("200-")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("200,,204")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(StatusRanges.TryParse(text, out _, out var error));
        Assert.Contains(text, error);
    }
}
