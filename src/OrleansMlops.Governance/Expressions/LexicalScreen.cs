using System.Collections.Frozen;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// A first, purely textual check for names that have no business in a gate rule. Some of them never reach the tree
/// walk because the strict parser rejects them with a generic error ("not accessible", "ambiguous"); naming them here
/// reports them as what they are, a safety refusal. The tree walk in <see cref="SafeExpressionValidator"/> remains the
/// real boundary: this screen only gives a clearer reason earlier.
/// </summary>
internal static class LexicalScreen
{
    private const string Reflection = "reflection is not allowed: it reaches types, assemblies and file paths outside the gate input";
    private const string OutsideWorld = "a rule reads the gate input only; files, processes, threads and the runtime are out of its reach";
    private const string Unbounded = "it builds sequences or strings whose size does not depend on the input, which can burn seconds of CPU and gigabytes of memory";

    private static readonly FrozenDictionary<string, string> Denied = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GetType"] = Reflection,
        ["typeof"] = Reflection,
        ["Type"] = Reflection,
        ["Assembly"] = Reflection,
        ["Activator"] = Reflection,
        ["Reflection"] = Reflection,
        ["AppDomain"] = Reflection,
        ["System"] = OutsideWorld,
        ["IO"] = OutsideWorld,
        ["File"] = OutsideWorld,
        ["Directory"] = OutsideWorld,
        ["Process"] = OutsideWorld,
        ["Diagnostics"] = OutsideWorld,
        ["Console"] = OutsideWorld,
        ["Thread"] = OutsideWorld,
        ["Marshal"] = OutsideWorld,
        ["new"] = "creating objects is not allowed; compare the input's values directly",
        ["Range"] = Unbounded,
        ["Repeat"] = Unbounded,
        ["PadLeft"] = Unbounded,
        ["PadRight"] = Unbounded,
        ["Join"] = Unbounded,
        ["Concat"] = Unbounded,
        ["Aggregate"] = Unbounded,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns why the expression is refused, or null when no denied name appears outside string literals.</summary>
    public static string? FindDeniedName(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(expression, i);
            }
            else if (char.IsAsciiDigit(c))
            {
                // Numbers such as 1e5 or 0.7d carry letters that are not identifiers.
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '.' or '_'))
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '@')
            {
                var start = i;
                i++;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                var name = expression[start..i].TrimStart('@');
                if (Denied.TryGetValue(name, out var reason))
                {
                    return $"'{name}' is not allowed in a rule: {reason}.";
                }
            }
            else
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>Skips a quoted literal with backslash escapes; an unterminated literal runs to the end (the parser reports it).</summary>
    public static int SkipLiteral(string expression, int start)
    {
        var quote = expression[start];
        var i = start + 1;
        while (i < expression.Length && expression[i] != quote)
        {
            i += expression[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }
}
