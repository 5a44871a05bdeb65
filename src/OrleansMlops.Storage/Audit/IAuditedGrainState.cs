using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Storage.Audit;

/// <summary>
/// A grain state that carries the audit records its latest changes chained, until they are in the audit table. Grain
/// storage that can write the audit table in the state's own transaction takes them out of the outbox and appends them
/// there; any other storage persists them with the state, and the grain appends them afterwards.
/// </summary>
public interface IAuditedGrainState
{
    List<AuditRecord> AuditOutbox { get; }
}
