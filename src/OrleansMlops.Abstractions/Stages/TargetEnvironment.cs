using System.Text.RegularExpressions;

namespace OrleansMlops.Abstractions.Stages;

/// <summary>
/// The environment a task releases to, from its <c>mlops:environment</c> attribute: a name ("production"), or
/// <c>${variable}</c> to take it from a run variable (a promotion or rollback run names its target when it starts).
/// The gate and the deploy stage both read it here, so they always agree on where the model goes.
/// </summary>
public static partial class TargetEnvironment
{
    public const string Property = "environment";

    /// <summary>The environment named by the task, or null when it names none or the variable it refers to is unset.</summary>
    public static string? Resolve(IReadOnlyDictionary<string, string> taskProperties, IReadOnlyDictionary<string, Variable> variables)
    {
        if (taskProperties.GetValueOrDefault(Property)?.Trim() is not { Length: > 0 } value)
        {
            return null;
        }

        if (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'))
        {
            value = variables.GetValueOrDefault(value[2..^1].Trim())?.ToString().Trim() ?? string.Empty;
        }

        return value.Length > 0 ? value : null;
    }

    /// <summary>Environment names are lowercase letters, digits and '-', starting with a letter, at most 32 characters.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
