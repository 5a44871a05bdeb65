using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// A piece of evidence attached to a model version: a risk register, instructions for use, a monitoring plan, a model
/// card… <paramref name="Kind"/> is what rules look for; <paramref name="Attributes"/> carries what the document
/// declares about itself (sections covered, the accepting role, the review path), as read from its front matter.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.model-document")]
public sealed record ModelDocument(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string Uri,
    [property: Id(3)] string Sha256,
    [property: Id(4)] ImmutableDictionary<string, string> Attributes,
    [property: Id(5)] string AttachedBy,
    [property: Id(6)] DateTimeOffset AttachedAt);
