using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Abstractions;
using OrleansMlops.Grains.Governance;
using OrleansMlops.Grains.Persistence;
using OrleansMlops.Grains.Security;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Workflows;

/// <summary>
/// Keeps every published version of one workflow. Versions are never changed or removed, so a run pinned to a version
/// can always load exactly the document it started with. A designer's version of a workflow that can release models
/// waits for a second designer; the operator's folder publishes directly. Every publication and review is chained into
/// the workflow's audit trail (<c>workflow:&lt;id&gt;</c>).
/// </summary>
public sealed class WorkflowDefinitionGrain(
    [DurableState("definition")] IDurableState<WorkflowDefinitionState> state,
    WorkflowDefinitionCache cache,
    IOptions<WorkflowApprovalOptions> approval,
    IAuditStore auditStore,
    EngineClock clock,
    ILogger<WorkflowDefinitionGrain> logger) : Grain, IWorkflowDefinitionGrain
{
    private readonly List<AuditRecord> _sealed = [];

    private WorkflowDefinitionState S => state.State;

    private string WorkflowId => this.GetPrimaryKeyString();

    private string AuditStream => "workflow:" + WorkflowId;

    public async Task<PublishResult> Publish(string bpmnXml, Actor designer)
    {
        var publisher = await GrainFactory.Authorize(designer, Permission.PublishWorkflow);
        return await Store(bpmnXml, publisher.Id, definition => approval.Value.RequiresApproval(WorkflowId, definition)
            ? WorkflowVersionStatus.AwaitingApproval
            : WorkflowVersionStatus.Startable);
    }

    public Task<PublishResult> PublishFromFolder(string bpmnXml, string file) =>
        Store(bpmnXml, "operator:" + file, _ => WorkflowVersionStatus.Startable);

    public async Task<WorkflowVersionInfo> Approve(int version, Actor designer, string? comment)
    {
        var reviewer = await GrainFactory.Authorize(designer, Permission.PublishWorkflow);
        var (index, awaiting) = Awaiting(version, reviewer.Id);
        var reviewed = awaiting.Info with
        {
            Status = WorkflowVersionStatus.Startable,
            ReviewedBy = reviewer.Id,
            ReviewedAt = clock.UtcNow,
            ReviewComment = ReviewText.Optional(comment, "comment"),
        };
        await Commit(index, awaiting with { Info = reviewed }, "workflow-version-approved", reviewer.Id);
        return reviewed;
    }

    public async Task<WorkflowVersionInfo> Reject(int version, Actor designer, string reason)
    {
        var reviewer = await GrainFactory.Authorize(designer, Permission.PublishWorkflow);
        var (index, awaiting) = Awaiting(version, reviewer.Id);
        var why = ReviewText.Optional(reason, "reason")
            ?? throw new ProposalException(ProposalErrorCode.InvalidRequest, "a rejection needs a reason: say what the designer should change.");
        var reviewed = awaiting.Info with { Status = WorkflowVersionStatus.Rejected, ReviewedBy = reviewer.Id, ReviewedAt = clock.UtcNow, ReviewComment = why };
        await Commit(index, awaiting with { Info = reviewed }, "workflow-version-rejected", reviewer.Id);
        return reviewed;
    }

    public Task<IReadOnlyList<WorkflowVersionInfo>> GetVersions() =>
        Task.FromResult<IReadOnlyList<WorkflowVersionInfo>>([.. S.Versions.Select(v => v.Info)]);

    public Task<string?> GetDocument(int? version)
    {
        var versions = S.Versions;
        var stored = version is null
            ? versions.LastOrDefault()
            : versions.Find(v => v.Info.Version == version);
        return Task.FromResult(stored?.Document);
    }

    public async Task<AuditVerification> VerifyAudit()
    {
        return await S.VerifyAsync(auditStore, AuditStream);
    }

    private async Task<PublishResult> Store(string bpmnXml, string publishedBy, Func<ProcessDefinition, WorkflowVersionStatus> statusOf)
    {
        ProcessDefinition definition;
        try
        {
            definition = cache.Parse(bpmnXml);
        }
        catch (WorkflowDefinitionException e)
        {
            return new PublishResult(null, false, e.Problems);
        }

        var existing = S.Versions.Find(v => v.Info.ContentHash == definition.ContentHash);
        if (existing is not null)
        {
            return new PublishResult(existing.Info, false, []);
        }

        var info = new WorkflowVersionInfo(
            WorkflowId, S.Versions.Count + 1, definition.ContentHash, definition.ProcessId, definition.Name, clock.UtcNow, publishedBy, statusOf(definition));
        S.Versions.Add(new StoredWorkflowVersion(info, bpmnXml));
        var kind = publishedBy.StartsWith("operator:", StringComparison.Ordinal) ? "workflow-published-by-operator" : "workflow-version-published";
        S.Chain(_sealed, AuditStream, kind, publishedBy, clock.UtcNow, new { version = info, document = bpmnXml });
        await Persist(kind);
        await GrainFactory.GetGrain<IWorkflowCatalogGrain>(0).Add(info.WorkflowId);
        return new PublishResult(info, true, ImmutableArray<WorkflowProblem>.Empty);
    }

    private (int Index, StoredWorkflowVersion Version) Awaiting(int version, string reviewer)
    {
        var index = S.Versions.FindIndex(v => v.Info.Version == version);
        if (index < 0)
        {
            throw new ProposalException(ProposalErrorCode.NotFound, $"Workflow '{WorkflowId}' has no version {version}.");
        }

        var stored = S.Versions[index];
        if (stored.Info.Status != WorkflowVersionStatus.AwaitingApproval)
        {
            throw new ProposalException(ProposalErrorCode.AlreadyDecided, stored.Info.ReviewedBy is { } by
                ? $"Version {version} of '{WorkflowId}' was already reviewed by {by}: it is {Describe(stored.Info.Status)}."
                : $"Version {version} of '{WorkflowId}' awaits no approval: it is {Describe(stored.Info.Status)}.");
        }

        return string.Equals(stored.Info.PublishedBy, reviewer, StringComparison.Ordinal)
            ? throw new ProposalException(ProposalErrorCode.SecondPersonRequired,
                $"'{reviewer}' published version {version} of '{WorkflowId}'; a second designer must review it.")
            : (index, stored);
    }

    private static string Describe(WorkflowVersionStatus status) => status switch
    {
        WorkflowVersionStatus.Startable => "startable",
        WorkflowVersionStatus.Rejected => "rejected",
        _ => "awaiting approval",
    };

    private async Task Commit(int index, StoredWorkflowVersion reviewed, string kind, string reviewer)
    {
        S.Versions[index] = reviewed;
        S.Chain(_sealed, AuditStream, kind, reviewer, clock.UtcNow, reviewed.Info);
        await Persist(kind);
    }

    private async Task Persist(string kind)
    {
        try
        {
            await state.CommitSealedAsync(_sealed);
        }
        catch (Exception e)
        {
            WorkflowLog.PersistFailed(logger, e, WorkflowId, kind);
            throw;
        }

        WorkflowLog.Changed(logger, WorkflowId, kind);
    }
}
