using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// A run's history is its audit trail: each transition's record holds its summary and steps, so the run's state keeps
/// neither its history nor its decisions, and a commit's cost does not grow with the run's length.
/// </summary>
internal static class RunHistory
{
    /// <summary>How many of its latest transitions and decisions a run's view carries; <c>GetHistory</c> pages through all.</summary>
    public const int ViewLimit = 200;

    /// <summary>The most transitions one page of <c>GetHistory</c> returns.</summary>
    public const int PageLimit = 1_000;

    public static HistoryEntry From(AuditRecord record)
    {
        using var payload = JsonDocument.Parse(record.PayloadJson);
        var root = payload.RootElement;
        var summary = root.TryGetProperty("summary", out var text) ? text.GetString() ?? string.Empty : string.Empty;
        var steps = root.TryGetProperty("steps", out var stored)
            ? stored.Deserialize<ImmutableArray<TransitionStep>>(AuditJson.Options)
            : [];
        return new HistoryEntry(record.Sequence, record.At, record.Kind, record.Actor, summary, steps.IsDefault ? [] : steps);
    }
}
