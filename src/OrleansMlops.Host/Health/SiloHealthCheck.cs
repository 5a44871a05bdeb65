using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansMlops.Host.Health;

/// <summary>Ready only while this process's silo is an active member of its cluster and can take grain calls.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {silo.CurrentStatus}."));
}
