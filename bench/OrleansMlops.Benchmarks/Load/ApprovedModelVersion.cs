using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Governance.Evaluation;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The one model version every release of workload A ships. It is made from the packs' own well-formed input (the
/// <c>base</c> of policies/four-eyes.fixtures.json, which GateBenchmarks also uses): the same registration, metrics and
/// documents, so every rule of enter:validate and enter:deploy passes by construction, and a change to the packs that
/// the fixtures follow needs no change here. It goes through the grain API as a training run would take it:
/// registered, validated (which starts its review period, MRM-4), approved, documents attached.
/// </summary>
internal static class ApprovedModelVersion
{
    /// <summary>The run the version belongs to; no such run exists, the version grain only checks that later steps come from it.</summary>
    private const string OwnerRun = "load-harness-setup";

    public static async Task<ModelVersionKey> RegisterAsync(IGrainFactory grains)
    {
        var facts = WellFormedModel();
        var key = new ModelVersionKey(facts.Name!, facts.Version);
        var version = grains.GetGrain<IModelVersionGrain>(key.GrainKey);
        await version.Register(OwnerRun, Registration(facts), facts.TrainedBy!);
        await version.AttachDocuments(OwnerRun, facts.Documents);
        await version.MarkValidated(OwnerRun, facts.Metrics, facts.ValidatedBy!);
        var view = await version.MarkApproved(OwnerRun, "bob");
        return view.Lifecycle == ModelLifecycle.Approved
            ? key
            : throw new LoadHarnessException($"Model version {key} is {view.Lifecycle} after setup; releases need it Approved.");
    }

    private static ModelRegistration Registration(GateModelFacts facts) => new(
        facts.Name!,
        facts.Purpose!,
        facts.RiskClass!,
        $"artifacts/{facts.ArtifactSha256}.zip",
        facts.ArtifactSha256!,
        new ModelLineage(
            facts.DatasetId!,
            facts.DatasetVersion!,
            facts.DatasetFiles,
            facts.CodeCommit!,
            ImmutableDictionary<string, string>.Empty,
            ImmutableDictionary<string, string>.Empty,
            facts.TrainedBy!,
            facts.RegisteredAt ?? DateTimeOffset.UtcNow),
        facts.Metrics)
    {
        Owner = facts.Owner,
        Tier = facts.Tier,
        ProtectedAttributes = facts.ProtectedAttributes,
    };

    private static GateModelFacts WellFormedModel()
    {
        using var fixtures = JsonDocument.Parse(File.ReadAllText(Path.Combine(EngineSettings.PoliciesPath, "four-eyes.fixtures.json")));
        return GateInputJson.Deserialize(fixtures.RootElement.GetProperty("base")).Model;
    }
}
