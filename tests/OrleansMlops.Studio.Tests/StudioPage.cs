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

    /// <summary>Errors seen so far; API refusals a test provokes on purpose show as console errors only if a page logs them.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public async Task GotoAsync(string hash)
    {
        await Page.GotoAsync($"/studio/#/{hash}");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Saves a screenshot of the page as a build artifact (artifacts/studio-screenshots/name.png).</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(StudioBrowser.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StudioBrowser.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public void AssertNoErrors() => Assert.True(_errors.Count == 0, string.Join(Environment.NewLine, _errors));

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
