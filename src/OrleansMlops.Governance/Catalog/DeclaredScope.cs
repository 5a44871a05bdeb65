using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// Reads the id and the transitions a refused file declares, leniently, so the gate can block just those
/// transitions. Anything it cannot read for sure leaves the scope unknown (null), which blocks everything.
/// </summary>
internal static class DeclaredScope
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static (string? Id, ImmutableArray<string>? AppliesTo) Read(byte[]? content)
    {
        if (content is null)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(Utf8Bom.Skip(content), Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : null;
            return (id, ReadAppliesTo(root));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static ImmutableArray<string>? ReadAppliesTo(JsonElement root)
    {
        if (!root.TryGetProperty("appliesTo", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            return null;
        }

        var transitions = ImmutableArray.CreateBuilder<string>();
        foreach (var item in element.EnumerateArray())
        {
            var transition = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!TransitionName.IsValid(transition))
            {
                return null;
            }

            transitions.Add(transition!);
        }

        return transitions.ToImmutable();
    }
}
