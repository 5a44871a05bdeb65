using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Models;
using OrleansMlops.Testing;
using static OrleansMlops.Grains.Tests.CreditRuns;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Model versions store their registry row with every change, in the same transition as their state; tags come from the run's
/// "tags" parameter and from SetTags. Uses the engine-facts rule set, so the gate also checks that a tag change never
/// passes for a lifecycle step (the validator stays vera).
/// </summary>
public sealed class ModelRegistryProjectionTests : IDisposable
{
    private readonly EngineSetup _setup = new() { PoliciesPath = Path.Combine(AppContext.BaseDirectory, "Policies", "facts") };

    private static ModelVersionKey Version1 => new("credit-risk", 1);

    [Fact]
    public async Task Every_write_is_projected_with_a_higher_revision_and_the_run_tags_the_version()
    {
        await using var engine = await Started();
        var index = engine.SiloService<IModelIndex>();

        var started = await engine.Client.Start("run-tags", parameters: Parameters.Add(ModelTags.Parameter, Variable.Of("scorecard, retail")));

        Assert.True(started.Status == RunStatus.WaitingForUser, started.Problem);
        var model = await engine.Client.ModelOf(started);
        Assert.Equal(["retail", "scorecard"], model.Registration.Tags.AsEnumerable());
        var registered = Assert.Single(await index.SearchAsync(new ModelSearch(Tag: "retail"), CancellationToken.None));
        Assert.Equal((ModelLifecycle.Registered, "head-of-retail-credit"), (registered.Lifecycle, registered.Owner));
        Assert.Equal(["retail", "scorecard"], registered.Tags.AsEnumerable());

        var validated = await engine.Client.Complete("run-tags", ValidationReview, Actors.Vera);

        var summary = Assert.Single(await index.SearchAsync(new ModelSearch(Name: "credit-risk"), CancellationToken.None));
        Assert.Equal(ModelLifecycle.Validated, summary.Lifecycle);
        Assert.True(summary.Revision > registered.Revision, $"{summary.Revision} after {registered.Revision}");
        var lineage = await index.GetLineageAsync("credit-risk", 1, CancellationToken.None);
        Assert.NotNull(lineage);
        Assert.Equal(model.Registration.Lineage.Files.AsEnumerable(), lineage.Files.AsEnumerable());
        Assert.Equal((await engine.Client.ModelOf(validated)).ValidationMetrics.Count, lineage.ValidationMetrics.Count);
        Assert.Equal(
            ["credit-risk/1"],
            (await index.ModelsUsingFileAsync(model.Registration.Lineage.Files[0].Sha256, CancellationToken.None)).Select(s => $"{s.Name}/{s.Version}"));
    }

    [Fact]
    public async Task Set_tags_replaces_the_set_records_it_in_history_once_and_is_not_taken_for_the_validation()
    {
        await using var engine = await Started();
        var index = engine.SiloService<IModelIndex>();
        await engine.Client.StartValidated("run-retag");
        var grain = engine.Client.GetGrain<IModelVersionGrain>(Version1.GrainKey);
        var before = (await grain.GetView())!;

        engine.Clock.Advance(TimeSpan.FromMinutes(5));
        var tagged = await grain.SetTags(["scorecard", "retail", "retail"], "alice");
        var again = await grain.SetTags(["retail", "scorecard"], "alice");

        Assert.Equal(["retail", "scorecard"], tagged.Registration.Tags.AsEnumerable());
        var entry = Assert.Single(again.History, e => e.Detail?.StartsWith("tags:", StringComparison.Ordinal) == true);
        Assert.Equal((ModelLifecycle.Validated, "alice", "tags: retail,scorecard", EngineCluster.Epoch.AddMinutes(5)), (entry.To, entry.Actor, entry.Detail, entry.At));
        Assert.Equal(before.History.Length + 1, again.History.Length);
        Assert.Equal(ModelLifecycle.Validated, again.Lifecycle);
        Assert.Single(await index.SearchAsync(new ModelSearch(Tag: "scorecard", Lifecycle: ModelLifecycle.Validated), CancellationToken.None));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.SetTags(["Retail"], "alice"));
        await Assert.ThrowsAsync<ModelVersionException>(() => engine.Client.GetGrain<IModelVersionGrain>("credit-risk/9").SetTags(["retail"], "alice"));

        // The facts rule at approval requires model.ValidatedBy == "vera": alice's tag entry must not count as the sign-off.
        var approved = await engine.Client.Complete("run-retag", Approval, Actors.Bob);
        Assert.True(approved.Decisions.Single(d => d.Transition == "approve").Allows, approved.Problem);

        var cleared = await grain.SetTags([], "alice");
        Assert.Empty(cleared.Registration.Tags);
        Assert.Empty(await index.SearchAsync(new ModelSearch(Tag: "scorecard"), CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_tags_parameter_fails_the_start_naming_the_tag()
    {
        await using var engine = await Started();

        var refused = await Assert.ThrowsAsync<RunException>(
            () => engine.Client.Start("run-bad-tag", parameters: Parameters.Add(ModelTags.Parameter, Variable.Of("retail,Score Card"))));

        Assert.Equal(RunErrorCode.InvalidRequest, refused.Code);
        Assert.Contains("'Score Card'", refused.Message, StringComparison.Ordinal);
        var notText = await Assert.ThrowsAsync<RunException>(
            () => engine.Client.Start("run-number-tag", parameters: Parameters.Add(ModelTags.Parameter, Variable.Of(3.0))));
        Assert.Equal(RunErrorCode.InvalidRequest, notText.Code);
    }

    public void Dispose() => _setup.Dispose();

    private async Task<EngineCluster> Started()
    {
        var engine = await EngineCluster.StartAsync(_setup);
        await engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
        return engine;
    }
}
