using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;

namespace OrleansMlops.Stages.Tests.Support;

/// <summary>One training shared by the tests that need a trained model, to keep the suite fast.</summary>
public sealed class TrainedModelFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    internal StageRig Rig { get; private set; } = null!;

    public StageResult Result { get; private set; } = null!;

    public ModelRegistration Registration => Result.TrainedModel!;

    public ModelVersionView Model => StageRig.Registered(Registration);

    public string ArtifactPath => Rig.Store.ResolveUri(Registration.ArtifactUri);

    public async Task InitializeAsync()
    {
        Rig = new StageRig(_directory.Path);
        Result = await Rig.Train().ExecuteAsync(StageRig.Context("train"), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
