using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// Parses a rule set file strictly: unknown properties and duplicate keys are errors (a typo such as "Expresion" or
/// a second "Expression" would otherwise silently change what is enforced), and the error names line and position.
/// </summary>
internal static class RuleSetDocumentReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        PropertyNameCaseInsensitive = false,
        MaxDepth = 32,
    };

    public static RuleSetDocument Read(string file, byte[] content)
    {
        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetDocument>(content, Options);
        }
        catch (JsonException ex)
        {
            throw new GovernanceException(GovernancePhase.Load, Describe(ex), file, innerException: ex);
        }

        return document ?? throw new GovernanceException(GovernancePhase.Load, "the file holds no rule set (JSON null).", file);
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …" (0-based); say it once, 1-based.
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var location = ex.LineNumber is { } line
            ? $"line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
            : "an unknown position";
        var path = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" (at {ex.Path})";
        return $"invalid rule set JSON at {location}{path}: {message}";
    }
}
