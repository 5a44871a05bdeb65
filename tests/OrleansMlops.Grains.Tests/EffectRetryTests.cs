using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;
using static OrleansMlops.Grains.Tests.CreditRuns;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// A run whose call to another grain fails, as a call to a silo that just died does, is neither stranded nor doubled:
/// it retries from its state, with backoff on the engine clock, until the call succeeds, then goes on as if undisturbed.
/// </summary>
public sealed class EffectRetryTests : IAsyncLifetime
{
    /// <summary>The audit trail of one undisturbed credit release.</summary>
    private static readonly string[] UndisturbedRelease =
    [
        "run.started",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
        "task.approved", "task.approved", "evidence.generated",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
    ];

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IClusterClient Client => _engine.Client;

    [Fact]
    public async Task A_registration_the_registry_failed_is_retried_with_backoff_and_the_release_completes_with_the_version_registered_once()
    {
        // The first call never arrives; the second registers the version but its answer is lost; the third repeats it.
        _setup.Faults.Fail<IModelVersionGrain>(nameof(IModelVersionGrain.Register), CallFault.Refuse, CallFault.LoseAnswer);

        var trained = await Client.Start("run-registry-down");

        // Held after training: the next gate would judge a version the registry does not have yet.
        Assert.Equal(RunStatus.Running, trained.Status);
        Assert.Equal(["enter:train"], trained.Decisions.Select(d => d.Transition));
        Assert.Equal(1, RegisterCalls());

        // The engine clock stands still between the test's steps, so each retry is due exactly its backoff after the failure.
        await AssertRetriedAfter(TimeSpan.FromSeconds(1), RegisterCalls, 2);
        await AssertRetriedAfter(TimeSpan.FromSeconds(2), RegisterCalls, 3);

        var review = await Eventually.Until(() => Client.Run("run-registry-down").GetView(), v => v.Status == RunStatus.WaitingForUser, what: "the run to go on once registered");
        Assert.Equal(ValidationReview, Assert.Single(review.OpenTasks).TaskId);
        await Client.Complete("run-registry-down", ValidationReview, Actors.Vera);
        var done = await Client.Complete("run-registry-down", Approval, Actors.Bob);

        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(UndisturbedRelease, done.History.Select(h => h.Kind));
        var model = await Client.ModelOf(done);
        Assert.Equal(ModelLifecycle.Deployed, model.Lifecycle);
        Assert.Equal(1, model.Key.Version);
        Assert.Single(model.History, e => e.To == ModelLifecycle.Registered);
        Assert.Equal(3, RegisterCalls());
    }

    [Fact]
    public async Task A_run_whose_stage_could_not_reach_the_registry_keeps_a_reminder_and_drives_on_by_itself()
    {
        _setup.Faults.Fail<IModelRegistryGrain>(nameof(IModelRegistryGrain.AllocateVersion), CallFault.Refuse);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Client.Start("run-stalled"));

        // Nobody calls the run again: its own retry and, should the activation be lost, its reminder are all it has.
        var grainId = Client.Run("run-stalled").GetGrainId();
        Assert.Single((await _engine.SiloService<IReminderTable>().ReadRows(grainId)).Reminders);
        var stalled = await Client.Run("run-stalled").GetView();
        Assert.Equal((RunStatus.Running, 2), (stalled.Status, stalled.History.Length));

        await AssertRetriedAfter(TimeSpan.FromSeconds(1), () => _setup.Faults.Calls<IModelRegistryGrain>(nameof(IModelRegistryGrain.AllocateVersion)), 2);
        var review = await Eventually.Until(() => Client.Run("run-stalled").GetView(), v => v.Status == RunStatus.WaitingForUser, what: "the stalled run to drive on");

        Assert.Equal(UndisturbedRelease[..7], review.History.Select(h => h.Kind));
        Assert.Equal(ValidationReview, Assert.Single(review.OpenTasks).TaskId);
        Assert.Equal(2, _setup.Faults.Calls<IModelRegistryGrain>(nameof(IModelRegistryGrain.AllocateVersion)));
    }

    private int RegisterCalls() => _setup.Faults.Calls<IModelVersionGrain>(nameof(IModelVersionGrain.Register));

    /// <summary>Call <paramref name="number"/> does not come a millisecond before <paramref name="backoff"/> has passed, and comes then.</summary>
    private async Task AssertRetriedAfter(TimeSpan backoff, Func<int> calls, int number)
    {
        _engine.Clock.Advance(backoff - TimeSpan.FromMilliseconds(1));
        await Task.Delay(300);
        Assert.Equal(number - 1, calls());

        _engine.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.Until(() => Task.FromResult(calls()), count => count >= number, what: $"call {number} after a backoff of {backoff}");
    }
}
