using System.Data.Common;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The prediction log on one database; a subclass per database runs these tests against it.</summary>
public abstract class PredictionLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private protected PredictionLogTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static PredictionRecord Prediction(
        string id, int minutes = 0, string model = "credit-risk", int version = 1, string environment = "production") => new(
        id,
        T0.AddMinutes(minutes),
        model,
        version,
        new string('a', 64),
        environment,
        "loan-origination",
        new string('b', 64),
        Score: -1.25,
        Probability: 0.2227,
        Decision: "approve");

    [Fact]
    public async Task Appends_and_reads_back_a_prediction_exactly()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var log = new SqlPredictionLog(database.DataSource);
        var prediction = Prediction("p1") with { PredictedAt = T0.ToOffset(TimeSpan.FromHours(2)).AddTicks(3) };

        await log.AppendAsync(prediction, CancellationToken.None);

        var read = await log.GetAsync("p1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(prediction.PredictedAt.UtcTicks, read.PredictedAt.UtcTicks);
        Assert.Equal(prediction with { PredictedAt = read.PredictedAt }, read);
        Assert.Null(read.OverriddenBy);
        Assert.Null(await log.GetAsync("missing", CancellationToken.None));
        await Assert.ThrowsAnyAsync<DbException>(() => log.AppendAsync(prediction with { Decision = "decline" }, CancellationToken.None));
    }

    [Fact]
    public async Task Queries_newest_first_with_filters()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var log = new SqlPredictionLog(database.DataSource);
        PredictionRecord[] all =
        [
            Prediction("a", 0, version: 1, environment: "staging"),
            Prediction("b", 10, version: 1),
            Prediction("c", 20, version: 2),
            Prediction("d", 30, model: "fraud", version: 1),
            Prediction("e", 30, version: 2, environment: "staging"),
        ];
        foreach (var prediction in all)
        {
            await log.AppendAsync(prediction, CancellationToken.None);
        }

        async Task<string[]> Ids(PredictionQuery query) =>
            (await log.QueryAsync(query, CancellationToken.None)).Select(p => p.PredictionId).ToArray();

        Assert.Equal(["d", "e", "c", "b", "a"], await Ids(new PredictionQuery()));
        Assert.Equal(["e", "c", "b", "a"], await Ids(new PredictionQuery(ModelName: "credit-risk")));
        Assert.Equal(["e", "c"], await Ids(new PredictionQuery("credit-risk", 2)));
        Assert.Equal(["e", "a"], await Ids(new PredictionQuery(Environment: "staging")));
        Assert.Equal(["c", "b"], await Ids(new PredictionQuery(From: T0.AddMinutes(10), To: T0.AddMinutes(30))));
        Assert.Equal(["d", "e"], await Ids(new PredictionQuery(Limit: 2)));
        Assert.Single(await Ids(new PredictionQuery(Limit: 0)));
        Assert.Empty(await Ids(new PredictionQuery(ModelName: "nothing")));
    }

    [Fact]
    public async Task An_override_is_recorded_once_and_the_first_one_stands()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var log = new SqlPredictionLog(database.DataSource);
        await log.AppendAsync(Prediction("p1"), CancellationToken.None);
        var first = new PredictionOverride("carol", "decline", "income not verified against documents", T0.AddHours(1));

        Assert.Equal(OverrideResult.Recorded, await log.OverrideAsync("p1", first, CancellationToken.None));
        Assert.Equal(
            OverrideResult.AlreadyOverridden,
            await log.OverrideAsync("p1", first with { OverriddenBy = "dan", Outcome = "approve" }, CancellationToken.None));
        Assert.Equal(OverrideResult.NotFound, await log.OverrideAsync("missing", first, CancellationToken.None));

        var read = await log.GetAsync("p1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(("carol", "decline", "income not verified against documents", T0.AddHours(1)),
            (read.OverriddenBy, read.OverrideOutcome, read.OverrideReason, read.OverriddenAt));
        Assert.Equal("approve", read.Decision);
    }

    [Fact]
    public async Task The_table_refuses_changing_a_logged_prediction()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var log = new SqlPredictionLog(database.DataSource);
        await log.AppendAsync(Prediction("p1"), CancellationToken.None);

        var changed = await Assert.ThrowsAnyAsync<DbException>(
            () => database.ExecuteAsync("UPDATE prediction_log SET decision = 'decline' WHERE prediction_id = 'p1'"));
        Assert.Contains("immutable", changed.Message, StringComparison.Ordinal);
        await log.OverrideAsync("p1", new PredictionOverride("carol", "decline", "checked", T0), CancellationToken.None);
        await Assert.ThrowsAnyAsync<DbException>(
            () => database.ExecuteAsync("UPDATE prediction_log SET override_outcome = 'approve' WHERE prediction_id = 'p1'"));
        Assert.Equal("approve", (await log.GetAsync("p1", CancellationToken.None))!.Decision);
    }

    [Fact]
    public async Task Purge_deletes_only_the_environments_rows_before_the_cutoff()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var log = new SqlPredictionLog(database.DataSource);
        await log.AppendAsync(Prediction("old-prod", 0), CancellationToken.None);
        await log.AppendAsync(Prediction("at-cutoff-prod", 60), CancellationToken.None);
        await log.AppendAsync(Prediction("new-prod", 120), CancellationToken.None);
        await log.AppendAsync(Prediction("old-staging", 0, environment: "staging"), CancellationToken.None);

        var purged = await log.PurgeOlderThanAsync("production", T0.AddMinutes(60), CancellationToken.None);

        Assert.Equal(1, purged);
        var left = (await log.QueryAsync(new PredictionQuery(), CancellationToken.None)).Select(p => p.PredictionId).Order(StringComparer.Ordinal);
        Assert.Equal(["at-cutoff-prod", "new-prod", "old-staging"], left);
        Assert.Equal(["production", "staging"], await log.EnvironmentsAsync(CancellationToken.None));
        Assert.Equal(0, await log.PurgeOlderThanAsync("production", T0.AddMinutes(60), CancellationToken.None));
    }
}
