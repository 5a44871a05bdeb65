using System.Collections.Immutable;
using System.Diagnostics;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Grains.Runs;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// Workload B: many runs of bench-approval.bpmn waiting for a person. Starts them (bounded concurrency), makes every
/// grain deactivate and checks that they did, measures what the waiting costs (process memory, database, reminders),
/// then has an independent validator sign every one off and measures how long until all have completed.
/// </summary>
internal sealed class WaitingWorkload(EngineHost engine)
{
    public const string WorkflowId = "bench-approval";

    private const string SignOffTask = "UserTask_SignOff";

    private static readonly TimeSpan DeactivationTimeout = TimeSpan.FromMinutes(3);

    private readonly ImmutableDictionary<string, Variable> _parameters = ImmutableDictionary<string, Variable>.Empty
        .Add("purpose", Variable.Of("creditworthiness assessment of natural persons"))
        .Add("riskClass", Variable.Of("high"));

    public async Task<WaitingResult> RunAsync(int count, int concurrency, Action<string> progress)
    {
        var grains = engine.Grains;
        var management = grains.GetGrain<IManagementGrain>(0);
        var before = ProcessMemory.Capture();

        progress($"waiting: starting {count} runs at concurrency {concurrency}");
        var (startLatencies, startElapsed) = await ClosedLoop.RunAsync(count, concurrency, Start);
        var transitionsWhileWaiting = SameFor(startLatencies, s => s.Transitions, "transitions while waiting");
        var activeRuns = await RunActivations(management);
        var active = ProcessMemory.Capture();

        progress($"waiting: {activeRuns} run activations; forcing deactivation");
        var idleRuns = await DeactivateRuns(management);
        var idle = ProcessMemory.Capture();
        var files = DatabaseFiles.Of(engine.DatabasePath);
        var reminders = await DatabaseFiles.CountRemindersAsync(engine.DatabasePath);
        if (reminders < count)
        {
            throw new LoadHarnessException($"{count} runs wait on a 48-hour timer but only {reminders} reminders are stored.");
        }

        progress($"waiting: signing off {count} runs at concurrency {concurrency}");
        var (signOffLatencies, signOffElapsed) = await ClosedLoop.RunAsync(count, concurrency, SignOff);
        var transitionsPerRun = SameFor(signOffLatencies, s => s.Transitions, "transitions once completed");
        var remindersAfter = await DatabaseFiles.CountRemindersAsync(engine.DatabasePath);

        return new WaitingResult(
            count,
            transitionsWhileWaiting,
            transitionsPerRun,
            startElapsed,
            LatencyDistribution.Of(startLatencies.Select(s => s.CallMs)),
            activeRuns,
            idleRuns,
            before,
            active,
            idle,
            files,
            reminders,
            signOffElapsed,
            LatencyDistribution.Of(signOffLatencies.Select(s => s.CallMs)),
            remindersAfter);
    }

    private async Task<RunSample> Start(int index)
    {
        var started = Stopwatch.GetTimestamp();
        var view = await engine.Grains.GetGrain<IPipelineRunGrain>(RunId(index))
            .Start(new StartRunRequest(WorkflowId, null, _parameters, BenchPrincipals.Alice));
        var call = Stopwatch.GetElapsedTime(started);
        RunVerdict.Require(view, RunStatus.WaitingForUser);
        if (!view.OpenTasks.Any(t => t.TaskId == SignOffTask && t.DueAt is not null))
        {
            throw new LoadHarnessException($"Run {view.RunId} waits, but not for {SignOffTask} with its 48-hour deadline.");
        }

        return RunSample.Of(view, call);
    }

    private async Task<RunSample> SignOff(int index)
    {
        var started = Stopwatch.GetTimestamp();
        var view = await engine.Grains.GetGrain<IPipelineRunGrain>(RunId(index))
            .CompleteTask(new CompleteTaskRequest(SignOffTask, TaskDecision.Approve, BenchPrincipals.Vera, "load harness sign-off"));
        var call = Stopwatch.GetElapsedTime(started);
        return RunSample.Of(RunVerdict.Require(view, RunStatus.Completed), call);
    }

    /// <summary>Asks the silo to collect every idle activation until no run grain is left active; fails if they stay.</summary>
    private static async Task<int> DeactivateRuns(IManagementGrain management)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(DeactivationTimeout.TotalSeconds * Stopwatch.Frequency);
        int remaining;
        while ((remaining = await RunActivations(management)) > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new LoadHarnessException($"{remaining} run activations are still alive {DeactivationTimeout.TotalMinutes} minutes after forcing collection.");
            }

            await management.ForceActivationCollection(TimeSpan.Zero);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return remaining;
    }

    private static async Task<int> RunActivations(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(PipelineRunGrain), StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

    private static string RunId(int index) => $"wait-{index:D7}";

    private static int SameFor(IEnumerable<RunSample> samples, Func<RunSample, int> figure, string what)
    {
        var values = samples.Select(figure).Distinct().ToArray();
        return values.Length == 1
            ? values[0]
            : throw new LoadHarnessException($"Runs of one workflow differ in their {what}: {string.Join(", ", values)}.");
    }
}
