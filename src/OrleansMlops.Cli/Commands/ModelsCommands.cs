using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary>
/// <c>models list|show|card|lineage</c>: GET /api/models, GET /api/models/{name}/versions/{n},
/// GET …/documents/{document}, GET …/lineage.
/// </summary>
public static class ModelsCommands
{
    /// <summary>The evidence documents a version has (ModelDocumentsApi).</summary>
    public static readonly string[] Documents = ["model-card.md", "model-card.html", "annex-iv.md", "annex-iv.html"];

    public static Command Create(CliCommand commands) => CliCommand.Group("models", "The model registry: versions, evidence documents, lineage",
        List(commands), Show(commands), Card(commands), Lineage(commands));

    private static Command List(CliCommand commands)
    {
        var name = new Option<string>("--name") { Description = "Only versions of this model" };
        var stage = new Option<string>("--stage") { Description = "Only versions in this lifecycle stage (registered, validated, approved, deployed, retired)" };
        var environment = new Option<string>("--environment") { Description = "Only versions live in this environment now" };
        var tag = new Option<string>("--tag") { Description = "Only versions with this tag" };
        var riskClass = new Option<string>("--risk-class") { Description = "Only versions of this risk class" };
        var owner = new Option<string>("--owner") { Description = "Only versions with this owner" };
        var limit = Query.LimitOption("At most this many versions (1-1000, default 100)");
        return commands.Create("list", "Search model versions, newest registration first", async (parse, context) =>
        {
            var query = Query.Of(("name", parse.GetValue(name)), ("stage", parse.GetValue(stage)), ("environment", parse.GetValue(environment)),
                ("tag", parse.GetValue(tag)), ("riskClass", parse.GetValue(riskClass)), ("owner", parse.GetValue(owner)), ("limit", parse.GetValue(limit)?.ToString()));
            var response = await context.Api.GetAsync("api/models" + query, context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed("listing models", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var table = new TextTable("MODEL", "VERSION", "LIFECYCLE", "LIVE IN", "RISK", "TRAINED BY", "REGISTERED");
            foreach (var model in response.Json().Items())
            {
                table.Add(model.Text("name"), model.Text("version"), model.Text("lifecycle"), model.List("environments"),
                    model.Text("riskClass"), model.Text("trainedBy"), model.When("registeredAt"));
            }

            table.WriteTo(context.Out, "No model versions.");
            return ExitCodes.Success;
        }, name, stage, environment, tag, riskClass, owner, limit);
    }

    private static Command Show(CliCommand commands)
    {
        var (name, version) = VersionArguments();
        return commands.Create("show", "A model version: lifecycle, registration, metrics, where it is live, history", async (parse, context) =>
        {
            var path = VersionPath(parse, name, version);
            var response = await context.Api.GetAsync(path, context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"showing model {Describe(parse, name, version)}", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var view = response.Json();
            var registration = view?["registration"];
            new KeyValueWriter()
                .Add("model", $"{view?["key"].Text("name")}/{view?["key"].Text("version")}")
                .Add("lifecycle", view.Text("lifecycle"))
                .Add("live in", view.List("liveIn"))
                .Add("purpose", registration.Text("purpose"))
                .Add("risk class", registration.Text("riskClass"))
                .Add("owner", registration.Text("owner"))
                .Add("tier", registration.Text("tier"))
                .Add("tags", registration.List("tags"))
                .Add("artifact", registration.Text("artifactSha256"))
                .Add("training", registration.Pairs("trainingMetrics"))
                .Add("validation", view.Pairs("validationMetrics"))
                .Add("approved by", view.Text("approvedBy"))
                .Add("revalidation due", view.When("revalidationDueAt"))
                .Add("owner run", view.Text("ownerRunId"))
                .Add("documents", view.Items("documents").Count().ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WriteTo(context.Out);
            context.Out.WriteLine();
            var history = new TextTable("AT", "TO", "BY", "RUN", "DETAIL");
            foreach (var change in view.Items("history"))
            {
                history.Add(change.When("at"), change.Text("to"), change.Text("actor"), change.Text("runId"), change.Text("detail"));
            }

            history.WriteTo(context.Out, "No history.");
            return ExitCodes.Success;
        }, name, version);
    }

    private static Command Card(CliCommand commands)
    {
        var (name, version) = VersionArguments();
        var document = new Option<string>("--document") { Description = "Which document", DefaultValueFactory = _ => Documents[0] };
        document.AcceptOnlyFromAmong(Documents);
        var output = new Option<FileInfo>("--output", "-o") { Description = "Write the document to this file instead of stdout" };
        return commands.Create("card", "The model card (or Annex IV documentation), generated from the registry and the audit trail", async (parse, context) =>
        {
            var wanted = parse.GetRequiredValue(document);
            var response = await context.Api.GetAsync($"{VersionPath(parse, name, version)}/documents/{wanted}", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"getting {wanted} of model {Describe(parse, name, version)}", response);
            }

            if (parse.GetValue(output) is not { } file)
            {
                // The document itself is the answer; --json has no JSON to print here.
                context.Out.Write(response.Body);
                return ExitCodes.Success;
            }

            await File.WriteAllBytesAsync(file.FullName, response.Content, context.CancellationToken);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(response.Content));
            if (context.Json)
            {
                context.Out.WriteLine(new JsonObject { ["file"] = file.FullName, ["bytes"] = response.Content.Length, ["sha256"] = sha256, ["etag"] = response.ETag }.ToJsonString());
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"Wrote {wanted} of {Describe(parse, name, version)} to {file.FullName} ({response.Content.Length} bytes, sha256 {sha256}).");
            return ExitCodes.Success;
        }, name, version, document, output);
    }

    private static Command Lineage(CliCommand commands)
    {
        var (name, version) = VersionArguments();
        return commands.Create("lineage", "What produced a model version: data set and files, code commit, parameters, who trained it", async (parse, context) =>
        {
            var response = await context.Api.GetAsync($"{VersionPath(parse, name, version)}/lineage", context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"getting the lineage of model {Describe(parse, name, version)}", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var lineage = response.Json();
            new KeyValueWriter()
                .Add("model", $"{lineage.Text("name")}/{lineage.Text("version")}")
                .Add("artifact", lineage.Text("artifactSha256"))
                .Add("data set", $"{lineage.Text("datasetId")} {lineage.Text("datasetVersion")}")
                .Add("code commit", lineage.Text("codeCommit"))
                .Add("trained by", lineage.Text("trainedBy"))
                .Add("trained", lineage.When("trainedAt"))
                .Add("parameters", lineage.Pairs("parameters"))
                .Add("environment", lineage.Pairs("environment"))
                .Add("training", lineage.Pairs("trainingMetrics"))
                .Add("validation", lineage.Pairs("validationMetrics"))
                .WriteTo(context.Out);
            context.Out.WriteLine();
            var files = new TextTable("ROLE", "ROWS", "SHA-256", "PATH");
            foreach (var file in lineage.Items("files"))
            {
                files.Add(file.Text("role"), file.Text("rows"), file.Text("sha256"), file.Text("path"));
            }

            files.WriteTo(context.Out, "No files recorded.");
            return ExitCodes.Success;
        }, name, version);
    }

    private static (Argument<string> Name, Argument<int> Version) VersionArguments() =>
        (new Argument<string>("name") { Description = "The model, e.g. credit-risk" }, new Argument<int>("version") { Description = "The version number" });

    private static string VersionPath(ParseResult parse, Argument<string> name, Argument<int> version) =>
        $"api/models/{CommandContext.Segment(parse.GetRequiredValue(name))}/versions/{parse.GetRequiredValue(version)}";

    private static string Describe(ParseResult parse, Argument<string> name, Argument<int> version) =>
        $"{parse.GetRequiredValue(name)}/{parse.GetRequiredValue(version)}";
}
