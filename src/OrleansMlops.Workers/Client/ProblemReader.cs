using System.Text.Json;

namespace OrleansMlops.Workers;

/// <summary>Turns an unsuccessful response (an RFC 9457 problem document, or anything else) into an <see cref="ExternalTaskClientException"/>.</summary>
internal static class ProblemReader
{
    public static async Task ThrowIfFailed(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? title = null, detail = null;
        ExternalTaskErrorCode? code = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = StringProperty(document.RootElement, "title");
                detail = StringProperty(document.RootElement, "detail");
                code = Enum.TryParse<ExternalTaskErrorCode>(StringProperty(document.RootElement, "code"), ignoreCase: true, out var parsed) ? parsed : null;
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's HTML page, an empty body): the status and the text still say what happened.
            detail = text.Length == 0 ? null : text[..Math.Min(text.Length, 500)];
        }

        throw new ExternalTaskClientException(response.StatusCode, title ?? response.ReasonPhrase ?? response.StatusCode.ToString(), detail, code);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
