namespace OrleansMlops.Cli;

/// <summary>
/// The process entry: the real console, clock, environment and an HTTP client for --url. A class in the CLI's namespace
/// rather than top-level statements, so tests that reference both the CLI and the host see one global <c>Program</c> (the host's).
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliHost.FromConsole());
}
