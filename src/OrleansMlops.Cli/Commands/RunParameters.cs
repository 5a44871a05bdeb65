using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansMlops.Cli.Commands;

/// <summary>
/// Turns <c>--param</c> values into the start request's parameters, as httpie does: <c>key=value</c> is a string,
/// <c>key:=json</c> a JSON number, boolean or string. A string stays a string ("tier=1" is "1", not 1), because the
/// engine treats thresholds as numbers and declarations such as the tier as text.
/// </summary>
public static class RunParameters
{
    public static JsonObject Parse(IEnumerable<string> values)
    {
        var parameters = new JsonObject();
        foreach (var value in values)
        {
            var (name, parsed) = ParseOne(value);
            parameters[name] = parsed;
        }

        return parameters;
    }

    /// <summary>
    /// Every malformed value, and every name given more than once: the host refuses a JSON body with a repeated key, and
    /// a command line that says two things about one parameter is as ambiguous.
    /// </summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> values)
    {
        foreach (var problem in values.Select(Problem).OfType<string>())
        {
            yield return problem;
        }

        var repeated = values.Where(value => Problem(value) is null)
            .GroupBy(value => ParseOne(value).Name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1);
        foreach (var group in repeated)
        {
            yield return $"--param '{group.Key}' is given {group.Count()} times ({string.Join(", ", group.Select(value => $"'{value}'"))}); give each parameter once.";
        }
    }

    /// <summary>The problem with one value, or null when it is well-formed.</summary>
    public static string? Problem(string value)
    {
        try
        {
            ParseOne(value);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static (string Name, JsonNode Value) ParseOne(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"--param '{value}' is not key=value (a string) or key:=json (a number or boolean).");
        }

        if (value[equals - 1] != ':')
        {
            return (value[..equals], JsonValue.Create(value[(equals + 1)..]));
        }

        var name = value[..(equals - 1)];
        var literal = value[(equals + 1)..];
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(literal);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (name.Length == 0 || parsed is not JsonValue scalar)
        {
            throw new FormatException($"--param '{value}': after ':=' comes a JSON number, true, false or a quoted string.");
        }

        return (name, scalar);
    }
}
