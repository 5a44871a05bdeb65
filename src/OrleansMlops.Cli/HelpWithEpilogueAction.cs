using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OrleansMlops.Cli;

/// <summary>The standard help, followed by the environment variables and the exit codes.</summary>
public sealed class HelpWithEpilogueAction(HelpAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Environment:");
        output.WriteLine($"  {CliHost.UrlVariable,-12} the host's base address when --url is not given (default {CliHost.DefaultUrl})");
        output.WriteLine($"  {CliHost.TokenVariable,-12} the bearer token when --token is not given");
        output.WriteLine();
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Described)
        {
            output.WriteLine($"  {code}  {meaning}");
        }

        return result;
    }
}
