using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Data;
using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// Scores the run's model on the held-out validation.csv: AUC, accuracy, F1 (default as the positive class), the
/// approval-rate disparity between sexes (<see cref="ApprovalDisparity"/>) and a perturbation robustness test
/// (<see cref="RobustnessTest"/>: <c>robustness.aucDrop</c>). Outputs <c>auc</c> and <c>disparity</c> for the gateway.
/// </summary>
public sealed class ValidateStageHandler(
    IOptions<StagesOptions> options,
    ArtifactStore store,
    TimeProvider timeProvider,
    ILogger<ValidateStageHandler> logger) : IStageHandler
{
    public const string StageName = "validate";

    /// <summary>Prefix of the per-group approval-rate metrics, e.g. <c>approvalRate_female</c>.</summary>
    public const string ApprovalRatePrefix = "approvalRate_";

    /// <summary>The AUC of the robustness test, on the validation rows with perturbed features (<see cref="RobustnessTest"/>).</summary>
    public const string PerturbedAucMetric = "robustness.perturbedAuc";

    public string Stage => StageName;

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var model = RegisteredModel.Require(context);
        var artifact = await RegisteredModel.ReadVerifiedArtifactAsync(store, context, model, logger, cancellationToken);
        var validation = await CreditDataFile.LoadAsync(
            settings.ResolvePath(settings.DataDirectory), CreditDataSplit.ValidationRole, CreditDataSplit.ValidationFile, cancellationToken);
        RequireValidationFileOfLineage(model, validation);

        var started = timeProvider.GetTimestamp();
        var (scores, robustness) = await Task.Run(
            () =>
            {
                var loaded = CreditModelScorer.Load(artifact);
                var clean = CreditModelScorer.Score(loaded, validation.Applicants.Select(CreditModelInput.From));
                return (clean, RobustnessTest.Run(loaded, validation.Applicants, clean.Auc));
            },
            cancellationToken);
        var fairness = ApprovalDisparity.Compute([.. validation.Applicants.Select(a => a.Sex)], scores.PredictedDefault);
        var elapsed = timeProvider.GetElapsedTime(started);

        var metrics = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        metrics.Add(StageVariables.Auc, scores.Auc);
        metrics.Add("accuracy", scores.Accuracy);
        metrics.Add("f1", scores.F1);
        metrics.Add(StageVariables.Disparity, fairness.Disparity);
        metrics.Add(StageVariables.RobustnessAucDrop, robustness.AucDrop);
        metrics.Add(PerturbedAucMetric, robustness.PerturbedAuc);
        foreach (var (group, rate) in fairness.ApprovalRates)
        {
            metrics.Add(ApprovalRatePrefix + group, rate);
        }

        StageLog.Validated(
            logger, context.RunId, model.Key.GrainKey, (long)elapsed.TotalMilliseconds, scores.Auc, scores.Accuracy, scores.F1, fairness.Disparity);
        var outputs = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            [
                KeyValuePair.Create(StageVariables.Auc, Variable.Of(scores.Auc)),
                KeyValuePair.Create(StageVariables.Disparity, Variable.Of(fairness.Disparity)),
            ]);
        return new StageResult(outputs, metrics.ToImmutable(), TrainedModel: null, DeployedEnvironment: null);
    }

    // Figures on a validation file other than the one recorded at training would not be evidence about this model version.
    private static void RequireValidationFileOfLineage(ModelVersionView model, CreditDataFile validation)
    {
        var recorded = model.Registration.Lineage.Files.FirstOrDefault(file => file.Role == CreditDataSplit.ValidationRole)
            ?? throw new StageException(
                $"The lineage of {model.Key.GrainKey} records no '{CreditDataSplit.ValidationRole}' file to validate against.");
        if (!string.Equals(recorded.Sha256, validation.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new StageException(
                $"The validation data '{validation.FullPath}' changed since {model.Key.GrainKey} was trained: "
                + $"lineage records SHA-256 {recorded.Sha256}, the file has {validation.Sha256}.");
        }
    }
}
