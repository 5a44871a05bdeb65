using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Tests.Support;

/// <summary>Inputs that pass every default policy for their transition; tests break one fact at a time.</summary>
internal static class GateInputs
{
    public const string RunId = "run-1";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Actor Submitter { get; } = new("alice", ["data-scientist"], "credit-risk");

    public static Actor Approver { get; } = new("bob", ["approver"], "model-risk");

    public static GateRunFacts Run { get; } = new(
        RunId,
        "credit-risk",
        1,
        "node-1",
        null,
        ImmutableDictionary<string, string>.Empty.Add("purpose", "creditworthiness assessment of natural persons"),
        Submitter,
        Submitter,
        null,
        null,
        Now.AddHours(-2),
        ImmutableDictionary<string, double>.Empty);

    public static GateEnvironmentFacts Production { get; } = new("prod", AuditTrailEnabled: true, PredictionLoggingEnabled: true, LogRetentionDays: 365);

    public static GateModelFacts TrainedModel { get; } = new(
        Registered: true,
        Name: "credit-risk",
        Version: 3,
        Purpose: "creditworthiness assessment of natural persons",
        RiskClass: "high",
        Lifecycle: "Registered",
        Metrics: ImmutableDictionary<string, double>.Empty.Add("trainAuc", 0.85).Add("auc", 0.82).Add("disparity", 0.04),
        DatasetSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        CodeCommit: "3f2a9c1d0e",
        ArtifactSha256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752");

    public static GateInput For(string transition) => transition switch
    {
        "enter:train" => new GateInput(transition, Run with { Stage = "train" }, GateModelFacts.None, Actor.System, Production, Now),
        "enter:validate" => new GateInput(transition, Run with { Stage = "validate" }, TrainedModel, Actor.System, Production, Now),
        "approve" => new GateInput(transition, Run, TrainedModel with { Lifecycle = "Validated" }, Approver, Production, Now),
        "enter:deploy" => new GateInput(transition, Run with { Stage = "deploy" }, TrainedModel with { Lifecycle = "Approved" }, Actor.System, Production, Now),
        _ => new GateInput(transition, Run, TrainedModel, Approver, Production, Now),
    };

    /// <summary>The input the rules of good/expression-forms.json are written against.</summary>
    public static GateInput Review() => For("enter:review") with
    {
        Run = Run with { Variables = Run.Variables.Add("segment", "retail") },
    };
}
