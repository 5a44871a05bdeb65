using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Host.Demo;

/// <summary>How the demo release ended: the run, its model version, and whether the audit chain verified.</summary>
public sealed record DemoResult(string RunId, RunStatus Status, ModelVersionKey? Model, bool AuditVerified, long AuditRecords);
