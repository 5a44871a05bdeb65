namespace OrleansMlops.Workers;

/// <summary>Which errors are the network's or the engine's passing trouble, worth trying again, and which are answers.</summary>
internal static class Transient
{
    public static bool Is(Exception e, CancellationToken ours) => e switch
    {
        ExternalTaskClientException refusal => refusal.IsTransient,
        HttpRequestException => true,

        // HttpClient reports its own timeout as a cancellation nobody asked for.
        TaskCanceledException => !ours.IsCancellationRequested,
        _ => false,
    };
}
