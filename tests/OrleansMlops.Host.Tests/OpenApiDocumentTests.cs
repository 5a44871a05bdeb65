using System.Net;
using System.Text.Json.Nodes;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>The committed docs/openapi.json must describe the API the host serves, so scripts and clients built on it work.</summary>
public sealed class OpenApiDocumentTests
{
    private const string Refresh = "dotnet build src/OrleansMlops.Host -p:OpenApiDocumentsDirectory=$PWD/docs";

    [Fact]
    public async Task The_committed_document_matches_the_running_api()
    {
        await using var factory = new EngineHostFactory();
        // The document describes the production API: no development sign-in endpoints.
        await using var host = factory.WithWebHostBuilder(builder => builder.UseSetting("Security:Development", "false"));

        var response = await host.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        // The address the document was fetched from, not part of the API.
        served.Remove("servers");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "openapi.json")))!;
        if (!JsonNode.DeepEquals(served, committed))
        {
            Assert.Fail($"docs/openapi.json differs from the running API ({Differences(served, committed)}); refresh it with `{Refresh}` and commit it.");
        }
    }

    [Fact]
    public async Task The_document_is_served_without_credentials_and_lists_the_run_api()
    {
        await using var factory = new EngineHostFactory();

        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var runs = document["paths"]!["/api/runs"]!.AsObject();
        Assert.True(runs.ContainsKey("get"));
        Assert.True(runs.ContainsKey("post"));
    }

    private static string Differences(JsonNode served, JsonNode committed)
    {
        var servedPaths = served["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        var committedPaths = committed["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        var added = servedPaths.Except(committedPaths).ToList();
        var removed = committedPaths.Except(servedPaths).ToList();
        var changed = servedPaths.Intersect(committedPaths)
            .Where(p => !JsonNode.DeepEquals(served["paths"]![p], committed["paths"]![p]))
            .ToList();
        var sections = served.AsObject().Select(p => p.Key).Union(committed.AsObject().Select(p => p.Key))
            .Where(key => key != "paths" && !JsonNode.DeepEquals(served[key], committed[key]))
            .ToList();
        return $"paths served but not committed: {List(added)}; committed but not served: {List(removed)}; changed: {List(changed)}; "
            + $"other sections changed: {List(sections)}";
    }

    private static string List(List<string> paths) => paths.Count == 0 ? "none" : string.Join(", ", paths);
}
