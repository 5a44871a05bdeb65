using System.CommandLine;
using System.CommandLine.Help;
using OrleansMlops.Cli.Commands;

namespace OrleansMlops.Cli;

/// <summary>
/// The <c>orleans-mlops</c> command line: parses the arguments, runs the command against the host's HTTP API and
/// returns the exit code (<see cref="ExitCodes"/>). Everything outside comes in through <see cref="CliHost"/>.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(host);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpWithEpilogueAction)
        {
            // System.CommandLine would exit 1 on a parse error; 1 means a negative answer here, so usage errors are reported as 2.
            foreach (var error in parse.Errors)
            {
                host.Error.WriteLine($"error: {error.Message}");
            }

            host.Error.WriteLine($"See '{Describe(parse.CommandResult.Command)} --help'.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand BuildRoot(CliHost host)
    {
        var options = new GlobalOptions(host);
        var commands = new CliCommand(options, host);
        var root = new RootCommand("orleans-mlops: runs, approvals, workflows, policies, models and audit trails of an OrleansMlops host, over its HTTP API.");
        root.Add(options.Url);
        root.Add(options.Token);
        root.Add(options.Json);
        root.Add(RunsCommands.Create(commands));
        root.Add(TasksCommands.Create(commands));
        root.Add(WorkflowsCommands.Create(commands));
        root.Add(PoliciesCommands.Create(commands));
        root.Add(ModelsCommands.Create(commands));
        root.Add(AuditCommands.Create(commands));
        AddEpilogue(root);
        return root;
    }

    /// <summary>Every help page ends with the environment variables and the exit codes, which scripts depend on.</summary>
    private static void AddEpilogue(RootCommand root)
    {
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new HelpWithEpilogueAction(help);
        }
    }

    private static string Describe(Command command) =>
        string.Join(' ', command.Parents.OfType<Command>().Select(Describe).Append(command is RootCommand ? "orleans-mlops" : command.Name));
}
