using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansMlops.Host.Tests;

namespace OrleansMlops.Cli.Tests;

/// <summary><c>runs watch</c> follows a run as it moves, paced by the injected clock.</summary>
[Collection(CliHostCollection.Name)]
public sealed class RunWatchTests(EngineHostFactory factory) : IDisposable
{
    /// <summary>A stage an external worker does, then a review by an approver: the run waits for the worker, then for a person.</summary>
    private const string Workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="d" targetNamespace="urn:t">
          <bpmn:process id="cli-watch" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:serviceTask id="score" name="Score" mlops:stage="score" mlops:topic="cli.scoring" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="UserTask_Review" />
            <bpmn:userTask id="UserTask_Review" name="Review the scores" mlops:candidateRoles="approver" />
            <bpmn:sequenceFlow id="f3" sourceRef="UserTask_Review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly Cli _cli = new(factory);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cli-watch-{Guid.NewGuid():N}.bpmn");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Watch_prints_each_stage_as_the_run_moves_and_exits_0_saying_it_waits_for_a_user_task()
    {
        await File.WriteAllTextAsync(_file, Workflow);
        var published = await _cli.As("dana", "workflows", "publish", "cli-watch", _file);
        Assert.True(published.ExitCode == ExitCodes.Success, published.ToString());
        var started = await _cli.As("alice", "runs", "start", "cli-watch", "--param", "segment=retail", "--json");
        Assert.Equal("waitingForWorker", started.Json()["status"]!.GetValue<string>());
        var runId = started.Json()["runId"]!.GetValue<string>();

        var time = new StepTimeProvider();
        var watching = _cli.Run(TestTokens.For("audrey"), time, "runs", "watch", runId, "--interval", "2s");
        var firstPause = await time.NextTimer(_timeout.Token);
        await CompleteTheWorkersJob(runId);
        firstPause.Fire();
        var watched = await watching.WaitAsync(_timeout.Token);

        Assert.True(watched.ExitCode == ExitCodes.Success, watched.ToString());
        Assert.Equal(TimeSpan.FromSeconds(2), firstPause.DueTime);
        var lines = watched.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var waitingForWorker = Array.FindIndex(lines, l => l.StartsWith("status: waitingForWorker at score", StringComparison.Ordinal));
        var waitingForUser = Array.FindIndex(lines, l => l.StartsWith("status: waitingForWorker -> waitingForUser at UserTask_Review", StringComparison.Ordinal));
        Assert.True(waitingForWorker >= 0 && waitingForUser > waitingForWorker + 1, watched.ToString());
        // Between the two polls: the history entries the worker's completion produced, each printed once.
        Assert.Contains(lines[(waitingForWorker + 1)..waitingForUser], l => l.Contains(" #", StringComparison.Ordinal));
        Assert.Equal(lines.Count(l => l.Contains(" #", StringComparison.Ordinal)), lines.Where(l => l.Contains(" #", StringComparison.Ordinal)).Distinct().Count());
        Assert.Contains($"Run {runId} is waiting for a user task: UserTask_Review (Review the scores; roles: approver).", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_with_json_prints_only_the_last_run_document_and_the_progress_on_stderr()
    {
        var runId = await _cli.StartCreditRun();

        var watched = await _cli.As("audrey", "runs", "watch", runId, "--json");

        Assert.Equal(ExitCodes.Success, watched.ExitCode);
        Assert.Equal((runId, "waitingForUser"), (watched.Json()["runId"]!.GetValue<string>(), watched.Json()["status"]!.GetValue<string>()));
        Assert.Contains("is waiting for a user task: UserTask_ValidationReview", watched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_a_run_whose_validation_was_rejected_exits_0_with_its_end_and_an_unknown_run_exits_3()
    {
        var runId = await _cli.StartCreditRun();
        var rejected = await _cli.As("vera", "tasks", "reject", runId, "UserTask_ValidationReview", "--reason", "cannot reproduce the AUC");
        Assert.Equal(ExitCodes.Success, rejected.ExitCode);

        var watched = await _cli.As("audrey", "runs", "watch", runId);
        var unknown = await _cli.As("audrey", "runs", "watch", "run-never-started");

        Assert.Equal(ExitCodes.Success, watched.ExitCode);
        Assert.Contains($"Run {runId} completed at ", watched.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }

    private async Task CompleteTheWorkersJob(string runId)
    {
        using var worker = factory.CreateClient();
        worker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("svc"));
        var locked = await worker.PostAsJsonAsync("/api/external-tasks/fetch-and-lock", new
        {
            workerId = "cli-test-worker",
            topics = new[] { "cli.scoring" },
            maxTasks = 10,
            lockDurationMs = 60_000,
            asyncResponseTimeoutMs = 10_000,
        }, _timeout.Token);
        var jobs = JsonNode.Parse(await locked.Content.ReadAsStringAsync(_timeout.Token))!.AsArray();
        var jobId = jobs.Single(j => j!["job"]!["runId"]!.GetValue<string>() == runId)!["job"]!["jobId"]!.GetValue<string>();
        var completed = await worker.PostAsJsonAsync($"/api/external-tasks/cli.scoring/{jobId}/complete",
            new { workerId = "cli-test-worker", metrics = new { gini = 0.5 } }, _timeout.Token);
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync(_timeout.Token));
    }

    public void Dispose()
    {
        _timeout.Dispose();
        File.Delete(_file);
    }
}
