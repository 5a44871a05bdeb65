using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

/// <summary>Arguments, sign-in and reachability: what goes wrong before the host says anything about the request itself.</summary>
[Collection(CliHostCollection.Name)]
public sealed class UsageTests(EngineHostFactory factory)
{
    private readonly Cli _cli = new(factory);

    [Theory]
    [InlineData("runs")]
    [InlineData("runs", "show")]
    [InlineData("runs", "frobnicate")]
    [InlineData("runs", "start", "credit-risk", "--param", "no-equals-sign")]
    [InlineData("runs", "start", "credit-risk", "--model", "credit-risk")]
    [InlineData("runs", "start", "credit-risk", "--param", "tier=1", "--param", "tier=2")]
    [InlineData("runs", "list", "--limit", "0")]
    [InlineData("models", "list", "--limit", "-1")]
    [InlineData("runs", "watch", "run-x", "--interval", "soon")]
    [InlineData("models", "show", "credit-risk", "latest")]
    public async Task Bad_arguments_are_exit_2_explained_on_stderr(params string[] args)
    {
        var result = await _cli.As("audrey", args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_exit_codes()
    {
        var result = await _cli.As(null, "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("runs", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Contains("MLOPS_TOKEN", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_call_is_exit_4_saying_401()
    {
        var result = await _cli.As(null, "runs", "list");

        Assert.Equal(ExitCodes.NotAllowed, result.ExitCode);
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_given_with_token_is_exit_4_and_never_printed()
    {
        var forged = TestTokens.For("audrey", key: Convert.ToBase64String(new byte[32]));

        var result = await _cli.Run(null, TimeProvider.System, "workflows", "list", "--token", forged);

        Assert.Equal(ExitCodes.NotAllowed, result.ExitCode);
        Assert.DoesNotContain(forged, result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(forged[..20], result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_option_wins_over_the_environment()
    {
        var result = await _cli.Run(TestTokens.For("nobody-known"), TimeProvider.System, "runs", "list", "--json", "--token", TestTokens.For("audrey"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.NotNull(result.Json().AsArray());
    }

    [Fact]
    public async Task An_unreachable_host_is_exit_6_naming_the_address()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // A port nothing listens on: the real client, the real connection error.
        var host = new CliHost(stdout, stderr, TimeProvider.System, url => new HttpClient { BaseAddress = url }, _ => null);

        var exitCode = await CliApp.RunAsync(["runs", "list", "--url", "http://127.0.0.1:1"], host);

        Assert.Equal(ExitCodes.HostUnavailable, exitCode);
        Assert.Contains("127.0.0.1:1", stderr.ToString(), StringComparison.Ordinal);
    }
}
