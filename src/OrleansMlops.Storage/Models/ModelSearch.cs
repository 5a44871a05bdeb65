using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Models;

/// <summary>
/// Filters for searching the model registry; null means any, and the given ones must all hold. <see cref="Lifecycle"/>
/// is the version's stage, <see cref="Environment"/> one it is live in now, <see cref="Tag"/> one of its tags. Newest
/// registration first, at most <see cref="Limit"/> rows.
/// </summary>
public sealed record ModelSearch(
    string? Name = null,
    ModelLifecycle? Lifecycle = null,
    string? Environment = null,
    string? Tag = null,
    string? RiskClass = null,
    string? Owner = null,
    int Limit = ModelSearch.DefaultLimit)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public static int Clamp(int requested) => Math.Clamp(requested, 1, MaxLimit);
}
