using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.GrainState;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Transitions;

namespace OrleansMlops.Grains.Persistence;

/// <summary>
/// When a change is durable, in one place: <see cref="CommitAsync"/> serializes the working state before its first
/// await, hands it with the change's rows to the <see cref="ITransitionStore"/> (one group-committed transaction), and
/// only once that returned makes it the <see cref="Committed"/> state that interleaving reads see.
/// </summary>
internal sealed class DurableState<TState> : IDurableState<TState>, ILifecycleObserver
    where TState : class, new()
{
    private readonly IGrainContext _context;
    private readonly ITransitionStore _store;
    private readonly IGrainStorageSerializer _serializer;
    private readonly GrainStateKey _key;
    private long? _version;
    private byte[]? _committedPayload;
    private TState? _committed;
    private Task _commit = Task.CompletedTask;

    public DurableState(IGrainContext context, DurableStateAttribute metadata, ITransitionStore store, Serializer serializer, IOptions<ClusterOptions> cluster)
    {
        _context = context;
        _store = store;
        // The serializer Orleans' grain storage uses, so states it stored load here and the other way round.
        _serializer = new OrleansGrainStorageSerializer(serializer);
        _key = new GrainStateKey(cluster.Value.ServiceId, metadata.StorageName, context.GrainId.ToString(), metadata.StateName);
        context.ObservableLifecycle.Subscribe(GetType().Name, GrainLifecycleStage.SetupState, this);
    }

    public TState State { get; private set; } = new();

    public TState Committed => _committed ??= Deserialize(_committedPayload);

    public bool RecordExists => _committedPayload is not null;

    public Task WhenSettled() => _commit.IsCompleted ? Task.CompletedTask : Settle(_commit);

    public Task CommitAsync(
        IReadOnlyList<AuditRecord> audit, IReadOnlyList<GateDecision>? decisions = null, RunSummary? indexRow = null, ModelIndexRow? modelRow = null) =>
        _commit = Commit(audit, decisions, indexRow, modelRow);

    private async Task Commit(IReadOnlyList<AuditRecord> audit, IReadOnlyList<GateDecision>? decisions, RunSummary? indexRow, ModelIndexRow? modelRow)
    {
        // Taken before the first await: what is stored is the state at the call, not what a later turn changes meanwhile.
        var payload = _serializer.Serialize(State).ToArray();
        var transition = new GrainTransition(_key, _version, payload)
        {
            Audit = audit,
            Decisions = decisions ?? [],
            IndexRow = indexRow,
            ModelRow = modelRow,
        };
        try
        {
            _version = await _store.CommitAsync(transition, CancellationToken.None);
        }
        catch (GrainStateConflictException e)
        {
            State = Deserialize(_committedPayload);
            _context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, e.Message));
            // The exception Orleans carries back to callers for a stale state.
            throw new InconsistentStateException(e.Message, storedEtag: "(changed)", currentEtag: _version?.ToString(CultureInfo.InvariantCulture) ?? "(none)");
        }
        catch (Exception e)
        {
            State = Deserialize(_committedPayload);
            // Storage's exceptions (a forked audit chain, a database error) are unknown to Orleans' serializer: callers
            // get what failed, in words.
            throw new InvalidOperationException($"The state of grain '{_key.GrainId}' was not stored: {e.GetType().Name}: {e.Message}");
        }

        // No await between the commit's completion and these two lines: a read sees the old state or the durable new one.
        _committedPayload = payload;
        _committed = null;
    }

    public async Task OnStart(CancellationToken cancellationToken)
    {
        var stored = await _store.ReadAsync(_key, cancellationToken);
        _version = stored?.Version;
        _committedPayload = stored?.Payload;
        State = Deserialize(_committedPayload);
    }

    public Task OnStop(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task Settle(Task commit) =>
        await commit.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

    private TState Deserialize(byte[]? payload) =>
        payload is null ? new TState() : _serializer.Deserialize<TState>(new BinaryData(payload)) ?? new TState();
}
