using System.CommandLine;
using OrleansMlops.Cli.Http;

namespace OrleansMlops.Cli;

/// <summary>Builds commands whose action gets a <see cref="CommandContext"/> and whose host failures become exit codes.</summary>
public sealed class CliCommand(GlobalOptions options, CliHost host)
{
    public Command Create(string name, string description, Func<ParseResult, CommandContext, Task<int>> action, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Add(argument);
                    break;
                case Option option:
                    command.Add(option);
                    break;
                default:
                    throw new ArgumentException($"'{symbol.Name}' is neither an argument nor an option.", nameof(symbols));
            }
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.Create(parse, options, host, cancellationToken);
            using (context.Api)
            {
                try
                {
                    return await action(parse, context);
                }
                catch (HostUnreachableException e)
                {
                    host.Error.WriteLine($"error: {e.Message}");
                    return ExitCodes.HostUnavailable;
                }
            }
        });
        return command;
    }

    public static Command Group(string name, string description, params Command[] subcommands)
    {
        var group = new Command(name, description);
        foreach (var subcommand in subcommands)
        {
            group.Add(subcommand);
        }

        return group;
    }
}
