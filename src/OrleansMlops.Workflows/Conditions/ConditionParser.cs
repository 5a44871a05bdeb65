using System.Globalization;

namespace OrleansMlops.Workflows;

/// <summary>
/// Recursive descent over the tokens, lowest precedence first: or, and, equality, ordering, additive,
/// multiplicative, unary, primary. Nesting is bounded so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class ConditionParser
{
    public const int MaxDepth = 32;

    private readonly List<ConditionToken> tokens;
    private int index;
    private int depth;

    private ConditionParser(List<ConditionToken> tokens)
    {
        this.tokens = tokens;
    }

    private ConditionToken Current => tokens[index];

    public static ConditionExpression Parse(List<ConditionToken> tokens)
    {
        var parser = new ConditionParser(tokens);
        var expression = parser.ParseOr();
        if (parser.Current.Kind != ConditionTokenKind.End)
        {
            throw new ConditionSyntaxException(
                $"unexpected '{parser.Current.Lexeme}' after a complete expression",
                parser.Current.Position);
        }

        return expression;
    }

    private ConditionExpression ParseOr() =>
        ParseLeftAssociative(ParseAnd, ConditionTokenKind.Or);

    private ConditionExpression ParseAnd() =>
        ParseLeftAssociative(ParseEquality, ConditionTokenKind.And);

    private ConditionExpression ParseEquality() =>
        ParseLeftAssociative(ParseOrdering, ConditionTokenKind.Equal, ConditionTokenKind.NotEqual);

    private ConditionExpression ParseOrdering() =>
        ParseLeftAssociative(
            ParseAdditive,
            ConditionTokenKind.Less,
            ConditionTokenKind.LessOrEqual,
            ConditionTokenKind.Greater,
            ConditionTokenKind.GreaterOrEqual);

    private ConditionExpression ParseAdditive() =>
        ParseLeftAssociative(ParseMultiplicative, ConditionTokenKind.Plus, ConditionTokenKind.Minus);

    private ConditionExpression ParseMultiplicative() =>
        ParseLeftAssociative(ParseUnary, ConditionTokenKind.Multiply, ConditionTokenKind.Divide);

    private ConditionExpression ParseLeftAssociative(Func<ConditionExpression> operand, params ConditionTokenKind[] operators)
    {
        var left = operand();
        while (operators.Contains(Current.Kind))
        {
            var kind = Current.Kind;
            index++;
            left = new BinaryExpression(kind, left, operand());
        }

        return left;
    }

    private ConditionExpression ParseUnary()
    {
        if (Current.Kind is not (ConditionTokenKind.Not or ConditionTokenKind.Minus))
        {
            return ParsePrimary();
        }

        var kind = Current.Kind;
        Enter(Current);
        index++;
        var operand = ParseUnary();
        depth--;
        return new UnaryExpression(kind, operand);
    }

    private ConditionExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ConditionTokenKind.Number:
                index++;
                return new LiteralExpression(ConditionValue.Of(double.Parse(token.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)));
            case ConditionTokenKind.Text:
                index++;
                return new LiteralExpression(ConditionValue.Of(token.Value!));
            case ConditionTokenKind.True or ConditionTokenKind.False:
                index++;
                return new LiteralExpression(ConditionValue.Of(token.Kind == ConditionTokenKind.True));
            case ConditionTokenKind.Null:
                index++;
                return new LiteralExpression(ConditionValue.Null);
            case ConditionTokenKind.Identifier:
                index++;
                return new VariableExpression(token.Value!);
            case ConditionTokenKind.OpenParenthesis:
                return ParseParenthesised(token);
            case ConditionTokenKind.End:
                throw new ConditionSyntaxException("the condition ends where a value was expected", token.Position);
            default:
                throw new ConditionSyntaxException($"expected a value but found '{token.Lexeme}'", token.Position);
        }
    }

    private ConditionExpression ParseParenthesised(ConditionToken open)
    {
        Enter(open);
        index++;
        var inner = ParseOr();
        if (Current.Kind != ConditionTokenKind.CloseParenthesis)
        {
            throw new ConditionSyntaxException(
                $"expected ')' to close the '(' at offset {open.Position} but found '{Current.Lexeme}'",
                Current.Position);
        }

        index++;
        depth--;
        return inner;
    }

    private void Enter(ConditionToken token)
    {
        if (++depth > MaxDepth)
        {
            throw new ConditionSyntaxException($"the condition nests deeper than {MaxDepth} levels", token.Position);
        }
    }
}
