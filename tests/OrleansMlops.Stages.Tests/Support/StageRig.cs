using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Handlers;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OrleansMlops.Stages.Tests.Support;

/// <summary>Handlers wired by hand over the committed data set and an artifact store in <paramref name="baseDirectory"/>.</summary>
internal sealed class StageRig(string baseDirectory)
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static readonly Actor DataScientist = new("alice", ["data-scientist"], "credit-risk");

    public StagesOptions Options { get; } = new()
    {
        BaseDirectory = baseDirectory,
        DataDirectory = RepositoryRoot.CreditDataDirectory,
        ArtifactDirectory = "artifacts",
        CodeCommit = "0123abc",
    };

    public ArtifactStore Store => new(MsOptions.Create(Options));

    public TrainStageHandler Train() =>
        new(MsOptions.Create(Options), Store, TimeProvider.System, NullLogger<TrainStageHandler>.Instance);

    public ValidateStageHandler Validate() =>
        new(MsOptions.Create(Options), Store, TimeProvider.System, NullLogger<ValidateStageHandler>.Instance);

    public DeployStageHandler Deploy() => new(Store, NullLogger<DeployStageHandler>.Instance);

    public EvidenceStageHandler Evidence() => new(MsOptions.Create(Options), NullLogger<EvidenceStageHandler>.Instance);

    public static StageContext Context(
        string stage,
        ModelVersionView? model = null,
        ImmutableDictionary<string, string>? properties = null,
        ImmutableDictionary<string, Variable>? variables = null) => new(
        RunId: "run-1",
        NodeId: stage + "Task",
        Stage: stage,
        Attempt: 1,
        IdempotencyKey: "run-1/" + stage + "/1",
        TaskProperties: properties ?? ImmutableDictionary<string, string>.Empty,
        Variables: variables ?? ImmutableDictionary<string, Variable>.Empty,
        Model: model,
        StartedBy: DataScientist,
        Now: Now);

    public static ModelVersionView Registered(ModelRegistration registration) => new(
        new ModelVersionKey(registration.ModelName, 1),
        "run-1",
        ModelLifecycle.Registered,
        registration,
        ImmutableDictionary<string, double>.Empty,
        ApprovedBy: null,
        Environment: null,
        History: []);
}
