using System.Text.Json;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Runs;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// Requests as the directory's audit stream tells them: every record that makes or decides a request carries it as it
/// is after that change, so decided requests are read back from there and the state keeps only the pending ones.
/// </summary>
public sealed partial class RoleDirectoryGrain
{
    private const int AuditPage = 500;

    /// <summary>Each request as its latest record has it, in the order they were made; caught up with the stream on each read.</summary>
    private readonly Dictionary<string, RoleRequest> _requests = new(StringComparer.Ordinal);

    private readonly List<string> _requestOrder = [];

    private long _requestsReadThrough;

    /// <summary>
    /// A state stored before decided requests left it keeps them all: the stream already holds each, so it keeps the pending
    /// ones and the count that numbers the next request, stored at once so that a failed change cannot bring the old shape back.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (S.RequestsMade > 0 || S.Requests.Count == 0)
        {
            return;
        }

        S.RequestsMade = S.Requests.Count;
        S.Requests.RemoveAll(r => r.Status != RoleRequestStatus.Pending);
        await state.CommitAsync([]);
    }

    /// <summary>Every request ever made, oldest first, pending ones as the state has them.</summary>
    private async Task<IEnumerable<RoleRequest>> AllRequests()
    {
        while (_requestsReadThrough < S.AuditSequence)
        {
            var page = await auditStore.ReadPageAsync(IRoleDirectoryGrain.AuditStream, _requestsReadThrough, AuditPage, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            // Reads interleave: another may have read this page meanwhile.
            foreach (var record in page.Where(r => r.Sequence > _requestsReadThrough))
            {
                if (RequestIn(record) is { } request)
                {
                    if (!_requests.ContainsKey(request.RequestId))
                    {
                        _requestOrder.Add(request.RequestId);
                    }

                    _requests[request.RequestId] = request;
                }

                _requestsReadThrough = record.Sequence;
            }
        }

        var pending = S.Requests.ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        return _requestOrder.Select(id => pending.GetValueOrDefault(id) ?? _requests[id]);
    }

    private async Task<RoleRequest?> FindRequest(string requestId) =>
        S.Requests.Find(r => r.RequestId == requestId) ?? (await AllRequests()).FirstOrDefault(r => r.RequestId == requestId);

    private void AddPending(RoleRequest request)
    {
        S.Requests.Add(request);
        S.RequestsMade++;
    }

    /// <summary>The request a record carries as its details or as their <c>request</c>, or null for a record about no request.</summary>
    private static RoleRequest? RequestIn(AuditRecord record)
    {
        using var payload = JsonDocument.Parse(record.PayloadJson);
        if (!payload.RootElement.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var request = details.TryGetProperty("requestId", out _) ? details
            : details.TryGetProperty("request", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner
            : default;
        return request.ValueKind == JsonValueKind.Object ? request.Deserialize<RoleRequest>(AuditJson.Options) : null;
    }
}
