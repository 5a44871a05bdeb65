namespace OrleansMlops.Workflows;

/// <summary>Finds the expression inside the <c>${ ... }</c> or leading <c>=</c> that modelers put around it.</summary>
internal static class ConditionWrapper
{
    public static (int Start, int End) Unwrap(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (text.AsSpan(start, end - start).StartsWith("${", StringComparison.Ordinal))
        {
            if (end - start < 3 || text[end - 1] != '}')
            {
                throw new ConditionSyntaxException("'${' has no closing '}' at the end of the condition", start);
            }

            return (start + 2, end - 1);
        }

        return start < end && text[start] == '=' ? (start + 1, end) : (start, end);
    }
}
