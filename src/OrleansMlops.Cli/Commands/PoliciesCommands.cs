using System.CommandLine;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary>
/// <c>policies list|lint|test|dry-run|propose|proposals|approve|reject</c>: GET /api/policies, POST /api/policies/lint,
/// POST /api/policies/{id}/test, POST /api/policies/dry-run, PUT /api/policies/{id}, GET /api/policies/proposals,
/// POST /api/policies/proposals/{id}/approve|reject.
/// </summary>
public static class PoliciesCommands
{
    public static Command Create(CliCommand commands) => CliCommand.Group("policies", "Governance rule sets: list, lint, test, dry-run, and changes a second author approves",
        List(commands), Lint(commands), Test(commands), DryRun(commands), Propose(commands), Proposals(commands),
        Decide(commands, "approve", "--comment", "What the approver checked"), Decide(commands, "reject", "--reason", "Why the proposal is rejected (required)"));

    private static Command List(CliCommand commands) => commands.Create("list", "The rule sets in force", async (parse, context) =>
    {
        var response = await context.Api.GetAsync("api/policies", context.CancellationToken);
        if (!response.IsSuccess)
        {
            return context.Failed("listing rule sets", response);
        }

        if (context.Json)
        {
            return context.PrintJson(response);
        }

        var table = new TextTable("RULE SET", "VERSION", "APPLIES TO", "ACTIVATED BY", "ACTIVATED", "SOURCE");
        foreach (var ruleSet in response.Json().Items())
        {
            table.Add(ruleSet?["ref"].Text("ruleSetId"), ruleSet?["ref"].Text("version"), ruleSet.List("appliesTo"),
                ruleSet.Text("activatedBy"), ruleSet.When("activatedAt"), ruleSet.Text("source"));
        }

        table.WriteTo(context.Out, "No rule sets in force.");
        return ExitCodes.Success;
    });

    private static Command Lint(CliCommand commands)
    {
        var file = RuleSetFile();
        return commands.Create("lint", "Load, safety-check and compile a rule set on the host without activating it; exit 1 when it is refused",
            async (parse, context) =>
            {
                var path = parse.GetRequiredValue(file).FullName;
                if (await context.ReadFileAsync(path) is not { } json)
                {
                    return ExitCodes.UsageError;
                }

                var response = await context.Api.PostJsonAsync("api/policies/lint", json, context.CancellationToken);
                if (!response.IsSuccess)
                {
                    return context.Failed($"linting '{path}'", response);
                }

                var lint = response.Json();
                var exitCode = lint.Flag("valid") ? ExitCodes.Success : ExitCodes.NegativeOutcome;
                if (context.Json)
                {
                    return context.PrintJson(response, exitCode);
                }

                var name = Path.GetFileName(path);
                if (exitCode == ExitCodes.Success)
                {
                    var replaces = lint?["replaces"] is { } current ? $"; would replace version {current.Text("version")} in force" : "; a new rule set";
                    context.Out.WriteLine($"{name}: valid rule set {lint.Text("ruleSetId")} ({lint.Text("ruleCount")} rules, gates {lint.List("appliesTo")}{replaces})");
                    return exitCode;
                }

                foreach (var problem in lint.Items("problems"))
                {
                    context.Out.WriteLine($"{name}: {ProblemWriter.DescribeProblem(problem)}");
                }

                context.Error.WriteLine($"{name}: refused; it would not be activated.");
                return exitCode;
            }, file);
    }

    private static Command Test(CliCommand commands)
    {
        var ruleSetId = new Argument<string>("ruleSetId") { Description = "A rule set in force" };
        var cases = new Argument<FileInfo?>("cases")
        {
            Description = "A fixtures file ({\"ruleSet\":…,\"cases\":[…]}); without it, the fixtures beside the rule set on the host",
            Arity = ArgumentArity.ZeroOrOne,
        };
        return commands.Create("test", "Run fixture cases against the rule set in force; exit 1 when a case fails", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(ruleSetId);
            var body = string.Empty;
            if (parse.GetValue(cases) is { } file)
            {
                if (await context.ReadFileAsync(file.FullName) is not { } json)
                {
                    return ExitCodes.UsageError;
                }

                body = json;
            }

            var response = await context.Api.PostJsonAsync($"api/policies/{CommandContext.Segment(id)}/test", body, context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"testing rule set '{id}'", response);
            }

            var report = response.Json();
            var exitCode = report.Flag("passed") ? ExitCodes.Success : ExitCodes.NegativeOutcome;
            if (context.Json)
            {
                return context.PrintJson(response, exitCode);
            }

            foreach (var result in report.Items("cases"))
            {
                context.Out.WriteLine($"{(result.Flag("passed") ? "PASS" : "FAIL")}  {result.Text("name")}");
                foreach (var mismatch in result.Items("mismatches"))
                {
                    context.Out.WriteLine($"        {mismatch.AsText()}");
                }
            }

            if (report.Text("error") is { } error)
            {
                context.Error.WriteLine($"error: {error}");
            }

            context.Out.WriteLine($"{id} version {report?["version"].Text("version")} ({report.Text("fixturesFile")}): {report.Text("passedCount")} passed, {report.Text("failedCount")} failed");
            return exitCode;
        }, ruleSetId, cases);
    }

    private static Command DryRun(CliCommand commands)
    {
        var file = RuleSetFile();
        var transition = new Option<string>("--transition") { Description = "Only past decisions of this transition, e.g. enter:train" };
        var limit = Query.LimitOption("Replay at most this many of the latest decisions (host default 500)");
        return commands.Create("dry-run", "Replay recent gate decisions with a candidate rule set in place; shows what would change, activates nothing",
            async (parse, context) =>
            {
                var path = parse.GetRequiredValue(file).FullName;
                if (await context.ReadFileAsync(path) is not { } json)
                {
                    return ExitCodes.UsageError;
                }

                var query = Query.Of(("transition", parse.GetValue(transition)), ("limit", parse.GetValue(limit)?.ToString()));
                var response = await context.Api.PostJsonAsync("api/policies/dry-run" + query, json, context.CancellationToken);
                if (!response.IsSuccess)
                {
                    return context.Failed($"dry-running '{path}'", response);
                }

                if (context.Json)
                {
                    return context.PrintJson(response);
                }

                var report = response.Json();
                context.Out.WriteLine($"{report.Text("evaluated")} decisions replayed with {report?["candidate"].Text("ruleSetId")}: {report.Text("changed")} would change "
                    + $"({report.Text("newlyBlocked")} newly blocked, {report.Text("newlyAllowed")} newly allowed)");
                var table = new TextTable("DECISION", "RUN", "TRANSITION", "WAS", "WOULD BE", "RULES");
                foreach (var entry in report.Items("decisions").Where(d => d.Flag("changed")))
                {
                    var rules = string.Join(", ", entry.Items("changedRules").Select(r => r.Text("ruleName")));
                    table.Add(entry.Text("decisionId"), entry.Text("runId"), entry.Text("transition"), entry.Text("oldOutcome"), entry.Text("newOutcome"), rules);
                }

                if (table.Count > 0)
                {
                    table.WriteTo(context.Out);
                }

                return ExitCodes.Success;
            }, file, transition, limit);
    }

    private static Command Propose(CliCommand commands)
    {
        var ruleSetId = new Argument<string>("ruleSetId") { Description = "The id the file declares" };
        var file = RuleSetFile();
        var reason = new Option<string>("--reason") { Description = "Why the rule set changes (shown to the second author and kept in the audit trail)" };
        return commands.Create("propose", "Propose a new version of a rule set; a second compliance author approves it into force", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(ruleSetId);
            var path = parse.GetRequiredValue(file).FullName;
            if (await context.ReadBytesAsync(path) is not { } content)
            {
                return ExitCodes.UsageError;
            }

            var query = Query.Of(("reason", parse.GetValue(reason)));
            var body = new ByteArrayContent(content) { Headers = { ContentType = new("application/json") } };
            var response = await context.Api.SendAsync(HttpMethod.Put, $"api/policies/{CommandContext.Segment(id)}" + query, body, context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"proposing '{path}' as rule set '{id}'", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var proposal = response.Json();
            context.Out.WriteLine($"Proposed {id} as {proposal.Text("proposalId")} (sha256 {proposal.Text("contentHash")}); a second compliance author must approve it.");
            WriteAssessment(context, proposal);
            return ExitCodes.Success;
        }, ruleSetId, file, reason);
    }

    private static Command Proposals(CliCommand commands)
    {
        var status = new Option<string>("--status") { Description = "pending, approved or rejected" };
        return commands.Create("proposals", "Proposed rule set changes, newest first", async (parse, context) =>
        {
            var response = await context.Api.GetAsync("api/policies/proposals" + Query.Of(("status", parse.GetValue(status))), context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed("listing proposals", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var table = new TextTable("PROPOSAL", "RULE SET", "STATUS", "PROPOSED BY", "PROPOSED", "DECIDED BY", "LOOSENS");
            foreach (var proposal in response.Json().Items())
            {
                table.Add(proposal.Text("proposalId"), proposal.Text("ruleSetId"), proposal.Text("status"), proposal.Text("proposedBy"),
                    proposal.When("proposedAt"), proposal.Text("decidedBy"), proposal?["assessment"].Flag("loosens") == true ? "YES" : null);
            }

            table.WriteTo(context.Out, "No proposals.");
            return ExitCodes.Success;
        }, status);
    }

    private static Command Decide(CliCommand commands, string decision, string textOption, string textDescription)
    {
        var proposalId = new Argument<string>("proposalId");
        var text = new Option<string>(textOption) { Description = textDescription, Required = decision == "reject" };
        return commands.Create(decision, decision == "approve"
            ? "Approve another author's proposal: the rule set is in force at once"
            : "Reject (or, as its proposer, withdraw) a proposal, saying why", async (parse, context) =>
        {
            var id = parse.GetRequiredValue(proposalId);
            var body = new System.Text.Json.Nodes.JsonObject { [textOption.TrimStart('-')] = parse.GetValue(text) };
            var response = await context.Api.PostJsonAsync($"api/policies/proposals/{CommandContext.Segment(id)}/{decision}", body.ToJsonString(), context.CancellationToken);
            if (!response.IsSuccess)
            {
                return context.Failed($"{decision} of proposal '{id}'", response);
            }

            if (context.Json)
            {
                return context.PrintJson(response);
            }

            var proposal = response.Json();
            context.Out.WriteLine(decision == "approve"
                ? $"Approved {id}: {proposal.Text("ruleSetId")} version {proposal?["activated"].Text("version")} is in force."
                : $"Rejected {id}; {proposal.Text("ruleSetId")} is unchanged.");
            return ExitCodes.Success;
        }, proposalId, text);
    }

    private static void WriteAssessment(CommandContext context, System.Text.Json.Nodes.JsonNode? proposal)
    {
        var assessment = proposal?["assessment"];
        context.Out.WriteLine($"  fixtures ({assessment.Text("fixturesFile")}): {assessment.Text("fixturesPassed")} passed, {assessment.Text("fixturesFailed")} failed"
            + (assessment.Text("fixturesError") is { } error ? $"; {error}" : string.Empty));
        context.Out.WriteLine($"  dry run over {assessment.Text("decisionsReplayed")} recent decisions: {assessment.Text("newlyBlocked")} newly blocked, {assessment.Text("newlyAllowed")} newly allowed");
        if (assessment.Flag("loosens"))
        {
            context.Out.WriteLine("  WARNING: this change LOOSENS the rule set: decisions that were blocked would be allowed.");
        }
    }

    private static Argument<FileInfo> RuleSetFile() => new("file") { Description = "A rule set JSON file (policies/rule-set.schema.json)" };
}
