using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests;

/// <summary>The DI registration end to end: options, load at start, the folder watcher and debounced reload.</summary>
public sealed class HotReloadTests
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Changed_file_is_picked_up_and_a_refused_change_keeps_the_version_in_force()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered", "v1"));
        using var logs = new CapturingLoggerProvider();
        await using var services = Build(folder.Path, watch: true, logs);
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var gate = services.GetRequiredService<IGovernanceGate>();
        var catalog = services.GetRequiredService<RuleSetCatalog>();
        var input = GateInputs.For("enter:validate") with { Model = GateModelFacts.None };
        var before = await gate.EvaluateAsync(GateInputs.RunId, null, input, CancellationToken.None);

        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered", "v2"));
        await PollAsync(async () => (await catalog.GetSnapshotAsync()).Find("lineage-test")?.Ref.Version == 2);
        var after = await gate.EvaluateAsync(GateInputs.RunId, null, input, CancellationToken.None);

        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Nope", "v3"));
        await PollAsync(() => Task.FromResult(logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("stays in force", StringComparison.Ordinal))));
        var refused = await gate.EvaluateAsync(GateInputs.RunId, null, input, CancellationToken.None);

        Assert.Equal(("v1", 1), (Assert.Single(before.Results).Message, Assert.Single(before.RuleSets).Version));
        Assert.Equal(("v2", 2), (Assert.Single(after.Results).Message, Assert.Single(after.RuleSets).Version));
        Assert.Equal(Assert.Single(after.RuleSets), Assert.Single(refused.RuleSets));
        Assert.Equal(GateOutcome.Blocked, refused.Outcome);

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Gate_loads_the_folder_on_first_use_even_before_the_host_starts()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered"));
        await using var services = Build(folder.Path, watch: false, null);

        var decision = await services.GetRequiredService<IGovernanceGate>()
            .EvaluateAsync(GateInputs.RunId, null, GateInputs.For("enter:validate") with { Model = GateModelFacts.None }, CancellationToken.None);

        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-folder")]
    public async Task Invalid_policies_path_fails_validation(string path)
    {
        await using var services = Build(path == "" ? "" : Path.Combine(Path.GetTempPath(), path + Guid.NewGuid().ToString("N")), watch: false, null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GovernanceOptions>>().Value);

        Assert.Contains("PoliciesPath", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string policiesPath, bool watch, CapturingLoggerProvider? logs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{GovernanceOptions.Section}:{nameof(GovernanceOptions.PoliciesPath)}"] = policiesPath,
                [$"{GovernanceOptions.Section}:{nameof(GovernanceOptions.WatchForChanges)}"] = watch ? "true" : "false",
            })
            .Build();
        return new ServiceCollection()
            .AddLogging(b =>
            {
                if (logs is not null)
                {
                    b.AddProvider(logs);
                }
            })
            .AddMlopsGovernance(configuration)
            .BuildServiceProvider();
    }

    /// <summary>Waits for a condition the watcher makes true, checking often and giving up after <see cref="PollLimit"/>.</summary>
    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollLimit, "The watcher did not reload within the time limit.");
            await Task.Delay(50);
        }
    }
}
