using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class RunsCommandsTests(EngineHostFactory factory)
{
    private readonly Cli _cli = new(factory);

    [Fact]
    public async Task A_run_started_with_the_cli_is_shown_and_listed_with_its_real_status()
    {
        var started = await _cli.As("alice", ["runs", "start", "credit-risk", .. Cli.CreditParameters, "--json"]);

        Assert.True(started.ExitCode == ExitCodes.Success, started.ToString());
        var runId = started.Json()["runId"]!.GetValue<string>();
        Assert.Equal("waitingForUser", started.Json()["status"]!.GetValue<string>());
        // The parameters arrive typed: thresholds as numbers, the tier as text.
        Assert.Equal(0.70, started.Json()["variables"]!["threshold.auc.min"]!.GetValue<double>());
        Assert.Equal("1", started.Json()["variables"]!["tier"]!.GetValue<string>());

        var shown = await _cli.As("audrey", "runs", "show", runId, "--json");
        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Equal((runId, "waitingForUser"), (shown.Json()["runId"]!.GetValue<string>(), shown.Json()["status"]!.GetValue<string>()));
        Assert.Equal("UserTask_ValidationReview", shown.Json()["openTasks"]![0]!["taskId"]!.GetValue<string>());

        var listed = await _cli.As("audrey", "runs", "list", "--workflow", "credit-risk", "--status", "waitingForUser", "--limit", "1000", "--json");
        Assert.Equal(ExitCodes.Success, listed.ExitCode);
        Assert.Contains(listed.Json().AsArray(), r => r!["runId"]!.GetValue<string>() == runId);
    }

    [Fact]
    public async Task Human_output_shows_the_run_where_it_waits_and_its_history()
    {
        var runId = await _cli.StartCreditRun();

        var started = await _cli.As("audrey", "runs", "show", runId);
        var listed = await _cli.As("audrey", "runs", "list", "--status", "waitingForUser");

        Assert.Equal(ExitCodes.Success, started.ExitCode);
        Assert.Contains($"run:", started.Out, StringComparison.Ordinal);
        Assert.Contains(runId, started.Out, StringComparison.Ordinal);
        Assert.Contains("open task: UserTask_ValidationReview (Independent validation review; roles: validator", started.Out, StringComparison.Ordinal);
        Assert.Contains("threshold.auc.min", started.Out, StringComparison.Ordinal);
        Assert.Contains("KIND", started.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, started.Error);
        Assert.StartsWith("RUN ", listed.Out, StringComparison.Ordinal);
        Assert.Contains(runId, listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_is_exit_3_naming_it_on_stderr_and_nothing_on_stdout()
    {
        var result = await _cli.As("audrey", "runs", "show", "run-nobody-started", "--json");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("HTTP 404", result.Error, StringComparison.Ordinal);
        Assert.Contains("run-nobody-started", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_an_unknown_workflow_is_exit_3_and_a_bad_status_filter_exit_5()
    {
        var unknown = await _cli.As("alice", "runs", "start", "does-not-exist");
        var badFilter = await _cli.As("audrey", "runs", "list", "--status", "sleeping");

        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("does-not-exist", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RejectedInput, badFilter.ExitCode);
        Assert.Contains("HTTP 400", badFilter.Error, StringComparison.Ordinal);
        Assert.Contains("WaitingForUser", badFilter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_may_not_start_credit_runs_gets_exit_4_and_no_run_starts()
    {
        var before = (await _cli.As("audrey", "runs", "list", "--limit", "1000", "--json")).Json().AsArray().Count;

        var refused = await _cli.As("bob", ["runs", "start", "credit-risk", .. Cli.CreditParameters]);

        Assert.Equal(ExitCodes.NotAllowed, refused.ExitCode);
        Assert.Contains("HTTP 403", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.As("audrey", "runs", "list", "--limit", "1000", "--json")).Json().AsArray().Count);
    }
}
