using System.Text.Json.Nodes;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>
/// RFC 7396 JSON merge patch: objects merge member by member, a null member removes it, anything else replaces. A
/// fixture case writes only what differs from the file's base input.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
