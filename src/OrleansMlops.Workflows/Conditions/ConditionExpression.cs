namespace OrleansMlops.Workflows;

/// <summary>The syntax tree of a parsed condition; operators reuse the token kinds they were written with.</summary>
internal abstract record ConditionExpression;

internal sealed record LiteralExpression(ConditionValue Value) : ConditionExpression;

internal sealed record VariableExpression(string Name) : ConditionExpression;

internal sealed record UnaryExpression(ConditionTokenKind Operator, ConditionExpression Operand) : ConditionExpression;

internal sealed record BinaryExpression(ConditionTokenKind Operator, ConditionExpression Left, ConditionExpression Right)
    : ConditionExpression;
