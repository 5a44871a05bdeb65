using System.Text.Json.Nodes;

namespace OrleansMlops.Cli.Tests;

/// <summary>What one CLI invocation produced: exit code, stdout, stderr.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout parsed as the one JSON document --json promises (fails the test when it is anything else).</summary>
    public JsonNode Json() => JsonNode.Parse(Out) ?? throw new InvalidOperationException("stdout is JSON null");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
