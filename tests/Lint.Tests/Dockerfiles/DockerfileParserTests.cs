using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

[Trait("Tier", "Unit")]
public sealed class DockerfileParserTests
{
    [Fact]
    public void Continuations_join_lines_and_skip_comment_and_blank_lines_inside_them()
    {
        var document = DockerfileParser.Parse("""
            FROM alpine:3.20
            RUN apk add --no-cache curl \
                # a comment inside the continuation
                ca-certificates \

                && echo done
            HEALTHCHECK --interval=5s \
              CMD curl -f http://localhost:8080/ || exit 1
            """);

        Assert.Equal(["FROM", "RUN", "HEALTHCHECK"], document.Instructions.Select(i => i.Keyword));
        var run = document.Instructions[1];
        Assert.Equal("apk add --no-cache curl     ca-certificates     && echo done", run.Arguments);
        Assert.Equal(2, run.Line);
        Assert.Equal((7, 1), (document.Instructions[2].Line, document.Instructions[2].Column));
    }

    [Fact]
    public void The_escape_directive_makes_the_backtick_the_continuation_and_backslashes_plain()
    {
        var document = DockerfileParser.Parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY setup.ps1 C:\\setup\\ `\n  C:\\tools\\\n");

        Assert.Equal('`', document.Escape);
        Assert.Equal("setup.ps1 C:\\setup\\   C:\\tools\\", document.Instructions[1].Arguments);
    }

    [Fact]
    public void Directives_count_only_before_anything_else()
    {
        var document = DockerfileParser.Parse("# syntax=docker/dockerfile:1\n# check=error=true\n\n# escape=`\nFROM busybox\nRUN echo a \\\n b\n");

        Assert.Equal('\\', document.Escape);
        Assert.Equal("echo a  b", document.Instructions[1].Arguments);
    }

    [Fact]
    public void Heredocs_of_RUN_and_COPY_are_read_to_their_delimiter_and_do_not_become_instructions()
    {
        var document = DockerfileParser.Parse("""
            FROM debian:bookworm-slim
            RUN <<EOF
            apt-get update
            apt-get install -y curl
            EOF
            COPY <<-"CONFIG" /etc/app.conf
            	port=8080
            	CONFIG
            HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/"]
            """);

        Assert.Equal(["FROM", "RUN", "COPY", "HEALTHCHECK"], document.Instructions.Select(i => i.Keyword));
        Assert.Equal("apt-get update\napt-get install -y curl\n", document.Instructions[1].Heredocs[0]);
        Assert.Equal("port=8080\n", document.Instructions[2].Heredocs[0]);
        Assert.Equal(9, document.Instructions[3].Line);
    }

    [Fact]
    public void An_unclosed_heredoc_is_a_syntax_error_at_its_instruction()
    {
        var error = Assert.Throws<DockerfileSyntaxException>(() => DockerfileParser.Parse("FROM alpine\nRUN <<EOF\necho hi\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_an_unknown_one_is_an_error_with_its_line()
    {
        Assert.Equal("FROM", DockerfileParser.Parse("from alpine").Instructions[0].Keyword);

        var error = Assert.Throws<DockerfileSyntaxException>(() => DockerfileParser.Parse("FROM alpine\n\nRUNN echo\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("'RUNN'", error.Message);
    }

    [Fact]
    public void Crlf_line_endings_read_like_lf()
    {
        var document = DockerfileParser.Parse("FROM alpine\r\nRUN echo a \\\r\n  b\r\n");

        Assert.Equal("echo a   b", document.Instructions[1].Arguments);
    }

    [Theory]
    [InlineData("""["/app/healthprobe", "--path", "/healthz"]""", new[] { "/app/healthprobe", "--path", "/healthz" })]
    [InlineData("""[ "curl" ,"-f"]""", new[] { "curl", "-f" })]
    [InlineData("""[curl, -f]""", null)]
    [InlineData("""["curl", 1]""", null)]
    [InlineData("curl -f http://localhost/", null)]
    public void Exec_form_is_a_json_array_of_strings_and_anything_else_is_shell_form(string arguments, string[]? expected)
    {
        Assert.Equal(expected, DockerfileReader.ExecForm(arguments));
    }
}
