namespace OrleansMlops.Host.Api;

public sealed record DevelopmentToken(string Principal, string Token);
