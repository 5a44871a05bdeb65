using System.CommandLine;

namespace OrleansMlops.Cli.Commands;

/// <summary>A query string from the filters that were given; none given, no query string.</summary>
public static class Query
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }

    /// <summary>
    /// <c>--limit</c> of a listing. Below 1 is refused here, as the host refuses it; the host names its own maximum.
    /// </summary>
    public static Option<int?> LimitOption(string description)
    {
        var limit = new Option<int?>("--limit") { Description = description };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var refused)
            {
                result.AddError($"--limit must be 1 or more; got {refused}.");
            }
        });
        return limit;
    }
}
