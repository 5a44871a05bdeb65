namespace OrleansMlops.Cli;

/// <summary>
/// Everything the CLI takes from the outside world, so tests run it in-process: the console streams, the clock that
/// paces <c>runs watch</c>, how to get an HTTP client for the host's address (the CLI disposes it), and the
/// environment variables.
/// </summary>
public sealed record CliHost(
    TextWriter Out,
    TextWriter Error,
    TimeProvider Time,
    Func<Uri, HttpClient> CreateHttpClient,
    Func<string, string?> GetEnvironmentVariable)
{
    public const string UrlVariable = "MLOPS_URL";
    public const string TokenVariable = "MLOPS_TOKEN";

    /// <summary>Where the host listens by default (appsettings.json <c>Urls</c>).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static CliHost FromConsole() => new(
        Console.Out,
        Console.Error,
        TimeProvider.System,
        baseAddress => new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) },
        Environment.GetEnvironmentVariable);
}
