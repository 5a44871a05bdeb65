namespace OrleansMlops.Workflows;

/// <summary>
/// An arrow between two nodes. Only flows leaving an exclusive gateway carry a <paramref name="Condition"/>;
/// <paramref name="ConditionText"/> is the expression as the modeler wrote it.
/// </summary>
public sealed record SequenceFlow(string Id, string SourceId, string TargetId, Condition? Condition, string? ConditionText);
