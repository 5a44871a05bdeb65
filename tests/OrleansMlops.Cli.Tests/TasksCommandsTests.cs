using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class TasksCommandsTests(EngineHostFactory factory)
{
    private readonly Cli _cli = new(factory);

    [Fact]
    public async Task The_validator_sees_the_review_in_her_inbox_and_approving_it_moves_the_run_to_the_approval()
    {
        var runId = await _cli.StartCreditRun();

        var inbox = await _cli.As("vera", "tasks", "list", "--json");
        var human = await _cli.As("vera", "tasks", "list");
        var approved = await _cli.As("vera", "tasks", "approve", runId, "UserTask_ValidationReview", "--comment", "results reproduced", "--json");

        Assert.Equal(ExitCodes.Success, inbox.ExitCode);
        var task = Assert.Single(inbox.Json().AsArray(), t => t!["runId"]!.GetValue<string>() == runId)!;
        Assert.Equal("UserTask_ValidationReview", task["taskId"]!.GetValue<string>());
        Assert.False(task["selfInvolved"]!.GetValue<bool>());
        Assert.Contains(runId, human.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, approved.ExitCode);
        Assert.Equal("UserTask_ApproveModel", approved.Json()["openTasks"]![0]!["taskId"]!.GetValue<string>());
        var history = approved.Json()["history"]!.AsArray();
        Assert.Contains(history, e => e!["actor"]!.GetValue<string>() == "vera");
    }

    [Fact]
    public async Task The_submitter_validating_her_own_run_gets_exit_4_with_the_reason_and_the_task_stays_open()
    {
        // mallory holds the validator role too, so only independence stands in her way.
        var runId = await _cli.StartCreditRun("mallory");

        var inbox = await _cli.As("mallory", "tasks", "list", "--json");
        var refused = await _cli.As("mallory", "tasks", "approve", runId, "UserTask_ValidationReview");

        Assert.True(Assert.Single(inbox.Json().AsArray(), t => t!["runId"]!.GetValue<string>() == runId)!["selfInvolved"]!.GetValue<bool>());
        Assert.Equal(ExitCodes.NotAllowed, refused.ExitCode);
        Assert.Contains("HTTP 403", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Independent validation", refused.Error, StringComparison.Ordinal);
        var after = await _cli.As("audrey", "runs", "show", runId, "--json");
        Assert.Equal("UserTask_ValidationReview", after.Json()["openTasks"]![0]!["taskId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejecting_the_review_ends_the_run_and_deciding_it_again_is_exit_5()
    {
        var runId = await _cli.StartCreditRun();

        var rejected = await _cli.As("vera", "tasks", "reject", runId, "UserTask_ValidationReview", "--reason", "limitations not documented", "--json");
        var again = await _cli.As("vera", "tasks", "approve", runId, "UserTask_ValidationReview");

        Assert.Equal(ExitCodes.Success, rejected.ExitCode);
        Assert.Equal("completed", rejected.Json()["status"]!.GetValue<string>());
        Assert.Equal(ExitCodes.RejectedInput, again.ExitCode);
        Assert.Contains("HTTP 409", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_a_usage_error_and_the_review_stays_open()
    {
        var runId = await _cli.StartCreditRun();

        var refused = await _cli.As("vera", "tasks", "reject", runId, "UserTask_ValidationReview");

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("--reason", refused.Error, StringComparison.Ordinal);
        var after = await _cli.As("audrey", "runs", "show", runId, "--json");
        Assert.Equal("UserTask_ValidationReview", after.Json()["openTasks"]![0]!["taskId"]!.GetValue<string>());
    }
}
