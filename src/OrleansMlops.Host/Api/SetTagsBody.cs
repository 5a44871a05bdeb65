namespace OrleansMlops.Host.Api;

/// <summary>PUT /api/models/{name}/versions/{version}/tags body: the version's complete new tag set.</summary>
public sealed record SetTagsBody(IReadOnlyList<string?>? Tags);
