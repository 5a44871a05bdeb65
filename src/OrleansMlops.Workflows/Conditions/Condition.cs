using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows;

/// <summary>
/// A sequence-flow condition in a small, safe expression language (no reflection, no code generation):
/// literals, variables (dotted names such as <c>model.auc</c> are one variable), <c>== != &lt; &lt;= &gt; &gt;=</c>,
/// <c>&amp;&amp; || !</c> or <c>and or not</c>, <c>+ - * /</c> and parentheses, optionally wrapped as
/// <c>${ ... }</c> (JUEL style) or prefixed by <c>=</c> (FEEL style).
/// </summary>
/// <remarks>
/// Evaluation is fail-safe: a missing variable is null, null is neither smaller nor greater than anything, and a type
/// error (text against number, arithmetic on text, <c>not</c> on a number, division by zero) makes the whole condition
/// false and says why, so an exclusive gateway never takes that flow: it stops the token as an incident naming the flow
/// and the error, rather than guessing with its default flow.
/// </remarks>
public sealed class Condition
{
    public const int MaxLength = 1_000;

    private readonly ConditionExpression expression;

    private Condition(string text, ConditionExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    /// <summary>The expression exactly as written, wrapper included.</summary>
    public string Text { get; }

    /// <exception cref="ConditionSyntaxException">The text is not a valid condition.</exception>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ConditionSyntaxException($"the condition is longer than {MaxLength} characters", MaxLength);
        }

        var (start, end) = ConditionWrapper.Unwrap(text);
        var tokens = ConditionTokenizer.Tokenize(text, start, end);
        if (tokens[0].Kind == ConditionTokenKind.End)
        {
            throw new ConditionSyntaxException("the condition is empty", start);
        }

        return new Condition(text, ConditionParser.Parse(tokens));
    }

    /// <summary>True only when the condition evaluates to boolean true.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, Variable> variables) => Evaluate(variables, out _);

    /// <summary>As <see cref="Evaluate(IReadOnlyDictionary{string, Variable})"/>, saying why a condition could not hold.</summary>
    internal bool Evaluate(IReadOnlyDictionary<string, Variable> variables, out string? error)
    {
        var result = ConditionEvaluator.Evaluate(expression, variables);
        error = result.Kind switch
        {
            ConditionValueKind.Boolean => null,
            ConditionValueKind.Error => result.Text,
            _ => $"the condition gives {result.Describe()}, not a boolean",
        };
        return result.Kind == ConditionValueKind.Boolean && result.Boolean;
    }

    /// <summary>Whether a name can be used as a variable in a condition, e.g. for a user task's outcome variable.</summary>
    public static bool IsVariableName(string name)
    {
        if (string.IsNullOrEmpty(name) || !ConditionTokenizer.IsIdentifierStart(name[0]))
        {
            return false;
        }

        try
        {
            var tokens = ConditionTokenizer.Tokenize(name, 0, name.Length);
            return tokens is [{ Kind: ConditionTokenKind.Identifier } token, { Kind: ConditionTokenKind.End }]
                && token.Lexeme.Length == name.Length;
        }
        catch (ConditionSyntaxException)
        {
            return false;
        }
    }

    public override string ToString() => Text;
}
