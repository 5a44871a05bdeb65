using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Abstractions.Stages;

/// <summary>
/// What a stage handler gets: the run, the task (its <c>mlops:*</c> attributes as <see cref="TaskProperties"/>),
/// the run variables, the model version the run produced so far, and an idempotency key stable across retries of
/// the same stage entry.
/// </summary>
public sealed record StageContext(
    string RunId,
    string NodeId,
    string Stage,
    int Attempt,
    string IdempotencyKey,
    ImmutableDictionary<string, string> TaskProperties,
    ImmutableDictionary<string, Variable> Variables,
    ModelVersionView? Model,
    Actor StartedBy,
    DateTimeOffset Now);
