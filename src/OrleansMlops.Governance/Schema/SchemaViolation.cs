namespace OrleansMlops.Governance.Schema;

/// <summary>One place where a JSON document does not follow its schema.</summary>
internal sealed record SchemaViolation(string Pointer, string Message);
