using System.Collections.Immutable;
using System.Security.Cryptography;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class TrainStageHandlerTests(TrainedModelFixture trained)
{
    [Fact]
    public void Registration_describes_the_model_and_its_lineage()
    {
        var registration = trained.Registration;
        var lineage = registration.Lineage;

        Assert.Equal(("credit-risk", "creditworthiness assessment of natural persons", "high"),
            (registration.ModelName, registration.Purpose, registration.RiskClass));
        Assert.Equal("credit-applicants", lineage.DatasetId);
        Assert.Matches("^[0-9a-f]{16}$", lineage.DatasetVersion);
        Assert.Equal("0123abc", lineage.CodeCommit);
        Assert.Equal("alice", lineage.TrainedBy);
        Assert.Equal(StageRig.Now, lineage.TrainedAt);
        Assert.Equal("0.1", lineage.Parameters["l2"]);
        Assert.Equal("100", lineage.Parameters["maxIterations"]);
        Assert.Equal("5.0.1", lineage.Environment["mlnet"]);
        Assert.Contains(".NET", lineage.Environment["runtime"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_declarations_the_owner_is_the_submitter_and_the_tier_is_left_undeclared()
    {
        var registration = trained.Registration;

        Assert.Equal("alice", registration.Owner);
        Assert.Null(registration.Tier);
        Assert.Equal(["sex"], registration.ProtectedAttributes.AsEnumerable());
        Assert.Empty(registration.Tags);
    }

    [Fact]
    public async Task Run_variables_declare_purpose_risk_class_owner_and_tier()
    {
        using var directory = new TemporaryDirectory();
        var variables = ImmutableDictionary<string, Variable>.Empty
            .Add("purpose", Variable.Of("creditworthiness assessment of retail loan applicants"))
            .Add("riskClass", Variable.Of("high"))
            .Add("owner", Variable.Of("head-of-retail-credit"))
            .Add("tier", Variable.Of(1))
            .Add("tags", Variable.Of("scorecard, retail"))
            .Add("unrelated", Variable.Of("ignored"));

        var result = await new StageRig(directory.Path).Train().ExecuteAsync(StageRig.Context("train", variables: variables), CancellationToken.None);

        var registration = result.TrainedModel!;
        Assert.Equal("creditworthiness assessment of retail loan applicants", registration.Purpose);
        Assert.Equal("high", registration.RiskClass);
        Assert.Equal("head-of-retail-credit", registration.Owner);
        Assert.Equal("1", registration.Tier);
        Assert.Equal(["retail", "scorecard"], registration.Tags.AsEnumerable());
        Assert.Equal(["sex"], registration.ProtectedAttributes.AsEnumerable());
        Assert.Equal(trained.Registration.ArtifactSha256, registration.ArtifactSha256);
    }

    [Fact]
    public void Registration_records_the_hash_and_row_count_of_each_file()
    {
        var files = trained.Registration.Lineage.Files;

        Assert.Equal(["train", "validation", "test"], files.Select(f => f.Role));
        Assert.Equal([1_200L, 400L, 400L], files.Select(f => f.Rows));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot.CreditDataDirectory, file.Role + ".csv"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.EndsWith($"data/credit/{file.Role}.csv", file.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Artifact_exists_at_its_content_address()
    {
        var registration = trained.Registration;

        Assert.Equal($"artifacts/sha256/{registration.ArtifactSha256}.zip", registration.ArtifactUri);
        var bytes = File.ReadAllBytes(trained.ArtifactPath);
        Assert.Equal(registration.ArtifactSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(Variable.Of(registration.ArtifactSha256), trained.Result.Outputs["model.artifactSha256"]);
    }

    [Fact]
    public void Training_metrics_are_reported_as_metrics_and_outputs()
    {
        var result = trained.Result;

        Assert.InRange(result.Metrics["trainAuc"], 0.70, 1.0);
        Assert.InRange(result.Metrics["trainAccuracy"], 0.5, 1.0);
        Assert.Equal(result.Metrics, trained.Registration.TrainingMetrics);
        Assert.Equal(Variable.Of(result.Metrics["trainAuc"]), result.Outputs["trainAuc"]);
        Assert.Null(result.DeployedEnvironment);
    }

    [Fact]
    public async Task Training_again_elsewhere_gives_the_same_artifact_hash()
    {
        using var directory = new TemporaryDirectory();

        var again = await new StageRig(directory.Path).Train().ExecuteAsync(StageRig.Context("train"), CancellationToken.None);

        Assert.Equal(trained.Registration.ArtifactSha256, again.TrainedModel!.ArtifactSha256);
        Assert.Equal(trained.Registration.Lineage.DatasetVersion, again.TrainedModel.Lineage.DatasetVersion);
    }

    [Fact]
    public async Task Task_properties_set_the_parameters()
    {
        using var directory = new TemporaryDirectory();
        var properties = ImmutableDictionary<string, string>.Empty.Add("l2", "2.5").Add("maxIterations", "20");

        var result = await new StageRig(directory.Path).Train().ExecuteAsync(StageRig.Context("train", properties: properties), CancellationToken.None);

        Assert.Equal("2.5", result.TrainedModel!.Lineage.Parameters["l2"]);
        Assert.Equal("20", result.TrainedModel.Lineage.Parameters["maxIterations"]);
        Assert.NotEqual(trained.Registration.ArtifactSha256, result.TrainedModel.ArtifactSha256);
    }

    [Theory]
    [InlineData("l2", "-1", "Task property 'l2' must be a non-negative number; got '-1'.")]
    [InlineData("l1", "many", "Task property 'l1' must be a non-negative number; got 'many'.")]
    [InlineData("maxIterations", "0", "Task property 'maxIterations' must be a positive whole number; got '0'.")]
    public async Task Invalid_parameters_fail_the_stage(string name, string value, string message)
    {
        var properties = ImmutableDictionary<string, string>.Empty.Add(name, value);

        var error = await Assert.ThrowsAsync<StageException>(
            () => trained.Rig.Train().ExecuteAsync(StageRig.Context("train", properties: properties), CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Missing_data_fails_the_stage_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        var rig = new StageRig(directory.Path);
        rig.Options.DataDirectory = "missing";

        var error = await Assert.ThrowsAsync<StageException>(
            () => rig.Train().ExecuteAsync(StageRig.Context("train"), CancellationToken.None));

        Assert.Equal($"The train data file '{Path.Combine(directory.Path, "missing", "train.csv")}' does not exist.", error.Message);
    }
}
