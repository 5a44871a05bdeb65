using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// A closed-loop driver: <c>concurrency</c> callers each start the next item as soon as their previous one finished,
/// so the system runs as fast as it can with that many requests in flight (its peak at that concurrency).
/// </summary>
internal static class ClosedLoop
{
    public static async Task<(T[] Results, TimeSpan Elapsed)> RunAsync<T>(int count, int concurrency, Func<int, Task<T>> item)
    {
        var results = new T[count];
        var next = -1;
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        var callers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            // Yield first so the callers start together instead of the first one running its whole share inline.
            await Task.Yield();
            int index;
            while (Volatile.Read(ref failed) == 0 && (index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    results[index] = await item(index);
                }
                catch
                {
                    // The first failure stops every caller taking new items; the ones in flight finish, then it is rethrown.
                    Volatile.Write(ref failed, 1);
                    throw;
                }
            }
        });
        await Task.WhenAll(callers);
        return (results, Stopwatch.GetElapsedTime(started));
    }
}
