using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// The model registry in the studio (#/registry): after a governed credit release, the version is listed, and its page
/// shows lifecycle, lineage with file hashes, the production history and working links to its evidence.
/// </summary>
public sealed partial class RegistryPageTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    [Fact]
    public async Task A_released_credit_model_is_listed_with_lifecycle_lineage_production_history_and_evidence()
    {
        using var http = StudioHttp.Client(host);
        var (runId, version) = await StudioHttp.ReleaseAsync(host, http);
        await WaitForIndexAsync(http, version);

        // audrey, the auditor, may also read the audit trail that lists the documents frozen at approval.
        await using var studio = await browser.OpenAsAsync(host, "audrey");
        await studio.GotoAsync("registry");
        var row = studio.Page.Locator($"#models tr[data-model='credit-risk/{version}']");
        await Expect(row).ToContainTextAsync("deployed");
        await Expect(row).ToContainTextAsync("production");

        await studio.Page.SelectOptionAsync("#filter-stage", "retired");
        await studio.Page.ClickAsync("#registry-filters button[type=submit]");
        await Expect(studio.Page.Locator("#registry-results")).ToContainTextAsync("No model version matches.");
        await studio.Page.SelectOptionAsync("#filter-stage", "deployed");
        await studio.Page.FillAsync("#filter-environment", "production");
        await studio.Page.ClickAsync("#registry-filters button[type=submit]");
        await Expect(row).ToBeVisibleAsync();
        await studio.ScreenshotAsync("registry-list");

        await row.Locator($"a[href='#/registry/credit-risk/{version}']").ClickAsync();
        await Expect(studio.Page.Locator("#model-lifecycle")).ToContainTextAsync("deployed");
        await Expect(studio.Page.Locator("#model-owner-run")).ToContainTextAsync(runId);
        await Expect(studio.Page.Locator("#model-registration")).ToContainTextAsync("creditworthiness assessment of retail loan applicants");
        await Expect(studio.Page.Locator("#model-registration")).ToContainTextAsync("head-of-retail-credit");
        await Expect(studio.Page.Locator("#lifecycle-history")).ToContainTextAsync("vera");

        var files = studio.Page.Locator("#lineage-files tbody tr");
        await Expect(files.First).ToBeVisibleAsync();
        Assert.True(await files.CountAsync() >= 1);
        foreach (var hash in await studio.Page.Locator("#lineage-files code.hash").AllInnerTextsAsync())
        {
            Assert.Matches(Sha256(), hash);
        }

        await Expect(studio.Page.Locator("#lineage-commit")).ToContainTextAsync(OrleansMlops.Testing.TestEngineSettings.CodeCommit);
        await Expect(studio.Page.Locator("#lineage-diagram")).ToBeVisibleAsync();

        // The API answers the image only with a token, so the page fetches it and shows it from memory.
        Assert.StartsWith("blob:", await studio.Page.Locator("#lineage-diagram").GetAttributeAsync("src"), StringComparison.Ordinal);
        await studio.Page.WaitForFunctionAsync("() => { const img = document.getElementById('lineage-diagram'); return img.complete && img.naturalWidth > 0; }");
        await Expect(studio.Page.Locator("#history-production")).ToContainTextAsync($"v{version}");
        await Expect(studio.Page.Locator("#history-production")).ToContainTextAsync("deploy");
        await Expect(studio.Page.Locator("#history-staging")).ToContainTextAsync($"v{version}");

        var card = studio.Page.Locator("#generated-documents a[data-document='model-card.html']");
        Assert.Equal("_blank", await card.GetAttributeAsync("target"));
        var cardResponse = await http.GetAsync(await card.GetAttributeAsync("href"));
        Assert.Equal(HttpStatusCode.OK, cardResponse.StatusCode);
        Assert.StartsWith("text/html", cardResponse.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var annex = await http.GetAsync(await studio.Page.Locator("#generated-documents a[data-document='annex-iv.html']").GetAttributeAsync("href"));
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);

        var frozen = studio.Page.Locator("#frozen-documents a");
        await Expect(frozen.First).ToBeVisibleAsync();
        Assert.True(await frozen.CountAsync() >= 2);
        foreach (var href in await frozen.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.Matches(new Regex("^/api/evidence/[0-9a-f]{64}$"), href);
            var document = await http.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Equal(href["/api/evidence/".Length..], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await document.Content.ReadAsByteArrayAsync())));
        }

        var popup = await studio.Page.RunAndWaitForPopupAsync(() => card.ClickAsync());
        await popup.WaitForLoadStateAsync();
        Assert.Contains("credit-risk", await popup.InnerTextAsync("body"), StringComparison.Ordinal);
        await popup.CloseAsync();

        await studio.ScreenshotAsync("registry-version");

        // alice may not read audit trails: the frozen documents are not offered to her, the generated ones are.
        await studio.SignInAsAsync("alice");
        await Expect(studio.Page.Locator("#evidence .not-permitted")).ToContainTextAsync("readAudit");
        await Expect(studio.Page.Locator("#frozen-documents")).ToHaveCountAsync(0);
        await Expect(card).ToBeVisibleAsync();
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task An_unknown_version_shows_the_problem_without_errors()
    {
        await using var studio = await browser.OpenAsAsync(host, "alice");
        await studio.GotoAsync("registry/no-such-model/7");

        await Expect(studio.Page.Locator(".problem")).ToContainTextAsync("no-such-model");
        await studio.ScreenshotAsync("registry-unknown-version");
        studio.AssertNoErrorsBut(404);
    }

    private static async Task WaitForIndexAsync(HttpClient http, int version)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var found = JsonDocument.Parse(await http.GetStringAsync("/api/models?name=credit-risk")).RootElement;
            if (found.EnumerateArray().Any(m => m.GetProperty("version").GetInt32() == version && m.GetProperty("lifecycle").GetString() == "deployed"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"credit-risk v{version} never showed as deployed in the registry index.");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
