using ContainerHealth.Probe;

namespace ContainerHealth.Core.Tests.Probe;

[Trait("Tier", "Unit")]
public sealed class ProbePlacementTests
{
    private static readonly string[] Ours = ["sha256:ours"];

    [Theory]
    [InlineData(true, false, null, ProbeAction.Copy)]
    [InlineData(true, false, "sha256:ours", ProbeAction.Copy)]
    [InlineData(true, false, "sha256:theirs", ProbeAction.RefuseCollision)]
    [InlineData(true, true, null, ProbeAction.RefuseCollision)]
    [InlineData(true, true, "sha256:ours", ProbeAction.RefuseCollision)]
    [InlineData(false, false, "sha256:ours", ProbeAction.RemoveStale)]
    [InlineData(false, false, "sha256:theirs", ProbeAction.None)]
    [InlineData(false, true, "sha256:ours", ProbeAction.None)]
    [InlineData(false, false, null, ProbeAction.None)]
    public void Only_our_own_probe_is_ever_replaced_or_removed(bool wantProbe, bool userPublishesOne, string? existing, ProbeAction expected)
    {
        Assert.Equal(expected, ProbePlacement.Decide(wantProbe, userPublishesOne, existing, Ours));
    }

    [Fact]
    public void Collision_is_CH1010_and_says_what_to_do()
    {
        var diagnostic = ProbePlacement.Collision("/out/publish");

        Assert.Equal("CH1010", diagnostic.Code);
        Assert.Contains("/out/publish/healthprobe", diagnostic.Message);
        Assert.Contains("ContainerHealthProbe=false", diagnostic.Message);
        Assert.EndsWith("docs/rules/CH1010.md", diagnostic.HelpLink);
    }
}
