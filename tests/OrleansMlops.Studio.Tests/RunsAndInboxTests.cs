using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// Runs (#/runs, #/runs/&lt;id&gt;) and the approvals inbox (#/inbox): a credit release started from the studio, watched
/// live on its diagram, signed off and approved by two other people from their inboxes; refusals shown in place.
/// </summary>
public sealed class RunsAndInboxTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_credit_run_started_from_the_runs_page_waits_for_review_and_is_decided_from_the_inboxes_of_vera_and_bob()
    {
        await using var studio = await browser.OpenAsAsync(host, "alice");
        var page = studio.Page;
        await studio.GotoAsync("runs");
        await Expect(page.Locator("form.start-run select[name=workflowId]")).ToHaveValueAsync("credit-risk");
        Assert.Contains("threshold.auc.min", await page.Locator("form.start-run textarea[name=parameters]").InputValueAsync(), StringComparison.Ordinal);
        await studio.ScreenshotAsync("runs-list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("#/runs/run-"), new() { Timeout = 90_000 });
        var runId = Uri.UnescapeDataString(new Uri(page.Url).Fragment["#/runs/".Length..]);

        await Expect(page.Locator(".run-summary [data-fact=status]")).ToHaveTextAsync("waiting for user", Slow);
        await Expect(page.Locator(".run-summary [data-fact=started-by]")).ToContainTextAsync("alice");
        await Expect(page.Locator(".run-summary [data-fact=model]")).ToContainTextAsync("credit-risk v");
        await Expect(Shape(page, "UserTask_ValidationReview")).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        await Expect(Shape(page, "Task_TrainModel")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(page.Locator(".run-diagram g.djs-element[data-element-id=Flow_ToTrain]")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(Shape(page, "UserTask_ApproveModel")).Not.ToHaveClassAsync(new Regex(@"\b(current|completed)\b"));
        await Expect(page.Locator("#open-tasks")).ToContainTextAsync("Independent validation review");
        await Expect(page.Locator("#audit [data-audit=valid]")).ToBeVisibleAsync();
        await studio.ScreenshotAsync("runs-waiting-for-review");

        // vera signs in and signs the validation off from her inbox.
        await studio.GotoAsync("inbox");
        await studio.SignInAsAsync("vera");
        var review = page.Locator($"#inbox-list .task-card[data-run='{runId}']");
        await Expect(review).ToContainTextAsync("Independent validation review");
        await Expect(review).ToContainTextAsync("credit-risk v");
        await review.Locator("textarea[name=comment]").FillAsync("Results reproduced, limitations documented");
        await studio.ScreenshotAsync("inbox-vera");
        await review.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(review).ToHaveCountAsync(0);

        // bob sees the approval only now, and approves.
        await studio.SignInAsAsync("bob");
        var approval = page.Locator($"#inbox-list .task-card[data-run='{runId}']");
        await Expect(approval).ToContainTextAsync("Approve model");
        await approval.Locator("textarea[name=comment]").FillAsync("Metrics, fairness and evidence reviewed");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approval).ToHaveCountAsync(0);

        await studio.GotoAsync($"runs/{runId}");
        await Expect(page.Locator(".run-summary [data-fact=status]")).ToHaveTextAsync("completed", Slow);
        await Expect(page.Locator(".run-summary [data-fact=ended-at]")).ToHaveTextAsync("EndEvent_Deployed");
        await Expect(Shape(page, "EndEvent_Deployed")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(Shape(page, "UserTask_ApproveModel")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(page.Locator("#open-tasks")).ToContainTextAsync("the run has finished");
        await Expect(page.Locator("#history")).ToContainTextAsync("vera");
        await Expect(page.Locator("#history")).ToContainTextAsync("bob");

        // Every gate decision with each rule's result and the rule set version it used.
        var approveDecision = page.Locator("#decisions .decision-record[data-outcome=allowed]").Filter(new() { HasText = "approve" }).First;
        await Expect(approveDecision).ToBeVisibleAsync();
        await Expect(approveDecision.Locator("table.rules tbody tr").First).ToContainTextAsync(new Regex(@"@\d+"));
        await Expect(approveDecision).ToContainTextAsync("✓ passed");
        await Expect(page.Locator("#audit [data-audit=valid]")).ToBeVisibleAsync();
        await studio.ScreenshotAsync("runs-completed");

        await page.GetByRole(AriaRole.Link, new() { Name = "← All runs" }).ClickAsync();
        await page.SelectOptionAsync("select[name=status]", "completed");
        await Expect(page.Locator($"#run-list tr[data-run='{runId}']")).ToContainTextAsync("completed");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task The_run_page_follows_a_decision_taken_elsewhere_and_keeps_a_comment_being_typed()
    {
        using var http = StudioHttp.Client(host);
        var runId = await StudioHttp.StartCreditRunAsync(host, http);
        await using var studio = await browser.OpenAsAsync(host, "vera");
        var page = studio.Page;
        await studio.GotoAsync($"runs/{runId}");
        var comment = page.Locator("#open-tasks .decision[data-task=UserTask_ValidationReview] textarea[name=comment]");
        await comment.FillAsync("half-typed thought");
        var before = await page.Locator(".live").InnerTextAsync();
        await Expect(page.Locator(".live")).Not.ToHaveTextAsync(before, new() { Timeout = 5_000 });
        await Expect(page.Locator(".live")).Not.ToHaveTextAsync(before, new() { Timeout = 5_000 });
        await Expect(comment).ToHaveValueAsync("half-typed thought");

        var signedOff = await http.SendAsync(StudioHttp.Post(host, $"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }, "vera"));
        Assert.Equal(HttpStatusCode.OK, signedOff.StatusCode);

        await Expect(page.Locator("#open-tasks")).ToContainTextAsync("Approve model", new() { Timeout = 10_000 });
        await Expect(Shape(page, "UserTask_ApproveModel")).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        await Expect(Shape(page, "UserTask_ValidationReview")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(Shape(page, "StartEvent_ReleaseRequested")).ToHaveClassAsync(new Regex(@"\bcompleted\b"));
        await Expect(page.Locator("#history")).ToContainTextAsync("vera");
        await studio.ScreenshotAsync("runs-live-after-signoff");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task Decisions_not_allowed_are_not_offered_refusals_are_shown_in_place_and_self_involved_tasks_are_flagged()
    {
        using var http = StudioHttp.Client(host);
        var own = await StudioHttp.StartCreditRunAsync(host, http);

        // alice's roles do not let her decide tasks at all: the review of her run is shown, its buttons disabled.
        await using var studio = await browser.OpenAsAsync(host, "alice");
        var page = studio.Page;
        await studio.GotoAsync($"runs/{own}");
        var review = page.Locator("#open-tasks .decision[data-task=UserTask_ValidationReview]");
        await Expect(review).ToContainTextAsync("Your roles do not allow deciding tasks");
        await Expect(review.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        await Expect(review.Locator("textarea[name=comment]")).ToBeDisabledAsync();
        await studio.ScreenshotAsync("runs-not-permitted");

        // bob may decide tasks, but this one is for validators: the engine's 403 is shown in place, naming who asked.
        await studio.SignInAsAsync("bob");
        await review.Locator("textarea[name=comment]").FillAsync("looks fine to me");
        await review.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var problem = review.Locator(".problem[role=alert]");
        await Expect(problem).ToContainTextAsync("Not permitted");
        await Expect(problem).ToContainTextAsync("needs one of the roles validator");
        await Expect(problem).ToContainTextAsync("Signed in as bob (approver)");
        await Expect(review.Locator("textarea[name=comment]")).ToHaveValueAsync("looks fine to me");
        await Expect(page.Locator(".run-summary [data-fact=status]")).ToHaveTextAsync("waiting for user");
        await studio.ScreenshotAsync("runs-refused-missing-role");

        // vince develops and validates; he started a run himself: his inbox lists its review but says up front he may
        // not decide it. He is not a sample person, so he signs in with a token.
        const string vince = StudioHost.DataScientistAndValidator;
        var vinces = await StudioHttp.StartCreditRunAsync(host, http, vince);
        await studio.GotoAsync("inbox");
        await studio.SignInWithTokenAsync(host.TokenFor(vince), vince);
        var mine = page.Locator($"#inbox-list .task-card[data-run='{vinces}']");
        await Expect(mine).ToContainTextAsync("You submitted or trained this run");
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        var others = page.Locator($"#inbox-list .task-card[data-run='{own}']");
        await Expect(others.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeEnabledAsync();
        await studio.ScreenshotAsync("inbox-self-involved");

        // Sent anyway, the engine refuses his own run's review (independent validation); its run page shows why.
        var refusal = await http.SendAsync(StudioHttp.Post(host, $"/api/runs/{vinces}/tasks/UserTask_ValidationReview", new { decision = "approve" }, vince));
        Assert.Equal(HttpStatusCode.Forbidden, refusal.StatusCode);
        await studio.GotoAsync($"runs/{vinces}");
        var ownReview = page.Locator("#open-tasks .decision[data-task=UserTask_ValidationReview]");
        await ownReview.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ownReview.Locator(".problem[role=alert]")).ToContainTextAsync("Independent validation");
        await studio.ScreenshotAsync("runs-refused-independence");
        studio.AssertNoErrorsBut(403, 403);
    }

    [Fact]
    public async Task A_rejection_asks_for_its_reason_before_it_is_sent()
    {
        using var http = StudioHttp.Client(host);
        var runId = await StudioHttp.StartCreditRunAsync(host, http);
        await using var studio = await browser.OpenAsAsync(host, "vera");
        var page = studio.Page;
        await studio.GotoAsync($"runs/{runId}");
        var review = page.Locator("#open-tasks .decision[data-task=UserTask_ValidationReview]");

        await review.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Expect(review.Locator("[role=alert]")).ToContainTextAsync("A rejection needs a reason");
        await Expect(page.Locator(".run-summary [data-fact=status]")).ToHaveTextAsync("waiting for user");

        await review.Locator("textarea[name=comment]").FillAsync("AUC not reproduced on the holdout");
        await review.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(page.Locator(".run-summary [data-fact=status]")).ToHaveTextAsync("completed", Slow);
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task An_unknown_run_and_invalid_parameters_are_problems_on_the_page()
    {
        await using var studio = await browser.OpenAsAsync(host, "alice");
        var page = studio.Page;
        await studio.GotoAsync("runs");
        await page.Locator("form.start-run textarea[name=parameters]").FillAsync("{ not json");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        await Expect(page.Locator("form.start-run .problem")).ToContainTextAsync("Parameters are not valid JSON");

        await page.Locator("form.start-run textarea[name=parameters]").FillAsync("{\"nested\": {\"a\": 1}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        await Expect(page.Locator("form.start-run .problem")).ToContainTextAsync("parameters.nested");

        await studio.GotoAsync("runs/run-nobody-started");
        await Expect(page.Locator("main .problem[role=alert]")).ToContainTextAsync("run-nobody-started");
        studio.AssertNoErrorsBut(400, 404);
    }

    private static ILocator Shape(IPage page, string elementId) => page.Locator($".run-diagram g.djs-element[data-element-id='{elementId}']");
}
