using System.CommandLine;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary>
/// <c>workflows list|validate|publish|approve|reject</c>: GET /api/workflows, POST /api/workflows/validate, PUT /api/workflows/{id},
/// POST /api/workflows/{id}/versions/{n}/approve|reject.
/// </summary>
public static class WorkflowsCommands
{
    public static Command Create(CliCommand commands) => CliCommand.Group("workflows", "BPMN workflows: list, check, publish and review",
        List(commands), Validate(commands), Publish(commands),
        Review(commands, "approve", "--comment", "What the reviewer checked"), Review(commands, "reject", "--reason", "Why the version is rejected (required)"));

    private static Command List(CliCommand commands) => commands.Create("list", "The latest version of each workflow", async (parse, context) =>
    {
        var response = await context.Api.GetAsync("api/workflows", context.CancellationToken);
        if (!response.IsSuccess)
        {
            return context.Failed("listing workflows", response);
        }

        if (context.Json)
        {
            return context.PrintJson(response);
        }

        var table = new TextTable("WORKFLOW", "VERSION", "PROCESS", "NAME", "PUBLISHED BY", "PUBLISHED", "STATUS");
        foreach (var workflow in response.Json().Items())
        {
            table.Add(workflow.Text("workflowId"), workflow.Text("version"), workflow.Text("processId"), workflow.Text("name"),
                workflow.Text("publishedBy"), workflow.When("publishedAt"), workflow.Text("status"));
        }

        table.WriteTo(context.Out, "No workflows.");
        return ExitCodes.Success;
    });

    private static Command Validate(CliCommand commands)
    {
        var file = new Argument<FileInfo>("file") { Description = "The BPMN 2.0 file to check" };
        return commands.Create("validate", "Check a BPMN file on the host exactly as publishing would, publishing nothing; exit 1 when it has problems",
            async (parse, context) =>
            {
                var path = parse.GetRequiredValue(file).FullName;
                if (await context.ReadFileAsync(path) is not { } xml)
                {
                    return ExitCodes.UsageError;
                }

                var response = await context.Api.SendTextAsync(HttpMethod.Post, "api/workflows/validate", xml, "application/xml", context.CancellationToken);
                if (!response.IsSuccess)
                {
                    return context.Failed($"validating '{path}'", response);
                }

                var validation = response.Json();
                var exitCode = validation.Flag("valid") ? ExitCodes.Success : ExitCodes.NegativeOutcome;
                if (context.Json)
                {
                    return context.PrintJson(response, exitCode);
                }

                var name = Path.GetFileName(path);
                if (exitCode == ExitCodes.Success)
                {
                    context.Out.WriteLine($"{name}: valid (process {validation.Text("processId")}, sha256 {validation.Text("contentHash")})");
                    return exitCode;
                }

                var problems = validation.Items("problems").ToList();
                foreach (var problem in problems)
                {
                    context.Out.WriteLine($"{name}: {ProblemWriter.DescribeProblem(problem)}");
                }

                context.Error.WriteLine($"{name}: {problems.Count} problem(s); it would not be published.");
                return exitCode;
            }, file);
    }

    private static Command Publish(CliCommand commands)
    {
        var workflowId = new Argument<string>("workflowId") { Description = "The id to publish under, e.g. credit-risk" };
        var file = new Argument<FileInfo>("file") { Description = "The BPMN 2.0 file" };
        return commands.Create("publish", "Publish a BPMN file as the next version of a workflow (an identical document keeps its version)",
            async (parse, context) =>
            {
                var id = parse.GetRequiredValue(workflowId);
                var path = parse.GetRequiredValue(file).FullName;
                if (await context.ReadFileAsync(path) is not { } xml)
                {
                    return ExitCodes.UsageError;
                }

                var response = await context.Api.SendTextAsync(HttpMethod.Put, $"api/workflows/{CommandContext.Segment(id)}", xml, "application/xml", context.CancellationToken);
                if (!response.IsSuccess)
                {
                    return context.Failed($"publishing '{path}' as workflow '{id}'", response);
                }

                if (context.Json)
                {
                    return context.PrintJson(response);
                }

                var version = response.Json();
                context.Out.WriteLine(response.Status switch
                {
                    System.Net.HttpStatusCode.Created => $"Published {id} version {version.Text("version")} (sha256 {version.Text("contentHash")}).",
                    System.Net.HttpStatusCode.Accepted => $"Published {id} version {version.Text("version")} (sha256 {version.Text("contentHash")}); "
                        + "it can release models, so a second designer must approve it before runs start it.",
                    _ => $"Unchanged: {id} version {version.Text("version")} already has this content ({version.Text("status")}).",
                });
                return ExitCodes.Success;
            }, workflowId, file);
    }

    private static Command Review(CliCommand commands, string verb, string textOption, string textDescription)
    {
        var workflowId = new Argument<string>("workflowId");
        var version = new Argument<int>("version");
        var text = new Option<string>(textOption) { Description = textDescription, Required = verb == "reject" };
        return commands.Create(verb, verb == "approve"
            ? "Approve another designer's version: runs may start it from now on"
            : "Reject another designer's version, saying why: no run will start it", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(workflowId);
            var number = parse.GetRequiredValue(version);
            var body = new System.Text.Json.Nodes.JsonObject { [textOption.TrimStart('-')] = parse.GetValue(text) };
            var response = await context.Api.PostJsonAsync(
                $"api/workflows/{CommandContext.Segment(id)}/versions/{number}/{verb}", body.ToJsonString(), context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"{verb} of {id} version {number}", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            context.Out.WriteLine($"{id} version {number} is {response.Json().Text("status")}.");
            return ExitCodes.Success;
        }, workflowId, version, text);
    }
}
