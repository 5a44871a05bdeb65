namespace OrleansMlops.Grains.Runs;

/// <summary>
/// How a run's in-memory timers reach the run: a callback of the engine clock is not a grain turn, so it calls the
/// grain through its reference and the work runs on the grain's scheduler like any other message.
/// </summary>
[Alias("mlops.IRunWakeup")]
public interface IRunWakeup : IGrainWithStringKey
{
    /// <summary>Fires the timers that are due by the engine clock, then continues the run.</summary>
    [Alias("WakeUp")]
    Task WakeUp();
}
