using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansMlops.Cli.Http;

/// <summary>One answer of the host: status, media type and the body exactly as sent (bytes, and as text), parsed on demand.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, byte[] Content, string? ETag)
{
    /// <summary>The body as UTF-8 text: every text the host sends (JSON, XML, Markdown, HTML) is UTF-8.</summary>
    public string Body { get; } = System.Text.Encoding.UTF8.GetString(Content);

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsJson => MediaType is not null && (MediaType == "application/json" || MediaType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
