namespace OrleansMlops.Governance.Evaluation;

/// <summary>The parts of <see cref="GovernanceOptions"/> an evaluation needs, and the clock its budget runs on.</summary>
internal sealed record GateEvaluationSettings(TimeSpan Budget, IReadOnlyList<string> RequiredTransitions, TimeProvider TimeProvider)
{
    public static GateEvaluationSettings From(GovernanceOptions options, TimeProvider timeProvider) =>
        new(options.EvaluationBudget, [.. options.EffectiveRequiredTransitions], timeProvider);
}
