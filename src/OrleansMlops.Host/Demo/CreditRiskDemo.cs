using System.Collections.Immutable;
using System.Globalization;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Host.Demo;

/// <summary>
/// The one-command demo: a real credit-risk release through the engine — training, evidence, validation, an
/// independent validator's sign-off, a second person's approval, staging, production — printing each transition as
/// the run records it, then where to look. It uses the grain API, as a service embedding the engine would.
/// </summary>
public sealed class CreditRiskDemo(IGrainFactory grains, TextWriter output, TimeProvider time)
{
    public const string Workflow = "credit-risk";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly ImmutableDictionary<string, Variable> Parameters = ImmutableDictionary<string, Variable>.Empty
        .Add("purpose", Variable.Of("creditworthiness assessment of retail loan applicants"))
        .Add("riskClass", Variable.Of("high"))
        .Add("owner", Variable.Of("head-of-retail-credit"))
        .Add("tier", Variable.Of("1"))
        .Add("tags", Variable.Of("demo,retail"))
        .Add("threshold.auc.min", Variable.Of(0.70))
        .Add("threshold.disparity.max", Variable.Of(0.10));

    private long _printed;

    public async Task<DemoResult> RunAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var runId = $"demo-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var run = grains.GetGrain<IPipelineRunGrain>(runId);
        await output.WriteLineAsync("OrleansMlops demo: a governed credit-risk model release, end to end.");
        await output.WriteLineAsync($"Run {runId} on workflow {Workflow}, started by alice (data scientist).");
        await output.WriteLineAsync();

        var view = await Follow(run, () => run.Start(new StartRunRequest(Workflow, null, Parameters, DemoActors.Alice)), cancellationToken);
        view = await SignOff(run, view, "UserTask_ValidationReview", DemoActors.Vera, "results reproduced; limitations documented", cancellationToken);
        view = await SignOff(run, view, "UserTask_ApproveModel", DemoActors.Bob, "metrics, fairness and evidence reviewed", cancellationToken);

        var audit = await run.VerifyAudit();
        await output.WriteLineAsync();
        await output.WriteLineAsync(view.Status == RunStatus.Completed
            ? $"Done: the run ended at {view.EndNodeId}; model {view.Model} is live in staging and production."
            : $"The run stopped: {view.Status}{(view.Problem is null ? string.Empty : " — " + view.Problem)}.");
        await output.WriteLineAsync(audit.Valid
            ? $"Audit trail: {audit.RecordCount} records, hash chain verified."
            : $"Audit trail: NOT verified — {string.Join("; ", audit.Problems)}");
        await WhereToLook(baseUrl, view);
        return new DemoResult(runId, view.Status, view.Model, audit.Valid, audit.RecordCount);
    }

    private async Task<RunView> SignOff(
        IPipelineRunGrain run, RunView view, string taskId, Actor actor, string comment, CancellationToken cancellationToken)
    {
        if (view.OpenTasks.All(t => t.TaskId != taskId))
        {
            return view;
        }

        await output.WriteLineAsync($"  … {actor.Id} ({string.Join(", ", actor.Roles)}, {actor.Unit}) signs off {taskId}");
        return await Follow(run, () => run.CompleteTask(new CompleteTaskRequest(taskId, TaskDecision.Approve, actor, comment)), cancellationToken);
    }

    /// <summary>Runs the command while printing each history entry the run records, until the command returns.</summary>
    private async Task<RunView> Follow(IPipelineRunGrain run, Func<Task<RunView>> command, CancellationToken cancellationToken)
    {
        var pending = command();
        while (!pending.IsCompleted)
        {
            await Print(await run.GetView());
            await Task.WhenAny(pending, Task.Delay(PollInterval, time, cancellationToken));
        }

        var view = await pending;
        await Print(view);
        return view;
    }

    private async Task Print(RunView view)
    {
        foreach (var entry in view.History.Where(h => h.Sequence > _printed))
        {
            await output.WriteLineAsync(
                $"  {entry.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {entry.Kind,-18} {entry.Summary}");
            _printed = entry.Sequence;
        }
    }

    private async Task WhereToLook(string baseUrl, RunView view)
    {
        var api = baseUrl.TrimEnd('/');
        await output.WriteLineAsync();
        await output.WriteLineAsync("Where to look (the engine keeps running; Ctrl+C stops it):");
        await output.WriteLineAsync($"  run, history, gate decisions  {api}/api/runs/{view.RunId}");
        await output.WriteLineAsync($"  audit chain verification      {api}/api/runs/{view.RunId}/audit/verify");
        await output.WriteLineAsync($"  decision log                  {api}/api/decisions?runId={view.RunId}");
        if (view.Model is { } model)
        {
            await output.WriteLineAsync($"  model version and lineage     {api}/api/models/{model.Name}/versions/{model.Version}/lineage");
            await output.WriteLineAsync($"  model card                    {api}/api/models/{model.Name}/versions/{model.Version}/documents/model-card.html");
            await output.WriteLineAsync($"  Annex IV documentation        {api}/api/models/{model.Name}/versions/{model.Version}/documents/annex-iv.html");
            await output.WriteLineAsync($"  production history            {api}/api/models/{model.Name}/environments/production");
        }

        await output.WriteLineAsync($"  rule sets in force            {api}/api/policies");
        await output.WriteLineAsync($"  studio (runs, inbox, rules)   {api}/studio/#/runs/{view.RunId}");
        await output.WriteLineAsync("The API wants a signed-in caller: send a token printed at start, e.g. audrey's (auditor, reads everything),");
        await output.WriteLineAsync($"as 'Authorization: Bearer …', or get one with: curl -X POST {api}/api/dev/tokens/audrey");
    }
}
