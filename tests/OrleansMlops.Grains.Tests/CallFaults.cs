using System.Collections.Concurrent;

namespace OrleansMlops.Grains.Tests;

/// <summary>How an injected fault fails a call, as a call to a silo that dies would fail.</summary>
public enum CallFault
{
    /// <summary>The call fails before the grain sees it.</summary>
    Refuse,

    /// <summary>The grain does what was asked, but its answer is lost.</summary>
    LoseAnswer,
}

/// <summary>
/// Fails the next calls to one grain method, in the order given, and counts the calls to it (failed or not), so a test
/// sees how a caller retried.
/// </summary>
public sealed class CallFaults : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CallFault>> _planned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Fails the next calls to <typeparamref name="TGrain"/>.<paramref name="method"/>, one per fault.</summary>
    public void Fail<TGrain>(string method, params CallFault[] faults)
    {
        var queue = _planned.GetOrAdd(Key(typeof(TGrain), method), _ => new ConcurrentQueue<CallFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many calls to <typeparamref name="TGrain"/>.<paramref name="method"/> arrived.</summary>
    public int Calls<TGrain>(string method) => _calls.GetValueOrDefault(Key(typeof(TGrain), method));

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = Key(context.InterfaceMethod.DeclaringType!, context.InterfaceMethod.Name);
        _calls.AddOrUpdate(key, 1, (_, count) => count + 1);
        CallFault? fault = _planned.TryGetValue(key, out var planned) && planned.TryDequeue(out var next) ? next : null;
        if (fault == CallFault.Refuse)
        {
            throw new SiloUnavailableException($"The silo of {key} died before the call reached it.");
        }

        await context.Invoke();
        if (fault == CallFault.LoseAnswer)
        {
            throw new SiloUnavailableException($"The silo of {key} died before {key} was answered.");
        }
    }

    private static string Key(Type grain, string method) => $"{grain.Name}.{method}";
}
