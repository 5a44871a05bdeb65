namespace OrleansMlops.Grains;

/// <summary>
/// The state write under way in one activation. Reads that interleave with the grain's work wait for it, so they never
/// show a change before it is durable; they need not wait for the rest of that work (a stage, a call to another grain).
/// </summary>
internal sealed class StateWrites
{
    private Task _current = Task.CompletedTask;

    /// <summary>What <paramref name="read"/> returns once the write under way, if any, has settled.</summary>
    public Task<T> Read<T>(Func<T> read) => _current.IsCompleted ? Task.FromResult(read()) : ReadWhenSettled(read);

    /// <summary>Tracks <paramref name="write"/> as the write under way and returns it, for the writer to await.</summary>
    public Task Track(Task write)
    {
        _current = write;
        return write;
    }

    /// <summary>Waits, whether it succeeds or fails, for the write under way and any that begins meanwhile.</summary>
    public async Task WhenSettled()
    {
        while (!_current.IsCompleted)
        {
            await _current.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    private async Task<T> ReadWhenSettled<T>(Func<T> read)
    {
        await WhenSettled();
        return read();
    }
}
