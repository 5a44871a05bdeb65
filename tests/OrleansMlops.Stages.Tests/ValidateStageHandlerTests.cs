using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Data;
using OrleansMlops.Stages.Modeling;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class ValidateStageHandlerTests(TrainedModelFixture trained) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Held_out_auc_is_above_the_gate_and_disparity_small_but_present()
    {
        var result = await Validate(trained.Model);

        Assert.InRange(result.Metrics["auc"], 0.70, 1.0);
        Assert.InRange(result.Metrics["disparity"], 1e-9, 0.10);
        Assert.InRange(result.Metrics["accuracy"], 0.5, 1.0);
        Assert.InRange(result.Metrics["f1"], 0.0, 1.0);
        Assert.Equal(
            Math.Abs(result.Metrics["approvalRate_female"] - result.Metrics["approvalRate_male"]),
            result.Metrics["disparity"],
            precision: 12);
        Assert.Equal(Variable.Of(result.Metrics["auc"]), result.Outputs["auc"]);
        Assert.Equal(Variable.Of(result.Metrics["disparity"]), result.Outputs["disparity"]);
        Assert.Null(result.TrainedModel);
    }

    [Fact]
    public async Task A_seeded_perturbation_test_reports_a_small_and_repeatable_auc_drop()
    {
        var first = await Validate(trained.Model);
        var second = await Validate(trained.Model);

        var drop = first.Metrics["robustness.aucDrop"];
        Assert.Equal(first.Metrics["auc"] - first.Metrics["robustness.perturbedAuc"], drop, precision: 12);
        Assert.NotEqual(0.0, drop);
        Assert.InRange(drop, -0.05, 0.05);
        Assert.Equal(drop, second.Metrics["robustness.aucDrop"]);
    }

    [Fact]
    public void Perturbation_moves_features_by_seeded_noise_and_keeps_labels()
    {
        var rows = CreditCsv.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.CreditDataDirectory, "validation.csv")))
            .Select(CreditModelInput.From).ToList();

        var once = RobustnessTest.Perturb(rows, RobustnessTest.Seed, RobustnessTest.NoiseScale);
        var again = RobustnessTest.Perturb(rows, RobustnessTest.Seed, RobustnessTest.NoiseScale);
        var otherSeed = RobustnessTest.Perturb(rows, RobustnessTest.Seed + 1, RobustnessTest.NoiseScale);

        Assert.Equal(rows.Select(r => r.Label), once.Select(r => r.Label));
        Assert.Equal(once.Select(r => (r.Income, r.Age)), again.Select(r => (r.Income, r.Age)));
        Assert.NotEqual(once.Select(r => r.Income), otherSeed.Select(r => r.Income));
        Assert.True(rows.Zip(once).Count(pair => pair.First.Income != pair.Second.Income) > rows.Count * 9 / 10);
        Assert.All(once, r => Assert.True(r.LatePayments >= 0 && r.DebtToIncome >= 0));
        var meanShift = rows.Zip(once).Average(pair => Math.Abs(pair.First.Income - pair.Second.Income));
        Assert.InRange(meanShift, 100, 5_000);
    }

    [Fact]
    public async Task Approval_rates_match_a_count_of_the_model_decisions_per_sex()
    {
        var result = await Validate(trained.Model);

        var validation = CreditCsv.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.CreditDataDirectory, "validation.csv")));
        var decisions = CreditModelScorer.Score(File.ReadAllBytes(trained.ArtifactPath), validation).PredictedDefault;
        foreach (var sex in new[] { CreditCsv.Female, CreditCsv.Male })
        {
            var rows = Enumerable.Range(0, validation.Count).Where(i => validation[i].Sex == sex).ToArray();
            var approved = rows.Count(i => !decisions[i]);
            Assert.Equal((double)approved / rows.Length, result.Metrics["approvalRate_" + sex]);
        }
    }

    [Fact]
    public async Task Without_a_model_the_stage_fails()
    {
        var error = await Assert.ThrowsAsync<StageException>(() => Validate(model: null));

        Assert.Equal("Stage 'validate' of run run-1 needs the model version trained by the run, and the run has none.", error.Message);
    }

    [Fact]
    public async Task A_tampered_artifact_is_refused_naming_both_hashes()
    {
        var tampered = Tampering.WithFlippedByte(trained.Model, trained.ArtifactPath, _directory.Path);
        var actual = Artifacts.Sha256Hex.Of(File.ReadAllBytes(tampered.Registration.ArtifactUri));

        var error = await Assert.ThrowsAsync<StageException>(() => Validate(tampered));

        Assert.Contains($"expected SHA-256 {trained.Registration.ArtifactSha256}, actual {actual}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_data_other_than_the_lineage_records_is_refused()
    {
        var lineage = trained.Registration.Lineage;
        var files = lineage.Files.Select(f => f.Role == "validation" ? f with { Sha256 = new string('0', 64) } : f);
        var model = trained.Model with
        {
            Registration = trained.Registration with { Lineage = lineage with { Files = [.. files] } },
        };

        var error = await Assert.ThrowsAsync<StageException>(() => Validate(model));

        Assert.Contains($"lineage records SHA-256 {new string('0', 64)}, the file has", error.Message, StringComparison.Ordinal);
    }

    private Task<StageResult> Validate(Abstractions.Models.ModelVersionView? model) =>
        trained.Rig.Validate().ExecuteAsync(StageRig.Context("validate", model), CancellationToken.None);
}
