using System.Text.Json;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Grains;

/// <summary>
/// Items (requests, proposals) as an audit stream tells them: each record that makes or decides one carries it as it is
/// after that change, so a grain's state keeps only the items still open and reads the decided ones back from here.
/// One per activation: it reads each record once, catching up with the stream's head on each read.
/// </summary>
internal sealed class AuditedItems<T>(string stream, string idProperty, string itemProperty, Func<T, string> idOf)
    where T : class
{
    private const int Page = 500;

    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

    private readonly List<string> _order = [];

    private long _readThrough;

    /// <summary>Every item up to record <paramref name="head"/>, in the order they were first recorded.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync(IAuditStore store, long head)
    {
        while (_readThrough < head)
        {
            var page = await store.ReadPageAsync(stream, _readThrough, head, Page, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            // Reads interleave: another may have read this page meanwhile.
            foreach (var record in page.Where(r => r.Sequence > _readThrough))
            {
                if (ItemIn(record) is { } item)
                {
                    var id = idOf(item);
                    if (!_items.ContainsKey(id))
                    {
                        _order.Add(id);
                    }

                    _items[id] = item;
                }

                _readThrough = record.Sequence;
            }
        }

        return [.. _order.Select(id => _items[id])];
    }

    /// <summary>
    /// The item a record carries: the payload (or its <c>details</c>) when it has the id property, else their
    /// <c>itemProperty</c> (e.g. <c>request</c>); null for a record about no item.
    /// </summary>
    private T? ItemIn(AuditRecord record)
    {
        using var payload = JsonDocument.Parse(record.PayloadJson);
        var root = payload.RootElement;
        var body = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("details", out var details) ? details : root;
        foreach (var candidate in new[] { body, Property(body, itemProperty) })
        {
            if (candidate.ValueKind == JsonValueKind.Object && candidate.TryGetProperty(idProperty, out _))
            {
                return candidate.Deserialize<T>(AuditJson.Options);
            }
        }

        return null;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}
