namespace OrleansMlops.Workers;

/// <summary>Where the engine is, how this worker signs in, and how it fetches, holds and retries jobs.</summary>
public sealed class ExternalTaskWorkerOptions
{
    /// <summary>The engine's longest long poll; asking for more is capped there anyway.</summary>
    public static readonly TimeSpan MaxLongPollTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The engine refuses longer locks and retry delays.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>The engine's API root, e.g. http://127.0.0.1:5080.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Names this worker as the holder of its locks and the author of its completions (1–128 characters); unique per
    /// running worker. Who the worker is, and so what it may do, is the API key's business.
    /// </summary>
    public string WorkerId { get; set; } = string.Empty;

    /// <summary>
    /// The service's API key, sent as X-Api-Key. The engine knows the service by it and gives it the roles its
    /// directory holds (the worker role, for this API). A secret: supply it from the environment or a secret store
    /// (e.g. Worker__ApiKey), not a committed file. It is never logged nor put in an exception message.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How many jobs run at once (1–100); the worker fetches only as many as it has room for.</summary>
    public int MaxTasks { get; set; } = 1;

    /// <summary>How long a fetched job is this worker's; extended at half of it while a handler runs.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetch waits on the engine for a job (0–30 s).</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries the first failure report of a job grants; each later one grants one fewer.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry of a failed job; doubled for each later one. Also the first back-off after a transient HTTP error.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);
}
