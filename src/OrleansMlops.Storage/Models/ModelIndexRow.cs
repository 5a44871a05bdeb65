using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Models;

/// <summary>
/// A model version's listing after a change: <see cref="View"/> with its full history, at the state's
/// <see cref="Revision"/>. The row is replaced only by a greater revision, so a stale one never wins.
/// </summary>
public sealed record ModelIndexRow(ModelVersionView View, long Revision);
