using System.Collections.Immutable;
using System.Text;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Several worker tasks on one topic in one run: each task, and each visit of a loop to a task, is its own job, so a
/// completed job never stands in for the next one and the run reaches its end.
/// </summary>
public sealed class SameTopicJobTests : IAsyncLifetime
{
    private const string Topic = "python.scoring";
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(1);

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineCluster.StartAsync(_setup);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IExternalTaskQueueGrain Queue => _engine.Client.GetGrain<IExternalTaskQueueGrain>(Topic);

    [Fact]
    public async Task Two_tasks_on_one_topic_in_sequence_each_get_a_job_and_the_run_completes()
    {
        await Publish("two-on-a-topic", Chain(2));

        var (run, jobs) = await WorkUntilDone("run-two", "two-on-a-topic");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["score1", "score2"], jobs.Select(j => j.NodeId));
        Assert.Equal(2, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.True(run.Variables["score2.scored"].Boolean);
        Assert.True((await _engine.Client.Run("run-two").VerifyAudit()).Valid);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Any_number_of_tasks_on_one_topic_run_to_the_end_one_job_each(int tasks)
    {
        var workflow = $"chain-of-{tasks}";
        await Publish(workflow, Chain(tasks));

        var (run, jobs) = await WorkUntilDone($"run-chain-{tasks}", workflow);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(Enumerable.Range(1, tasks).Select(i => $"score{i}"), jobs.Select(j => j.NodeId));
        Assert.Equal(tasks, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.Equal(tasks, run.History.Count(h => h.Kind == "job.created"));
    }

    [Fact]
    public async Task A_loop_that_visits_the_same_task_again_gets_a_new_job_each_visit()
    {
        await Publish("scoring-loop", Loop(rounds: 3));

        var (run, jobs) = await WorkUntilDone("run-loop", "scoring-loop");

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["score", "score", "score"], jobs.Select(j => j.NodeId));
        Assert.Equal(3, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.Equal(3, run.Variables["rounds"].Number);
        Assert.Equal("done", run.EndNodeId);
    }

    /// <summary>
    /// Plays the worker: takes each job as it comes, completes it counting the rounds, until the run stops waiting. A
    /// job that never comes (the old bug: the second task reused the first, completed job) fails the poll.
    /// </summary>
    private async Task<(RunView Run, List<ExternalJob> Jobs)> WorkUntilDone(string runId, string workflowId)
    {
        var run = await _engine.Client.Run(runId).Start(new StartRunRequest(workflowId, null, ImmutableDictionary<string, Variable>.Empty, Actors.Alice));
        var jobs = new List<ExternalJob>();
        while (run.Status == RunStatus.WaitingForWorker && jobs.Count < 20)
        {
            var job = Assert.Single(await Eventually.Until(
                () => Queue.FetchAndLock("py-worker", 5, Lock), locked => locked.Length > 0, what: $"job {jobs.Count + 1} of {runId}")).Job;
            jobs.Add(job);
            var variables = ImmutableDictionary<string, Variable>.Empty
                .Add($"{job.NodeId}.scored", Variable.Of(true))
                .Add("rounds", Variable.Of(jobs.Count));
            Assert.Equal(JobCompletionOutcome.Applied, await Queue.Complete(job.JobId, new JobCompletion(
                "py-worker", variables, ImmutableDictionary<string, double>.Empty, null, null, ImmutableDictionary<string, string>.Empty, null)));
            run = await _engine.Client.Run(runId).GetView();
        }

        return (run, jobs);
    }

    private async Task Publish(string workflowId, string bpmn)
    {
        var result = await _engine.Client.GetGrain<IWorkflowDefinitionGrain>(workflowId).PublishFromFolder(bpmn, $"tests/{workflowId}.bpmn");
        Assert.True(result.Version is not null, string.Join(Environment.NewLine, result.Problems));
    }

    /// <summary>start → score1 → … → scoreN → end, every task a worker's on the same topic.</summary>
    private static string Chain(int tasks)
    {
        var body = new StringBuilder("""<bpmn:startEvent id="start" />""");
        var previous = "start";
        for (var i = 1; i <= tasks; i++)
        {
            body.Append($"""
                <bpmn:sequenceFlow id="to{i}" sourceRef="{previous}" targetRef="score{i}" />
                <bpmn:serviceTask id="score{i}" name="Score {i}" mlops:stage="score" mlops:topic="{Topic}" />
                """);
            previous = $"score{i}";
        }

        body.Append($"""
            <bpmn:sequenceFlow id="toEnd" sourceRef="{previous}" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);
        return Process($"chain-{tasks}", body.ToString());
    }

    /// <summary>start → score → "rounds &lt; n?" → back to score, else → done.</summary>
    private static string Loop(int rounds) => Process("scoring-loop", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
        <bpmn:serviceTask id="score" name="Score" mlops:stage="score" mlops:topic="{{Topic}}" />
        <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="again" />
        <bpmn:exclusiveGateway id="again" name="Another round?" default="toDone" />
        <bpmn:sequenceFlow id="toScore" sourceRef="again" targetRef="score">
          <bpmn:conditionExpression>${rounds &lt; {{rounds}}}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toDone" sourceRef="again" targetRef="done" />
        <bpmn:endEvent id="done" />
        """);

    private static string Process(string processId, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="{processId}-defs" targetNamespace="http://orleans-mlops.dev/tests">
          <bpmn:process id="{processId}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
