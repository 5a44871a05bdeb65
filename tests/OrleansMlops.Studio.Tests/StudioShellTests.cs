using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansMlops.Studio.Tests;

/// <summary>The studio is served by the host with its npm assets, and its start page loads cleanly and fast.</summary>
public sealed partial class StudioShellTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    [Fact]
    public async Task The_start_page_loads_with_bpmn_js_and_codemirror_from_the_host_and_no_errors()
    {
        await using var studio = await browser.OpenAsAsync(host, "alice");

        await studio.GotoAsync(string.Empty);

        await Expect(studio.Page.GetByRole(AriaRole.Heading, new() { Name = "Governed ML delivery" })).ToBeVisibleAsync();
        Assert.Equal("function", await studio.Page.EvaluateAsync<string>("typeof BpmnJS"));
        Assert.Equal("function", await studio.Page.EvaluateAsync<string>("typeof CodeMirror"));
        await Expect(studio.Page.Locator("main")).ToContainTextAsync("rule sets in force");
        await Expect(studio.Page.Locator("#signed-in")).ToHaveTextAsync("Signed in as alice (data-scientist)");
        await studio.ScreenshotAsync("home");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task An_operator_opens_the_cluster_dashboard_from_the_header_and_no_one_else_is_offered_it()
    {
        await using (var alice = await browser.OpenAsAsync(host, "alice"))
        {
            await alice.GotoAsync(string.Empty);
            await Expect(alice.Page.Locator("#signed-in")).ToContainTextAsync("alice");
            await Expect(alice.Page.Locator("#cluster-dashboard")).ToHaveCountAsync(0);
        }

        await using var studio = await browser.OpenAsAsync(host, "otto");
        await studio.GotoAsync(string.Empty);

        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "Cluster dashboard" }).ClickAsync();

        await Expect(studio.Page).ToHaveURLAsync(new Regex("/dashboard/$"));
        await Expect(studio.Page).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(studio.Page.Locator("#menu")).ToContainTextAsync("Grains");
        await studio.ScreenshotAsync("cluster-dashboard");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task The_studio_is_usable_from_the_keyboard_alone()
    {
        await using var studio = await browser.OpenAsync(host);
        await studio.GotoAsync(string.Empty);
        var page = studio.Page;

        // Signed out, Tab reaches the sample people's sign-in buttons; Enter signs in.
        await FocusByKeyboardAsync(page, "Tab", "Sign in as bob — approver");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#signed-in")).ToContainTextAsync("bob");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Governed ML delivery" })).ToBeVisibleAsync();

        // Focus moved to the page; back up through the header to the Rules link and follow it with Enter.
        await FocusByKeyboardAsync(page, "Shift+Tab", "Rules");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#/rules$"));
        await Expect(page.Locator("#rule-sets")).ToBeVisibleAsync();

        // And out again: Sign out is the header's last control.
        await FocusByKeyboardAsync(page, "Shift+Tab", "Sign out");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task Signed_out_the_studio_shows_only_sign_in_and_signed_in_it_offers_only_what_the_roles_allow()
    {
        await using var studio = await browser.OpenAsync(host);
        var page = studio.Page;
        var calls = new List<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                calls.Add($"{request.Method} {path}");
            }
        };

        await studio.GotoAsync("rules");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in as alice — data-scientist" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Bearer token")).ToBeVisibleAsync();
        await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#rule-sets")).ToHaveCountAsync(0);
        Assert.Equal(["GET /api/dev/people"], calls);
        Assert.DoesNotMatch(AbsentPartShownAsNull(), await page.InnerTextAsync("main"));
        await studio.ScreenshotAsync("sign-in");

        // alice may read rule sets, not activate or test them: neither is offered.
        await studio.SignInAsAsync("alice");
        await Expect(page.Locator("#rule-sets tr[data-rule-set='four-eyes']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New rule set" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".not-permitted")).ToContainTextAsync("activateRuleSet");
        await page.Locator("#rule-sets a[href='#/rules/four-eyes']").ClickAsync();
        await Expect(page.Locator("#rule-in-force")).ToContainTextAsync("version");
        await Expect(page.Locator("#rule-save")).ToHaveCountAsync(0);
        await Expect(page.Locator("#rule-fixtures")).ToHaveCountAsync(0);
        await Expect(page.Locator("#rule-dry-run")).ToHaveCountAsync(0);
        await Expect(page.Locator(".not-permitted")).ToContainTextAsync("you can read this one");
        await studio.ScreenshotAsync("rules-read-only");

        // colin, the compliance author, is offered activation on the same page.
        await studio.SignInAsAsync("colin");
        await Expect(page.Locator("#rule-save")).ToBeVisibleAsync();
        await Expect(page.Locator("#rule-fixtures")).ToBeVisibleAsync();
        await Expect(page.Locator(".not-permitted")).ToHaveCountAsync(0);
        Assert.DoesNotMatch(AbsentPartShownAsNull(), await page.InnerTextAsync("main"));
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_pasted_token_signs_in_a_refused_one_is_shown_and_a_stale_one_leads_back_to_sign_in()
    {
        await using var studio = await browser.OpenAsync(host);
        var page = studio.Page;
        await studio.GotoAsync(string.Empty);

        await page.GetByLabel("Bearer token").FillAsync("not-a-token");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#sign-in-outcome .problem")).ToContainTextAsync("Not signed in");
        await Expect(page.Locator("#signed-in")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('orleans-mlops.token')"));

        await studio.SignInWithTokenAsync("Bearer " + host.TokenFor(StudioHost.DataScientistAndValidator), StudioHost.DataScientistAndValidator);
        await Expect(page.Locator("#signed-in")).ToContainTextAsync("data-scientist, validator");

        // A kept token the engine no longer accepts (here: one it never signed) ends the session at the next start.
        await page.EvaluateAsync("sessionStorage.setItem('orleans-mlops.token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')");
        await page.ReloadAsync();
        await Expect(page.Locator("#sign-in-notice")).ToContainTextAsync("Your sign-in has ended");
        await Expect(page.Locator("#signed-in")).ToHaveCountAsync(0);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('orleans-mlops.token')"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Regression: under load the stale token reached one more request before the page ended the session.
        studio.AssertNoErrorsButSome(401, atLeast: 2);
    }

    [Fact]
    public async Task The_studio_is_served_with_a_content_security_policy_its_pages_keep()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var response = await http.GetAsync("/studio/");

        response.EnsureSuccessStatusCode();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // Every page, with the BPMN modeler and the rule editor: any violation would be logged as an error.
        await using var studio = await browser.OpenAsAsync(host, "dana");
        foreach (var (hash, ready) in new[]
        {
            ("workflows/credit-risk", ".canvas .djs-element[data-element-id='UserTask_ValidationReview']"),
            ("rules/four-eyes", ".CodeMirror"),
            ("runs", "#run-list"),
            ("inbox", "#inbox-list"),
            ("registry", "#registry-results"),
        })
        {
            await studio.GotoAsync(hash);
            await Expect(studio.Page.Locator(ready).First).ToBeVisibleAsync();
        }

        studio.AssertNoErrors();

        // The watch is real: an injected inline script, which the policy forbids, is blocked and reported.
        await studio.Page.RunAndWaitForConsoleMessageAsync(
            () => studio.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.append(s); }"),
            new() { Predicate = message => message.Text.StartsWith("CSP violation: script-src", StringComparison.Ordinal) });
        Assert.False(await studio.Page.EvaluateAsync<bool>("() => window.injected === true"));
    }

    [Fact]
    public async Task Node_modules_beyond_the_vendor_folders_are_not_served()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var vendor = await http.GetAsync("/studio/vendor/bpmn-js/bpmn-modeler.production.min.js");
        var package = await http.GetAsync("/studio/vendor/../node_modules/bpmn-js/package.json");
        var lockFile = await http.GetAsync("/studio/package-lock.json");

        Assert.True(vendor.IsSuccessStatusCode);
        Assert.Equal("nosniff", vendor.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(package.IsSuccessStatusCode);
        Assert.False(lockFile.IsSuccessStatusCode);
    }

    // Presses the key until the focused element reads `text`, as a keyboard user would (bounded: a missing control fails).
    private static async Task FocusByKeyboardAsync(IPage page, string key, string text)
    {
        string? focused = null;
        for (var i = 0; i < 20 && focused != text; i++)
        {
            await page.Keyboard.PressAsync(key);
            focused = await page.EvaluateAsync<string?>("document.activeElement?.textContent?.trim()");
        }

        Assert.Equal(text, focused);
    }

    // Node.append writes a null child as the text "null": a left-out part of a view must not show up so.
    [GeneratedRegex("^null$", RegexOptions.Multiline)]
    private static partial Regex AbsentPartShownAsNull();
}
