namespace OrleansMlops.Workflows;

/// <summary>One lexeme; <paramref name="Value"/> is the decoded string or number text, <paramref name="Lexeme"/> the source.</summary>
internal readonly record struct ConditionToken(ConditionTokenKind Kind, string Lexeme, int Position, string? Value = null);
