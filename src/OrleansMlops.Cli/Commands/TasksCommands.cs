using System.CommandLine;
using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary><c>tasks list|approve|reject</c>: GET /api/tasks and POST /api/runs/{runId}/tasks/{taskId} with a decision.</summary>
public static class TasksCommands
{
    public static Command Create(CliCommand commands) => CliCommand.Group("tasks", "The user tasks waiting for you, and deciding them",
        List(commands),
        Decide(commands, "approve", "--comment", "Why you approve (recorded in the run and its audit trail)"),
        Decide(commands, "reject", "--reason", "Why you reject (required; recorded in the run and its audit trail)"));

    private static Command List(CliCommand commands) => commands.Create("list", "The open user tasks your roles may complete, across runs", async (parse, context) =>
    {
        var response = await context.Api.GetAsync("api/tasks", context.CancellationToken);
        if (!response.IsSuccess)
        {
            return context.Failed("listing tasks", response);
        }

        if (context.Json)
        {
            return context.PrintJson(response);
        }

        var table = new TextTable("RUN", "TASK", "NAME", "ROLES", "MODEL", "STARTED BY", "DUE", "NOTE");
        foreach (var task in response.Json().Items())
        {
            var model = task?["model"] is { } key ? $"{key.Text("name")}/{key.Text("version")}" : null;
            table.Add(task.Text("runId"), task.Text("taskId"), task.Text("name"), task.List("candidateRoles"), model,
                task.Text("startedBy"), task.When("dueAt"), task.Flag("selfInvolved") ? "you submitted or trained this run: someone else must decide" : null);
        }

        table.WriteTo(context.Out, "No open tasks for your roles.");
        return ExitCodes.Success;
    });

    private static Command Decide(CliCommand commands, string decision, string textOption, string textDescription)
    {
        var runId = new Argument<string>("runId");
        var taskId = new Argument<string>("taskId");
        // The host refuses a rejection without a reason; asking for it here saves the round trip.
        var text = new Option<string>(textOption) { Description = textDescription, Required = decision == "reject" };
        return commands.Create(decision, $"{char.ToUpperInvariant(decision[0])}{decision[1..]} a user task of a run", async (parse, context) =>
        {
            var run = parse.GetRequiredValue(runId);
            var task = parse.GetRequiredValue(taskId);
            var body = new JsonObject { ["decision"] = decision, ["comment"] = parse.GetValue(text) };
            var response = await context.Api.PostJsonAsync(
                $"api/runs/{CommandContext.Segment(run)}/tasks/{CommandContext.Segment(task)}", body.ToJsonString(), context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"{decision} of task '{task}' of run '{run}'", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var view = response.Json();
            context.Out.WriteLine($"{(decision == "approve" ? "Approved" : "Rejected")} {task} of {run}; the run is now {view.Text("status")}.");
            context.Out.WriteLine(RunOutcome.Of(view).Description);
            return ExitCodes.Success;
        }, runId, taskId, text);
    }
}
