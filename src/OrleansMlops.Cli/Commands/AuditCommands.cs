using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary><c>audit verify|export</c>: GET /api/runs/{id}/audit/verify and GET /api/runs/{id}/audit.</summary>
public static class AuditCommands
{
    public static Command Create(CliCommand commands) => CliCommand.Group("audit", "A run's hash-chained audit trail: verify it, export it",
        Verify(commands), Export(commands));

    private static Command Verify(CliCommand commands)
    {
        var runId = new Argument<string>("runId");
        return commands.Create("verify", "Check the run's audit hash chain; exit 1 when it does not verify", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(runId);
            var response = await context.Api.GetAsync($"api/runs/{CommandContext.Segment(id)}/audit/verify", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"verifying the audit trail of run '{id}'", response);
            }

            var verification = response.Json();
            var exitCode = verification.Flag("valid") ? ExitCodes.Success : ExitCodes.NegativeOutcome;
            if (context.Json)
            {
                return context.PrintJson(response, exitCode);
            }

            if (exitCode == ExitCodes.Success)
            {
                context.Out.WriteLine($"The audit trail of {id} verifies: {verification.Text("recordCount")} records, head hash {verification.Text("headHash")}.");
                return exitCode;
            }

            context.Out.WriteLine($"The audit trail of {id} does NOT verify ({verification.Text("recordCount")} records):");
            foreach (var problem in verification.Items("problems"))
            {
                context.Out.WriteLine($"  - {problem.AsText()}");
            }

            return exitCode;
        }, runId);
    }

    private static Command Export(CliCommand commands)
    {
        var runId = new Argument<string>("runId");
        var output = new Option<FileInfo>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var format = new Option<string>("--format") { Description = "jsonl: one record per line; json: the host's array", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json");
        return commands.Create("export", "Export the run's audit records (needs the right to read audit trails)", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(runId);
            var response = await context.Api.GetAsync($"api/runs/{CommandContext.Segment(id)}/audit", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"exporting the audit trail of run '{id}'", response);
            }

            var records = response.Json().Items().ToList();
            // --json is the host's document as it is; otherwise the chosen format.
            var text = context.Json || parse.GetValue(format) == "json"
                ? response.Body.TrimEnd() + "\n"
                : string.Concat(records.Select(r => r.ToJsonString() + "\n"));
            if (parse.GetValue(output) is not { } file)
            {
                context.Out.Write(text);
                return ExitCodes.Success;
            }

            await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(false), context.CancellationToken);
            if (context.Json)
            {
                context.Out.WriteLine(new JsonObject { ["file"] = file.FullName, ["records"] = records.Count }.ToJsonString());
            }
            else
            {
                context.Out.WriteLine($"Wrote {records.Count} audit records of {id} to {file.FullName}.");
            }

            return ExitCodes.Success;
        }, runId, output, format);
    }
}
