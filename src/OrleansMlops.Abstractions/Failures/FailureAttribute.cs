namespace OrleansMlops.Abstractions.Failures;

/// <summary>
/// Declares, on a member of an area's error-code enum, the kind of failure the code is and a short title for it, so a
/// code and what callers make of it are written in one place.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class FailureAttribute(FailureKind kind, string title) : Attribute
{
    public FailureKind Kind { get; } = kind;

    public string Title { get; } = title;
}
