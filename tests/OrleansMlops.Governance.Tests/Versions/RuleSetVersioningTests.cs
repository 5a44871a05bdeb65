using Microsoft.Extensions.Time.Testing;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Tests.Support;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Governance.Tests.Versions;

/// <summary>Versions numbered through the store: restarts, activation through the API, refusals.</summary>
public sealed class RuleSetVersioningTests
{
    private static readonly string Registered = RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.Registered", "Register the model.");
    private static readonly string Named = RuleSetJson.SingleRule("lineage-test", "enter:validate", "named", "model.Name != null", "Name the model.");
    private static readonly string Broken = RuleSetJson.SingleRule("lineage-test", "enter:validate", "registered", "model.IsRegistered", "Register the model.");

    [Fact]
    public async Task Version_numbers_survive_a_restart_and_a_change_made_while_down_gets_the_next()
    {
        using var folder = new TempPolicyDirectory();
        var store = new InMemoryRuleSetVersionStore();
        folder.Write("lineage.json", Registered);
        using (var first = new GateHarness(folder.Path, store: store))
        {
            await first.Catalog.ReloadAsync();
            folder.Write("lineage.json", Named);
            await first.Catalog.ReloadAsync();
        }

        using var restarted = new GateHarness(folder.Path, store: store);
        var active = (await restarted.Catalog.GetSnapshotAsync()).Find("lineage-test")!;
        folder.Write("lineage.json", Registered);
        var changed = Assert.Single(await restarted.Catalog.ReloadAsync());

        Assert.Equal((2, "file:lineage.json", RuleSetVersionSource.File), (active.Ref.Version, active.ActivatedBy, active.Source));
        Assert.Equal((RuleSetLoadStatus.Activated, 3), (changed.Status, changed.Active!.Version));
        var versions = await restarted.Catalog.GetVersionsAsync("lineage-test");
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(versions[0].ContentHash, versions[2].ContentHash);
        Assert.Equal(Registered, versions[2].Content);
    }

    [Fact]
    public async Task Activation_through_the_api_writes_the_file_records_the_actor_and_is_in_force_at_once()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        using var harness = new GateHarness(folder.Path, timeProvider: clock);
        await harness.Catalog.ReloadAsync();

        var activated = await Activate(harness, Named, "carol");
        var reload = Assert.Single(await harness.Catalog.ReloadAsync());
        var decision = await harness.EvaluateAsync(GateInputs.For("enter:validate") with { Model = GateModelFacts.None });

        Assert.Equal((2, "carol", RuleSetVersionSource.Api, clock.GetUtcNow()), (activated.Ref.Version, activated.ActivatedBy, activated.Source, activated.ActivatedAt));
        Assert.Equal(Named, await File.ReadAllTextAsync(folder.File("lineage.json")));
        Assert.Equal((RuleSetLoadStatus.Unchanged, activated.Ref), (reload.Status, reload.Active));
        Assert.Equal(activated.Ref, Assert.Single(decision.RuleSets));
        Assert.Equal("Name the model.", Assert.Single(decision.Results).Message);
        Assert.Equal(activated, Assert.Single(harness.Catalog.GetActive()));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
        var stored = (await harness.Catalog.GetVersionsAsync("lineage-test"))[^1];
        Assert.Equal((2, "carol", RuleSetVersionSource.Api, Named), (stored.Version, stored.ActivatedBy, stored.Source, stored.Content));
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_loads_from_the_folder_and_through_activation_with_the_hash_of_its_bytes()
    {
        using var folder = new TempPolicyDirectory();
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Registered)).ToArray();
        await File.WriteAllBytesAsync(folder.File("lineage.json"), bytes);
        using var harness = new GateHarness(folder.Path);

        var loaded = Assert.Single(await harness.Catalog.ReloadAsync());
        var candidate = await harness.Catalog.LoadCandidateAsync(bytes, "lineage-test");

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal((RuleSetLoadStatus.Activated, hash), (loaded.Status, loaded.Active!.ContentHash));
        Assert.Equal(hash, candidate.ContentHash);
        Assert.Empty(harness.Catalog.GetRefusals());
    }

    [Fact]
    public async Task Activation_of_a_new_rule_set_creates_its_file_and_same_content_is_no_new_version()
    {
        using var folder = new TempPolicyDirectory();
        using var harness = new GateHarness(folder.Path);

        var first = await Activate(harness, Registered, "carol");
        var again = await Activate(harness, Registered, "dave");

        Assert.True(File.Exists(folder.File("lineage-test.json")));
        Assert.Equal(first, again);
        Assert.Single(await harness.Catalog.GetVersionsAsync("lineage-test"));
    }

    [Fact]
    public async Task Refused_activation_changes_nothing()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path);
        await harness.Catalog.ReloadAsync();
        var before = harness.Catalog.GetActive();

        var error = await Assert.ThrowsAsync<GovernanceException>(() => Activate(harness, Broken, "carol"));

        Assert.Equal(GovernancePhase.Compile, error.Phase);
        Assert.Contains("model.IsRegistered", error.Message, StringComparison.Ordinal);
        Assert.Equal(Registered, await File.ReadAllTextAsync(folder.File("lineage.json")));
        Assert.Equal(before, harness.Catalog.GetActive());
        Assert.Single(await harness.Catalog.GetVersionsAsync("lineage-test"));
        Assert.Empty(harness.Catalog.GetRefusals());
    }

    [Fact]
    public async Task Activation_addressed_to_one_rule_set_refuses_content_declaring_another()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path);
        await harness.Catalog.ReloadAsync();
        var before = harness.Catalog.GetActive();

        var error = await Assert.ThrowsAsync<GovernanceException>(() => Activate(
            harness, RuleSetJson.SingleRule("four-eyes", "approve", "anyone", "true"), "carol"));

        Assert.Equal((GovernancePhase.Load, "four-eyes"), (error.Phase, error.RuleSetId));
        Assert.Contains("sent to activate 'lineage-test'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Catalog.GetActive());
        Assert.False(File.Exists(folder.File("four-eyes.json")));
    }

    [Fact]
    public async Task Activation_may_not_overwrite_the_file_of_another_rule_set()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("other-test.json", Registered);
        using var harness = new GateHarness(folder.Path);
        await harness.Catalog.ReloadAsync();

        var error = await Assert.ThrowsAsync<GovernanceException>(() => Activate(
            harness, RuleSetJson.SingleRule("other-test", "approve", "role", "actor.HasRole(\"approver\")"), "carol", "other-test"));

        Assert.Contains("holds rule set 'lineage-test'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Registered, await File.ReadAllTextAsync(folder.File("other-test.json")));
    }

    [Fact]
    public async Task Refusals_are_listed_with_file_phase_message_and_first_refusal_time()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        folder.Write("approvals.json", "{ \"id\": \"approvals\", \"appliesTo\": [\"approve\"] ");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        using var harness = new GateHarness(folder.Path, timeProvider: clock);
        await harness.Catalog.ReloadAsync();
        var refusedAt = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromMinutes(5));
        folder.Write("lineage.json", Broken);
        await harness.Catalog.ReloadAsync();
        var refusals = harness.Catalog.GetRefusals();

        Assert.Equal(["approvals.json", "lineage.json"], refusals.Select(r => r.File));
        Assert.Equal((GovernancePhase.Load, refusedAt, null), (refusals[0].Phase, refusals[0].RefusedAt, refusals[0].InForce));
        Assert.Contains("invalid rule set JSON", refusals[0].Message, StringComparison.Ordinal);
        Assert.Equal((GovernancePhase.Compile, clock.GetUtcNow(), 1), (refusals[1].Phase, refusals[1].RefusedAt, refusals[1].InForce!.Version));
        Assert.Equal("lineage-test", refusals[1].RuleSetId);
    }

    [Fact]
    public async Task A_version_store_that_cannot_be_read_fails_closed()
    {
        using var folder = new TempPolicyDirectory();
        folder.Write("lineage.json", Registered);
        using var harness = new GateHarness(folder.Path, store: new UnreadableStore());

        var decision = await harness.EvaluateAsync(GateInputs.For("enter:validate"));

        Assert.Equal(GateOutcome.Error, decision.Outcome);
        Assert.Contains("version store is down", decision.Error, StringComparison.Ordinal);
    }

    private sealed class UnreadableStore : IRuleSetVersionStore
    {
        public Task<IReadOnlyList<RuleSetVersionRecord>> LoadAllAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("version store is down");

        public Task AppendAsync(RuleSetVersionRecord record, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("version store is down");
    }

    private static Task<ActiveRuleSetInfo> Activate(GateHarness harness, string json, string actor, string ruleSetId = "lineage-test") =>
        harness.Catalog.ActivateAsync(System.Text.Encoding.UTF8.GetBytes(json), actor, ruleSetId, RuleSetVersionSource.Api);
}
