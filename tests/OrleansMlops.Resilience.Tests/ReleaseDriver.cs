using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// Pushes credit releases forward through whichever host answers, as patient clients would: starts a run that does
/// not exist yet (a start the crash swallowed), signs the open task off as the right person, and shrugs off calls that
/// fail because the process died under them. It never assumes a call it did not see answered took effect.
/// </summary>
public sealed class ReleaseDriver(IReadOnlyList<string> runIds)
{
    public const string ValidationReview = "UserTask_ValidationReview";
    public const string Approval = "UserTask_ApproveModel";

    private static readonly object Parameters = new Dictionary<string, object>
    {
        ["purpose"] = "creditworthiness assessment of retail loan applicants",
        ["riskClass"] = "high",
        ["owner"] = "head-of-retail-credit",
        ["tier"] = "1",
        ["threshold.auc.min"] = 0.70,
        ["threshold.disparity.max"] = 0.10,
    };

    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);

    public IReadOnlyList<string> RunIds => runIds;

    public int CompletedCount
    {
        get
        {
            lock (_completed)
            {
                return _completed.Count;
            }
        }
    }

    public bool AllCompleted
    {
        get
        {
            lock (_completed)
            {
                return _completed.Count == runIds.Count;
            }
        }
    }

    /// <summary>The last status seen per run, for a failing test's message.</summary>
    public Dictionary<string, string> LastSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>One step of every unfinished run, concurrently, against <paramref name="host"/>.</summary>
    public Task StepAsync(HostProcess host) => StepAsync(_ => host);

    /// <summary>One step of every unfinished run, concurrently, each against the host <paramref name="route"/> names for it.</summary>
    public Task StepAsync(Func<string, HostProcess> route) =>
        Task.WhenAll(runIds.Where(id => !IsCompleted(id)).Select(id => StepAsync(route(id), id)));

    private async Task StepAsync(HostProcess host, string runId)
    {
        try
        {
            using var reader = host.Client("audrey");
            var response = await reader.GetAsync($"/api/runs/{runId}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                using var alice = host.Client("alice");
                await alice.PostAsJsonAsync("/api/runs", new { workflowId = "credit-risk", runId, parameters = Parameters });
                return;
            }

            if (!response.IsSuccessStatusCode)
            {
                // A problem while the cluster notices a dead silo (its activations are unreachable until then).
                return;
            }

            var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var status = view.GetProperty("status").GetString()!;
            lock (LastSeen)
            {
                LastSeen[runId] = status;
            }

            if (status == "completed")
            {
                lock (_completed)
                {
                    _completed.Add(runId);
                }

                return;
            }

            var open = view.GetProperty("openTasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()).ToList();
            if (open.Contains(ValidationReview))
            {
                using var vera = host.Client("vera");
                await vera.PostAsJsonAsync($"/api/runs/{runId}/tasks/{ValidationReview}", new { decision = "approve", comment = "reproduced" });
            }
            else if (open.Contains(Approval) && runId == FirstUnfinished())
            {
                using var bob = host.Client("bob");
                await bob.PostAsJsonAsync($"/api/runs/{runId}/tasks/{Approval}", new { decision = "approve", comment = "reviewed" });
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            // The process died under the call, or the cluster is still noticing; the next step asks again.
        }
    }

    private string? FirstUnfinished() => runIds.FirstOrDefault(id => !IsCompleted(id));

    private bool IsCompleted(string runId)
    {
        lock (_completed)
        {
            return _completed.Contains(runId);
        }
    }
}
