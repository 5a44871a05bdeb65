using System.Text.Json;

namespace OrleansMlops.Workers.Tests;

/// <summary>Jobs as the engine would hand them out, for tests that play the engine's part.</summary>
public static class Jobs
{
    public static ExternalJob Job(string topic = "test.topic", string jobId = "job-1", IReadOnlyDictionary<string, JsonElement>? variables = null) =>
        new(jobId, topic, "run-1", "work", "external", 1, variables ?? new Dictionary<string, JsonElement>(), new Dictionary<string, string>(), null, DateTimeOffset.UnixEpoch);

    public static LockedJob Locked(DateTimeOffset lockExpiresAt, int? retriesLeft = null, string workerId = "worker-1") =>
        new(Job(), workerId, lockExpiresAt, retriesLeft);
}
