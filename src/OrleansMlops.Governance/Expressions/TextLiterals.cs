using System.Text;

namespace OrleansMlops.Governance.Expressions;

/// <summary>Rewrites the text literals of an expression so the parser cannot convert them to numbers, booleans or dates.</summary>
internal static class TextLiterals
{
    /// <summary>Every "…" literal becomes "\u0001…": still a text, with the same length, never a valid number, boolean or date.</summary>
    public static string Neutralize(string expression)
    {
        var result = new StringBuilder(expression.Length + 8);
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '\'')
            {
                var end = LexicalScreen.SkipLiteral(expression, i);
                result.Append(expression, i, Math.Min(end, expression.Length) - i);
                i = end;
            }
            else if (c == '"')
            {
                var end = Math.Min(LexicalScreen.SkipLiteral(expression, i), expression.Length);
                result.Append("\"\\u0001").Append(expression, i + 1, end - i - 1);
                i = end;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }
}
