using System.Text.Json;
using Microsoft.Playwright;
using OrleansMlops.Testing;
using static Microsoft.Playwright.Assertions;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// Rule authoring in the studio (#/rules): a compliance author writes a rule set, sees why the safety check refuses
/// it, proposes a new version of a pack that a second author approves, runs its fixtures, and dry-runs a candidate over recorded decisions.
/// </summary>
public sealed class RuleAuthoringTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 60_000 };

    private const string Old = "Assign the approval task to a different person holding the approver role.";
    private const string Edited = "Assign the approval task to another person who holds the approver role.";

    [Fact]
    public async Task A_rule_set_the_safety_check_refuses_shows_phase_rule_and_expression_and_is_not_activated()
    {
        const string expression = "run.GetType().Assembly != null";
        await using var studio = await browser.OpenAsAsync(host, "colin");
        await studio.GotoAsync("rules/new");

        await studio.Page.FillAsync("#rule-set-id", "sneaky-reflection");
        await Expect(studio.Page.Locator(".CodeMirror")).ToContainTextAsync("\"sneaky-reflection\"");
        await SetEditorAsync(studio, SingleRule("sneaky-reflection", "enter:train", "SN-1 looks harmless", expression));
        await studio.Page.ClickAsync("#rule-save");

        var refusal = studio.Page.Locator("#rule-refusal");
        await Expect(refusal.Locator("#refusal-phase")).ToContainTextAsync("Safety");
        await Expect(refusal.Locator("#refusal-rule")).ToContainTextAsync("SN-1 looks harmless");
        await Expect(refusal.Locator("#refusal-expression")).ToContainTextAsync(expression);
        await Expect(refusal.Locator("#refusal-reason")).ToContainTextAsync("'GetType' is not allowed");
        await Expect(studio.Page.Locator(".CodeMirror .rule-error-line")).ToHaveCountAsync(1);
        await Expect(studio.Page.Locator(".CodeMirror .rule-error-line")).ToContainTextAsync("GetType");
        await studio.ScreenshotAsync("rules-safety-refusal");

        using var http = StudioHttp.Client(host);
        Assert.DoesNotContain("sneaky-reflection", await http.GetStringAsync("/api/policies"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.PoliciesPath, "sneaky-reflection.json")));
        studio.AssertNoErrorsBut(422);
    }

    [Fact]
    public async Task Editing_a_message_is_a_proposal_a_second_author_approves_into_version_2_whose_fixtures_still_pass()
    {
        await using (var author = await browser.OpenAsAsync(host, "colin"))
        {
            await author.GotoAsync("rules");
            await Expect(author.Page.Locator("#rule-sets tr[data-rule-set='four-eyes']")).ToContainTextAsync("v1");
            await author.ScreenshotAsync("rules-list");

            await author.Page.ClickAsync("#rule-sets a[href='#/rules/four-eyes']");
            await Expect(author.Page.Locator("#rule-in-force")).ToContainTextAsync("version 1");
            var original = await File.ReadAllTextAsync(Path.Combine(host.PoliciesPath, "four-eyes.json"));
            Assert.Equal(original, await GetEditorAsync(author));

            Assert.Contains(Old, original, StringComparison.Ordinal);
            await SetEditorAsync(author, original.Replace(Old, Edited, StringComparison.Ordinal));
            await author.Page.ClickAsync("#rule-save");

            await Expect(author.Page.Locator("#rule-saved")).ToContainTextAsync("a second compliance author must approve it", Slow);
            await Expect(author.Page.Locator("#rule-saved")).ToContainTextAsync("0 failed");
            await Expect(author.Page.Locator("#rule-in-force")).ToContainTextAsync("version 1");
            Assert.Equal(original, await File.ReadAllTextAsync(Path.Combine(host.PoliciesPath, "four-eyes.json")));

            await author.GotoAsync("rules");
            var own = author.Page.Locator("#proposals section[data-rule-set='four-eyes']");
            await own.Locator("button[data-action='approve']").ClickAsync();
            await Expect(own.Locator(".proposal-result")).ToContainTextAsync("a second compliance author must approve it");
            author.AssertNoErrorsBut(403);
        }

        await using var studio = await browser.OpenAsAsync(host, "cora");
        await studio.GotoAsync("rules");
        var proposal = studio.Page.Locator("#proposals section[data-rule-set='four-eyes']");
        await Expect(proposal).ToContainTextAsync("Proposed by colin");
        await studio.ScreenshotAsync("rules-proposal");
        await proposal.Locator("button[data-action='approve']").ClickAsync();
        await Expect(studio.Page.Locator("#proposals")).ToContainTextAsync("No change is waiting for a second author.");

        await studio.GotoAsync("rules/four-eyes");
        await Expect(studio.Page.Locator("#rule-in-force")).ToContainTextAsync("version 2");
        await Expect(studio.Page.Locator("#rule-versions tr[data-version='2']")).ToContainTextAsync("cora");
        Assert.Contains(Edited, await File.ReadAllTextAsync(Path.Combine(host.PoliciesPath, "four-eyes.json")), StringComparison.Ordinal);
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Policies, "four-eyes.json"));

        await studio.Page.ClickAsync("#rule-fixtures");
        var summary = studio.Page.Locator("#fixtures-summary");
        await Expect(summary).ToContainTextAsync("against version 2", Slow);
        var text = await summary.InnerTextAsync();
        var counts = text.Split(' ');
        Assert.Equal(counts[0], counts[2]);
        Assert.True(int.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture) >= 4, text);
        await Expect(studio.Page.Locator("#fixtures tr.failed")).ToHaveCountAsync(0);
        Assert.DoesNotContain("null", await studio.Page.InnerTextAsync("#rule-fixtures-result"), StringComparison.Ordinal);
        await studio.ScreenshotAsync("rules-four-eyes-v2-fixtures");

        await studio.Page.ClickAsync("#rule-versions tr[data-version='1'] a");
        await Expect(studio.Page.Locator("#rule-versions tr[data-version='1']")).ToContainTextAsync("in editor");
        Assert.Equal(shipped, await GetEditorAsync(studio));
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_dry_run_of_a_candidate_blocking_training_shows_the_changed_decision()
    {
        using var http = StudioHttp.Client(host);
        var runId = await StudioHttp.StartCreditRunAsync(host, http);

        await using var studio = await browser.OpenAsAsync(host, "colin");
        await studio.GotoAsync("rules/new");
        await studio.Page.FillAsync("#rule-set-id", "no-training");
        await SetEditorAsync(studio, SingleRule("no-training", "enter:train", "NT-1 nothing is trained", "run.RunId == \"no run has this id\""));
        await studio.Page.FillAsync("#dry-run-transition", "enter:train");
        await studio.Page.ClickAsync("#rule-dry-run");

        var changes = studio.Page.Locator("#dry-run-changes");
        await Expect(changes).ToContainTextAsync(runId, Slow);
        var row = changes.Locator("tbody tr", new() { HasText = runId });
        await Expect(row).ToContainTextAsync("allowed");
        await Expect(row).ToContainTextAsync("blocked");
        await Expect(row).ToContainTextAsync("no-training / NT-1 nothing is trained");
        var newlyBlocked = int.Parse(await studio.Page.Locator("#dry-run-newly-blocked dd").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(newlyBlocked >= 1);
        await studio.ScreenshotAsync("rules-dry-run");

        Assert.DoesNotContain("no-training", await http.GetStringAsync("/api/policies"), StringComparison.Ordinal);
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_dry_run_of_a_candidate_that_does_not_compile_shows_the_refusal()
    {
        await using var studio = await browser.OpenAsAsync(host, "colin");
        await studio.GotoAsync("rules/new");
        await studio.Page.FillAsync("#rule-set-id", "typo-rules");
        await SetEditorAsync(studio, SingleRule("typo-rules", "enter:train", "TY-1 typo", "model.IsRegistered"));
        await studio.Page.ClickAsync("#rule-dry-run");

        await Expect(studio.Page.Locator("#refusal-phase")).ToContainTextAsync("Compile");
        await Expect(studio.Page.Locator("#refusal-expression")).ToContainTextAsync("model.IsRegistered");
        await Expect(studio.Page.Locator(".CodeMirror .rule-error-line")).ToContainTextAsync("model.IsRegistered");
        await studio.ScreenshotAsync("rules-dry-run-refusal");
        studio.AssertNoErrorsBut(422);
    }

    internal static string SingleRule(string id, string transition, string ruleName, string expression) => JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            ["$schema"] = "./rule-set.schema.json",
            ["id"] = id,
            ["title"] = $"{id} (studio test)",
            ["owner"] = "compliance",
            ["appliesTo"] = new[] { transition },
            ["workflows"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["WorkflowName"] = $"{id}-workflow",
                    ["Rules"] = new[]
                    {
                        new Dictionary<string, object> { ["RuleName"] = ruleName, ["Expression"] = expression, ["ErrorMessage"] = $"{ruleName}: refused." },
                    },
                },
            },
        },
        new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    // CodeMirror 5 keeps its instance on the wrapper element; typing a whole document key by key adds nothing here.
    private static Task SetEditorAsync(StudioPage studio, string text) =>
        studio.Page.EvaluateAsync("text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", text);

    private static Task<string> GetEditorAsync(StudioPage studio) =>
        studio.Page.EvaluateAsync<string>("() => document.querySelector('.CodeMirror').CodeMirror.getValue()");
}
