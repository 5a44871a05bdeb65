using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

/// <summary>
/// Requests as the directory's audit stream tells them: every record that makes or decides a request carries it as it
/// is after that change, so decided requests are read back from there and the state keeps only the pending ones.
/// </summary>
public sealed partial class RoleDirectoryGrain
{
    private readonly AuditedItems<RoleRequest> _requests = new(IRoleDirectoryGrain.AuditStream, "requestId", "request", r => r.RequestId);

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
        var recorded = await _requests.ReadAsync(auditStore, S.AuditSequence);
        var pending = S.Requests.ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        return recorded.Select(r => pending.GetValueOrDefault(r.RequestId) ?? r);
    }

    private async Task<RoleRequest?> FindRequest(string requestId) =>
        S.Requests.Find(r => r.RequestId == requestId) ?? (await AllRequests()).FirstOrDefault(r => r.RequestId == requestId);

    private void AddPending(RoleRequest request)
    {
        S.Requests.Add(request);
        S.RequestsMade++;
    }
}
