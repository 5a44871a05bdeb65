using System.Text;

namespace OrleansMlops.Workflows;

/// <summary>Splits a condition into tokens; positions are offsets into the whole text, wrapper included.</summary>
internal static class ConditionTokenizer
{
    private static readonly Dictionary<string, ConditionTokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["true"] = ConditionTokenKind.True,
        ["false"] = ConditionTokenKind.False,
        ["null"] = ConditionTokenKind.Null,
        ["and"] = ConditionTokenKind.And,
        ["or"] = ConditionTokenKind.Or,
        ["not"] = ConditionTokenKind.Not,
    };

    public static List<ConditionToken> Tokenize(string text, int start, int end)
    {
        var tokens = new List<ConditionToken>();
        var position = start;
        while (true)
        {
            while (position < end && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position >= end)
            {
                tokens.Add(new ConditionToken(ConditionTokenKind.End, "end of condition", end));
                return tokens;
            }

            var token = ReadToken(text, position, end);
            tokens.Add(token);
            position += token.Lexeme.Length;
        }
    }

    private static ConditionToken ReadToken(string text, int position, int end)
    {
        var current = text[position];
        var next = position + 1 < end ? text[position + 1] : '\0';
        return current switch
        {
            '(' => Symbol(ConditionTokenKind.OpenParenthesis, "(", position),
            ')' => Symbol(ConditionTokenKind.CloseParenthesis, ")", position),
            '+' => Symbol(ConditionTokenKind.Plus, "+", position),
            '-' => Symbol(ConditionTokenKind.Minus, "-", position),
            '*' => Symbol(ConditionTokenKind.Multiply, "*", position),
            '/' => Symbol(ConditionTokenKind.Divide, "/", position),
            '=' when next == '=' => Symbol(ConditionTokenKind.Equal, "==", position),
            '!' when next == '=' => Symbol(ConditionTokenKind.NotEqual, "!=", position),
            '!' => Symbol(ConditionTokenKind.Not, "!", position),
            '<' when next == '=' => Symbol(ConditionTokenKind.LessOrEqual, "<=", position),
            '<' => Symbol(ConditionTokenKind.Less, "<", position),
            '>' when next == '=' => Symbol(ConditionTokenKind.GreaterOrEqual, ">=", position),
            '>' => Symbol(ConditionTokenKind.Greater, ">", position),
            '&' when next == '&' => Symbol(ConditionTokenKind.And, "&&", position),
            '|' when next == '|' => Symbol(ConditionTokenKind.Or, "||", position),
            '=' => throw new ConditionSyntaxException("'=' is not an operator; compare with '=='", position),
            '&' => throw new ConditionSyntaxException("'&' is not an operator; use '&&' or 'and'", position),
            '|' => throw new ConditionSyntaxException("'|' is not an operator; use '||' or 'or'", position),
            '\'' or '"' => ReadText(text, position, end),
            _ when char.IsAsciiDigit(current) => ReadNumber(text, position, end),
            _ when IsIdentifierStart(current) => ReadIdentifier(text, position, end),
            _ => throw new ConditionSyntaxException($"unexpected character '{current}'", position),
        };
    }

    private static ConditionToken Symbol(ConditionTokenKind kind, string lexeme, int position) => new(kind, lexeme, position);

    private static ConditionToken ReadText(string text, int position, int end)
    {
        var quote = text[position];
        var value = new StringBuilder();
        var index = position + 1;
        while (index < end)
        {
            var current = text[index];
            if (current == quote)
            {
                return new ConditionToken(ConditionTokenKind.Text, text[position..(index + 1)], position, value.ToString());
            }

            if (current == '\\')
            {
                if (index + 1 >= end)
                {
                    break;
                }

                var escaped = text[index + 1];
                if (escaped is not ('\\' or '\'' or '"'))
                {
                    throw new ConditionSyntaxException($"unknown escape '\\{escaped}' in a string", index);
                }

                value.Append(escaped);
                index += 2;
                continue;
            }

            value.Append(current);
            index++;
        }

        throw new ConditionSyntaxException($"string starting here has no closing {quote}", position);
    }

    private static ConditionToken ReadNumber(string text, int position, int end)
    {
        var index = SkipDigits(text, position, end);
        if (index < end && text[index] == '.')
        {
            if (index + 1 >= end || !char.IsAsciiDigit(text[index + 1]))
            {
                throw new ConditionSyntaxException("a decimal point must be followed by digits", index);
            }

            index = SkipDigits(text, index + 1, end);
        }

        if (index < end && text[index] is 'e' or 'E')
        {
            var exponent = index + 1;
            if (exponent < end && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent >= end || !char.IsAsciiDigit(text[exponent]))
            {
                throw new ConditionSyntaxException("an exponent must have digits", index);
            }

            index = SkipDigits(text, exponent, end);
        }

        if (index < end && IsIdentifierPart(text[index]))
        {
            throw new ConditionSyntaxException($"unexpected character '{text[index]}' in a number", index);
        }

        var lexeme = text[position..index];
        return new ConditionToken(ConditionTokenKind.Number, lexeme, position, lexeme);
    }

    private static int SkipDigits(string text, int index, int end)
    {
        while (index < end && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index;
    }

    private static ConditionToken ReadIdentifier(string text, int position, int end)
    {
        var index = position;
        while (true)
        {
            // A dotted name like model.auc is one variable: each segment must start like an identifier.
            while (index < end && IsIdentifierPart(text[index]))
            {
                index++;
            }

            if (index < end && text[index] == '.')
            {
                if (index + 1 >= end || !IsIdentifierStart(text[index + 1]))
                {
                    throw new ConditionSyntaxException("a '.' in a name must be followed by a name segment", index);
                }

                index++;
                continue;
            }

            break;
        }

        var lexeme = text[position..index];
        var kind = Keywords.GetValueOrDefault(lexeme, ConditionTokenKind.Identifier);
        return new ConditionToken(kind, lexeme, position, lexeme);
    }

    internal static bool IsIdentifierStart(char character) => char.IsLetter(character) || character == '_';

    internal static bool IsIdentifierPart(char character) =>
        char.IsLetter(character) || char.IsAsciiDigit(character) || character == '_';
}
