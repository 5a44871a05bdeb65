using System.Text;
using System.Text.Json;

namespace OrleansMlops.Governance.Schema;

/// <summary>
/// Where each value of a JSON text starts, by JSON pointer, as 1-based line and position, so a schema violation found
/// on a <see cref="JsonElement"/> (which keeps no positions) can name the place in the file.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, long> _offsets;
    private readonly byte[] _content;

    private JsonPositions(byte[] content, Dictionary<string, long> offsets)
    {
        _content = content;
        _offsets = offsets;
    }

    /// <summary>Indexes a text that is known to be valid JSON (comments allowed).</summary>
    public static JsonPositions Index(byte[] content)
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var containers = new Stack<Container>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingProperty = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            var pointer = PointerOfValue(containers, ref pendingProperty);
            offsets[pointer] = reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                containers.Push(new Container(pointer, isArray: false));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                containers.Push(new Container(pointer, isArray: true));
            }
        }

        return new JsonPositions(content, offsets);
    }

    /// <summary>"line 4, position 17" of the value at <paramref name="pointer"/>, or of its nearest indexed ancestor.</summary>
    public string Describe(string pointer)
    {
        var current = pointer;
        while (!_offsets.ContainsKey(current) && current.Length > 0)
        {
            current = current[..current.LastIndexOf('/')];
        }

        var offset = (int)_offsets.GetValueOrDefault(current);
        var lineStart = Array.LastIndexOf(_content, (byte)'\n', Math.Max(offset - 1, 0)) + 1;
        if (offset == 0)
        {
            lineStart = 0;
        }

        var line = 1 + _content.AsSpan(0, lineStart).Count((byte)'\n');
        var position = Encoding.UTF8.GetCharCount(_content, lineStart, offset - lineStart) + 1;
        return $"line {line}, position {position}";
    }

    private static string PointerOfValue(Stack<Container> containers, ref string? pendingProperty)
    {
        if (containers.Count == 0)
        {
            return JsonPointer.Root;
        }

        var parent = containers.Peek();
        if (parent.IsArray)
        {
            return JsonPointer.Append(parent.Pointer, parent.NextIndex++);
        }

        var pointer = JsonPointer.Append(parent.Pointer, pendingProperty ?? string.Empty);
        pendingProperty = null;
        return pointer;
    }

    private sealed class Container(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
