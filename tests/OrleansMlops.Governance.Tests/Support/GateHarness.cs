using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Governance.Tests.Support;

/// <summary>A catalog over one folder and a gate over that catalog, without a host.</summary>
internal sealed class GateHarness : IDisposable
{
    public GateHarness(
        string directory,
        ILoggerFactory? loggerFactory = null,
        GovernanceOptions? options = null,
        IRuleSetVersionStore? store = null,
        TimeProvider? timeProvider = null)
    {
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        Options = options ?? new GovernanceOptions { PoliciesPath = directory };
        Store = store ?? new InMemoryRuleSetVersionStore();
        var clock = timeProvider ?? TimeProvider.System;
        Loader = new RuleSetLoader(Options);
        Catalog = new RuleSetCatalog(directory, Loader, Store, clock, factory.CreateLogger<RuleSetCatalog>());
        Gate = new GovernanceGate(Catalog, Microsoft.Extensions.Options.Options.Create(Options), clock, factory.CreateLogger<GovernanceGate>());
        DryRunner = new DryRunner(Catalog, Microsoft.Extensions.Options.Options.Create(Options), clock);
    }

    public GovernanceOptions Options { get; }

    public IRuleSetVersionStore Store { get; }

    public RuleSetLoader Loader { get; }

    public RuleSetCatalog Catalog { get; }

    public GovernanceGate Gate { get; }

    public DryRunner DryRunner { get; }

    /// <summary>Options that govern no transition by default, for tests of single rule sets.</summary>
    public static GovernanceOptions Ungoverned(string directory) => new() { PoliciesPath = directory, RequiredTransitions = [] };

    public Task<GateDecision> EvaluateAsync(GateInput input) => Gate.EvaluateAsync(input.Run.RunId, input.Run.NodeId, input, CancellationToken.None);

    public void Dispose() => Catalog.Dispose();
}
