using OrleansMlops.Host.Tests;
using OrleansMlops.Testing;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class WorkflowsCommandsTests(EngineHostFactory factory) : IDisposable
{
    private const string Malformed = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"p\">\n</bpmn:definitions>";

    private readonly Cli _cli = new(factory);
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task Listing_shows_the_published_workflows()
    {
        var json = await _cli.As("audrey", "workflows", "list", "--json");
        var human = await _cli.As("audrey", "workflows", "list");

        Assert.Equal(ExitCodes.Success, json.ExitCode);
        var credit = Assert.Single(json.Json().AsArray(), w => w!["workflowId"]!.GetValue<string>() == "credit-risk")!;
        Assert.Equal("credit-risk", credit["processId"]!.GetValue<string>());
        Assert.Contains("credit-risk", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validating_a_malformed_file_exits_1_naming_each_problem_with_its_line_and_publishes_nothing()
    {
        var before = (await _cli.As("audrey", "workflows", "list", "--json")).Json().AsArray().Count;
        var file = await Write("broken.bpmn", Malformed);

        var result = await _cli.As("vera", "workflows", "validate", file);

        Assert.Equal(ExitCodes.NegativeOutcome, result.ExitCode);
        Assert.Contains("broken.bpmn: line 3, column", result.Out, StringComparison.Ordinal);
        Assert.Contains("problem(s)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.As("audrey", "workflows", "list", "--json")).Json().AsArray().Count);
    }

    [Fact]
    public async Task Validating_a_good_file_exits_0_with_its_process_and_hash()
    {
        var file = await Write("credit.bpmn", await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk")));

        var result = await _cli.As("vera", "workflows", "validate", file, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(result.Json()["valid"]!.GetValue<bool>());
        Assert.Equal("credit-risk", result.Json()["processId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_creates_a_version_once_only_designers_may_and_a_refused_document_is_exit_5_with_its_problems()
    {
        var file = await Write("copy.bpmn", await File.ReadAllTextAsync(RepoPaths.Workflow("credit-risk")));
        var broken = await Write("broken.bpmn", Malformed);

        var first = await _cli.As("dana", "workflows", "publish", "cli-credit-copy", file, "--json");
        var same = await _cli.As("dana", "workflows", "publish", "cli-credit-copy", file);
        var notDesigner = await _cli.As("alice", "workflows", "publish", "cli-credit-copy", broken);
        var refused = await _cli.As("dana", "workflows", "publish", "cli-credit-copy", broken);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(("cli-credit-copy", 1, "dana"), (first.Json()["workflowId"]!.GetValue<string>(), first.Json()["version"]!.GetValue<int>(), first.Json()["publishedBy"]!.GetValue<string>()));
        Assert.Contains("Unchanged: cli-credit-copy version 1", same.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotAllowed, notDesigner.ExitCode);
        Assert.Equal(ExitCodes.RejectedInput, refused.ExitCode);
        Assert.Contains("HTTP 422", refused.Error, StringComparison.Ordinal);
        Assert.Contains("  - line 3, column", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_designers_release_workflow_waits_for_a_second_designer_who_approves_it_from_the_cli()
    {
        var file = await Write("release.bpmn", await File.ReadAllTextAsync(RepoPaths.Workflow("promote-model")));

        var published = await _cli.As("dana", "workflows", "publish", "cli-promote-copy", file);
        var self = await _cli.As("dana", "workflows", "approve", "cli-promote-copy", "1");
        var noReason = await _cli.As("devon", "workflows", "reject", "cli-promote-copy", "1");
        var approved = await _cli.As("devon", "workflows", "approve", "cli-promote-copy", "1", "--comment", "checked the deploy stage");

        Assert.Contains("a second designer must approve it before runs start it", published.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotAllowed, self.ExitCode);
        Assert.Equal(ExitCodes.UsageError, noReason.ExitCode);
        Assert.Equal(ExitCodes.Success, approved.ExitCode);
        Assert.Contains("cli-promote-copy version 1 is startable", approved.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_usage_error_and_no_call_is_made()
    {
        var result = await _cli.As("vera", "workflows", "validate", Path.Combine(_directory.Path, "missing.bpmn"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("missing.bpmn", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> Write(string name, string content)
    {
        var path = _directory.File(name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}
