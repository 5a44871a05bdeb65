using Microsoft.Playwright;
using OrleansMlops.Testing;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// Headless Debian Chromium driven by Playwright (its own browser download is not reachable here), with every page
/// watched for console errors, failed requests and CSP violations: a test fails on any of them.
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

    /// <summary>
    /// A fresh page nobody is signed in on (its own browser context, so its own session storage), recording console
    /// errors, failed requests and content security policy violations.
    /// </summary>
    public async Task<StudioPage> OpenAsync(StudioHost host)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });

        // Chromium reports most violations on the console by itself; the event makes each one an error the tests see.
        await context.AddInitScriptAsync(
            "window.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`))");
        return new StudioPage(await context.NewPageAsync());
    }

    /// <summary>A fresh page on the studio's start page, signed in as the sample person <paramref name="person"/> the way a person does.</summary>
    public async Task<StudioPage> OpenAsAsync(StudioHost host, string person)
    {
        var studio = await OpenAsync(host);
        await studio.SignInAsAsync(person);
        return studio;
    }
}
