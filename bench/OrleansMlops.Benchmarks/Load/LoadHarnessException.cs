namespace OrleansMlops.Benchmarks.Load;

/// <summary>The harness refuses to report: a run did not end as it must, or a configuration is not what it claims.</summary>
internal sealed class LoadHarnessException(string message) : Exception(message);
