using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Documents.Facts;

/// <summary>
/// Task approvals and rejections from the audit trail (records "task.approved" / "task.rejected", whose payload names
/// the task, the gate, the part the person played and their comment), in sequence order.
/// </summary>
internal static class SignOffFacts
{
    public static ImmutableArray<SignOff> From(ImmutableArray<AuditRecord> audit) =>
        [.. audit.Where(r => r.Kind is "task.approved" or "task.rejected").OrderBy(r => r.Sequence).Select(Read)];

    private static SignOff Read(AuditRecord record)
    {
        string? task = null, gate = null, role = null, comment = null;
        try
        {
            using var payload = JsonDocument.Parse(record.PayloadJson);
            if (payload.RootElement.ValueKind == JsonValueKind.Object)
            {
                task = Text(payload.RootElement, "task");
                gate = Text(payload.RootElement, "gate");
                role = Text(payload.RootElement, "actorRole");
                comment = Text(payload.RootElement, "comment");
            }
        }
        catch (JsonException)
        {
            // The record still proves who decided when; an unreadable payload only loses the details.
        }

        return new SignOff(record.Sequence, record.Kind, record.Actor, record.At, task, gate, role, comment);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
