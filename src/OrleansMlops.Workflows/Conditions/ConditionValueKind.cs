namespace OrleansMlops.Workflows;

internal enum ConditionValueKind
{
    Null,
    Boolean,
    Number,
    Text,

    /// <summary>A type error: it spreads to the whole condition, which then does not hold.</summary>
    Error,
}
