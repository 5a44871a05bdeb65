using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Host.Tests;

internal static class HttpClientExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static HttpRequestMessage As(this HttpRequestMessage request, string user, string roles, string? unit = null)
    {
        request.Headers.Add("X-Mlops-User", user);
        request.Headers.Add("X-Mlops-Roles", roles);
        if (unit is not null)
        {
            request.Headers.Add("X-Mlops-Unit", unit);
        }

        return request;
    }

    public static HttpRequestMessage Post(string uri, object body) =>
        new(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };

    public static async Task<JsonElement> Body(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
