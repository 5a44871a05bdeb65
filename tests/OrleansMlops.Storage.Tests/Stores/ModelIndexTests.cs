using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The model index on one database; a subclass per database runs these tests against it.</summary>
public abstract class ModelIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly string TrainSha = new('1', 64);
    private static readonly string TestSha = new('2', 64);
    private static readonly string OtherTrainSha = new('3', 64);

    private protected ModelIndexTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static ModelVersionView View(
        string name,
        int version,
        int minutes = 0,
        ModelLifecycle lifecycle = ModelLifecycle.Registered,
        string riskClass = "high",
        string? owner = "head-of-retail-credit",
        string datasetVersion = "2026-11",
        string trainSha = "",
        ImmutableArray<string> tags = default,
        ImmutableArray<string> liveIn = default)
    {
        var registeredAt = T0.AddMinutes(minutes);
        var lineage = new ModelLineage(
            "credit-applicants",
            datasetVersion,
            [new DatasetFile("train", "data/credit/train.csv", trainSha.Length == 0 ? TrainSha : trainSha, 800), new DatasetFile("test", "data/credit/test.csv", TestSha, 200)],
            "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("trainer", "lbfgs"), KeyValuePair.Create("l2", "0.1")]),
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("os", "linux"), KeyValuePair.Create("dotnet", "10.0")]),
            "alice",
            registeredAt.AddSeconds(-30).AddTicks(7));
        var registration = new ModelRegistration(
            name,
            "creditworthiness assessment",
            riskClass,
            $"artifacts/{name}-{version}.zip",
            new string('a', 64),
            lineage,
            ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("trainAuc", 0.81)]))
        {
            Owner = owner,
            Tier = "1",
            Tags = tags.IsDefault ? [] : tags,
        };
        return new ModelVersionView(
            new ModelVersionKey(name, version),
            $"run-{name}-{version}",
            lifecycle,
            registration,
            lifecycle == ModelLifecycle.Registered ? ImmutableDictionary<string, double>.Empty : ImmutableDictionary<string, double>.Empty.Add("auc", 0.78).Add("disparity", double.NaN),
            lifecycle is ModelLifecycle.Approved or ModelLifecycle.Deployed ? "bob" : null,
            Environment: null,
            [new LifecycleEvent(ModelLifecycle.Registered, $"run-{name}-{version}", "alice", registeredAt, null)])
        {
            LiveIn = liveIn.IsDefault ? [] : liveIn,
        };
    }

    private async Task<(ITestDatabase Database, SqlModelIndex Index)> IndexWith(params ModelVersionView[] views)
    {
        var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlModelIndex(database.DataSource);
        foreach (var view in views)
        {
            await Upsert(database, view, 1);
        }

        return (database, index);
    }

    /// <summary>Runs the upsert in a transaction of its own, as a transition's work runs in the writer's.</summary>
    private static async Task Upsert(ITestDatabase database, ModelVersionView view, long revision)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        using var statements = new PreparedStatements(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        await SqlModelIndex.Upsert(view, revision)(new SqlSession(statements, transaction), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static string[] Keys(IEnumerable<ModelVersionSummary> found) => [.. found.Select(s => $"{s.Name}/{s.Version}")];

    [Fact]
    public async Task A_projected_version_reads_back_as_a_summary_with_its_tags_and_environments()
    {
        var view = View("credit-risk", 3, lifecycle: ModelLifecycle.Deployed, tags: ["retail", "scorecard"], liveIn: ["staging", "production"]) with
        {
            History = [new LifecycleEvent(ModelLifecycle.Registered, "run-1", "alice", T0, null), new LifecycleEvent(ModelLifecycle.Deployed, "run-1", "bob", T0.AddHours(2), "production")],
        };
        var (database, index) = await IndexWith(view);
        await using var _ = database;

        var summary = Assert.Single(await index.SearchAsync(new ModelSearch(), CancellationToken.None));

        Assert.Equal(("credit-risk", 3, ModelLifecycle.Deployed), (summary.Name, summary.Version, summary.Lifecycle));
        Assert.Equal(("creditworthiness assessment", "high", "head-of-retail-credit", "1"), (summary.Purpose, summary.RiskClass, summary.Owner, summary.Tier));
        Assert.Equal((new string('a', 64), "credit-applicants", "2026-11"), (summary.ArtifactSha256, summary.DatasetId, summary.DatasetVersion));
        Assert.Equal(("alice", "bob"), (summary.TrainedBy, summary.ApprovedBy));
        Assert.Equal(view.Registration.Lineage.TrainedAt, summary.TrainedAt);
        Assert.Equal(T0, summary.RegisteredAt);
        Assert.Equal(T0.AddHours(2), summary.UpdatedAt);
        Assert.Equal(["staging", "production"], summary.Environments.AsEnumerable());
        Assert.Equal(["retail", "scorecard"], summary.Tags.AsEnumerable());
        Assert.Equal(1, summary.Revision);
    }

    [Fact]
    public async Task Search_filters_by_name_stage_environment_tag_risk_class_and_owner_combined_newest_first()
    {
        var (database, index) = await IndexWith(
            View("credit-risk", 1, minutes: 0, lifecycle: ModelLifecycle.Retired, tags: ["retail"]),
            View("credit-risk", 2, minutes: 10, lifecycle: ModelLifecycle.Deployed, tags: ["retail", "scorecard"], liveIn: ["production"]),
            View("fraud", 1, minutes: 20, lifecycle: ModelLifecycle.Deployed, riskClass: "limited", owner: "head-of-fraud", tags: ["cards"], liveIn: ["staging"]),
            View("credit-risk", 3, minutes: 30, lifecycle: ModelLifecycle.Validated, tags: ["scorecard"], liveIn: []),
            View("churn", 1, minutes: 40, riskClass: "minimal", owner: null));
        await using var _ = database;

        async Task<string[]> Search(ModelSearch query) => Keys(await index.SearchAsync(query, CancellationToken.None));

        Assert.Equal(["churn/1", "credit-risk/3", "fraud/1", "credit-risk/2", "credit-risk/1"], await Search(new ModelSearch()));
        Assert.Equal(["credit-risk/3", "credit-risk/2", "credit-risk/1"], await Search(new ModelSearch(Name: "credit-risk")));
        Assert.Equal(["fraud/1", "credit-risk/2"], await Search(new ModelSearch(Lifecycle: ModelLifecycle.Deployed)));
        Assert.Equal(["credit-risk/2"], await Search(new ModelSearch(Environment: "production")));
        Assert.Equal(["fraud/1"], await Search(new ModelSearch(Environment: "staging")));
        Assert.Equal(["credit-risk/3", "credit-risk/2"], await Search(new ModelSearch(Tag: "scorecard")));
        Assert.Equal(["credit-risk/2", "credit-risk/1"], await Search(new ModelSearch(Tag: "retail")));
        Assert.Equal(["fraud/1"], await Search(new ModelSearch(RiskClass: "limited")));
        Assert.Equal(["fraud/1"], await Search(new ModelSearch(Owner: "head-of-fraud")));
        Assert.Equal(["credit-risk/3", "credit-risk/2", "credit-risk/1"], await Search(new ModelSearch(Owner: "head-of-retail-credit")));
        Assert.Equal(["credit-risk/2"], await Search(new ModelSearch(Name: "credit-risk", Lifecycle: ModelLifecycle.Deployed, Tag: "retail", Environment: "production", RiskClass: "high", Owner: "head-of-retail-credit")));
        Assert.Empty(await Search(new ModelSearch(Tag: "retail", Environment: "staging")));
        Assert.Empty(await Search(new ModelSearch(Name: "no-such-model")));
        Assert.Equal(["churn/1", "credit-risk/3"], await Search(new ModelSearch(Limit: 2)));
        Assert.Equal(["churn/1"], await Search(new ModelSearch(Limit: 0)));
    }

    [Fact]
    public async Task A_row_only_moves_forward_with_the_revision_and_its_tags_and_environments_move_with_it()
    {
        var (database, index) = await IndexWith();
        await using var _ = database;
        var registered = View("credit-risk", 1, tags: ["retail"]);
        var deployed = View("credit-risk", 1, lifecycle: ModelLifecycle.Deployed, tags: ["scorecard"], liveIn: ["production"]);

        await Upsert(database, registered, 1);
        await Upsert(database, deployed, 4);
        await Upsert(database, registered, 3);
        await Upsert(database, registered with { Lifecycle = ModelLifecycle.Retired }, 4);

        var summary = Assert.Single(await index.SearchAsync(new ModelSearch(), CancellationToken.None));
        Assert.Equal((ModelLifecycle.Deployed, 4L), (summary.Lifecycle, summary.Revision));
        Assert.Equal(["scorecard"], summary.Tags.AsEnumerable());
        Assert.Empty(await index.SearchAsync(new ModelSearch(Tag: "retail"), CancellationToken.None));
        Assert.Single(await index.SearchAsync(new ModelSearch(Tag: "scorecard", Environment: "production"), CancellationToken.None));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM model_version_files"));

        await Upsert(database, deployed with { Registration = deployed.Registration with { Tags = [] }, LiveIn = [] }, 5);

        Assert.Empty(await index.SearchAsync(new ModelSearch(Tag: "scorecard"), CancellationToken.None));
        Assert.Empty(await index.SearchAsync(new ModelSearch(Environment: "production"), CancellationToken.None));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM model_version_tags"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM model_version_files"));
    }

    [Fact]
    public async Task Lineage_says_what_produced_a_version()
    {
        var view = View("credit-risk", 3, lifecycle: ModelLifecycle.Validated);
        var (database, index) = await IndexWith(view);
        await using var _ = database;

        var lineage = await index.GetLineageAsync("credit-risk", 3, CancellationToken.None);

        Assert.NotNull(lineage);
        var expected = view.Registration.Lineage;
        Assert.Equal(("credit-risk", 3, view.Registration.ArtifactSha256), (lineage.Name, lineage.Version, lineage.ArtifactSha256));
        Assert.Equal((expected.DatasetId, expected.DatasetVersion, expected.CodeCommit), (lineage.DatasetId, lineage.DatasetVersion, lineage.CodeCommit));
        Assert.Equal(expected.Files.AsEnumerable(), lineage.Files.AsEnumerable());
        Assert.Equal(expected.Parameters.OrderBy(p => p.Key), lineage.Parameters.OrderBy(p => p.Key));
        Assert.Equal(expected.Environment.OrderBy(p => p.Key), lineage.Environment.OrderBy(p => p.Key));
        Assert.Equal(view.Registration.TrainingMetrics.OrderBy(p => p.Key), lineage.TrainingMetrics.OrderBy(p => p.Key));
        Assert.Equal(0.78, lineage.ValidationMetrics["auc"]);
        Assert.True(double.IsNaN(lineage.ValidationMetrics["disparity"]));
        Assert.Equal((expected.TrainedBy, expected.TrainedAt), (lineage.TrainedBy, lineage.TrainedAt));
        Assert.Null(await index.GetLineageAsync("credit-risk", 4, CancellationToken.None));
        Assert.Null(await index.GetLineageAsync("no-such-model", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Finds_the_versions_a_data_set_or_an_exact_file_produced()
    {
        var (database, index) = await IndexWith(
            View("credit-risk", 1, minutes: 0, datasetVersion: "2026-10", trainSha: OtherTrainSha),
            View("credit-risk", 2, minutes: 10, datasetVersion: "2026-11"),
            View("credit-challenger", 1, minutes: 20, datasetVersion: "2026-11"));
        await using var _ = database;

        Assert.Equal(
            ["credit-challenger/1", "credit-risk/2", "credit-risk/1"],
            Keys(await index.ModelsUsingDatasetAsync("credit-applicants", null, CancellationToken.None)));
        Assert.Equal(["credit-challenger/1", "credit-risk/2"], Keys(await index.ModelsUsingDatasetAsync("credit-applicants", "2026-11", CancellationToken.None)));
        Assert.Equal(["credit-risk/1"], Keys(await index.ModelsUsingDatasetAsync("credit-applicants", "2026-10", CancellationToken.None)));
        Assert.Empty(await index.ModelsUsingDatasetAsync("credit-applicants", "2025-01", CancellationToken.None));
        Assert.Empty(await index.ModelsUsingDatasetAsync("other-data", null, CancellationToken.None));

        Assert.Equal(["credit-challenger/1", "credit-risk/2"], Keys(await index.ModelsUsingFileAsync(TrainSha, CancellationToken.None)));
        Assert.Equal(["credit-risk/1"], Keys(await index.ModelsUsingFileAsync(OtherTrainSha, CancellationToken.None)));
        Assert.Equal(["credit-challenger/1", "credit-risk/2", "credit-risk/1"], Keys(await index.ModelsUsingFileAsync(TestSha, CancellationToken.None)));
        Assert.Empty(await index.ModelsUsingFileAsync(new string('9', 64), CancellationToken.None));
    }

    [Fact]
    public async Task Every_filter_has_an_index()
    {
        var (database, _) = await IndexWith();
        await using var __ = database;

        foreach (var (table, column) in new[]
                 {
                     ("model_versions", "lifecycle"), ("model_versions", "risk_class"), ("model_versions", "owner"),
                     ("model_versions", "dataset_id"), ("model_versions", "registered_at"), ("model_version_tags", "tag"),
                     ("model_version_environments", "environment"), ("model_version_files", "sha256"),
                 })
        {
            Assert.True(await database.HasIndexLedByAsync(table, column), $"{table}.{column} leads no index");
        }
    }
}
