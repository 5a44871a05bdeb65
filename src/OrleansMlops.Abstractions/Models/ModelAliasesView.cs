using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>A model's aliases (e.g. champion, challenger → version) and every change of them, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("mlops.model-aliases-view")]
public sealed record ModelAliasesView(
    [property: Id(0)] string ModelName,
    [property: Id(1)] ImmutableSortedDictionary<string, int> Aliases,
    [property: Id(2)] ImmutableArray<AliasChange> History);
