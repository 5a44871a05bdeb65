using System.CommandLine;
using OrleansMlops.Cli.Http;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli;

/// <summary>What one command invocation works with: the API client, the streams, the clock and the --json switch.</summary>
public sealed class CommandContext(ApiClient api, CliHost host, bool json, CancellationToken cancellationToken)
{
    public ApiClient Api { get; } = api;

    public TextWriter Out => host.Out;

    public TextWriter Error => host.Error;

    public TimeProvider Time => host.Time;

    /// <summary>--json: stdout carries exactly the host's JSON document.</summary>
    public bool Json { get; } = json;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Reports a refused or failed call on stderr and returns the exit code its status means.</summary>
    public int Failed(string what, ApiResponse response)
    {
        ProblemWriter.Write(Error, what, response);
        return ExitCodes.FromStatus(response.Status);
    }

    /// <summary>A usage problem found after parsing (an input file that cannot be read): stderr, exit code 2.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }

    /// <summary>Writes the host's answer as it is (--json).</summary>
    public int PrintJson(ApiResponse response, int exitCode = ExitCodes.Success)
    {
        Out.WriteLine(response.Body.TrimEnd());
        return exitCode;
    }

    /// <summary>Reads an input file named on the command line, or null after reporting why it cannot be read.</summary>
    public async Task<string?> ReadFileAsync(string path)
    {
        try
        {
            return await File.ReadAllTextAsync(path, CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UsageError($"cannot read '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>A file's exact bytes, for documents whose hash the host records (a rule set is identified by its bytes).</summary>
    public async Task<byte[]?> ReadBytesAsync(string path)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UsageError($"cannot read '{path}': {e.Message}");
            return null;
        }
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static CommandContext Create(ParseResult parse, GlobalOptions options, CliHost host, CancellationToken cancellationToken)
    {
        var baseAddress = parse.GetRequiredValue(options.Url);
        // Relative API paths keep a path prefix of the address (a host behind a proxy at /mlops/).
        var withSlash = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var token = parse.GetValue(options.Token) is { Length: > 0 } given ? given : host.GetEnvironmentVariable(CliHost.TokenVariable);
        return new CommandContext(new ApiClient(host.CreateHttpClient(withSlash), token), host, parse.GetValue(options.Json), cancellationToken);
    }
}
