using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Documents;
using OrleansMlops.Storage.Evidence;

namespace OrleansMlops.Grains.Runs;

// Evidence frozen at approval: the model card and Annex IV documentation as the approver's sign-off left them.
public sealed partial class PipelineRunGrain
{
    /// <summary>
    /// After the approver's sign-off is committed (and the version is Approved): generates the model card and the
    /// Annex IV documentation from the version, the run's decisions and its audit trail, stores their bytes under their
    /// SHA-256 and commits an <c>evidence.generated</c> record with the hashes, before anything else happens in the run.
    /// If that fails, it is owed and tried again on the next command or activation.
    /// </summary>
    private async Task FreezeOwedEvidence()
    {
        if (!S.EvidenceOwed || S.Model is not { } key || S.ModelEffects.Count > 0)
        {
            return;
        }

        ImmutableArray<GeneratedDocument> documents;
        try
        {
            var view = await GrainFactory.GetGrain<IModelVersionGrain>(key.GrainKey).GetView();
            if (view is null)
            {
                return;
            }

            documents = EvidenceDocuments.GenerateAll(new ModelEvidence(view, await DecisionsSoFar(), await AuditSoFar()));
            var now = clock.UtcNow;
            await evidenceStore.PutAsync(
                [.. documents.Select(d => new StoredDocument(d.Sha256, d.FileName, d.MediaType, d.Content, now))], CancellationToken.None);
        }
        catch (Exception e)
        {
            _failures++;
            RunLog.EvidenceFailed(logger, e, RunId, key.GrainKey);
            return;
        }

        S.EvidenceOwed = false;
        await Commit(
            "evidence.generated",
            Actor.System,
            $"Model card and Annex IV documentation of {key} frozen at approval",
            [],
            new
            {
                model = key,
                documents = documents.Select(d => new { kind = d.Kind, file = d.FileName, sha256 = d.Sha256, bytes = d.Content.Length }),
            });
    }

    /// <summary>The run's audit records up to its last commit, which stored them all.</summary>
    private async Task<ImmutableArray<AuditRecord>> AuditSoFar() => [.. await auditStore.ReadAsync(RunId, CancellationToken.None)];

    /// <summary>The run's decisions in order, with the inputs the documentation's threshold facts are read from.</summary>
    private async Task<ImmutableArray<GateDecision>> DecisionsSoFar() =>
        [.. await decisionStore.ForRunAsync(RunId, int.MaxValue, withInputs: true, CancellationToken.None)];
}
