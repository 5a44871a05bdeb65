using System.CommandLine;

namespace OrleansMlops.Cli;

/// <summary>The options every command takes: where the host is, who is calling, and whether to print the host's JSON.</summary>
public sealed class GlobalOptions
{
    public GlobalOptions(CliHost host)
    {
        Url = new Option<Uri>("--url")
        {
            Description = $"The host's base address (default: ${CliHost.UrlVariable}, else {CliHost.DefaultUrl})",
            Recursive = true,
            DefaultValueFactory = _ => new Uri(host.GetEnvironmentVariable(CliHost.UrlVariable) is { Length: > 0 } url ? url : CliHost.DefaultUrl),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url '{text}' is not an http:// or https:// address.");
                return null;
            },
        };

        // No default value factory: help prints defaults, and the token must never be printed.
        Token = new Option<string>("--token")
        {
            Description = $"Bearer token of the caller (default: ${CliHost.TokenVariable}); never printed",
            Recursive = true,
        };

        Json = new Option<bool>("--json")
        {
            Description = "Print the host's JSON answer as it is, one document on stdout and nothing else",
            Recursive = true,
        };
    }

    public Option<Uri> Url { get; }

    public Option<string> Token { get; }

    public Option<bool> Json { get; }
}
