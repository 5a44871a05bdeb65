using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Grains.Environments;

/// <summary>The environment facts a gate sees, from the configured <see cref="EnvironmentOptions"/> of the environment's name.</summary>
public sealed class EnvironmentFacts(IOptionsMonitor<EnvironmentOptions> environments)
{
    /// <summary>
    /// The facts of <paramref name="name"/> ("none" when the task names no environment). The engine's audit trail is
    /// always on: every transition is recorded in the hash-chained audit table.
    /// </summary>
    public GateEnvironmentFacts For(string name)
    {
        var options = environments.Get(name);
        return new GateEnvironmentFacts(name, AuditTrailEnabled: true, options.PredictionLoggingEnabled, options.LogRetentionDays)
        {
            PromoteFrom = string.IsNullOrWhiteSpace(options.PromoteFrom) ? null : options.PromoteFrom.Trim(),
        };
    }
}
