using System.Collections.Immutable;

namespace OrleansMlops.Workflows;

/// <summary>How tolerant <see cref="BpmnLoader"/> is; the defaults are what production publishing uses.</summary>
public sealed record BpmnLoadOptions
{
    public static BpmnLoadOptions Default { get; } = new();

    /// <summary>Documents longer than this many characters are refused before they can cost memory.</summary>
    public int MaxCharacters { get; init; } = 2_000_000;

    /// <summary>
    /// Elements nested deeper than this (the root is at depth 1) are refused while the document is read, before a tree
    /// is built: building one costs time that grows with the square of the depth. Modelers' files nest fewer than 20.
    /// </summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Documents with more elements than this are refused while they are read, before a tree is built.</summary>
    public int MaxElements { get; init; } = 50_000;

    /// <summary>A refusal lists at most this many problems, then says how many more there are.</summary>
    public int MaxProblemsListed { get; init; } = 200;

    /// <summary>
    /// The stage given to tasks that have no <c>mlops:stage</c>. Null (the default) refuses such tasks; tests set it to
    /// run models drawn by others, which know nothing of our stages.
    /// </summary>
    public string? UnboundTaskStage { get; init; }

    /// <summary>The roles given to user tasks that have no <c>mlops:candidateRoles</c>. Empty (the default) refuses them.</summary>
    public ImmutableArray<string> DefaultCandidateRoles { get; init; } = [];

    /// <summary>
    /// Executes the process with this id whatever its <c>isExecutable</c> flag says. Null (the default) picks the single
    /// process of the file, or else the single one marked <c>isExecutable="true"</c>.
    /// </summary>
    public string? ProcessId { get; init; }
}
