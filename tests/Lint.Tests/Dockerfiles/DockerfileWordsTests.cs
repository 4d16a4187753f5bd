using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

[Trait("Tier", "Unit")]
public sealed class DockerfileWordsTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["TAG"] = "10.0",
        ["EMPTY"] = "",
        ["REGISTRY"] = "mcr.microsoft.com",
    };

    private static IReadOnlyList<string> Split(string text, char escape = '\\') =>
        DockerfileWords.Split(text, escape, name => Variables.GetValueOrDefault(name));

    [Theory]
    [InlineData("$REGISTRY/dotnet/aspnet:$TAG", "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData("${REGISTRY}/dotnet/aspnet:${TAG}-noble-chiseled", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    [InlineData("aspnet:${MISSING:-9.0}", "aspnet:9.0")]
    [InlineData("aspnet:${EMPTY:-9.0}", "aspnet:9.0")]
    [InlineData("aspnet:${EMPTY-9.0}", "aspnet:")]
    [InlineData("a${TAG:+-set}", "a-set")]
    [InlineData("a${MISSING:+-set}", "a")]
    [InlineData("a${EMPTY+-set}", "a-set")]
    [InlineData("${MISSING:-${TAG:-x}}", "10.0")]
    [InlineData("'$TAG'", "$TAG")]
    [InlineData("\"$TAG\"", "10.0")]
    [InlineData("\\$TAG", "$TAG")]
    [InlineData("cost$", "cost$")]
    public void Variables_expand_as_BuildKit_expands_them(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(Split(text)));
    }

    [Fact]
    public void Words_split_on_blanks_outside_quotes()
    {
        Assert.Equal(["--from=build", "/app/publish output", "."], Split("--from=build  \"/app/publish output\" ."));
    }

    [Fact]
    public void With_the_backtick_escape_a_backslash_is_a_plain_character()
    {
        Assert.Equal(["C:\\app\\", "$TAG"], Split("C:\\app\\ `$TAG", '`'));
    }

    [Fact]
    public void Unset_variables_are_reported_and_expand_to_nothing()
    {
        var words = DockerfileWords.Split("${BASE}:$VERSION", '\\', _ => null, out var unset);

        Assert.Equal([":"], words);
        Assert.Equal(["BASE", "VERSION"], unset.Order());
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var text = string.Concat(Enumerable.Repeat("${A:-", 5000)) + "x" + new string('}', 5000);

        var error = Assert.Throws<DockerfileSyntaxException>(() => Split(text));

        Assert.Contains("deeper than", error.Message);
    }

    [Theory]
    [InlineData("${TAG")]
    [InlineData("${TAG:-x")]
    [InlineData("${TAG/a/b}")]
    public void A_broken_substitution_is_an_error(string text)
    {
        Assert.Throws<DockerfileSyntaxException>(() => Split(text));
    }
}
