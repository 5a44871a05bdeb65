using Microsoft.Playwright;
using OrleansMlops.Testing;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// Headless Debian Chromium driven by Playwright (its own browser download is not reachable here), with every page
/// watched for console errors and failed requests: a test fails on any of them.
/// </summary>
public sealed class StudioBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "artifacts", "studio-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The studio tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium); .ci/run installs it.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page acting as <paramref name="person"/>, recording console errors and failed requests.</summary>
    public async Task<StudioPage> OpenAsync(StudioHost host, string person = "alice")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        await context.AddInitScriptAsync($"localStorage.setItem('orleans-mlops.identity', '{person}')");
        var page = await context.NewPageAsync();
        return new StudioPage(page);
    }
}
