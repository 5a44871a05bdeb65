using System.Text.Json;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// What the engine recorded for a set of releases, read back after the crashes, and every way it could be wrong: a run
/// not finished, an audit chain that does not verify, a transition lost or recorded twice, a deployment or a model
/// version applied twice, a decision logged twice.
/// </summary>
public static class ReleaseLedger
{
    /// <summary>The audit trail of one undisturbed credit release, record by record.</summary>
    public static readonly string[] ExpectedKinds =
    [
        "run.started",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
        "task.approved", "task.approved", "evidence.generated",
        "gate.allowed", "stage.completed",
        "gate.allowed", "stage.completed",
    ];

    public static async Task<(List<string> Problems, int Transitions)> CheckAsync(HttpClient auditor, IReadOnlyList<string> runIds)
    {
        var problems = new List<string>();
        var transitions = 0;
        foreach (var runId in runIds)
        {
            var run = await GetAsync(auditor, $"/api/runs/{runId}");
            if (run.GetProperty("status").GetString() != "completed")
            {
                problems.Add($"{runId}: {run.GetProperty("status").GetString()}, not completed");
            }

            var verification = await GetAsync(auditor, $"/api/runs/{runId}/audit/verify");
            if (!verification.GetProperty("valid").GetBoolean())
            {
                problems.Add($"{runId}: audit chain does not verify: {verification.GetProperty("problems")}");
            }

            var kinds = (await GetAsync(auditor, $"/api/runs/{runId}/audit")).EnumerateArray().Select(r => r.GetProperty("kind").GetString()!).ToList();
            transitions += kinds.Count;
            if (!kinds.SequenceEqual(ExpectedKinds))
            {
                problems.Add($"{runId}: audit trail {string.Join(",", kinds)} is not one undisturbed release");
            }

            var decisions = (await GetAsync(auditor, $"/api/decisions?runId={runId}&limit=1000")).EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()).ToList();
            var recorded = run.GetProperty("decisions").GetArrayLength();
            if (decisions.Count != recorded || decisions.Distinct().Count() != decisions.Count)
            {
                problems.Add($"{runId}: the decision log holds {decisions.Count} decision(s) ({decisions.Distinct().Count()} distinct) for {recorded} the run made");
            }
        }

        var versions = (await GetAsync(auditor, "/api/models?name=credit-risk&limit=1000")).EnumerateArray().ToList();
        if (versions.Count != runIds.Count)
        {
            problems.Add($"{versions.Count} model versions registered for {runIds.Count} runs");
        }

        foreach (var environment in new[] { "staging", "production" })
        {
            var history = (await GetAsync(auditor, $"/api/models/credit-risk/environments/{environment}")).GetProperty("history").EnumerateArray()
                .Select(e => e.GetProperty("runId").GetString()).ToList();
            foreach (var runId in runIds.Where(id => history.Count(h => h == id) != 1))
            {
                problems.Add($"{runId}: deployed to {environment} {history.Count(h => h == runId)} times");
            }
        }

        return (problems, transitions);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string uri)
    {
        var response = await http.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement
            : throw new InvalidOperationException($"GET {uri}: {(int)response.StatusCode} {text}");
    }
}
