using OrleansMlops.Cli;

return await CliApp.RunAsync(args, CliHost.FromConsole());
