namespace ContainerHealth.Testing;

/// <summary>Compiled into every test project (tests/Directory.Build.props): checks the tier declarations of its own assembly.</summary>
[Trait(TestTier.Trait, TestTier.Unit)]
public sealed class TierDeclarationTests
{
    [Fact]
    public void Every_test_class_in_this_assembly_declares_one_known_tier_on_the_class()
    {
        var problems = TestTier.Problems(typeof(TierDeclarationTests).Assembly.GetExportedTypes());

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Undeclared_unknown_doubled_and_per_method_tiers_are_each_named()
    {
        var problems = TestTier.Problems([typeof(Undeclared), typeof(Unknown), typeof(Doubled), typeof(PerMethod), typeof(Declared), typeof(NotATestClass)]);

        Assert.Collection(
            problems,
            p => Assert.StartsWith(typeof(Undeclared).FullName + ": no [Trait(\"Tier\", ...)]", p),
            p => Assert.StartsWith(typeof(Unknown).FullName + ": unknown tier 'Slow'", p),
            p => Assert.StartsWith(typeof(Doubled).FullName + ": 2 tiers (Unit, Engine)", p),
            p => Assert.StartsWith(typeof(PerMethod).FullName + ".Test: a tier on a method", p));
    }

    // Samples for the checker only: private, so that xunit does not run them.
#pragma warning disable xUnit1000
    private sealed class Undeclared
    {
        [Fact]
        public void Test() { }
    }

    [Trait(TestTier.Trait, "Slow")]
    private sealed class Unknown
    {
        [Theory]
        [InlineData(1)]
        public void Test(int value) => Assert.Equal(1, value);
    }

    [Trait(TestTier.Trait, TestTier.Unit)]
    [Trait(TestTier.Trait, TestTier.Engine)]
    private sealed class Doubled
    {
        [Fact]
        public void Test() { }
    }

    [Trait(TestTier.Trait, TestTier.Unit)]
    private sealed class PerMethod
    {
        [Fact]
        [Trait(TestTier.Trait, TestTier.Engine)]
        public void Test() { }
    }

    [Trait(TestTier.Trait, TestTier.Engine)]
    private sealed class Declared
    {
        [Fact]
        public void Test() { }
    }

    private sealed class NotATestClass
    {
        public void Helper() { }
    }
#pragma warning restore xUnit1000
}
