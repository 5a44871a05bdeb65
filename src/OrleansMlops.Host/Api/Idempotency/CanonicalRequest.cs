using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Api.Idempotency;

/// <summary>
/// The SHA-256 of a request as its endpoint understood it: the endpoint and every argument bound from the request (route
/// values, query, the body as bound), as JSON with object keys in ordinal order and no whitespace. Two requests that
/// differ only in key order or formatting are the same request; any other difference makes them two.
/// </summary>
internal static class CanonicalRequest
{
    public static string Sha256(EndpointFilterInvocationContext context, string endpoint)
    {
        var http = context.HttpContext;
        var handler = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()
            ?? throw new InvalidOperationException($"{endpoint} has no handler method to read its arguments from.");
        var services = http.RequestServices.GetRequiredService<IServiceProviderIsService>();
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var request = new JsonObject { ["endpoint"] = endpoint };
        var parameters = handler.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (!IsFromRequest(type, services))
            {
                continue;
            }

            request[parameters[i].Name ?? $"argument{i}"] = JsonSerializer.SerializeToNode(context.Arguments[i], type, json);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, request);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static bool IsFromRequest(Type type, IServiceProviderIsService services) =>
        type != typeof(HttpContext) && type != typeof(HttpRequest) && type != typeof(HttpResponse) && type != typeof(CancellationToken)
        && !services.IsService(type);

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject properties:
                writer.WriteStartObject();
                foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
