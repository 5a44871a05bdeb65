using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

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
/// Fails the next calls to one grain method, in the order given, and records on the engine clock when each call to it
/// arrived (failed or not), so a test sees how a caller retried.
/// </summary>
public sealed class CallFaults(FakeTimeProvider clock) : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CallFault>> _planned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _arrivals = new(StringComparer.Ordinal);

    /// <summary>Fails the next calls to <typeparamref name="TGrain"/>.<paramref name="method"/>, one per fault.</summary>
    public void Fail<TGrain>(string method, params CallFault[] faults)
    {
        var queue = _planned.GetOrAdd(Key(typeof(TGrain), method), _ => new ConcurrentQueue<CallFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>When the calls to <typeparamref name="TGrain"/>.<paramref name="method"/> arrived, by the engine clock.</summary>
    public IReadOnlyList<DateTimeOffset> Arrivals<TGrain>(string method) =>
        _arrivals.TryGetValue(Key(typeof(TGrain), method), out var arrivals) ? [.. arrivals] : [];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = Key(context.InterfaceMethod.DeclaringType!, context.InterfaceMethod.Name);
        _arrivals.GetOrAdd(key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(clock.GetUtcNow());
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
