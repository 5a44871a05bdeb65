using Microsoft.Playwright;

namespace OrleansMlops.Studio.Tests;

/// <summary>A browser page of the studio that remembers every console error, page error and failed request.</summary>
public sealed class StudioPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public StudioPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => _errors.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
    }

    public IPage Page { get; }

    /// <summary>
    /// Errors seen so far. Chromium logs "Failed to load resource: … status of 4xx" for every fetch answered with an
    /// error, however the page handles it; tests that provoke refusals on purpose use <see cref="AssertNoErrorsBut"/>.
    /// </summary>
    public IReadOnlyList<string> Errors => _errors;

    public async Task GotoAsync(string hash)
    {
        await Page.GotoAsync($"/studio/#/{hash}");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Signs in as a sample person with the development sign-in button, as a person would (signing out whoever is
    /// signed in first); the page the address names is then shown to them.
    /// </summary>
    public async Task SignInAsAsync(string person)
    {
        await SignOutIfSignedInAsync();
        await Page.Locator($".sign-in-people button[data-person='{person}']").ClickAsync();
        await SignedInAsync(person);
    }

    /// <summary>Signs in by pasting <paramref name="token"/> into the sign-in form, as someone who is not a sample person does.</summary>
    public async Task SignInWithTokenAsync(string token, string person)
    {
        await SignOutIfSignedInAsync();
        await Page.Locator("#token-input").FillAsync(token);
        await Page.Locator("form.sign-in-token button[type=submit]").ClickAsync();
        await SignedInAsync(person);
    }

    private async Task SignOutIfSignedInAsync()
    {
        if (!Page.Url.Contains("/studio/", StringComparison.Ordinal))
        {
            await GotoAsync(string.Empty);
        }

        var signOut = Page.Locator("#sign-out");
        if (await signOut.IsVisibleAsync())
        {
            await signOut.ClickAsync();
        }
    }

    private async Task SignedInAsync(string person)
    {
        await Assertions.Expect(Page.Locator("#signed-in strong")).ToHaveTextAsync(person);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Saves a screenshot of the page as a build artifact (artifacts/studio-screenshots/name.png).</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(StudioBrowser.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StudioBrowser.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join(Environment.NewLine, _errors));

    /// <summary>
    /// For a test that provokes API refusals on purpose: each expected status must have been logged by the browser
    /// exactly as often as listed; any other error fails the test.
    /// </summary>
    public void AssertNoErrorsBut(params int[] expectedStatuses)
    {
        var left = _errors.ToList();
        foreach (var status in expectedStatuses)
        {
            var index = left.FindIndex(e => e.StartsWith($"console: Failed to load resource: the server responded with a status of {status} ", StringComparison.Ordinal));
            Assert.True(index >= 0, $"expected the browser to log the {status} the test provoked; errors: {string.Join(Environment.NewLine, _errors)}");
            left.RemoveAt(index);
        }

        Assert.True(left.Count == 0, string.Join(Environment.NewLine, left));
    }

    /// <summary>
    /// For a test whose provoked refusals race the page's own requests (how many requests a stale sign-in reaches
    /// before the page ends it depends on timing): at least <paramref name="atLeast"/> of <paramref name="status"/> and
    /// no other error.
    /// </summary>
    public void AssertNoErrorsButSome(int status, int atLeast)
    {
        var prefix = $"console: Failed to load resource: the server responded with a status of {status} ";
        var provoked = _errors.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(provoked >= atLeast, $"expected the browser to log at least {atLeast} {status}s the test provoked; errors: {string.Join(Environment.NewLine, _errors)}");
        Assert.True(provoked == _errors.Count, string.Join(Environment.NewLine, _errors));
    }

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
