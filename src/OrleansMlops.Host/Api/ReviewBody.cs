namespace OrleansMlops.Host.Api;

/// <summary>A second person's review of a change to a control: an optional comment to approve, a required reason to reject.</summary>
public sealed record ReviewBody(string? Comment, string? Reason);
