namespace OrleansMlops.Studio.Tests;

/// <summary>The studio is served by the host with its npm assets, and its start page loads cleanly and fast.</summary>
public sealed class StudioShellTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    [Fact]
    public async Task The_start_page_loads_with_bpmn_js_and_codemirror_from_the_host_and_no_errors()
    {
        await using var studio = await browser.OpenAsync(host);

        await studio.GotoAsync(string.Empty);

        await Microsoft.Playwright.Assertions.Expect(studio.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Governed ML delivery" })).ToBeVisibleAsync();
        Assert.Equal("function", await studio.Page.EvaluateAsync<string>("typeof BpmnJS"));
        Assert.Equal("function", await studio.Page.EvaluateAsync<string>("typeof CodeMirror"));
        Assert.Contains("rule sets in force", await studio.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await studio.ScreenshotAsync("home");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task The_studio_is_usable_from_the_keyboard_alone()
    {
        await using var studio = await browser.OpenAsync(host);
        await studio.GotoAsync(string.Empty);
        var page = studio.Page;

        // Tab through the header to the Rules link and follow it with Enter.
        string? focused = null;
        for (var i = 0; i < 10 && focused != "Rules"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("document.activeElement?.textContent?.trim()");
        }

        Assert.Equal("Rules", focused);
        await page.Keyboard.PressAsync("Enter");
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/rules$"));

        // The identity menu is a native select: focus it and change who acts with the arrow keys.
        await page.FocusAsync("#identity-select");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("vera", await page.EvaluateAsync<string>("localStorage.getItem('orleans-mlops.identity')"));
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        studio.AssertNoErrors();
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
}
