using System.Collections.Immutable;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Documents.Facts;

/// <summary>
/// The evidence with every collection made safe to read (arrays that arrived uninitialised read as empty, records in
/// sequence order) and the facts both documents derive from it computed once.
/// </summary>
internal sealed class EvidenceFacts
{
    public EvidenceFacts(ModelEvidence evidence)
    {
        View = evidence.Version;
        Registration = View.Registration;
        Lineage = Registration.Lineage;
        Files = OrEmpty(Lineage.Files);
        Documents = OrEmpty(View.Documents);
        History = OrEmpty(View.History);
        Decisions = OrEmpty(evidence.Decisions);
        Audit = [.. OrEmpty(evidence.Audit).OrderBy(r => r.Sequence)];
        ProtectedAttributes = OrEmpty(Registration.ProtectedAttributes);
        SignOffs = SignOffFacts.From(Audit);
        Thresholds = ThresholdFacts.From(Decisions);
    }

    public ModelVersionView View { get; }

    public ModelRegistration Registration { get; }

    public ModelLineage Lineage { get; }

    public ImmutableArray<DatasetFile> Files { get; }

    public ImmutableArray<ModelDocument> Documents { get; }

    public ImmutableArray<LifecycleEvent> History { get; }

    public ImmutableArray<GateDecision> Decisions { get; }

    public ImmutableArray<AuditRecord> Audit { get; }

    public ImmutableArray<string> ProtectedAttributes { get; }

    public ImmutableArray<SignOff> SignOffs { get; }

    public ImmutableArray<ThresholdCheck> Thresholds { get; }

    public string Name => View.Key.Name;

    public int Version => View.Key.Version;

    /// <summary>The latest change of the lifecycle to <paramref name="state"/>, if it happened.</summary>
    public LifecycleEvent? LastChangeTo(ModelLifecycle state) => History.LastOrDefault(e => e.To == state);

    /// <summary>Rule results about bias and fairness (AI-10c and any rule naming bias, disparity or fairness), per decision.</summary>
    public IEnumerable<(GateDecision Decision, RuleResult Result)> FairnessResults() =>
        from decision in Decisions
        from result in OrEmpty(decision.Results)
        where IsAboutFairness(result.RuleName)
        select (decision, result);

    private static bool IsAboutFairness(string ruleName) =>
        ruleName.StartsWith("AI-10c", StringComparison.OrdinalIgnoreCase)
        || ruleName.Contains("bias", StringComparison.OrdinalIgnoreCase)
        || ruleName.Contains("disparity", StringComparison.OrdinalIgnoreCase)
        || ruleName.Contains("fairness", StringComparison.OrdinalIgnoreCase);

    public static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
