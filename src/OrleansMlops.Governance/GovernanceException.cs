using System.Text;

namespace OrleansMlops.Governance;

/// <summary>
/// A rule set that was refused (never activated) or a rule that could not be evaluated. The message names the phase,
/// the file, the rule set, the rule and the expression, so a policy author can find the line to fix.
/// </summary>
public sealed class GovernanceException : Exception
{
    public GovernanceException(
        GovernancePhase phase,
        string reason,
        string? file = null,
        string? ruleSetId = null,
        string? ruleName = null,
        string? expression = null,
        Exception? innerException = null)
        : base(Describe(phase, reason, file, ruleSetId, ruleName, expression), innerException)
    {
        Phase = phase;
        Reason = reason;
        File = file;
        RuleSetId = ruleSetId;
        RuleName = ruleName;
        Expression = expression;
    }

    public GovernancePhase Phase { get; }

    /// <summary>What is wrong, without the location (the message carries both).</summary>
    public string Reason { get; }

    /// <summary>Path of the rule set file, when the problem comes from one.</summary>
    public string? File { get; }

    public string? RuleSetId { get; }

    public string? RuleName { get; }

    public string? Expression { get; }

    private static string Describe(
        GovernancePhase phase, string reason, string? file, string? ruleSetId, string? ruleName, string? expression)
    {
        var text = new StringBuilder().Append('[').Append(phase).Append(']');
        if (file is not null)
        {
            text.Append(" file '").Append(Path.GetFileName(file)).Append('\'');
        }

        if (ruleSetId is not null)
        {
            text.Append(", rule set '").Append(ruleSetId).Append('\'');
        }

        if (ruleName is not null)
        {
            text.Append(", rule '").Append(ruleName).Append('\'');
        }

        if (expression is not null)
        {
            text.Append(", expression `").Append(expression).Append('`');
        }

        return text.Append(": ").Append(reason).ToString();
    }
}
