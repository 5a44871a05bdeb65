using System.Text.Json.Nodes;
using OrleansMlops.Cli.Http;

namespace OrleansMlops.Cli.Output;

/// <summary>
/// Tells on stderr what failed and why: the HTTP status, and for a ProblemDetails answer its title, detail and whatever
/// it lists (validation <c>errors</c>, BPMN <c>problems</c> with line and element, the rule and expression a rule set
/// was refused for).
/// </summary>
public static class ProblemWriter
{
    public static void Write(TextWriter error, string what, ApiResponse response)
    {
        error.WriteLine($"error: {what} failed: HTTP {(int)response.Status} {response.Status}");
        var problem = response.Json() as JsonObject;
        if (problem is null)
        {
            if (!string.IsNullOrWhiteSpace(response.Body))
            {
                error.WriteLine($"  {Shorten(response.Body)}");
            }

            return;
        }

        WriteLine(error, "title", problem.Text("title"));
        WriteLine(error, "detail", problem.Text("detail"));
        foreach (var name in (string[])["where", "phase", "ruleSet", "rule", "expression", "reason", "code"])
        {
            WriteLine(error, name, problem.Text(name));
        }

        foreach (var item in problem.Items("problems"))
        {
            error.WriteLine($"  - {DescribeProblem(item)}");
        }

        if (problem["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors)
            {
                var text = messages is JsonArray list ? string.Join("; ", list.Select(m => m.AsText())) : messages.AsText();
                error.WriteLine($"  - {field}: {text}");
            }
        }
    }

    /// <summary>A BPMN problem (message, element, line) or a rule set problem (phase, rule, reason) on one line.</summary>
    public static string DescribeProblem(JsonNode problem)
    {
        if (problem is JsonValue)
        {
            return problem.AsText() ?? string.Empty;
        }

        if (problem.Text("phase") is { } phase)
        {
            var rule = problem.Text("rule") is { } name ? $" rule '{name}'" : string.Empty;
            var expression = problem.Text("expression") is { } text ? $" `{text}`" : string.Empty;
            return $"[{phase}]{rule}{expression}: {problem.Text("reason") ?? problem.Text("message")}";
        }

        var line = problem.Text("line") is { } at ? $"line {at}, column {problem.Text("column") ?? "?"}: " : string.Empty;
        var element = problem.Text("elementId") is { } id ? $"{problem.Text("elementKind") ?? "element"} '{id}': " : string.Empty;
        return $"{line}{element}{problem.Text("message")}";
    }

    private static void WriteLine(TextWriter error, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            error.WriteLine($"  {name}: {value}");
        }
    }

    private static string Shorten(string body) => body.Length <= 500 ? body.Trim() : body[..500].Trim() + "…";
}
