namespace OrleansMlops.Workers;

/// <summary>Where the engine is, who this worker is, and how it fetches, holds and retries jobs.</summary>
public sealed class ExternalTaskWorkerOptions
{
    /// <summary>The engine's longest long poll; asking for more is capped there anyway.</summary>
    public static readonly TimeSpan MaxLongPollTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The engine refuses longer locks and retry delays.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>The engine's API root, e.g. http://127.0.0.1:5080.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Names this worker in locks and completions (1–128 characters); unique per running worker.</summary>
    public string WorkerId { get; set; } = string.Empty;

    /// <summary>Sent as X-Mlops-User: the service identity the engine attributes the work to.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Sent as X-Mlops-Roles (comma-separated).</summary>
    public string[] Roles { get; set; } = [];

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
