using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Documents.Facts;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Writers;

/// <summary>Blocks both documents show (data, metrics, decisions, history, evidence), written once so they agree.</summary>
internal static class EvidenceBlocks
{
    public static SectionBuilder Dataset(this SectionBuilder section, EvidenceFacts facts)
    {
        var lineage = facts.Lineage;
        section.FactOrNotRecorded("Data set", lineage.DatasetId, "data set id");
        section.FactOrNotRecorded("Data set version", lineage.DatasetVersion, "data set version");
        if (facts.Files.IsEmpty)
        {
            return section.NotRecorded("data files (role, path, rows, SHA-256)");
        }

        return section.Table(
            ["Role", "Path", "Rows", "SHA-256"],
            facts.Files.Select(f => Row(f.Role, TextRun.Code(f.Path), Invariant.Number(f.Rows), TextRun.Code(f.Sha256))));
    }

    public static SectionBuilder Training(this SectionBuilder section, EvidenceFacts facts)
    {
        var lineage = facts.Lineage;
        section.FactOrNotRecorded("Code commit", lineage.CodeCommit, "code commit that trained the model", code: true);
        section.FactOrNotRecorded("Trained by", lineage.TrainedBy, "who trained the model");
        section.Fact("Trained at", Invariant.Instant(lineage.TrainedAt));
        section.KeyValues("Training parameters", lineage.Parameters, "training parameters");
        return section.KeyValues("Training environment", lineage.Environment, "training environment (runtime and library versions)");
    }

    public static SectionBuilder KeyValues(this SectionBuilder section, string heading, IEnumerable<KeyValuePair<string, string>>? values, string missing)
    {
        var rows = Invariant.Sorted(values).Select(p => Row(TextRun.Code(p.Key), p.Value)).ToArray();
        if (rows.Length == 0)
        {
            return section.NotRecorded(missing);
        }

        return section.Subheading(heading).Table(["Name", "Value"], rows);
    }

    /// <summary>Training and validation value of every metric, with the threshold the run declared and its check.</summary>
    public static SectionBuilder Metrics(this SectionBuilder section, EvidenceFacts facts)
    {
        var training = facts.Registration.TrainingMetrics ?? ImmutableDictionary<string, double>.Empty;
        var validation = facts.View.ValidationMetrics ?? ImmutableDictionary<string, double>.Empty;
        var names = training.Keys.Concat(validation.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (names.Length == 0)
        {
            return section.NotRecorded("training or validation metrics");
        }

        section.Table(
            ["Metric", "Training", "Validation", "Threshold", "Check"],
            names.Select(name =>
            {
                var checks = facts.Thresholds.Where(t => t.Metric == name).ToArray();
                return Row(
                    TextRun.Code(name),
                    training.TryGetValue(name, out var t) ? Invariant.Number(t) : "—",
                    validation.TryGetValue(name, out var v) ? Invariant.Number(v) : "—",
                    checks.Length == 0 ? "none declared" : string.Join("; ", checks.Select(Threshold)),
                    checks.Length == 0 ? "—" : string.Join("; ", checks.Select(Check)));
            }));

        var unmatched = facts.Thresholds.Where(t => !names.Contains(t.Metric, StringComparer.Ordinal)).ToArray();
        if (unmatched.Length > 0)
        {
            section.Paragraph($"Thresholds declared for metrics the version does not report: {string.Join("; ", unmatched.Select(c => $"{c.Metric} {Threshold(c)} ({Check(c)})"))}.");
        }

        if (validation.Count == 0)
        {
            section.NotRecorded("validation metrics (the version has not been signed off by a validator)");
        }

        if (facts.Thresholds.IsEmpty)
        {
            section.NotRecorded("metric thresholds declared at run start (no gate decision carries them)");
        }

        return section;
    }

    public static SectionBuilder Decisions(this SectionBuilder section, EvidenceFacts facts)
    {
        if (facts.Decisions.IsEmpty)
        {
            return section.NotRecorded("gate decisions of the owning run");
        }

        section.Table(
            ["Transition", "Outcome", "Rule sets", "Rules passed", "Evaluated at"],
            facts.Decisions.Select(d => Row(
                TextRun.Code(d.Transition),
                Invariant.Lower(d.Outcome),
                RuleSets(d),
                $"{Invariant.Number(Results(d).Count(r => r.Passed))} of {Invariant.Number(Results(d).Length)}",
                Invariant.Instant(d.EvaluatedAt))));

        var failed = facts.Decisions.SelectMany(d => Results(d).Where(r => !r.Passed).Select(r => (d, r))).ToArray();
        if (failed.Length > 0)
        {
            section.Subheading("Rules that did not pass")
                .Table(["Transition", "Rule set", "Rule", "Message"], failed.Select(f => Row(TextRun.Code(f.d.Transition), f.r.RuleSetId, f.r.RuleName, f.r.Message ?? "")));
        }

        return section;
    }

    public static SectionBuilder History(this SectionBuilder section, EvidenceFacts facts)
    {
        if (facts.History.IsEmpty)
        {
            return section.NotRecorded("lifecycle history of the version");
        }

        return section.Table(
            ["Lifecycle", "By", "At", "Run", "Detail"],
            facts.History.Select(e => Row(Invariant.Lower(e.To), e.Actor, Invariant.Instant(e.At), TextRun.Code(e.RunId), e.Detail ?? "")));
    }

    public static SectionBuilder SignOffs(this SectionBuilder section, EvidenceFacts facts)
    {
        if (facts.SignOffs.IsEmpty)
        {
            return section.NotRecorded("task sign-offs in the audit trail of the owning run");
        }

        return section.Table(
            ["Audit record", "Decision", "By", "Role", "Gate", "At", "Comment"],
            facts.SignOffs.Select(s => Row(
                Invariant.Number(s.Sequence),
                s.Kind == "task.approved" ? "approved" : "rejected",
                s.Actor,
                s.ActorRole ?? "",
                s.Gate is null ? "" : TextRun.Code(s.Gate),
                Invariant.Instant(s.At),
                s.Comment ?? "")));
    }

    public static SectionBuilder Evidence(this SectionBuilder section, EvidenceFacts facts)
    {
        if (facts.Documents.IsEmpty)
        {
            return section.NotRecorded("evidence documents attached to the version");
        }

        return section.Table(
            ["Kind", "Title", "SHA-256", "Attached by", "Attached at"],
            facts.Documents.Select(d => Row(TextRun.Code(d.Kind), d.Title, TextRun.Code(d.Sha256), d.AttachedBy, Invariant.Instant(d.AttachedAt))));
    }

    /// <summary>"eu-ai-act-high-risk@3; four-eyes@1": the exact rule set versions a decision used, by id.</summary>
    public static string RuleSets(GateDecision decision)
    {
        var sets = EvidenceFacts.OrEmpty(decision.RuleSets);
        return sets.IsEmpty
            ? "none"
            : string.Join("; ", sets.OrderBy(s => s.RuleSetId, StringComparer.Ordinal).Select(s => $"{s.RuleSetId}@{Invariant.Number(s.Version)}"));
    }

    public static ImmutableArray<RuleResult> Results(GateDecision decision) => EvidenceFacts.OrEmpty(decision.Results);

    public static ImmutableArray<TextRun> Row(params TextRun[] cells) => [.. cells];

    private static string Threshold(ThresholdCheck check) => $"{check.Bound} {Invariant.Number(check.Limit)}";

    private static string Check(ThresholdCheck check) => check.Actual is { } actual
        ? $"{(check.Passed ? "passed" : "failed")} ({Invariant.Number(actual)})"
        : check.Passed ? "passed" : "not evaluated";
}
