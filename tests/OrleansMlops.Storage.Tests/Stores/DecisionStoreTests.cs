using System.Collections.Immutable;
using System.Data.Common;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The decision store on one database; a subclass per database runs these tests against it.</summary>
public abstract class DecisionStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly RuleSetRef FourEyes = new("four-eyes", 3, new string('a', 64));
    private static readonly RuleSetRef AiAct = new("eu-ai-act-high-risk", 1, new string('b', 64));

    private protected DecisionStoreTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static GateDecision Decision(
        string id,
        string runId = "run-1",
        string transition = "approve",
        GateOutcome outcome = GateOutcome.Allowed,
        int minutes = 0,
        params RuleResult[] results) => new(
        id,
        runId,
        transition,
        "UserTask_ApproveModel",
        outcome,
        [FourEyes, AiAct],
        [.. results],
        "{\"transition\":\"" + transition + "\"}",
        T0.AddMinutes(minutes).AddTicks(3),
        0.125,
        outcome == GateOutcome.Error ? "governance error: boom" : null);

    private static RuleResult Passed(string ruleSet, string rule) => new(ruleSet, rule, true, null);

    private static RuleResult Failed(string ruleSet, string rule) => new(ruleSet, rule, false, $"{rule} failed");

    [Fact]
    public async Task Round_trips_a_decision_with_its_rule_results_in_order()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        var decision = Decision(
            "d1", outcome: GateOutcome.Blocked, results: [Passed("four-eyes", "FE-1 b"), Failed("eu-ai-act-high-risk", "AI-15 a"), Passed("four-eyes", "FE-1 a")]);

        await database.WriteAsync(SqlDecisionStore.Append([decision]));

        var read = await store.GetAsync("d1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(decision.RuleSets.AsEnumerable(), read.RuleSets.AsEnumerable());
        Assert.Equal(decision.Results.AsEnumerable(), read.Results.AsEnumerable());
        Assert.Equal(decision.EvaluatedAt.UtcTicks, read.EvaluatedAt.UtcTicks);
        Assert.Equal(decision with { RuleSets = read.RuleSets, Results = read.Results }, read);
        Assert.Null(await store.GetAsync("missing", CancellationToken.None));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT rule_set_version FROM gate_rule_results WHERE decision_id = 'd1' AND rule_name = 'AI-15 a'"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    public async Task Every_rule_result_is_stored_in_order_however_many_a_decision_has(int count)
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        var results = Enumerable.Range(0, count)
            .Select(i => i % 3 == 0 ? Failed("eu-ai-act-high-risk", $"AI-{i:D3}") : Passed("four-eyes", $"FE-{i:D3}"))
            .ToArray();
        var decision = Decision($"many-{count}", outcome: GateOutcome.Blocked, results: results);

        await database.WriteAsync(SqlDecisionStore.Append([decision]));

        var read = await store.GetAsync(decision.DecisionId, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(results, read.Results.AsEnumerable());
    }

    [Fact]
    public async Task Appending_the_same_decisions_again_stores_them_once()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        var first = Decision("d1", results: [Passed("four-eyes", "FE-1 a")]);
        var second = Decision("d2", minutes: 1, results: [Passed("four-eyes", "FE-1 a")]);

        await database.WriteAsync(SqlDecisionStore.Append([first]));
        await database.WriteAsync(SqlDecisionStore.Append([first, second]));
        await database.WriteAsync(SqlDecisionStore.Append([first, second]));

        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM gate_decisions"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM gate_rule_results"));
    }

    [Fact]
    public async Task Queries_by_run_rule_rule_set_outcome_transition_and_time_newest_first()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        await database.WriteAsync(SqlDecisionStore.Append(
            [
                Decision("a", "run-1", "enter:train", GateOutcome.Allowed, 0, Passed("eu-ai-act-high-risk", "AI-01")) with { RuleSets = [AiAct] },
                Decision("b", "run-1", "approve", GateOutcome.Blocked, 10, Failed("eu-ai-act-high-risk", "AI-15"), Passed("four-eyes", "FE-1")),
                Decision("c", "run-2", "approve", GateOutcome.Allowed, 20, Passed("eu-ai-act-high-risk", "AI-15"), Passed("four-eyes", "FE-1")),
                Decision("d", "run-2", "enter:deploy", GateOutcome.Error, 30) with { RuleSets = [AiAct] },
            ]));

        async Task<string[]> Ids(DecisionQuery query) =>
            [.. (await store.QueryAsync(query, CancellationToken.None)).Select(d => d.DecisionId)];

        Assert.Equal(["d", "c", "b", "a"], await Ids(new DecisionQuery()));
        Assert.Equal(["b", "a"], await Ids(new DecisionQuery(RunId: "run-1")));
        Assert.Equal(["c", "b"], await Ids(new DecisionQuery(RuleName: "AI-15")));
        Assert.Equal(["c", "b"], await Ids(new DecisionQuery(RuleSetId: "four-eyes") with { To = T0.AddMinutes(25) }));
        Assert.Equal(["d", "c", "b", "a"], await Ids(new DecisionQuery(RuleSetId: "eu-ai-act-high-risk")));
        Assert.Equal(["b"], await Ids(new DecisionQuery(Outcome: GateOutcome.Blocked)));
        Assert.Equal(["d"], await Ids(new DecisionQuery(Outcome: GateOutcome.Error)));
        Assert.Equal(["c", "b"], await Ids(new DecisionQuery(Transition: "approve")));
        Assert.Equal(["c", "b"], await Ids(new DecisionQuery(From: T0.AddMinutes(10), To: T0.AddMinutes(30))));
        Assert.Equal(["b"], await Ids(new DecisionQuery(RunId: "run-1", RuleName: "AI-15", Outcome: GateOutcome.Blocked)));
        Assert.Equal(["d", "c"], await Ids(new DecisionQuery(Limit: 2)));
        Assert.Equal(["d"], await Ids(new DecisionQuery(Limit: 0)));
        Assert.Empty(await Ids(new DecisionQuery(RuleName: "no such rule")));
    }

    [Fact]
    public async Task Recent_decisions_of_a_transition_feed_a_dry_run_with_their_inputs()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        await database.WriteAsync(SqlDecisionStore.Append(
            [.. Enumerable.Range(0, 5).Select(i => Decision($"d{i}", transition: i % 2 == 0 ? "approve" : "enter:deploy", minutes: i))]));

        var recent = await store.RecentAsync("approve", 2, CancellationToken.None);
        var all = await store.RecentAsync(null, 10, CancellationToken.None);

        Assert.Equal(["d4", "d2"], recent.Select(d => d.DecisionId));
        Assert.All(recent, d => Assert.Equal("{\"transition\":\"approve\"}", d.InputJson));
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task Stored_decisions_cannot_be_changed_or_deleted()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        await database.WriteAsync(SqlDecisionStore.Append([Decision("d1", outcome: GateOutcome.Blocked, results: Failed("four-eyes", "FE-1"))]));

        foreach (var sql in new[]
                 {
                     "UPDATE gate_decisions SET outcome = 'Allowed'", "DELETE FROM gate_decisions",
                     "UPDATE gate_rule_results SET passed = NOT passed", "DELETE FROM gate_rule_results",
                 })
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync(sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        var read = await store.GetAsync("d1", CancellationToken.None);
        Assert.Equal(GateOutcome.Blocked, read!.Outcome);
        Assert.False(Assert.Single(read.Results).Passed);
    }

    [Fact]
    public async Task A_decision_with_no_rule_sets_or_results_round_trips()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var store = new SqlDecisionStore(database.DataSource, database.Dialect);
        var error = Decision("e1", outcome: GateOutcome.Error) with { RuleSets = ImmutableArray<RuleSetRef>.Empty, NodeId = null };

        await database.WriteAsync(SqlDecisionStore.Append([error]));

        var read = await store.GetAsync("e1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Empty(read.RuleSets);
        Assert.Empty(read.Results);
        Assert.Null(read.NodeId);
        Assert.Equal("governance error: boom", read.Error);
    }
}
