using System.Globalization;
using System.Security.Cryptography;
using OrleansMlops.Host.Tests;
using OrleansMlops.Testing;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class ModelsCommandsTests(EngineHostFactory factory) : IDisposable
{
    private readonly Cli _cli = new(factory);
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task A_released_version_is_listed_shown_documented_and_traced()
    {
        var (runId, version) = await _cli.ReleaseCreditModel();
        var number = version.ToString(CultureInfo.InvariantCulture);

        var listed = await _cli.As("audrey", "models", "list", "--name", "credit-risk", "--json");
        var shown = await _cli.As("audrey", "models", "show", "credit-risk", number, "--json");
        var human = await _cli.As("audrey", "models", "show", "credit-risk", number);
        var lineage = await _cli.As("audrey", "models", "lineage", "credit-risk", number, "--json");

        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.Contains(listed.Json().AsArray(), m => m!["version"]!.GetValue<int>() == version && m["lifecycle"]!.GetValue<string>() == "deployed");
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Equal((runId, "deployed"), (shown.Json()["ownerRunId"]!.GetValue<string>(), shown.Json()["lifecycle"]!.GetValue<string>()));
        Assert.Contains("lifecycle:", human.Out, StringComparison.Ordinal);
        Assert.Contains("bob", human.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, lineage.ExitCode);
        Assert.Equal("alice", lineage.Json()["trainedBy"]!.GetValue<string>());
        Assert.NotEmpty(lineage.Json()["files"]!.AsArray());
    }

    [Fact]
    public async Task The_model_card_goes_to_a_file_byte_for_byte_as_the_host_generated_it()
    {
        var (_, version) = await _cli.ReleaseCreditModel();
        var number = version.ToString(CultureInfo.InvariantCulture);
        var file = _directory.File("card.md");

        var written = await _cli.As("audrey", "models", "card", "credit-risk", number, "--output", file, "--json");
        var printed = await _cli.As("audrey", "models", "card", "credit-risk", number, "--document", "annex-iv.md");

        Assert.Equal(ExitCodes.Success, written.ExitCode);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        // The host's ETag is the SHA-256 of the document it generated.
        Assert.Equal(written.Json()["etag"]!.GetValue<string>(), sha256);
        Assert.StartsWith("#", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, printed.ExitCode);
        Assert.Contains("Annex IV", printed.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_version_is_exit_3_and_an_unknown_document_a_usage_error()
    {
        var unknown = await _cli.As("audrey", "models", "show", "credit-risk", "999", "--json");
        var noCard = await _cli.As("audrey", "models", "card", "credit-risk", "999");
        var badDocument = await _cli.As("audrey", "models", "card", "credit-risk", "1", "--document", "secrets.txt");

        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Equal(string.Empty, unknown.Out);
        Assert.Contains("999", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, noCard.ExitCode);
        Assert.Equal(ExitCodes.UsageError, badDocument.ExitCode);
    }

    public void Dispose() => _directory.Dispose();
}
