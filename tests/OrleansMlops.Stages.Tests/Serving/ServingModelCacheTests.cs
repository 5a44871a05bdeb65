using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Data;
using OrleansMlops.Stages.Modeling;
using OrleansMlops.Stages.Serving;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests.Serving;

[Collection(TrainedModelCollection.Name)]
public sealed class ServingModelCacheTests(TrainedModelFixture trained) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Served_decisions_are_the_decisions_the_validate_stage_measured()
    {
        var applicants = CreditCsv.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.CreditDataDirectory, CreditDataSplit.ValidationFile)));
        var validated = CreditModelScorer.Score(File.ReadAllBytes(trained.ArtifactPath), applicants).PredictedDefault;
        var cache = NewCache();

        for (var i = 0; i < applicants.Count; i++)
        {
            var application = Application(applicants[i]);
            CreditInputSpecification.Check(application);
            var served = await cache.PredictAsync(trained.Model, application, CancellationToken.None);

            Assert.Equal(validated[i] ? CreditDecision.Decline : CreditDecision.Approve, served.Decision);
            Assert.InRange(served.Probability, 0.0, 1.0);
            Assert.Equal(served.Probability > 0.5, validated[i]);
        }
    }

    [Fact]
    public async Task The_same_input_scores_the_same_in_any_cache_and_the_model_loads_once()
    {
        var application = new CreditApplication(35, 42_000, 0.25, 9.5, 1, 15_000, 6);
        var cache = NewCache();

        var first = await cache.PredictAsync(trained.Model, application, CancellationToken.None);
        var again = await cache.PredictAsync(trained.Model, application, CancellationToken.None);
        var elsewhere = await NewCache().PredictAsync(trained.Model, application, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first, elsewhere);
        var loaded = Assert.Single(cache.Loaded);
        Assert.Equal(new ServedModelKey(trained.Model.Key.Name, 1, trained.Registration.ArtifactSha256), loaded);
    }

    [Fact]
    public async Task Concurrent_requests_get_the_answers_of_sequential_ones()
    {
        var applications = Enumerable.Range(0, 64)
            .Select(i => new CreditApplication(25 + (i % 40), 20_000 + (1_000 * i), 0.05 + (0.01 * (i % 60)), 5, i % 4, 5_000 + (500 * i), 3))
            .ToArray();
        var cache = NewCache();
        var sequential = new List<CreditPrediction>();
        foreach (var application in applications)
        {
            sequential.Add(await NewCache().PredictAsync(trained.Model, application, CancellationToken.None));
        }

        var concurrent = await Task.WhenAll(applications.Select(a => Task.Run(() => cache.PredictAsync(trained.Model, a, CancellationToken.None))));

        Assert.Equal(sequential, concurrent);
        Assert.Contains(concurrent, p => p.Decision == CreditDecision.Approve);
        Assert.Contains(concurrent, p => p.Decision == CreditDecision.Decline);
    }

    [Fact]
    public async Task A_tampered_artifact_is_refused_and_not_kept()
    {
        var tampered = Tampering.WithFlippedByte(trained.Model, trained.ArtifactPath, _directory.Path);
        var cache = NewCache();

        var error = await Assert.ThrowsAsync<StageException>(
            () => cache.PredictAsync(tampered, new CreditApplication(35, 42_000, 0.25, 9.5, 1, 15_000, 6), CancellationToken.None));

        Assert.Contains("failed its integrity check", error.Message, StringComparison.Ordinal);
        Assert.Empty(cache.Loaded);
    }

    [Fact]
    public async Task At_most_the_capacity_stays_loaded_and_the_least_recently_used_leaves()
    {
        var cache = NewCache();
        var application = new CreditApplication(35, 42_000, 0.25, 9.5, 1, 15_000, 6);
        ModelVersionView Version(int n) => trained.Model with { Key = new ModelVersionKey(trained.Model.Key.Name, n) };

        for (var n = 1; n <= ServingModelCache.Capacity; n++)
        {
            await cache.PredictAsync(Version(n), application, CancellationToken.None);
        }

        await cache.PredictAsync(Version(1), application, CancellationToken.None);
        await cache.PredictAsync(Version(ServingModelCache.Capacity + 1), application, CancellationToken.None);

        var versions = cache.Loaded.Select(k => k.Version).Order().ToArray();
        Assert.Equal(ServingModelCache.Capacity, versions.Length);
        Assert.Contains(1, versions);
        Assert.DoesNotContain(2, versions);
        Assert.Contains(ServingModelCache.Capacity + 1, versions);
    }

    private ServingModelCache NewCache() => new(trained.Rig.Store, NullLogger<ServingModelCache>.Instance);

    private static CreditApplication Application(CreditApplicant a) =>
        new(a.Age, a.Income, a.DebtToIncome, a.CreditHistoryYears, a.LatePayments, a.LoanAmount, a.EmploymentYears);
}
