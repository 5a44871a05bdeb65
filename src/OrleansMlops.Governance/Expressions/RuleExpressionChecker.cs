using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;

namespace OrleansMlops.Governance.Expressions;

/// <summary>
/// Checks one rule expression before its rule set may be activated. RulesEngine only compiles on first evaluation
/// and reports parse errors and unknown members as an ordinary failed rule, and it cannot be given a stricter
/// parser; so we parse the same text with System.Linq.Dynamic.Core over the same typed parameters, under a strict
/// configuration, and walk the tree against an allowlist.
/// </summary>
internal static class RuleExpressionChecker
{
    public const int MaxLength = 2_000;

    /// <summary>Returns why the expression is refused (and in which phase), or null when it may run.</summary>
    public static ExpressionRefusal? Check(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return new(GovernancePhase.Safety, $"the expression is {expression.Length} characters long; the limit is {MaxLength}. Split it into several rules.");
        }

        if (LexicalScreen.FindDeniedName(expression) is { } denied)
        {
            return new(GovernancePhase.Safety, denied);
        }

        if (Parse(expression, out var parsed) is { } refusal)
        {
            return refusal;
        }

        // The parser converts a text literal to the other operand's type ("183" to 183, "true" to true, a date text to
        // a date). Parsed again with every text literal made unconvertible, such an expression fails: it mixes types.
        if (Parse(TextLiterals.Neutralize(expression), out _) is { } mismatch)
        {
            return new(GovernancePhase.Compile, "the expression compares or converts a text literal to a value of another type (a number, a "
                + $"boolean, a date); write the value without quotes, or compare with a text fact. {mismatch.Reason}");
        }

        return SafeExpressionValidator.FindViolation(parsed!) is { } violation
            ? new(GovernancePhase.Safety, violation)
            : null;
    }

    private static ExpressionRefusal? Parse(string expression, out System.Linq.Expressions.LambdaExpression? parsed)
    {
        parsed = null;
        try
        {
            parsed = DynamicExpressionParser.ParseLambda(StrictConfig(), RuleParameters.ForParsing(), typeof(bool), expression);
            return null;
        }
        catch (ParseException ex)
        {
            return new(GovernancePhase.Compile, $"the expression does not compile against the gate input (at character {ex.Position + 1}): {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or FormatException or OverflowException)
        {
            // Type mismatches (e.g. a string compared with a number) surface from System.Linq.Expressions or a type
            // converter, not as ParseException.
            return new(GovernancePhase.Compile, $"the expression does not compile against the gate input: {ex.Message}");
        }
    }

    /// <summary>
    /// Case-sensitive like the RulesEngine settings (<c>IsExpressionCaseSensitive</c>), no <c>new</c>, no casts to
    /// types named in strings, and only the types of <see cref="GovernanceTypeProvider"/> besides the predefined ones.
    /// </summary>
    private static ParsingConfig StrictConfig()
    {
        return new ParsingConfig
        {
            CustomTypeProvider = new GovernanceTypeProvider(),
            IsCaseSensitive = true,
            DisallowNewKeyword = true,
            AllowNewToEvaluateAnyType = false,
            SupportCastingToFullyQualifiedTypeAsString = false,
            ResolveTypesBySimpleName = false,
            LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
            AllowEqualsAndToStringMethodsOnObject = false,
        };
    }
}
