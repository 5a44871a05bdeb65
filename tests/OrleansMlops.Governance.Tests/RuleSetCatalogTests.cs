using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests;

public sealed class RuleSetCatalogTests
{
    private static readonly string Registered = RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered", "Register the model.");
    private static readonly string Named = RuleSetJson.SingleRule("lineage-test", "enter:validate", "named", "model.Name != null", "Name the model.");
    private static readonly string Broken = RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.IsRegistered", "Register the model.");

    [Fact]
    public async Task Refused_reload_keeps_the_previous_version_in_force()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path);
        var first = Assert.Single(await harness.Catalog.ReloadAsync());
        var unregistered = GateInputs.For("enter:validate") with { Model = GateModelFacts.None };

        folder.Write("lineage.json", Broken);
        var refused = Assert.Single(await harness.Catalog.ReloadAsync());
        var decision = await harness.EvaluateAsync(unregistered);

        Assert.Equal(RuleSetLoadStatus.Activated, first.Status);
        Assert.Equal(RuleSetLoadStatus.Refused, refused.Status);
        Assert.Equal(GovernancePhase.Compile, refused.Error!.Phase);
        Assert.Equal(first.Active, refused.Active);
        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        Assert.Equal(first.Active, Assert.Single(decision.RuleSets));
        Assert.Equal("Register the model.", Assert.Single(decision.Results).Message);
        Assert.Empty((await harness.Catalog.GetSnapshotAsync()).Refused);
    }

    [Fact]
    public async Task New_content_gets_the_next_version_and_same_content_is_unchanged()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path);

        var v1 = Assert.Single(await harness.Catalog.ReloadAsync());
        var same = Assert.Single(await harness.Catalog.ReloadAsync());
        folder.Write("lineage.json", Named);
        var v2 = Assert.Single(await harness.Catalog.ReloadAsync());
        folder.Write("lineage.json", Registered);
        var v3 = Assert.Single(await harness.Catalog.ReloadAsync());

        Assert.Equal(1, v1.Active!.Version);
        Assert.Equal(RuleSetLoadStatus.Unchanged, same.Status);
        Assert.Equal(v1.Active, same.Active);
        Assert.Equal((RuleSetLoadStatus.Activated, 2), (v2.Status, v2.Active!.Version));
        Assert.NotEqual(v1.Active.ContentHash, v2.Active.ContentHash);
        Assert.Equal((3, v1.Active.ContentHash), (v3.Active!.Version, v3.Active.ContentHash));
    }

    [Fact]
    public async Task File_refused_at_start_blocks_only_its_transitions_while_others_load()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        folder.Write("approvals.json", RuleSetJson.SingleRule("approvals", "approve", "role", "actor.IsApprover"));
        using var harness = new GateHarness(folder.Path);

        var outcomes = await harness.Catalog.ReloadAsync();
        var approve = await harness.EvaluateAsync(GateInputs.For("approve"));
        var validate = await harness.EvaluateAsync(GateInputs.For("enter:validate"));

        Assert.Equal([RuleSetLoadStatus.Refused, RuleSetLoadStatus.Activated], outcomes.Select(o => o.Status));
        Assert.Null(outcomes[0].Active);
        Assert.Equal(GateOutcome.Error, approve.Outcome);
        Assert.Contains("approvals.json", approve.Error, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.Allowed, validate.Outcome);

        folder.Write("approvals.json", RuleSetJson.SingleRule("approvals", "approve", "role", "actor.HasRole(\"approver\")"));
        await harness.Catalog.ReloadAsync();
        Assert.Equal(GateOutcome.Allowed, (await harness.EvaluateAsync(GateInputs.For("approve"))).Outcome);
    }

    [Fact]
    public async Task Unreadable_file_blocks_every_transition()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        folder.Write("garbage.json", "{ this is not json");
        using var harness = new GateHarness(folder.Path);

        var train = await harness.EvaluateAsync(GateInputs.For("enter:train"));

        Assert.Equal(GateOutcome.Error, train.Outcome);
        Assert.Contains("garbage.json", train.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_file_with_the_same_id_is_refused()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("a.json", Registered);
        folder.Write("b.json", Named);
        using var harness = new GateHarness(folder.Path);

        var outcomes = await harness.Catalog.ReloadAsync();

        Assert.Equal([RuleSetLoadStatus.Activated, RuleSetLoadStatus.Refused], outcomes.Select(o => o.Status));
        Assert.Contains("already defined by 'a.json'", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("a.json", Path.GetFileName(Assert.Single((await harness.Catalog.GetSnapshotAsync()).RuleSets).File));
    }

    [Fact]
    public async Task Removed_file_is_no_longer_in_force()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path);
        await harness.Catalog.ReloadAsync();

        folder.Delete("lineage.json");
        var removed = Assert.Single(await harness.Catalog.ReloadAsync());

        Assert.Equal(RuleSetLoadStatus.Removed, removed.Status);
        Assert.Empty((await harness.Catalog.GetSnapshotAsync()).RuleSets);
    }

    [Fact]
    public async Task Missing_folder_blocks_every_transition()
    {
        using var harness = new GateHarness(Path.Combine(Path.GetTempPath(), "mlops-no-such-folder-" + Guid.NewGuid().ToString("N")));

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:train"));

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Contains("does not exist", decision.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_are_logged_with_file_and_reason()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Broken);
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var harness = new GateHarness(folder.Path, loggerFactory);

        await harness.Catalog.ReloadAsync();

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("lineage.json", entry.Message, StringComparison.Ordinal);
        Assert.Contains("model.IsRegistered", Assert.IsType<GovernanceException>(entry.Exception).Message, StringComparison.Ordinal);
    }
}
