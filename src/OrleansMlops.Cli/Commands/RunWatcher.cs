using System.CommandLine;
using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary>
/// <c>runs watch</c>: polls GET /api/runs/{id} and prints each new history entry and status change as it happens, until
/// the run completes, fails, is cancelled or blocked, or waits for a person; the exit code says which. A run waiting
/// for a worker or a timer is still moving, so watching goes on. With --json progress goes to stderr and stdout gets the
/// run's last document.
/// </summary>
public static class RunWatcher
{
    public static Command Create(CliCommand commands)
    {
        var runId = new Argument<string>("runId");
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "How often to ask the host (e.g. 00:00:01, or 500ms, 2s)",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
            CustomParser = result => ParseInterval(result.Tokens.Single().Value) is { } parsed
                ? parsed
                : Invalid(result, $"--interval '{result.Tokens.Single().Value}' is not a positive duration such as 500ms, 2s or 00:00:01."),
        };

        return commands.Create("watch", "Follow a run live, stage by stage, until it ends or waits for a person", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(runId);
            return await WatchAsync(context, id, parse.GetValue(interval));
        }, runId, interval);
    }

    public static async Task<int> WatchAsync(CommandContext context, string runId, TimeSpan interval)
    {
        var progress = context.Json ? context.Error : context.Out;
        long lastSequence = -1;
        string? lastStatus = null;
        while (true)
        {
            var response = await context.Api.GetAsync($"api/runs/{CommandContext.Segment(runId)}", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"watching run '{runId}'", response);
            }

            var run = response.Json();
            lastSequence = WriteNewEntries(progress, run, lastSequence);
            var status = run.Text("status");
            if (status != lastStatus)
            {
                progress.WriteLine($"status: {(lastStatus is null ? string.Empty : lastStatus + " -> ")}{status}{Where(run)}");
                lastStatus = status;
            }

            var outcome = RunOutcome.Of(run);
            if (outcome.Settled)
            {
                progress.WriteLine(outcome.Description);
                return context.Json ? context.PrintJson(response, outcome.ExitCode) : outcome.ExitCode;
            }

            await Task.Delay(interval, context.Time, context.CancellationToken);
        }
    }

    private static long WriteNewEntries(TextWriter progress, JsonNode? run, long lastSequence)
    {
        foreach (var entry in run.Items("history").Where(e => e.Number("sequence") > lastSequence))
        {
            progress.WriteLine($"{entry.When("at")}  #{entry.Text("sequence"),-3} {entry.Text("kind"),-22} {entry.Text("summary")}");
            lastSequence = entry.Number("sequence") ?? lastSequence;
        }

        return lastSequence;
    }

    private static string Where(JsonNode? run) => run.List("currentNodes") is { } nodes ? $" at {nodes}" : string.Empty;

    private static TimeSpan? ParseInterval(string text)
    {
        TimeSpan? parsed = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text[..^2], out var ms) => TimeSpan.FromMilliseconds(ms),
            _ when text.EndsWith('s') && double.TryParse(text[..^1], out var s) => TimeSpan.FromSeconds(s),
            _ when TimeSpan.TryParse(text, out var span) => span,
            _ => null,
        };
        return parsed > TimeSpan.Zero ? parsed : null;
    }

    private static TimeSpan Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
