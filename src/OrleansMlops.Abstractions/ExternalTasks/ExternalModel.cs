using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>
/// A model an external worker trained, to register as the run's new version: its name and the lineage the worker
/// captured (data set id and version, each file with its SHA-256, code commit, parameters, environment, protected
/// attributes examined). The artifact is the completion's; purpose, risk class, owner, tier and tags come from the run.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.external-model")]
public sealed record ExternalModel(
    [property: Id(0)] string Name,
    [property: Id(1)] string DatasetId,
    [property: Id(2)] string DatasetVersion,
    [property: Id(3)] ImmutableArray<DatasetFile> Files,
    [property: Id(4)] string CodeCommit,
    [property: Id(5)] ImmutableDictionary<string, string> Parameters,
    [property: Id(6)] ImmutableDictionary<string, string> Environment,
    [property: Id(7)] ImmutableArray<string> ProtectedAttributes);
