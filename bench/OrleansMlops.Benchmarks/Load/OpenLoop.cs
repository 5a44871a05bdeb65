using System.Diagnostics;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// An open-loop driver: items arrive at a fixed rate whether or not earlier ones have finished, as independent users'
/// requests do. Latency measured this way includes the queueing a closed loop hides (a closed loop slows its own
/// arrivals when the system slows down). Arrivals are evenly spaced; a late timer starts the overdue items at once, so
/// the average rate holds.
/// </summary>
internal static class OpenLoop
{
    public static async Task<OpenLoopResult<T>> RunAsync<T>(int count, double perSecond, Func<int, Task<T>> item)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var items = new Task<T>[count];
        var failed = 0;
        async Task<T> Tracked(int index)
        {
            try
            {
                return await item(index);
            }
            catch
            {
                Volatile.Write(ref failed, 1);
                throw;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var launched = 0;
        for (var i = 0; i < count && Volatile.Read(ref failed) == 0; i++)
        {
            var wait = interval * i - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            items[i] = Tracked(i);
            launched++;
        }

        var arrivals = Stopwatch.GetElapsedTime(started);
        // After a failure no more items arrive; waiting for the launched ones rethrows it.
        var results = await Task.WhenAll(items.Take(launched));
        return new OpenLoopResult<T>(results, Stopwatch.GetElapsedTime(started), count > 1 ? (count - 1) / arrivals.TotalSeconds : perSecond);
    }
}
