using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Documents.Facts;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Writers;

/// <summary>
/// The model card of one version: what it is, what it is for, what it was trained and measured on, how fair it is,
/// what it cannot do, who signed it off and what the gates decided. Built only from registry and audit records.
/// </summary>
internal static class ModelCardWriter
{
    public static readonly SectionHeading Details = new("model-details", "Model details");
    public static readonly SectionHeading IntendedUse = new("intended-use", "Intended use");
    public static readonly SectionHeading Data = new("data", "Data");
    public static readonly SectionHeading Metrics = new("metrics", "Metrics");
    public static readonly SectionHeading Fairness = new("fairness", "Fairness");
    public static readonly SectionHeading Limitations = new("limitations", "Limitations");
    public static readonly SectionHeading Approvals = new("approvals", "Approvals and sign-offs");
    public static readonly SectionHeading Governance = new("governance", "Governance decisions");
    public static readonly SectionHeading Lineage = new("lineage", "Lineage");
    public static readonly SectionHeading Evidence = new("evidence", "Evidence attached");

    public static readonly ImmutableArray<SectionHeading> Sections =
        [Details, IntendedUse, Data, Metrics, Fairness, Limitations, Approvals, Governance, Lineage, Evidence];

    public static EvidenceDocument Write(ModelEvidence evidence)
    {
        var facts = new EvidenceFacts(evidence);
        var introduction = new SectionBuilder()
            .Paragraph(
                "Generated from the model registry entry of this version and the gate decisions and audit trail of run ",
                TextRun.Code(facts.View.OwnerRunId),
                ". Regenerating from the same records gives the same bytes.")
            .Build();
        return new EvidenceDocument(
            $"Model card: {facts.Name} v{facts.Version}",
            introduction,
            [
                ModelDetails(facts).Build(Details),
                Purpose(facts).Build(IntendedUse),
                new SectionBuilder().Dataset(facts).Training(facts).Build(Data),
                new SectionBuilder().Metrics(facts).Build(Metrics),
                FairnessOf(facts).Build(Fairness),
                LimitationsOf(facts).Build(Limitations),
                ApprovalsOf(facts).Build(Approvals),
                new SectionBuilder().Decisions(facts).Build(Governance),
                new SectionBuilder().Lineage(LineageGraphs.From(facts)).Build(Lineage),
                new SectionBuilder().Evidence(facts).Build(Evidence),
            ]);
    }

    private static SectionBuilder ModelDetails(EvidenceFacts facts)
    {
        var registration = facts.Registration;
        var section = new SectionBuilder()
            .Fact("Name", facts.Name)
            .Fact("Version", Invariant.Number(facts.Version))
            .Fact("Lifecycle", Invariant.Lower(facts.View.Lifecycle))
            .FactOrNotRecorded("Owner", registration.Owner, "accountable owner")
            .FactOrNotRecorded("Tier", registration.Tier, "materiality tier")
            .FactOrNotRecorded("Risk class", registration.RiskClass, "risk class")
            .FactOrNotRecorded("Artifact", registration.ArtifactUri, "artifact location", code: true)
            .FactOrNotRecorded("Artifact SHA-256", registration.ArtifactSha256, "artifact SHA-256", code: true)
            .Fact("Owning run", TextRun.Code(facts.View.OwnerRunId));
        if (facts.View.Environment is { Length: > 0 } environment)
        {
            section.Fact("Deployed to", environment);
        }

        return facts.View.RevalidationDueAt is { } due
            ? section.Fact("Revalidation due", Invariant.Instant(due))
            : section.NotRecorded("revalidation due date (set when a validator signs the version off)");
    }

    private static SectionBuilder Purpose(EvidenceFacts facts) => new SectionBuilder()
        .FactOrNotRecorded("Purpose", facts.Registration.Purpose, "intended purpose")
        .FactOrNotRecorded("Risk class", facts.Registration.RiskClass, "risk class");

    private static SectionBuilder FairnessOf(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        if (facts.ProtectedAttributes.IsEmpty)
        {
            section.NotRecorded("protected attributes for the bias examination");
        }
        else
        {
            section.Fact("Protected attributes", string.Join(", ", facts.ProtectedAttributes.Order(StringComparer.Ordinal)));
        }

        var disparities = DisparityMetrics(facts).ToArray();
        if (disparities.Length == 0)
        {
            section.NotRecorded("a disparity metric across the protected attributes");
        }
        else
        {
            section.Table(["Disparity metric", "Measured on", "Value"], disparities);
        }

        var results = facts.FairnessResults().ToArray();
        if (results.Length == 0)
        {
            return section.NotRecorded("a gate rule result about bias or disparity");
        }

        return section.Subheading("Bias rules at the gates").Table(
            ["Transition", "Rule set", "Rule", "Result"],
            results.Select(r => EvidenceBlocks.Row(
                TextRun.Code(r.Decision.Transition),
                r.Result.RuleSetId,
                r.Result.RuleName,
                r.Result.Passed ? "passed" : $"failed: {r.Result.Message}")));
    }

    private static IEnumerable<ImmutableArray<TextRun>> DisparityMetrics(EvidenceFacts facts)
    {
        IEnumerable<ImmutableArray<TextRun>> Of(string measuredOn, ImmutableDictionary<string, double>? metrics) =>
            Invariant.Sorted(metrics)
                .Where(m => m.Key.Contains("disparity", StringComparison.OrdinalIgnoreCase))
                .Select(m => EvidenceBlocks.Row(TextRun.Code(m.Key), measuredOn, Invariant.Number(m.Value)));

        return Of("training", facts.Registration.TrainingMetrics).Concat(Of("validation", facts.View.ValidationMetrics));
    }

    private static SectionBuilder LimitationsOf(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        var instructions = facts.Documents.OfKind("instructions-for-use");
        foreach (var document in instructions)
        {
            section.Paragraph(["Instructions for use: ", .. DocumentFacts.Citation(document)]);
            if (document.Attribute("limitations") is { Length: > 0 } stated)
            {
                section.Fact("Limitations", stated);
            }

            if (document.Attribute("declaredAccuracy") is { Length: > 0 } accuracy)
            {
                section.Fact("Declared accuracy", accuracy);
            }
        }

        var covering = facts.Documents.Covering("limitations");
        foreach (var document in covering)
        {
            section.Paragraph(["Limitations are set out in ", .. DocumentFacts.Citation(document), ", section \"limitations\"."]);
        }

        if (covering.IsEmpty && !instructions.Any(d => d.Attribute("limitations") is { Length: > 0 }))
        {
            section.Paragraph("Limitations: not documented.");
            section.NotRecorded("limitations (no attached document states or covers them)");
        }

        return section;
    }

    private static SectionBuilder ApprovalsOf(EvidenceFacts facts)
    {
        var section = new SectionBuilder();
        Person(section, "Trained by", facts.Lineage.TrainedBy, facts.Lineage.TrainedAt);
        Change(section, facts, ModelLifecycle.Registered, "Registered by", "registration");
        Change(section, facts, ModelLifecycle.Validated, "Validator", "validation sign-off (no validator has signed the version off)");
        Change(section, facts, ModelLifecycle.Approved, "Approver", "approval (the version has not been approved)");
        Change(section, facts, ModelLifecycle.Deployed, "Deployed by", "deployment (the version has not been deployed)");
        foreach (var register in facts.Documents.OfKind("risk-register"))
        {
            if (register.Attribute("residualRiskAcceptedBy") is { Length: > 0 } acceptedBy)
            {
                var role = register.Attribute("acceptedByRole");
                section.Fact("Residual risk accepted by", role is { Length: > 0 } ? $"{acceptedBy} ({role})" : acceptedBy);
            }
        }

        return section.Subheading("Sign-offs in the audit trail").SignOffs(facts);
    }

    private static void Change(SectionBuilder section, EvidenceFacts facts, ModelLifecycle state, string label, string missing)
    {
        if (facts.LastChangeTo(state) is { } change)
        {
            Person(section, label, change.Actor, change.At);
        }
        else
        {
            section.NotRecorded(missing);
        }
    }

    private static void Person(SectionBuilder section, string label, string who, DateTimeOffset at) =>
        section.Fact(label, $"{who} at {Invariant.Instant(at)}");
}
