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
}
