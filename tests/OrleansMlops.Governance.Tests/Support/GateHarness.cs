using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Tests.Support;

/// <summary>A catalog over one folder and a gate over that catalog, without a host.</summary>
internal sealed class GateHarness : IDisposable
{
    public GateHarness(string directory, ILoggerFactory? loggerFactory = null)
    {
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        Catalog = new RuleSetCatalog(directory, new RuleSetLoader(), factory.CreateLogger<RuleSetCatalog>());
        Gate = new GovernanceGate(Catalog, TimeProvider.System, factory.CreateLogger<GovernanceGate>());
    }

    public RuleSetCatalog Catalog { get; }

    public GovernanceGate Gate { get; }

    public Task<GateDecision> EvaluateAsync(GateInput input) => Gate.EvaluateAsync(input.Run.RunId, input.Run.NodeId, input, CancellationToken.None);

    public void Dispose() => Catalog.Dispose();
}
