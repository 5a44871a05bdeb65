using System.Text.RegularExpressions;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// The transitions a rule set may gate: <c>enter:&lt;stage&gt;</c> (before a run enters a stage), <c>approve</c>
/// (before a person's approval completes), <c>signoff:&lt;name&gt;</c>, a named sign-off a user task declares with
/// <c>mlops:gate</c> (e.g. <c>signoff:validation</c>), and <c>monitor</c>: a monitoring report on a live model version,
/// where a failed rule starts a retraining run. Anything else is a typo that would make a rule set never apply.
/// </summary>
public static partial class TransitionName
{
    public const string Approve = "approve";

    public const string Monitor = "monitor";

    public const string EnterPrefix = "enter:";

    public const string SignOffPrefix = "signoff:";

    public static string Enter(string stage) => EnterPrefix + stage;

    public static bool IsValid(string? transition) => transition is not null && Pattern().IsMatch(transition);

    [GeneratedRegex("^(approve|monitor|(enter|signoff):[a-z][a-z0-9_-]{0,63})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
