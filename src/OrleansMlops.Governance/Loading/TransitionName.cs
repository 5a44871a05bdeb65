using System.Text.RegularExpressions;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// The transitions a rule set may gate: <c>enter:&lt;stage&gt;</c> (before a run enters a stage) and <c>approve</c>
/// (before a person's approval completes). Anything else is a typo that would make a rule set never apply.
/// </summary>
public static partial class TransitionName
{
    public const string Approve = "approve";

    public const string EnterPrefix = "enter:";

    public static string Enter(string stage) => EnterPrefix + stage;

    public static bool IsValid(string? transition) => transition is not null && Pattern().IsMatch(transition);

    [GeneratedRegex("^(approve|enter:[a-z][a-z0-9_-]{0,63})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
