using System.Text.RegularExpressions;

namespace OrleansMlops.Abstractions.Models;

/// <summary>Alias names: lowercase letters, digits and '-', starting with a letter, at most 32 characters ("champion").</summary>
public static partial class ModelAliases
{
    public static bool IsValidName(string? alias) => alias is not null && Pattern().IsMatch(alias);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
