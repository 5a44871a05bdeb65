namespace OrleansMlops.Workflows;

internal enum ConditionTokenKind
{
    Number,
    Text,
    Identifier,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Multiply,
    Divide,
    OpenParenthesis,
    CloseParenthesis,
    End,
}
