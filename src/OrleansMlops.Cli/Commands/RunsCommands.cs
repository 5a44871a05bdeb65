using System.CommandLine;
using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary><c>runs start|list|show|watch</c>: POST /api/runs, GET /api/runs, GET /api/runs/{id}.</summary>
public static class RunsCommands
{
    public static Command Create(CliCommand commands) => CliCommand.Group("runs", "Start, list, show and watch pipeline runs",
        Start(commands), List(commands), Show(commands), RunWatcher.Create(commands));

    private static Command Start(CliCommand commands)
    {
        var workflow = new Argument<string>("workflowId") { Description = "The workflow to run, e.g. credit-risk" };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A start parameter: key=value (a string) or key:=json (a number or boolean); repeatable",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "key=value",
        };
        parameters.Validators.Add(result =>
        {
            foreach (var problem in RunParameters.Problems([.. result.Tokens.Select(t => t.Value)]))
            {
                result.AddError(problem);
            }
        });
        var model = new Option<string>("--model") { Description = "The model version the run acts on, as name/version (the 'model' parameter of promote and rollback runs)", HelpName = "name/version" };
        model.Validators.Add(result =>
        {
            var value = result.Tokens.SingleOrDefault()?.Value ?? string.Empty;
            var slash = value.LastIndexOf('/');
            if (slash <= 0 || !int.TryParse(value[(slash + 1)..], out var version) || version < 1)
            {
                result.AddError($"--model '{value}' is not name/version, e.g. credit-risk/3.");
            }
        });
        var version = new Option<int?>("--version") { Description = "Pin a workflow version (default: the latest)" };
        var runId = new Option<string>("--run-id") { Description = "Choose the run id (default: the host picks one)" };

        return commands.Create("start", "Start a run; returns when the run waits (for a person, a worker, a timer) or ends", async (parse, context) =>
        {
            var body = new JsonObject { ["workflowId"] = parse.GetRequiredValue(workflow) };
            var given = RunParameters.Parse(parse.GetValue(parameters) ?? []);
            if (parse.GetValue(model) is { } modelVersion)
            {
                given["model"] = modelVersion;
            }

            body["parameters"] = given;
            if (parse.GetValue(version) is { } pinned)
            {
                body["version"] = pinned;
            }

            if (parse.GetValue(runId) is { } id)
            {
                body["runId"] = id;
            }

            var response = await context.Api.PostJsonAsync("api/runs", body.ToJsonString(), context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"starting a run of '{body["workflowId"]}'", response);
            }

            var run = response.Json();
            var outcome = RunOutcome.Of(run);
            if (context.Json)
            {
                return context.PrintJson(response, outcome.ExitCode);
            }

            context.Out.WriteLine($"Started {run.Text("runId")} ({Workflow(run)}): {run.Text("status")}");
            context.Out.WriteLine(outcome.Description);
            return outcome.ExitCode;
        }, workflow, parameters, model, version, runId);
    }

    private static Command List(CliCommand commands)
    {
        var workflow = new Option<string>("--workflow") { Description = "Only runs of this workflow" };
        var status = new Option<string>("--status")
        {
            Description = "Only runs in this status (running, waitingForUser, waitingForTimer, waitingForWorker, blocked, completed, terminated, failed)",
        };
        var limit = Query.LimitOption("At most this many runs (default 100)");

        return commands.Create("list", "List runs, newest first", async (parse, context) =>
        {
            var query = Query.Of(("workflowId", parse.GetValue(workflow)), ("status", parse.GetValue(status)), ("limit", parse.GetValue(limit)?.ToString()));
            var response = await context.Api.GetAsync("api/runs" + query, context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed("listing runs", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var table = new TextTable("RUN", "WORKFLOW", "STATUS", "AT", "STARTED BY", "STARTED");
            foreach (var run in response.Json().Items())
            {
                table.Add(run.Text("runId"), $"{run.Text("workflowId")} v{run.Text("workflowVersion")}", run.Text("status"),
                    run.Text("currentNodes"), run.Text("startedBy"), run.When("startedAt"));
            }

            table.WriteTo(context.Out, "No runs.");
            return ExitCodes.Success;
        }, workflow, status, limit);
    }

    private static Command Show(CliCommand commands)
    {
        var runId = new Argument<string>("runId");
        return commands.Create("show", "Show a run: status, where it waits, variables, history", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(runId);
            var response = await context.Api.GetAsync($"api/runs/{CommandContext.Segment(id)}", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"showing run '{id}'", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var run = response.Json();
            new KeyValueWriter()
                .Add("run", run.Text("runId"))
                .Add("workflow", Workflow(run))
                .Add("status", run.Text("status"))
                .Add("at", run.List("currentNodes"))
                .Add("started by", run?["startedBy"].Text("id"))
                .Add("started", run.When("startedAt"))
                .Add("updated", run.When("updatedAt"))
                .Add("model", run?["model"] is { } model ? $"{model.Text("name")}/{model.Text("version")}" : null)
                .Add("end", run.Text("endNodeId"))
                .Add("problem", run.Text("problem"))
                .WriteTo(context.Out);
            WriteOpenTasks(context.Out, run);
            WriteVariables(context.Out, run);
            context.Out.WriteLine();
            WriteHistory(context.Out, run.Items("history"));
            return ExitCodes.Success;
        }, runId);
    }

    public static string Workflow(JsonNode? run) =>
        run?["workflow"] is { } workflow ? $"{workflow.Text("workflowId")} v{workflow.Text("version")}" : "-";

    public static void WriteHistory(TextWriter writer, IEnumerable<JsonNode> entries)
    {
        var table = new TextTable("#", "AT", "KIND", "BY", "WHAT");
        foreach (var entry in entries)
        {
            table.Add(entry.Text("sequence"), entry.When("at"), entry.Text("kind"), entry.Text("actor"), entry.Text("summary"));
        }

        table.WriteTo(writer, "No history.");
    }

    private static void WriteOpenTasks(TextWriter writer, JsonNode? run)
    {
        foreach (var task in run.Items("openTasks"))
        {
            writer.WriteLine($"open task: {task.Text("taskId")} ({task.Text("name") ?? "unnamed"}; roles: {task.List("candidateRoles") ?? "-"}; due: {task.When("dueAt") ?? "-"})");
        }
    }

    private static void WriteVariables(TextWriter writer, JsonNode? run)
    {
        if (run?["variables"] is not JsonObject variables || variables.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        var table = new TextTable("VARIABLE", "VALUE");
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            table.Add(name, value.AsText());
        }

        table.WriteTo(writer);
    }
}
