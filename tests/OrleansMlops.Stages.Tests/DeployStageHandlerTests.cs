using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

[Collection(TrainedModelCollection.Name)]
public sealed class DeployStageHandlerTests(TrainedModelFixture trained) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Deploys_to_production_by_default()
    {
        var result = await trained.Rig.Deploy().ExecuteAsync(StageRig.Context("deploy", trained.Model), CancellationToken.None);

        Assert.Equal("production", result.DeployedEnvironment);
        Assert.Equal(Variable.Of("production"), result.Outputs["deployedEnvironment"]);
    }

    [Fact]
    public async Task Deploys_to_the_environment_the_task_names()
    {
        var properties = ImmutableDictionary<string, string>.Empty.Add("environment", "staging");

        var result = await trained.Rig.Deploy().ExecuteAsync(StageRig.Context("deploy", trained.Model, properties), CancellationToken.None);

        Assert.Equal("staging", result.DeployedEnvironment);
        Assert.Equal(Variable.Of("staging"), result.Outputs["deployedEnvironment"]);
    }

    [Fact]
    public async Task A_tampered_artifact_is_refused_naming_both_hashes()
    {
        var tampered = Tampering.WithFlippedByte(trained.Model, trained.ArtifactPath, _directory.Path);
        var actual = Sha256Hex.Of(File.ReadAllBytes(tampered.Registration.ArtifactUri));

        var error = await Assert.ThrowsAsync<StageException>(
            () => trained.Rig.Deploy().ExecuteAsync(StageRig.Context("deploy", tampered), CancellationToken.None));

        Assert.Contains($"expected SHA-256 {trained.Registration.ArtifactSha256}, actual {actual}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_the_stage_fails()
    {
        var error = await Assert.ThrowsAsync<StageException>(
            () => trained.Rig.Deploy().ExecuteAsync(StageRig.Context("deploy"), CancellationToken.None));

        Assert.Equal("Stage 'deploy' of run run-1 needs the model version trained by the run, and the run has none.", error.Message);
    }
}
