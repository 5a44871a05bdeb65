using System.Collections.Immutable;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Runs;

// What a run owes other grains after its commits (model version changes, deployments, jobs for external workers, the
// evidence frozen at approval), and what keeps a run from being stranded: every owed change is retried, in order, with
// backoff, by a timer while the run is active and by the durable wake reminder when it is not (a deactivation, a
// failover to another silo).
public sealed partial class PipelineRunGrain
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    // Open jobs (by token id) not yet handed to their queue by this activation: a new activation hands every one again,
    // as the enqueue is one-way and may have been lost with the silo that sent it.
    private readonly HashSet<string> _unpublished = new(StringComparer.Ordinal);

    // Failed attempts in a row at the change now first in line, or at driving the run on; the backoff doubles with each.
    private int _failures;

    // The last drive stopped on an error (a grain it called was unreachable): the run drives on again after a backoff.
    private bool _stalled;

    private ITimer? _retry;

    /// <summary>
    /// The run does not move on while its model version is behind it: the next gate and stage judge the version as
    /// the owed changes leave it (registered, validated, live in staging), and the approval's evidence comes first.
    /// </summary>
    private bool OwesModelChanges => S.ModelEffects.Count > 0 || (S.EvidenceOwed && S.Model is not null);

    private bool OwesWork => OwesModelChanges || _stalled || _unpublished.Any(S.ExternalJobs.ContainsKey);

    /// <summary>Applies, in order, the changes the run owes; what fails stays owed for <see cref="ArmRetry"/>.</summary>
    private async Task ApplyEffects()
    {
        await ApplyModelEffects();
        await PublishOpenJobs();
        await FreezeOwedEvidence();
    }

    private async Task ApplyModelEffects()
    {
        while (S.ModelEffects.Count > 0)
        {
            var effect = S.ModelEffects[0];
            var grain = GrainFactory.GetGrain<IModelVersionGrain>(effect.Model.GrainKey);
            try
            {
                await (effect.Kind switch
                {
                    ModelEffectKind.Register => grain.Register(RunId, effect.Registration!, effect.Actor),
                    ModelEffectKind.Validate => grain.MarkValidated(RunId, effect.Metrics ?? ImmutableDictionary<string, double>.Empty, effect.Actor),
                    ModelEffectKind.Approve => grain.MarkApproved(RunId, effect.Actor),
                    ModelEffectKind.Deploy => Deploy(effect),
                    ModelEffectKind.AttachDocuments => grain.AttachDocuments(RunId, effect.Documents),
                    _ => throw new InvalidOperationException($"Unknown model effect {effect.Kind}."),
                });
            }
            catch (Exception e)
            {
                _failures++;
                RunLog.ModelEffectFailed(logger, e, RunId, effect.Kind.ToString(), effect.Model.GrainKey, _failures, RetryDelay());
                return;
            }

            _failures = 0;
            S.ModelEffects.RemoveAt(0);
        }
    }

    /// <summary>The environment records the release (or rollback) and tells the versions concerned.</summary>
    private Task Deploy(ModelEffect effect) =>
        GrainFactory.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey(effect.Model.Name, effect.Environment!).GrainKey)
            .Deploy(new DeploymentRequest(effect.Model.Version, effect.Deployment, RunId, effect.Actor, effect.Reason));

    private async Task PublishOpenJobs()
    {
        foreach (var tokenId in _unpublished.ToArray())
        {
            if (!S.ExternalJobs.TryGetValue(tokenId, out var job))
            {
                _unpublished.Remove(tokenId);
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IExternalTaskQueueGrain>(job.Topic).Enqueue(job);
            }
            catch (Exception e)
            {
                _failures++;
                RunLog.JobPublishFailed(logger, e, RunId, job.JobId, job.Topic, _failures, RetryDelay());
                continue;
            }

            _unpublished.Remove(tokenId);
        }
    }

    /// <summary>
    /// Before a sign-off: the gate judges the model version, so the changes the run owes it are applied first; while
    /// they cannot be, the sign-off is refused unrecorded and the client tries again.
    /// </summary>
    private async Task RequireModelChangesApplied()
    {
        await ApplyEffects();
        if (S.ModelEffects.FirstOrDefault() is { } owed)
        {
            throw new RunException(
                RunErrorCode.WrongState,
                $"Run '{RunId}' is still applying {owed.Kind} to model version {owed.Model} (attempt {_failures}); it is retried by itself, try again shortly.");
        }
    }

    /// <summary>Keeps the in-memory retry armed while the run owes work, one attempt at a time, later after each failure.</summary>
    private void ArmRetry()
    {
        if (!OwesWork)
        {
            _failures = 0;
            DisarmRetry();
            return;
        }

        if (_retry is not null)
        {
            return;
        }

        var wakeup = _wakeup ??= this.AsReference<IRunWakeup>();
        _retry = clock.Time.CreateTimer(_ => wakeup.WakeUp(), state: null, RetryDelay(), Timeout.InfiniteTimeSpan);
    }

    private void DisarmRetry()
    {
        _retry?.Dispose();
        _retry = null;
    }

    /// <summary>1 s after the first failure, doubling with each failure after it, at most <see cref="LongestRetry"/>.</summary>
    private TimeSpan RetryDelay() =>
        _failures <= 1 ? FirstRetry : TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(_failures - 1, 16)));

    /// <summary>
    /// Keeps one durable reminder while the run has work of its own, so a crash or deactivation cannot strand it: a
    /// running run is woken for runnable or owed work, its timers and its open jobs; a finished one for changes it owes.
    /// </summary>
    private async Task SyncWakeReminder()
    {
        TimeSpan? wanted = null;
        if (HasRunnableWork())
        {
            wanted = TimeSpan.FromMinutes(1);
        }
        else if (S.Process is { Status: ProcessStatus.Running } process)
        {
            if (process.Timers.Length > 0)
            {
                var earliest = process.Timers.Min(t => t.DueAt) - clock.UtcNow;
                wanted = earliest < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : earliest;
            }
            else if (S.ExternalJobs.Count > 0)
            {
                // Each activation sends the open jobs to their queues again, in case a one-way enqueue was lost.
                wanted = TimeSpan.FromMinutes(5);
            }
        }

        if (_wakeKnown && wanted == _registeredWake)
        {
            return;
        }

        if (wanted is { } due)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, due, TimeSpan.FromHours(1));
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _registeredWake = wanted;
        _wakeKnown = true;
    }

    private bool HasRunnableWork() =>
        OwesWork
        || (S.Process is { Status: ProcessStatus.Running } process
            && process.Tokens.Any(t => (t.Status == TokenStatus.Running && !S.ExternalJobs.ContainsKey(t.TokenId))
                || (t.Status == TokenStatus.AwaitingGate && !S.BlockedTokens.ContainsKey(t.TokenId))));
}
